"""The building blocks of score format 1: value types, the fixed lists, their defaults,
and the base every model shares (frozen, strict about keys, silent about values).

The models themselves are in ``notation.model``, which re-exports every name here, so
code importing them from there keeps working.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Annotated, Any, Final, Literal, Self, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    WithJsonSchema,
)

from notation.areas import AREA_NAMES, suggest
from notation.model_schema import AREA_SCHEMA, facing_schema

__all__ = [
    "ACTIONS",
    "BARRIER_KINDS",
    "CONDITIONS",
    "DEFAULT_COVERS",
    "DIRECTIONS",
    "FORMAT",
    "GARMENT_KINDS",
    "LEVELS",
    "MEDIA",
    "PRESSURES",
    "SLUG_PATTERN",
    "STAGE_AREAS",
    "VERSION",
    "Action",
    "AreaName",
    "BarrierKind",
    "Condition",
    "Day",
    "Direction",
    "Facing",
    "Flag",
    "GarmentKind",
    "Level",
    "LogEvent",
    "Medium",
    "Model",
    "Mouth",
    "PositiveInt",
    "PositiveNumber",
    "Pressure",
    "Slug",
    "StageArea",
    "Text",
]

FORMAT: Final = "choreo-score"
VERSION: Final = 1

SLUG_PATTERN = r"^[a-z][a-z0-9_-]*$"


def _check_area(name: str) -> str:
    if name not in AREA_NAMES:
        hint = suggest(name, AREA_NAMES)
        tip = f"; did you mean '{hint}'?" if hint else "; see the body-area tree in the README"
        raise ValueError(f"not a body area{tip}")
    return name


def _check_finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


Text = Annotated[str, Strict()]
Flag = Annotated[bool, Strict()]
Slug = Annotated[str, Strict(), StringConstraints(pattern=SLUG_PATTERN)]
AreaName = Annotated[str, Strict(), AfterValidator(_check_area), WithJsonSchema(AREA_SCHEMA)]
PositiveInt = Annotated[int, Strict(), Field(gt=0)]
PositiveNumber = Annotated[float, Strict(), Field(gt=0), AfterValidator(_check_finite)]
Day = Annotated[date, Strict()]

Medium = Literal["theatre", "film", "tv"]
Condition = Literal["over_clothing", "light", "closed_mouth", "hands_only"]
StageArea = Literal["USL", "USC", "USR", "CSL", "CS", "CSR", "DSL", "DSC", "DSR", "off"]
Level = Literal["standing", "kneeling", "seated", "lying", "lifted"]
Direction = Literal["DS", "US", "SL", "SR"]
Action = Literal[
    "placeholder", "hold", "press", "caress", "brush", "embrace", "kiss", "lean", "lift", "grip"
]
Pressure = Literal["light", "muscle", "firm"]
Mouth = Literal["closed", "open"]
GarmentKind = Literal[
    "strapless_thong",
    "modesty_pouch",
    "merkin",
    "pasties",
    "nipple_covers",
    "skin_tone_underwear",
    "shapewear",
    "bodysuit",
    "other",
]
BarrierKind = Literal["pillow", "bolster", "foam_pad", "yoga_block", "yoga_mat", "blanket", "other"]
LogEvent = Literal["checkin", "hold", "closure", "boundary_change", "agreed"]

STAGE_AREAS: tuple[str, ...] = get_args(StageArea)
LEVELS: tuple[str, ...] = get_args(Level)
DIRECTIONS: tuple[str, ...] = get_args(Direction)
ACTIONS: tuple[str, ...] = get_args(Action)
PRESSURES: tuple[str, ...] = get_args(Pressure)
CONDITIONS: tuple[str, ...] = get_args(Condition)
GARMENT_KINDS: tuple[str, ...] = get_args(GarmentKind)
BARRIER_KINDS: tuple[str, ...] = get_args(BarrierKind)
MEDIA: tuple[str, ...] = get_args(Medium)

DEFAULT_COVERS: dict[str, tuple[str, ...]] = {
    "strapless_thong": ("groin",),
    "modesty_pouch": ("groin",),
    "merkin": ("groin",),
    "pasties": ("chest",),
    "nipple_covers": ("chest",),
    "skin_tone_underwear": ("groin", "buttocks"),
    "shapewear": ("abdomen", "pelvis"),
    "bodysuit": ("torso", "pelvis"),
    "other": (),
}


def _check_facing(value: str) -> str:
    if value in DIRECTIONS or re.match(SLUG_PATTERN, value):
        return value
    raise ValueError("must be DS, US, SL, SR or a performer id")


Facing = Annotated[
    str,
    Strict(),
    AfterValidator(_check_facing),
    WithJsonSchema(facing_schema(DIRECTIONS, SLUG_PATTERN)),
]


class Model(BaseModel):
    """Base of every format-1 model: frozen, strict about keys, silent about values."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        hide_input_in_errors=True,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
    )

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with ``update`` applied; values cached from the old fields are dropped."""
        copied = super().model_copy(update=update, deep=deep)
        if update:
            forget_derived(copied)
        return copied


@cache
def _field_names(model: type[BaseModel]) -> frozenset[str]:
    # pydantic's ``model_fields`` is a descriptor: slow where it is asked per copy.
    return frozenset(model.model_fields)


def forget_derived(model: BaseModel) -> None:
    """Drop what a copy kept of values worked out from its original's fields.

    ``cached_property`` values live in ``__dict__`` beside the fields and pydantic
    copies them, so a copy with new fields would answer from the old ones.
    """
    values = model.__dict__
    for name in [key for key in values if key not in _field_names(type(model))]:
        del values[name]
