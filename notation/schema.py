"""The JSON Schema (draft 2020-12) of score format 1, for TOML editors and other tools.

Generated from the pydantic models (``notation.json_schema.document``), so it
accepts exactly what loads and cannot drift from it. What the models check in
validators is said beside the type in ``notation.model``: every body-area name,
the slug pattern of ids, the two-person barrier, the garment of kind ``other``
that must list what it covers. Findings such as T502 (counts and seconds both
given) are the checker's business, not the schema's.

The same schema ships in the package as ``score-1.schema.json`` (and beside the
samples); saved scores name it in their first line
(``notation.writing.SCHEMA_COMMENT``). A test regenerates it and compares the
whole document.
"""

from __future__ import annotations

from datetime import date, datetime, time
from importlib import resources
from typing import Any, Final

from notation.areas import ALIASES, NODES
from notation.json_schema import DRAFT, Json, as_text, document
from notation.model import Score

__all__ = ["DRAFT", "SCHEMA_FILE", "SCHEMA_ID", "build_schema", "schema_text"]

SCHEMA_FILE: Final = "score-1.schema.json"
SCHEMA_ID: Final = "urn:choreo:schema:score-1"

AREA: Final[Json] = {
    "enum": [*NODES, *sorted(ALIASES)],
    "description": "a body area: any node of the tree or an alias (all the leaves under it)",
}

# Words for editors that show a description beside a key; the models' docstrings
# describe each table.
NOTES: Final[dict[str, dict[str, str]]] = {
    "top": {
        "format": "always the first key",
        "version": "format version; a higher one is refused, a lower one migrated",
    },
    "scene": {
        "title": 'e.g. "Act 2, Scene 3: the orchard"',
        "medium": "theatre, film or tv",
        "self_care_cue": "the word anyone says to stop at once (C402 if empty)",
        "closed_set": "only essential crew present",
        "tempo": "counts per minute, for beats timed in counts",
        "coordinator": "intimacy coordinator or director",
        "notes": "shareable notes",
        "private_notes": "never leaves the coordinator's file",
    },
    "performer": {
        "id": "a slug used everywhere else in the score",
        "character": "role",
        "guardian": "the guardian present for a minor (C403 if missing)",
        "private_notes": "never shared",
        "will_touch": "which areas of others this performer will touch (default yes)",
        "garments": "modesty garments worn for the whole scene",
    },
    "boundaries": {
        "recorded": "date of the boundary conversation",
        "default": "status of any area not listed",
        "areas": "area -> status, or { status, only = [conditions] }",
    },
    "rider": {"may_expose": "areas that may be bare", "simulated_sex": "simulated sex is agreed"},
    "garment": {"covers": "areas covered; defaults by kind, and `other` must say"},
    "beat_garment": {"who": "who wears it, in this beat only"},
    "beat": {
        "title": "short label",
        "notes": "shareable: story, emotional beat, line of text",
        "private_notes": "never shared",
        "simulated": "the beat is simulated sex",
        "placeholder": "choreography not final yet",
        "bare": "performer id -> areas bare (nude) in this beat",
    },
    "timing": {
        "counts": "counts at the tempo (not with seconds: T502)",
        "tempo": "counts per minute, overriding the scene's",
        "cue": "what starts the beat",
    },
    "touch": {
        "by": "who touches",
        "with": "the contact surface on `by`",
        "to": "who is touched",
        "on": "the area touched on `to`",
        "mouth": "kisses: closed or open mouth",
        "tongue": "kisses: tongue",
        "counts": "how long the contact lasts",
        "start": "the count of its beat on which the contact begins (T506 past its end)",
    },
    "placement": {
        "area": "stage area; for film and TV downstage is toward the camera",
        "on": "set piece",
    },
    "barrier": {"between": "the two performers it separates", "at": "where it sits"},
    "agreed": {"digest": "written by Choreo; do not edit"},
    "log_entry": {"at": "date and time with a UTC offset", "note": "private: never shared"},
}


def build_schema() -> Json:
    """The JSON Schema of score format 1 as a dict, generated from ``Score``."""
    return document(
        Score,
        schema_id=SCHEMA_ID,
        title="Choreo scene score, format 1",
        description="One scene: its performers with their boundaries and riders, its "
        "beats, and the rehearsal log. See docs/format.md for the meaning of each key.",
        required=("format", "version"),
        extra_defs={"area": AREA},
        notes=NOTES,
    )


def schema_text() -> str:
    """The schema as the JSON text that ships in the package (stable, ends in a newline)."""
    return as_text(build_schema())


def shipped_schema_text() -> str:
    """The schema file installed with the package."""
    return resources.files("notation").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def as_json_data(value: Any) -> Any:
    """TOML data as JSON data: dates and times become ISO strings, as TOML editors see them."""
    if isinstance(value, dict):
        return {key: as_json_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_json_data(item) for item in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value
