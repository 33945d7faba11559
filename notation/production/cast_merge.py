"""Two editors, one cast: applying this editor's cast change to a ``production.toml``
that another editor changed meanwhile.

Every scene's editor may write ``production.toml``. Writing the whole cast as
this editor last read it would silently undo another editor's change, so a
cast change is applied as a three-way merge, part by part:

- ``base``: the production as this editor read it;
- ``mine``: ``base`` with this editor's change;
- ``theirs``: the file as it is on disk now (re-read under the lock).

A performer is compared part by part: each plain field (``name``, ``rider``,
``garments``...) is one part, and ``boundaries`` and ``will_touch`` are split
into ``default``, ``recorded`` and one part per area key, since two
coordinators changing two different areas of the same person is the usual case
and both changes must land. A part this editor changed is applied to
``theirs``; a part that the other editor changed and this one did not stays
theirs; a part both changed to different values is a ``Conflict``, which the
caller asks about. Log entries this editor appended are appended to theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from notation.model import AreaRule, Boundaries, Performer, WillTouch
from notation.production.merging import _LAYERED_KEYS, _PLAIN_KEYS
from notation.production.model import Production

Parts = dict[str, object]
"""A performer as parts: ``name``, ``boundaries`` (present or not), ``boundaries.areas.neck``..."""

_PRESENT = "present"


def parts_of(performer: Performer | None) -> Parts:
    """A performer as its parts (empty for no performer)."""
    if performer is None:
        return {}
    found: Parts = {key: getattr(performer, key) for key in ("id", *_PLAIN_KEYS)}
    for key in _LAYERED_KEYS:
        table: Boundaries | None = getattr(performer, key)
        if table is None:
            found[key] = None
            continue
        found[key] = _PRESENT
        found[f"{key}.default"] = table.default
        found[f"{key}.recorded"] = table.recorded
        for area, rule in table.areas.items():
            found[f"{key}.areas.{area}"] = rule
    return found


def performer_of(parts: Parts) -> Performer:
    """The performer whose parts these are (the inverse of ``parts_of``)."""
    values: dict[str, object] = {key: parts[key] for key in ("id", *_PLAIN_KEYS) if key in parts}
    for key in _LAYERED_KEYS:
        if parts.get(key) is None:
            values[key] = None
            continue
        prefix = f"{key}.areas."
        areas = {
            name[len(prefix) :]: rule
            for name, rule in parts.items()
            if name.startswith(prefix) and isinstance(rule, AreaRule)
        }
        kind = WillTouch if key == "will_touch" else Boundaries
        table: dict[str, object] = {"areas": areas}
        for sub in ("default", "recorded"):
            value = parts.get(f"{key}.{sub}")
            if value is not None:
                table[sub] = value
        values[key] = kind.model_validate(table)
    return Performer.model_validate(values)


_MISSING = object()


@dataclass(frozen=True)
class Conflict:
    """One part of one performer that both editors changed, to different values."""

    performer_id: str
    name: str
    part: str
    """e.g. ``boundaries.areas.neck``, ``rider``, ``name``."""
    mine: object
    theirs: object

    def words(self) -> str:
        """e.g. "Ana Reyes: boundaries, neck (yours: no; on disk: ask)"."""
        where = self.part.replace(".areas.", ", ").replace(".", " ")
        return f"{self.name}: {where} (yours: {_shown(self.mine)}; on disk: {_shown(self.theirs)})"


def _shown(value: object) -> str:
    if value is _MISSING or value is None:
        return "not set"
    if isinstance(value, AreaRule):
        conditions = f" only {', '.join(value.only)}" if value.only else ""
        return f"{value.status}{conditions}"
    return str(value)


Side = Literal["mine", "theirs"]


@dataclass(frozen=True)
class CastMerge:
    """The result of applying this editor's change to the production on disk."""

    production: Production
    """``theirs`` with this editor's change applied (conflicts resolved as asked)."""
    conflicts: tuple[Conflict, ...]
    """Parts both editors changed differently (resolved by ``prefer`` in ``production``)."""
    theirs_changed: bool
    """Whether the file on disk differed from what this editor read."""
    theirs: Production | None = None
    """The production on disk before this change (what the change is measured from)."""


def _merge_parts(
    pid: str, name: str, base: Parts, mine: Parts, theirs: Parts, prefer: Side
) -> tuple[Parts, list[Conflict]]:
    result: Parts = {}
    conflicts: list[Conflict] = []
    for key in dict.fromkeys([*theirs, *mine, *base]):
        b, m, t = base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING)
        if m == b or t == m:
            value = t
        elif t == b:
            value = m
        else:
            conflicts.append(Conflict(pid, name, key, m, t))
            value = m if prefer == "mine" else t
        if value is not _MISSING:
            result[key] = value
    return result, conflicts


def merge_cast(
    base: Production, mine: Production, theirs: Production, prefer: Side = "mine"
) -> CastMerge:
    """Apply the change ``base`` -> ``mine`` to ``theirs``; see the module docstring.

    ``prefer`` settles conflicts (after the caller asked): ``"mine"`` or ``"theirs"``.
    The production header (title, defaults) is taken from ``theirs`` unless only
    this editor changed it.
    """
    old: Mapping[str, Performer] = base.by_id
    now: Mapping[str, Performer] = theirs.by_id
    performers = list(theirs.performers)
    conflicts: list[Conflict] = []
    for performer in mine.performers:
        was = old.get(performer.id)
        if was == performer:
            continue  # this editor did not change them: theirs stands
        other = now.get(performer.id)
        merged, found = _merge_parts(
            performer.id,
            performer.name,
            parts_of(was),
            parts_of(performer),
            parts_of(other),
            prefer,
        )
        conflicts += found
        value = performer_of(merged)
        if other is None:
            performers.append(value)
        else:
            performers[[p.id for p in performers].index(performer.id)] = value
    info = mine.production if theirs.production == base.production else theirs.production
    added = mine.log[len(base.log) :] if mine.log[: len(base.log)] == base.log else ()
    production = theirs.model_copy(
        update={
            "production": info,
            "performers": tuple(performers),
            "log": (*theirs.log, *added),
        }
    )
    return CastMerge(production, tuple(conflicts), theirs != base, theirs)
