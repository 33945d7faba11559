"""The JSON Schema (draft 2020-12) of score format 1, for TOML editors and other tools.

Written out by hand from the format's vocabulary rather than generated from the
pydantic models, so that it can say what the models say in validators: every
body-area name, the slug pattern of ids, the two-person barrier, the garment of
kind ``other`` that must list what it covers. A test keeps its properties in
step with the models' fields. It accepts exactly what loads; findings such as
T502 (counts and seconds both given) are the checker's business, not the schema's.

The same schema ships in the package as ``score-1.schema.json``; saved scores
name it in their first line (``notation.writing.SCHEMA_COMMENT``).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from importlib import resources
from typing import Any, Final

from notation.areas import ALIASES, NODES
from notation.model import (
    ACTIONS,
    BARRIER_KINDS,
    CONDITIONS,
    DIRECTIONS,
    FORMAT,
    GARMENT_KINDS,
    LEVELS,
    MEDIA,
    PRESSURES,
    SLUG_PATTERN,
    STAGE_AREAS,
    VERSION,
)

SCHEMA_FILE: Final = "score-1.schema.json"
SCHEMA_ID: Final = "urn:choreo:schema:score-1"
DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

Json = dict[str, Any]


def _ref(name: str) -> Json:
    return {"$ref": f"#/$defs/{name}"}


def _text(description: str, default: str | None = None, min_length: int = 0) -> Json:
    node: Json = {"type": "string", "description": description}
    if default is not None:
        node["default"] = default
    if min_length:
        node["minLength"] = min_length
    return node


def _flag(description: str) -> Json:
    return {"type": "boolean", "default": False, "description": description}


def _enum(values: tuple[str, ...], description: str, default: str | None = None) -> Json:
    node: Json = {"enum": list(values), "description": description}
    if default is not None:
        node["default"] = default
    return node


def _positive_int(description: str) -> Json:
    return {"type": "integer", "exclusiveMinimum": 0, "description": description}


def _positive_number(description: str) -> Json:
    return {"type": "number", "exclusiveMinimum": 0, "description": description}


def _table(
    description: str, properties: Json, required: tuple[str, ...] = (), **extra: Any
) -> Json:
    node: Json = {
        "type": "object",
        "description": description,
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        node["required"] = list(required)
    node.update(extra)
    return node


def _areas(description: str) -> Json:
    return {"type": "array", "items": _ref("area"), "description": description}


def _date(description: str) -> Json:
    return {"type": "string", "format": "date", "description": description}


def _boundaries(description: str, default: str) -> Json:
    return _table(
        description,
        {
            "recorded": _date("date of the boundary conversation"),
            "default": {**_ref("status"), "default": default},
            "areas": {
                "type": "object",
                "description": "area -> status, or { status, only = [conditions] }",
                "propertyNames": _ref("area"),
                "additionalProperties": _ref("area_rule"),
            },
        },
    )


def _garment(description: str, with_who: bool) -> Json:
    properties: Json = {
        "kind": _enum(GARMENT_KINDS, "kind of modesty garment"),
        "covers": _areas("areas covered; defaults by kind, and `other` must say"),
    }
    required: tuple[str, ...] = ("kind",)
    if with_who:
        properties = {"who": {**_ref("slug"), "description": "who wears it"}, **properties}
        required = ("who", "kind")
    must_say = {
        "if": {"properties": {"kind": {"const": "other"}}, "required": ["kind"]},
        "then": {"required": ["covers"], "properties": {"covers": {"minItems": 1}}},
    }
    return _table(description, properties, required, allOf=[must_say])


def _defs() -> Json:
    areas = [*NODES, *sorted(ALIASES)]
    return {
        "slug": {"type": "string", "pattern": SLUG_PATTERN, "description": "a performer id"},
        "area": {"enum": areas, "description": "a body area: any node of the tree or an alias"},
        "status": {"enum": ["yes", "ask", "no"], "description": "green, yellow (ask), red"},
        "area_rule": {
            "oneOf": [
                _ref("status"),
                _table(
                    "a status with conditions",
                    {
                        "status": _ref("status"),
                        "only": {
                            "type": "array",
                            "items": {"enum": list(CONDITIONS)},
                            "description": "conditions the touch must meet",
                        },
                    },
                    ("status",),
                ),
            ]
        },
        "boundaries": _boundaries("where this performer may be touched", "ask"),
        "will_touch": _boundaries("which areas of others this performer will touch", "yes"),
        "rider": _table(
            "nudity / simulated-sex agreement",
            {
                "signed": _date("date the rider was signed"),
                "may_expose": _areas("areas that may be bare"),
                "simulated_sex": _flag("simulated sex is agreed"),
            },
        ),
        "garment": _garment("a modesty garment worn for the whole scene", with_who=False),
        "beat_garment": _garment("a garment worn in this beat only", with_who=True),
        "performer": _performer(),
        "timing": _table(
            "how long the beat lasts: counts or seconds (not both: T502)",
            {
                "counts": _positive_int("counts at the tempo"),
                "seconds": _positive_number("seconds"),
                "tempo": _positive_number("counts per minute, overriding the scene's"),
                "cue": _text("what starts the beat", ""),
            },
        ),
        "touch": _touch(),
        "placement": _table(
            "where a performer is during the beat",
            {
                "who": _ref("slug"),
                "area": _enum(STAGE_AREAS, "stage area (downstage is toward the camera)"),
                "level": _enum(LEVELS, "level", "standing"),
                "facing": {
                    "anyOf": [{"enum": list(DIRECTIONS)}, _ref("slug")],
                    "description": "DS, US, SL, SR or a performer id",
                },
                "on": _text("set piece", ""),
            },
            ("who", "area"),
        ),
        "barrier": _table(
            "a physical barrier between two performers",
            {
                "kind": _enum(BARRIER_KINDS, "kind of barrier"),
                "between": {
                    "type": "array",
                    "items": _ref("slug"),
                    "minItems": 2,
                    "maxItems": 2,
                    "uniqueItems": True,
                    "description": "the two performers it separates",
                },
                "at": {**_ref("area"), "default": "pelvis"},
            },
            ("kind", "between"),
        ),
        "agreed": _table(
            "who agreed the beat, when, and the digest of what they agreed",
            {
                "by": {"type": "array", "items": _ref("slug")},
                "on": _date("date of the agreement"),
                "digest": _text("written by Choreo; do not edit"),
            },
        ),
        "beat": _beat(),
        "log_entry": _table(
            "one line of the rehearsal log (private; appended by the app)",
            {
                "at": {"type": "string", "format": "date-time", "description": "with offset"},
                "event": {"enum": ["checkin", "hold", "closure", "boundary_change", "agreed"]},
                "beat": _positive_int("1-based beat number"),
                "who": {"type": "array", "items": _ref("slug")},
                "note": _text("private: never shared", ""),
            },
            ("at", "event"),
        ),
        "scene": _scene(),
    }


def _performer() -> Json:
    return _table(
        "a performer in the scene",
        {
            "id": _ref("slug"),
            "name": _text("performer's name", min_length=1),
            "character": _text("role", ""),
            "minor": _flag("the performer is a minor"),
            "guardian": _text("guardian present for a minor", ""),
            "private_notes": _text("never shared", ""),
            "boundaries": _ref("boundaries"),
            "will_touch": _ref("will_touch"),
            "rider": _ref("rider"),
            "garments": {"type": "array", "items": _ref("garment")},
        },
        ("id", "name"),
    )


def _touch() -> Json:
    return _table(
        "one contact: by's `with` on to's `on`",
        {
            "by": _ref("slug"),
            "with": {**_ref("area"), "default": "hand"},
            "to": _ref("slug"),
            "on": _ref("area"),
            "action": _enum(ACTIONS, "how", "hold"),
            "pressure": _enum(PRESSURES, "pressure", "light"),
            "over_clothing": _flag("over clothing"),
            "mouth": _enum(("closed", "open"), "kisses: closed or open mouth"),
            "tongue": _flag("kisses: tongue"),
            "counts": _positive_int("how long the contact lasts"),
            "start": {
                **_positive_int("the count of its beat on which the contact begins"),
                "default": 1,
            },
        },
        ("by", "to", "on"),
    )


def _beat() -> Json:
    return _table(
        "one beat, in performance order",
        {
            "title": _text("short label", ""),
            "notes": _text("shareable notes", ""),
            "private_notes": _text("never shared", ""),
            "simulated": _flag("the beat is simulated sex"),
            "placeholder": _flag("choreography not final yet"),
            "timing": _ref("timing"),
            "touches": {"type": "array", "items": _ref("touch")},
            "placements": {"type": "array", "items": _ref("placement")},
            "barriers": {"type": "array", "items": _ref("barrier")},
            "garments": {"type": "array", "items": _ref("beat_garment")},
            "bare": {
                "type": "object",
                "description": "performer id -> areas bare in this beat",
                "propertyNames": _ref("slug"),
                "additionalProperties": _areas("areas bare"),
            },
            "agreed": _ref("agreed"),
        },
    )


def _scene() -> Json:
    return _table(
        "the scene header",
        {
            "title": _text('e.g. "Act 2, Scene 3: the orchard"', min_length=1),
            "production": _text("production", ""),
            "medium": _enum(MEDIA, "theatre, film or tv", "theatre"),
            "self_care_cue": _text("the word anyone says to stop at once (C402 if empty)", ""),
            "closed_set": _flag("only essential crew present"),
            "tempo": {**_positive_number("counts per minute"), "default": 60},
            "coordinator": _text("intimacy coordinator or director", ""),
            "director": _text("director", ""),
            "notes": _text("shareable notes", ""),
            "private_notes": _text("never leaves the coordinator's file", ""),
        },
        ("title",),
    )


def build_schema() -> Json:
    """The JSON Schema of score format 1 as a dict."""
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "Choreo scene score, format 1",
        "description": "One scene: its performers with their boundaries and riders, its "
        "beats, and the rehearsal log. See the format's contract for the meaning of each key.",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT, "description": "always the first key"},
            "version": {"const": VERSION, "description": "format version"},
            "scene": _ref("scene"),
            "performers": {"type": "array", "items": _ref("performer")},
            "beats": {"type": "array", "items": _ref("beat")},
            "log": {"type": "array", "items": _ref("log_entry")},
        },
        "required": ["format", "version", "scene"],
        "additionalProperties": False,
        "$defs": _defs(),
    }


def schema_text() -> str:
    """The schema as the JSON text that ships in the package (stable, ends in a newline)."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


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
