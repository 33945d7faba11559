"""Immutable pydantic models of score format 1.

Every model is frozen, forbids unknown keys (a typo must never be silently
ignored in a consent record) and hides input values from validation errors, so
no performer's data can reach a traceback or a log. Edits are made with
``model_copy(update=...)``, which gives a new value and keeps undo trivial; a whole
Score changes only through ``Score.replace``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from functools import cached_property
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol, Self, cast

from pydantic import (
    ConfigDict,
    Field,
    PrivateAttr,
    Strict,
    StringConstraints,
    model_validator,
)

from notation.areas import GROIN, Status, leaves_of
from notation.lines import longest_prefix
from notation.model_schema import AREA_SCHEMA, other_must_say, status_or_table

# Every name of the building blocks stays importable from here, as before the split.
from notation.vocabulary import *  # noqa: F403
from notation.vocabulary import (
    DEFAULT_COVERS,
    DIRECTIONS,
    FORMAT,
    SLUG_PATTERN,
    VERSION,
    Action,
    AreaName,
    BarrierKind,
    Condition,
    Day,
    Facing,
    Flag,
    GarmentKind,
    Level,
    LogEvent,
    Medium,
    Model,
    Mouth,
    PositiveInt,
    PositiveNumber,
    Pressure,
    Slug,
    StageArea,
    Text,
)

if TYPE_CHECKING:
    from notation.blocking import InForce


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

    def ids(self, touch_fields: Sequence[Mapping[str, Any]] | None = None) -> set[str]:
        """Every performer id the beat names (``touch_fields``: its touches' ``__dict__``)."""
        fields = self.__dict__  # read once: a pydantic model's attribute reads are slow
        if touch_fields is None:
            touch_fields = list(map(_FIELDS, fields["touches"]))
        found = set(map(_BY, touch_fields))
        found.update(map(_TO, touch_fields))
        for placement in fields["placements"]:
            placed = placement.__dict__
            found.add(placed["who"])
            facing = placed["facing"]
            if facing is not None and facing not in DIRECTIONS:
                found.add(facing)
        for barrier in fields["barriers"]:
            found.update(barrier.between)
        garments = fields["garments"]
        if garments:
            found.update(map(_WHO, garments))
        found.update(fields["bare"])
        agreed = fields["agreed"]
        if agreed is not None:
            found.update(agreed.by)
        return found


_BY, _TO = itemgetter("by"), itemgetter("to")
_WHO, _FIELDS = attrgetter("who"), attrgetter("__dict__")


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


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def repeated_id(performers: Iterable[_HasId]) -> str | None:
    """The first performer id given twice, or None: ids are unique in a score and in a
    production's cast."""
    seen: set[str] = set()
    for performer in performers:
        if performer.id in seen:
            return performer.id
        seen.add(performer.id)
    return None


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
        repeated = repeated_id(self.performers)
        if repeated is not None:
            raise ValueError(f"two performers share the id '{repeated}'; ids are unique")
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
        # Pydantic's private store: ``self._lines`` costs two caught AttributeErrors.
        private = self.__pydantic_private__
        lines: Mapping[tuple[str | int, ...], int] | None = (
            private.get("_lines") if private else None
        )
        return None if lines is None else longest_prefix(lines, path)

    @property
    def source_lines(self) -> Mapping[tuple[str | int, ...], int] | None:
        """Where each table sat in the file this score was read from (None if not read)."""
        return self._lines

    def with_lines(self, lines: Mapping[tuple[str | int, ...], int] | None) -> Score:
        """A copy of this score that knows the file lines of its tables (for the readers).

        Never changes this score: a Score is a value, shared by undo and by threads.
        """
        copied = super().model_copy()
        copied._lines = lines
        return copied

    def replace(
        self, *, lines: Mapping[tuple[str | int, ...], int] | None = None, **changes: Any
    ) -> Score:
        """The one way to change a score: a new Score with ``changes``; this one is untouched.

        Each changed field is validated (a dict becomes a model, a wrong type or a
        repeated performer id is refused). Values that are already models were
        validated when they were made, and pydantic takes an instance as it is, so
        changing one beat of 5,000 costs a pass over the tuple, not a check of every
        beat. File lines are dropped, since moved tables no longer sit where they
        were; a change that moves no table (a performer's record edited in place)
        passes ``lines=score.source_lines`` to keep them.
        """
        # Imported here: the change builds on this module's models.
        from notation.changing import replaced

        return replaced(self, lines, changes)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with ``update``, exactly ``replace(**update)`` (validated, lines dropped),
        so there is one way to change a score whichever name is called."""
        if update:
            return cast(Self, self.replace(**update))
        return super().model_copy(deep=deep)
