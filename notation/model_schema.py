"""What the models' validators check, said for the generated JSON Schema.

Pydantic writes a field's schema from its type; a rule a validator adds (every
area name, a plain status as shorthand, a garment of kind ``other`` that must say
what it covers) is told here, next to nothing else, and attached to the type or
model in ``notation.model``. ``notation.schema`` builds the document.
"""

from __future__ import annotations

from typing import Final, get_args

from pydantic.config import JsonDict

from notation.areas import Status
from notation.json_schema import link

AREA_SCHEMA: Final[JsonDict] = link("area")
"""An area name: one definition in the document, referred to wherever an area is used."""


def facing_schema(directions: tuple[str, ...], slug_pattern: str) -> JsonDict:
    """A placement's ``facing``: a direction or a performer id."""
    return {
        "anyOf": [{"enum": list(directions)}, {"type": "string", "pattern": slug_pattern}],
        "description": "DS, US, SL, SR or a performer id",
    }


def status_or_table(schema: JsonDict) -> None:
    """AreaRule also accepts a bare status (``neck = "no"``), as its validator does."""
    table = dict(schema)
    schema.clear()
    schema["description"] = table.pop("description")
    schema["oneOf"] = [{"enum": list(get_args(Status)), "type": "string"}, table]


def other_must_say(schema: JsonDict) -> None:
    """A garment of kind ``other`` must list what it covers, as its validator checks."""
    schema["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": "other"}}, "required": ["kind"]},
            "then": {"required": ["covers"], "properties": {"covers": {"minItems": 1}}},
        }
    ]
