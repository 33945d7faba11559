"""The models of a production: ``production.toml`` and the layer a production score holds.

``Production`` is the file ``production.toml``: the production's title and the
defaults for its scenes, the cast (the same ``Performer`` table as a score), and
the production-wide log. ``SceneLayer`` is what a score inside a production sets:
its ``[scene]`` keys, partial ``[[performers]]`` entries (``PerformerLayer``: only
``id`` is required; a key left out means "as in the cast"), its beats and log.
Both follow the score models' rules: frozen, unknown keys refused, input values
never put in validation errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Annotated, Any, Final, Literal

from pydantic import Field, PrivateAttr, Strict, StringConstraints, model_validator

from notation.areas import Status
from notation.model import (
    FORMAT,
    VERSION,
    AreaName,
    AreaRule,
    Beat,
    Day,
    Flag,
    Garment,
    LogEntry,
    Medium,
    Model,
    Performer,
    PositiveNumber,
    Rider,
    Slug,
    Text,
    repeated_id,
)

PRODUCTION_FORMAT: Final = "choreo-production"
PRODUCTION_FILE: Final = "production.toml"
"""The name of a production's file, at the root of its folder."""

Name = Annotated[str, Strict(), StringConstraints(min_length=1)]
Lines = Mapping[tuple[str | int, ...], int]


class ProductionInfo(Model):
    """``[production]``: the title and the defaults every scene of the production takes."""

    title: Name
    medium: Medium = "theatre"
    closed_set: Flag = False
    self_care_cue: Text = ""
    tempo: PositiveNumber = 60.0
    coordinator: Text = ""
    director: Text = ""
    notes: Text = ""
    private_notes: Text = ""


def _unique(performers: tuple[Any, ...]) -> None:
    repeated = repeated_id(performers)
    if repeated is not None:
        raise ValueError(f"two performers share the id '{repeated}'; ids are unique")


class _WithLines(Model):
    # Where each table sat in the file it was read from; not part of the value.
    _lines: Lines | None = PrivateAttr(default=None)

    def line_of(self, *path: str | int) -> int | None:
        """The file line of the table at ``path`` (longest known prefix), if read from a file."""
        lines = self._lines
        key: tuple[str | int, ...] = path
        while lines is not None and key:
            line = lines.get(key)
            if line is not None:
                return line
            key = key[:-1]
        return None

    def with_lines(self, lines: Lines | None) -> Any:
        """This value, remembering the file lines of its tables."""
        self._lines = lines
        return self

    def __eq__(self, other: object) -> bool:
        # Source lines are where a value came from, not part of it.
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]


class Production(_WithLines):
    """``production.toml``: one cast and the scene defaults for a whole production."""

    format: Literal["choreo-production"] = PRODUCTION_FORMAT
    version: Literal[1] = VERSION
    production: ProductionInfo
    performers: tuple[Performer, ...] = ()
    log: tuple[LogEntry, ...] = ()

    @model_validator(mode="after")
    def _unique_ids(self) -> Production:
        _unique(self.performers)
        return self

    @cached_property
    def by_id(self) -> dict[str, Performer]:
        """The cast by id."""
        return {performer.id: performer for performer in self.performers}

    def index_of(self, performer_id: str) -> int | None:
        """The 0-based position of a cast member, or None if not in the cast."""
        for index, performer in enumerate(self.performers):
            if performer.id == performer_id:
                return index
        return None

    def with_performer(self, performer: Performer) -> Production:
        """A copy with ``performer`` replacing the cast member of the same id (or added last)."""
        cast = list(self.performers)
        index = self.index_of(performer.id)
        if index is None:
            cast.append(performer)
        else:
            cast[index] = performer
        return self.model_copy(update={"performers": tuple(cast)})


class BoundariesLayer(Model):
    """A scene's layer over a cast member's boundaries (or will_touch).

    ``default`` and ``recorded``, when given, replace the cast's; each key of
    ``areas`` replaces that key only, the cast's other keys stay.
    """

    recorded: Day | None = None
    default: Status | None = None
    areas: dict[AreaName, AreaRule] = Field(default_factory=dict)


class PerformerLayer(Model):
    """One ``[[performers]]`` entry of a production score: ``id`` and only what differs here.

    A key left out (None) is as in the cast. For an id not in the cast the entry
    is a scene-only performer (a day player), which needs a ``name``.
    """

    id: Slug
    name: Name | None = None
    character: Text | None = None
    minor: Flag | None = None
    guardian: Text | None = None
    private_notes: Text | None = None
    boundaries: BoundariesLayer | None = None
    will_touch: BoundariesLayer | None = None
    rider: Rider | None = None
    garments: tuple[Garment, ...] | None = None

    def given(self) -> tuple[str, ...]:
        """The keys this entry sets, besides ``id``, in field order."""
        return tuple(
            name
            for name in type(self).model_fields
            if name != "id" and getattr(self, name) is not None
        )


class SceneHeader(Model):
    """A production score's ``[scene]``: ``title``, and the defaults it overrides (None: not)."""

    title: Name
    production: Text | None = None
    medium: Medium | None = None
    self_care_cue: Text | None = None
    closed_set: Flag | None = None
    tempo: PositiveNumber | None = None
    coordinator: Text | None = None
    director: Text | None = None
    notes: Text | None = None
    private_notes: Text | None = None


class SceneLayer(_WithLines):
    """A production score as written in its file: what this scene sets, nothing merged in."""

    format: Literal["choreo-score"] = FORMAT
    version: Literal[1] = VERSION
    scene: SceneHeader
    performers: tuple[PerformerLayer, ...] = ()
    beats: tuple[Beat, ...] = ()
    log: tuple[LogEntry, ...] = ()

    @model_validator(mode="after")
    def _unique_ids(self) -> SceneLayer:
        _unique(self.performers)
        return self

    def entry_of(self, performer_id: str) -> tuple[int, PerformerLayer] | None:
        """This scene's ``[[performers]]`` entry for an id, with its position, if it has one."""
        for index, entry in enumerate(self.performers):
            if entry.id == performer_id:
                return index, entry
        return None
