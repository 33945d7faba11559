"""Immutable pydantic models of score format 1.

Every model is frozen, forbids unknown keys (a typo must never be silently
ignored in a consent record) and hides input values from validation errors, so
no performer's data can reach a traceback or a log. Edits are made with
``model_copy(update=...)``, which gives a new value and keeps undo trivial.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, Self, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    Strict,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from notation.areas import AREA_NAMES, GROIN, Status, leaves_of, suggest
from notation.model_schema import AREA_SCHEMA, facing_schema, other_must_say, status_or_table

if TYPE_CHECKING:
    from notation.blocking import InForce

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
            # cached_property values live in __dict__ beside the fields; pydantic copies
            # them, so a copy with new fields would answer from the old ones.
            for name in [k for k in copied.__dict__ if k not in type(self).model_fields]:
                del copied.__dict__[name]
        return copied


class AreaRule(Model):
    """One area's entry in a boundaries table: a status and optional conditions."""

    model_config = ConfigDict(json_schema_extra=status_or_table)

    status: Status
    only: tuple[Condition, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _from_plain_status(cls, data: Any) -> Any:
        # `neck = "no"` is shorthand for `neck = { status = "no" }`.
        if isinstance(data, str):
            return {"status": data}
        return data


class Boundaries(Model):
    """Where a performer may be touched: a dated traffic-light map of areas."""

    recorded: Day | None = None
    default: Status = "ask"
    areas: dict[AreaName, AreaRule] = Field(
        default_factory=dict, json_schema_extra={"propertyNames": AREA_SCHEMA}
    )


class WillTouch(Boundaries):
    """Which areas of a partner a performer is willing to touch (default: yes)."""

    default: Status = "yes"


class Rider(Model):
    """A performer's nudity rider: what may be shown and whether simulated sex is agreed."""

    signed: Day | None = None
    may_expose: tuple[AreaName, ...] = ()
    simulated_sex: Flag = False

    @cached_property
    def exposable(self) -> frozenset[str]:
        """Every leaf the rider agrees may be bare."""
        return frozenset().union(*(leaves_of(area) for area in self.may_expose))


class Garment(Model):
    """A modesty garment worn by one performer (never shared)."""

    model_config = ConfigDict(json_schema_extra=other_must_say)

    kind: GarmentKind
    covers: tuple[AreaName, ...] = ()

    @model_validator(mode="after")
    def _other_must_say(self) -> Garment:
        if self.kind == "other" and not self.covers:
            raise ValueError("a garment of kind 'other' must list the areas it `covers`")
        return self

    @property
    def covered(self) -> tuple[str, ...]:
        """The areas covered: the explicit list, else the kind's defaults."""
        return self.covers or DEFAULT_COVERS[self.kind]

    @property
    def covers_groin(self) -> bool:
        """Whether the garment covers the genitals."""
        return any(GROIN in leaves_of(area) for area in self.covered)


class BeatGarment(Garment):
    """A garment worn in one beat only, by the performer named in ``who``."""

    who: Slug


class Performer(Model):
    """A performer in the scene, with their boundaries, rider and garments."""

    id: Slug
    name: Annotated[str, Strict(), StringConstraints(min_length=1)]
    character: Text = ""
    minor: Flag = False
    guardian: Text = ""
    private_notes: Text = ""
    boundaries: Boundaries | None = None
    will_touch: WillTouch | None = None
    rider: Rider | None = None
    garments: tuple[Garment, ...] = ()


class Timing(Model):
    """How long a beat lasts: counts at a tempo, or seconds; and its cue."""

    counts: PositiveInt | None = None
    seconds: PositiveNumber | None = None
    tempo: PositiveNumber | None = None
    cue: Text = ""


class Touch(Model):
    """One contact: ``by``'s ``with`` surface on ``to``'s ``on`` area."""

    by: Slug
    with_: AreaName = Field("hand", alias="with")
    to: Slug
    on: AreaName
    action: Action = "hold"
    pressure: Pressure = "light"
    over_clothing: Flag = False
    mouth: Mouth | None = None
    tongue: Flag = False
    counts: PositiveInt | None = None
    start: PositiveInt = 1
    """The count of its beat on which the contact begins."""


class Placement(Model):
    """Where a performer is during a beat: stage area, level, facing, set piece."""

    who: Slug
    area: StageArea
    level: Level = "standing"
    facing: Facing | None = None
    on: Text = ""


class Barrier(Model):
    """A physical barrier between two performers (pillow, bolster, pad...)."""

    kind: BarrierKind
    between: Annotated[tuple[Slug, Slug], Field(json_schema_extra={"uniqueItems": True})]
    at: AreaName = "pelvis"

    @model_validator(mode="after")
    def _two_people(self) -> Barrier:
        if self.between[0] == self.between[1]:
            raise ValueError("a barrier is `between` two different performers")
        return self


class Agreed(Model):
    """Who agreed a beat, when, and the digest of the choreography they agreed."""

    by: tuple[Slug, ...] = ()
    on: Day | None = None
    digest: Text = ""


class Beat(Model):
    """One beat of choreography, in performance order."""

    title: Text = ""
    notes: Text = ""
    private_notes: Text = ""
    simulated: Flag = False
    placeholder: Flag = False
    timing: Timing | None = None
    touches: tuple[Touch, ...] = ()
    placements: tuple[Placement, ...] = ()
    barriers: tuple[Barrier, ...] = ()
    garments: tuple[BeatGarment, ...] = ()
    bare: dict[Slug, tuple[AreaName, ...]] = Field(
        default_factory=dict, json_schema_extra={"propertyNames": {"pattern": SLUG_PATTERN}}
    )
    agreed: Agreed | None = None

    def ids(self) -> set[str]:
        """Every performer id this beat names anywhere."""
        found = {who for touch in self.touches for who in (touch.by, touch.to)}
        for placement in self.placements:
            found.add(placement.who)
            facing = placement.facing
            if facing is not None and facing not in DIRECTIONS:
                found.add(facing)
        for barrier in self.barriers:
            found.update(barrier.between)
        for garment in self.garments:
            found.add(garment.who)
        found.update(self.bare)
        if self.agreed is not None:
            found.update(self.agreed.by)
        return found


class LogEntry(Model):
    """One line of the rehearsal log: appended by the app, never rewritten."""

    at: Annotated[datetime, Strict()]
    event: LogEvent
    beat: PositiveInt | None = None
    who: tuple[Slug, ...] = ()
    note: Text = ""

    @model_validator(mode="after")
    def _offset(self) -> LogEntry:
        if self.at.tzinfo is None:
            raise ValueError("`at` needs a UTC offset, e.g. 2026-11-27T19:30:00+00:00")
        return self


class Scene(Model):
    """The scene header: title, production, medium and protocol settings."""

    title: Annotated[str, Strict(), StringConstraints(min_length=1)]
    production: Text = ""
    medium: Medium = "theatre"
    self_care_cue: Text = ""
    closed_set: Flag = False
    tempo: PositiveNumber = 60.0
    coordinator: Text = ""
    director: Text = ""
    notes: Text = ""
    private_notes: Text = ""


class Score(Model):
    """A whole scene score: scene, performers, beats and rehearsal log."""

    format: Literal["choreo-score"] = FORMAT
    version: Literal[1] = VERSION
    scene: Scene
    performers: tuple[Performer, ...] = ()
    beats: tuple[Beat, ...] = ()
    log: tuple[LogEntry, ...] = ()

    # Where each table sat in the file it was read from; not part of the value.
    _lines: Mapping[tuple[str | int, ...], int] | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _unique_ids(self) -> Score:
        seen: set[str] = set()
        for performer in self.performers:
            if performer.id in seen:
                raise ValueError(f"two performers share the id '{performer.id}'; ids are unique")
            seen.add(performer.id)
        return self

    def __eq__(self, other: object) -> bool:
        # Source lines are where a value came from, not part of it.
        if not isinstance(other, Score):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]

    @cached_property
    def by_id(self) -> dict[str, Performer]:
        """Performers by id."""
        return {performer.id: performer for performer in self.performers}

    @cached_property
    def blocking(self) -> list[tuple[InForce, ...]]:
        """The placements in force in each beat (``notation.blocking``), worked out once."""
        # Imported here: blocking builds on this module's models.
        from notation.blocking import every_beat

        return every_beat(self)

    def name_of(self, performer_id: str) -> str:
        """A performer's name, or their id in quotes if no performer has it."""
        performer = self.by_id.get(performer_id)
        return performer.name if performer else f"'{performer_id}'"

    def line_of(self, *path: str | int) -> int | None:
        """The file line of the table at ``path`` (longest known prefix), if read from a file."""
        lines = self._lines
        if lines is None:
            return None
        key: tuple[str | int, ...] = path
        while key:
            # One lookup per prefix (line numbers are never None).
            line = lines.get(key)
            if line is not None:
                return line
            key = key[:-1]
        return None

    def with_lines(self, lines: Mapping[tuple[str | int, ...], int] | None) -> Score:
        """This score, remembering the file lines of its tables."""
        self._lines = lines
        return self

    def replace(self, **changes: Any) -> Score:
        """A copy with fields changed and validated; file lines are dropped."""
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data.update(changes)
        return Score.model_validate(data)
