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
from importlib import resources
from pathlib import Path
from typing import Final

from notation.json_schema import Json, as_text, document
from notation.private_write import SaveError, write_private
from notation.production.model import Production, SceneLayer
from notation.production.writing import LAYER_SCHEMA_FILE, PRODUCTION_SCHEMA_FILE
from notation.schema import AREA, NOTES

KINDS: Final = ("score", "production", "production-score")
"""What ``choreo schema --kind`` can print."""


def _build(model: type[Production] | type[SceneLayer], name: str, title: str, about: str) -> Json:
    # The same generator, area definition and key notes as the score schema, so the
    # three documents describe the tables they share (beat, touch...) the same way.
    bare = document(model, schema_id="", title="", description="", extra_defs={"area": AREA})
    tables = set(bare["$defs"])
    return document(
        model,
        schema_id=f"urn:choreo:schema:{name.removesuffix('.schema.json')}",
        title=title,
        description=about,
        required=("format", "version"),
        extra_defs={"area": AREA},
        notes={table: keys for table, keys in NOTES.items() if table in tables},
    )


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
    return as_text(schema)


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
