"""JSON Schemas for ``production.toml`` and for a score inside a production.

Generated from the pydantic models (``model_json_schema``), so they cannot drift
from what loads. Both ship in the package beside ``score-1.schema.json``, and
the files Choreo writes name them in their first line, as scores do:
``production.toml`` names ``production-1.schema.json``; a production score
names ``production-score-1.schema.json`` (its ``[[performers]]`` entries are
partial, which the score schema would refuse).
"""

from __future__ import annotations

import contextlib
import json
from importlib import resources
from pathlib import Path
from typing import Any, Final

from notation.areas import ALIASES, NODES
from notation.model import SLUG_PATTERN
from notation.production.model import Production, SceneLayer
from notation.production.writing import LAYER_SCHEMA_FILE, PRODUCTION_SCHEMA_FILE
from notation.schema import DRAFT
from notation.writing import SaveError, write_private

Json = dict[str, Any]

KINDS: Final = ("score", "production", "production-score")
"""What ``choreo schema --kind`` can print."""

_AREAS = sorted(set(NODES) | set(ALIASES))


_AREA = {"enum": _AREAS}
_STATUS = {"enum": ["yes", "ask", "no"]}
_AREA_FIELDS: dict[str, tuple[str, ...]] = {
    "Touch": ("with", "on"),
    "Barrier": ("at",),
    "Garment": ("covers",),
    "BeatGarment": ("covers",),
    "Rider": ("may_expose",),
}
_TABLES = ("Boundaries", "WillTouch", "BoundariesLayer")


def _areas(defs: Json) -> None:
    """Name the body areas where the models take one: pydantic cannot see the validator."""
    for model, fields in _AREA_FIELDS.items():
        for name in fields:
            node = defs.get(model, {}).get("properties", {}).get(name)
            if node is None:
                continue
            if node.get("type") == "array":
                node["items"] = _AREA
            else:
                node.update(_AREA)
    for model in _TABLES:
        areas = defs.get(model, {}).get("properties", {}).get("areas")
        if areas is not None:
            areas["propertyNames"] = _AREA
            # `neck = "no"` is shorthand for `neck = { status = "no" }`.
            areas["additionalProperties"] = {"anyOf": [_STATUS, {"$ref": "#/$defs/AreaRule"}]}
    bare = defs.get("Beat", {}).get("properties", {}).get("bare")
    if bare is not None:
        bare["patternProperties"] = {SLUG_PATTERN: {"type": "array", "items": _AREA}}
        bare["additionalProperties"] = False


def _build(model: type[Production] | type[SceneLayer], name: str, title: str, about: str) -> Json:
    body = model.model_json_schema(by_alias=True, mode="validation")
    _areas(body.get("$defs", {}))
    return {
        "$schema": DRAFT,
        "$id": f"urn:choreo:schema:{name.removesuffix('.schema.json')}",
        **{k: v for k, v in body.items() if k not in ("title", "description")},
        "title": title,
        "description": about,
    }


def production_schema() -> Json:
    """The JSON Schema of ``production.toml``, format 1."""
    return _build(
        Production,
        PRODUCTION_SCHEMA_FILE,
        "Choreo production, format 1",
        "A production's title and scene defaults, its cast (the same table as a score's "
        "performers) and the production-wide log.",
    )


def layer_schema() -> Json:
    """The JSON Schema of a score inside a production (partial performer entries)."""
    return _build(
        SceneLayer,
        LAYER_SCHEMA_FILE,
        "Choreo scene score inside a production, format 1",
        "A scene of a production: what this scene sets. Performer entries hold only what "
        "differs from the production's cast.",
    )


def text_of(schema: Json) -> str:
    """A schema as the JSON text that ships (stable, ends in a newline)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def shipped(name: str) -> str:
    """A schema file installed with the package."""
    return resources.files("notation").joinpath(name).read_text(encoding="utf-8")


def ensure_beside(target: Path, name: str) -> None:
    """Write schema ``name`` beside ``target`` if it is missing, so its ``#:schema`` line holds.

    An existing file is left alone (``choreo schema --kind ... --force`` refreshes it).
    A schema that cannot be written is no reason to fail a save: the file is still valid.
    """
    beside = target.parent / name
    if beside.exists():
        return
    schema = production_schema() if name == PRODUCTION_SCHEMA_FILE else layer_schema()
    with contextlib.suppress(SaveError):
        write_private(beside, text_of(schema))
