"""JSON Schema (draft 2020-12) documents generated from pydantic models, for TOML files.

Every format Choreo reads (a scene score, and any other file format that follows
it) gets its schema from its models through ``document``, so the schema cannot
drift from what loads. Pydantic writes what the field types say; what a model
says only in a validator is added beside the type it concerns, with
``WithJsonSchema`` or ``json_schema_extra`` in the model module. This module
adapts pydantic's output to TOML: TOML has no null, so an optional key is simply
absent (never ``null``); definitions are named in snake_case (``log_entry``), as
the format's tables are; and per-field titles, which only repeat the key, are
left out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Final

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

Json = dict[str, Any]


LINK: Final = "x-choreo-def"
"""Marks a place that ``document`` turns into a reference to one of its extra definitions.

Pydantic resolves every ``$ref`` it meets against its own definitions, so a type
that refers to a definition of the document (``WithJsonSchema(link("area"))``)
says so with this key instead; ``document`` writes the ``$ref``.
"""


def link(name: str) -> Json:
    """The schema of a type that is the document's extra definition ``name``."""
    return {LINK: name}


def _linked(node: Any) -> Any:
    if isinstance(node, list):
        return [_linked(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _linked(value) for key, value in node.items() if key != LINK}
    if LINK in node:
        out = {"$ref": f"#/$defs/{node[LINK]}", **out}
    return out


def snake(name: str) -> str:
    """``LogEntry`` -> ``log_entry``: definitions named like the format's tables."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


class TomlSchema(GenerateJsonSchema):
    """Pydantic's generator, adapted to TOML data: no nulls, snake_case definitions."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        """``X | None`` is ``X``: TOML has no null, an absent key means None."""
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        """A default of None is no default at all (the key is simply left out)."""
        if schema.get("default", ...) is None:
            return self.generate_inner(schema["schema"])
        return super().default_schema(schema)

    def field_title_should_be_set(self, schema: Any) -> bool:
        """Never: a field's title would only repeat its key."""
        return False

    def normalize_name(self, name: str) -> str:
        """Definition names in snake_case."""
        return snake(super().normalize_name(name))


def document(
    model: type[BaseModel],
    *,
    schema_id: str,
    title: str,
    description: str,
    required: tuple[str, ...] = (),
    extra_defs: Mapping[str, Json] | None = None,
    notes: Mapping[str, Mapping[str, str]] | None = None,
) -> Json:
    """The whole schema document of a file whose top-level table is ``model``.

    ``required`` adds keys that the file must spell out even where the model has a
    default (``format``, ``version``); ``extra_defs`` are definitions the models'
    ``WithJsonSchema`` annotations refer to (``ref(name)``); ``notes`` add a
    description to fields, by definition and key (``"top"`` for the top level),
    for editors that show them. A note for a field that does not exist raises
    KeyError, so the notes cannot drift from the models either.
    """
    generated = _linked(model.model_json_schema(schema_generator=TomlSchema, mode="validation"))
    defs: Json = {**generated.pop("$defs", {}), **(extra_defs or {})}
    missing = {name for name in _links(generated) if name not in defs}
    if missing:
        raise KeyError(f"no definition for {sorted(missing)}: pass it in extra_defs")
    top = {key: value for key, value in generated.items() if key not in ("title", "description")}
    if required:
        top["required"] = [*required, *(k for k in top.get("required", ()) if k not in required)]
    for table, fields in (notes or {}).items():
        properties = (top if table == "top" else defs[table])["properties"]
        for key, note in fields.items():
            properties[key] = _described(properties[key], note)
    return {
        "$schema": DRAFT,
        "$id": schema_id,
        "title": title,
        "description": description,
        **top,
        "$defs": dict(sorted(defs.items())),
    }


def _links(node: Any) -> set[str]:
    if isinstance(node, list):
        return set().union(*(_links(item) for item in node))
    if not isinstance(node, dict):
        return set()
    found = set().union(*(_links(value) for value in node.values()))
    target = node.get("$ref", "")
    if isinstance(target, str) and target.startswith("#/$defs/"):
        found.add(target.removeprefix("#/$defs/"))
    return found


def _described(node: Json, note: str) -> Json:
    # "description" goes after "$ref" and the type, where a reader looks for it.
    return {**{k: v for k, v in node.items() if k != "description"}, "description": note}


def as_text(schema: Json) -> str:
    """A schema as the JSON text that ships (stable key order, ends in a newline)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
