"""A scene's breakdown: who is in which beats, and where each performer's touches are.

Stage managers keep a scene breakdown (who appears when); a re-check after a
cast edit needs the same, and where the edited performer is touched, so that it
looks only at the beats a change can reach. All of it follows from the beats
alone, so it is worked out once per beats and kept with the scene's layer
(``breakdown_of``): the full check makes it as it names the beats, and every later
merge of the same file (the start screen, a re-check, the app's ripple after a
cast edit) reuses it, as it reuses where everyone stands (``keep_blocking``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from notation.areas import AREA_NAMES, leaves_of
from notation.model import Beat, Score
from notation.production.model import SceneLayer

Areas = dict[str, list[int]]
"""An area name, as a touch writes it -> the 0-based beats with such a touch, ascending."""


@dataclass(frozen=True)
class Reach:
    """Where one performer's touches are in a scene, by area as written in the touch.

    A change to their boundaries reaches only the beats in ``touched_on`` and
    ``touching_with`` whose area covers a leaf that changed; a change to their
    will_touch only those in ``touching_on`` (where they touch someone).
    """

    touched_on: Areas = field(default_factory=dict)
    """Their areas that others (or they) touch: ``on`` of a touch ``to`` them."""
    touching_with: Areas = field(default_factory=dict)
    """What they touch with: ``with`` of a touch ``by`` them."""
    touching_on: Areas = field(default_factory=dict)
    """Where they touch someone: ``on`` of a touch ``by`` them."""

    @classmethod
    def of(cls, beats: Sequence[Beat], performer_id: str, naming: Iterable[int]) -> Reach:
        """The index for ``performer_id`` over ``naming``, the beats that name them."""
        reach = cls()
        for index in naming:
            for touch in beats[index].touches:
                if touch.to == performer_id:
                    _add(reach.touched_on, touch.on, index)
                if touch.by == performer_id:
                    _add(reach.touching_with, touch.with_, index)
                    _add(reach.touching_on, touch.on, index)
        return reach

    def beats(self, touched: Iterable[str], willing: Iterable[str]) -> list[int]:
        """The beats, ascending, with a touch on a ``touched`` leaf of theirs or by them
        with a ``touched`` leaf or on a ``willing`` leaf of someone."""
        found: set[int] = set()
        for leaves, tables in (
            (frozenset(touched), (self.touched_on, self.touching_with)),
            (frozenset(willing), (self.touching_on,)),
        ):
            if not leaves:
                continue
            for area in covering(leaves):
                for table in tables:
                    beats = table.get(area)
                    if beats:
                        found.update(beats)
        return sorted(found)


@lru_cache(maxsize=256)
def covering(leaves: frozenset[str]) -> tuple[str, ...]:
    """Every area name (node, alias or leaf) that stands for at least one of ``leaves``.

    A change to "upper back" reaches touches written on ``upper_back``, ``back``,
    ``torso`` and ``body``: four lookups per index instead of a test per area in it.
    """
    return tuple(area for area in sorted(AREA_NAMES) if not leaves.isdisjoint(leaves_of(area)))


def _add(index: Areas, area: str, beat: int) -> None:
    beats = index.get(area)
    if beats is None:
        index[area] = [beat]
    elif beats[-1] != beat:
        beats.append(beat)


@dataclass(frozen=True)
class Breakdown:
    """Who a scene's beats name and touch, and where each performer's touches are."""

    naming: dict[str, tuple[int, ...]]
    """Performer id -> the 0-based beats that name them anywhere."""
    touched: frozenset[str]
    """Every id touched by another performer in some beat (C405 reads it)."""
    reach: dict[str, Reach]
    """Performer id -> their ``Reach``; an id no touch names has none."""

    @classmethod
    def of(cls, beats: Sequence[Beat]) -> Breakdown:
        """Worked out in one pass over the beats."""
        naming: dict[str, list[int]] = {}
        touched: set[str] = set()
        reach: dict[str, Reach] = {}
        for index, beat in enumerate(beats):
            for pid in beat.ids():
                found = naming.get(pid)
                if found is None:
                    naming[pid] = [index]
                else:
                    found.append(index)
            for touch in beat.touches:
                to, by = touch.to, touch.by
                if by != to:
                    touched.add(to)
                receiver = reach.get(to)
                if receiver is None:
                    receiver = reach[to] = Reach()
                _add(receiver.touched_on, touch.on, index)
                giver = reach.get(by)
                if giver is None:
                    giver = reach[by] = Reach()
                _add(giver.touching_with, touch.with_, index)
                _add(giver.touching_on, touch.on, index)
        return cls({pid: tuple(found) for pid, found in naming.items()}, frozenset(touched), reach)

    def reach_of(self, performer_id: str) -> Reach:
        """Where a performer's touches are (nowhere, for one no touch names)."""
        return self.reach.get(performer_id) or _NOWHERE


_NOWHERE = Reach()
_BREAKDOWN = "_choreo_breakdown"
_BLOCKING = "_choreo_blocking"


def breakdown_of(layer: SceneLayer, beats: tuple[Beat, ...]) -> Breakdown:
    """The breakdown of ``beats`` (a merge of ``layer``), made once and kept with the layer.

    Kept in the (frozen) layer's ``__dict__`` beside the beats it was made from, as
    ``resolved`` keeps tables: a layer copied with other beats, or a scene whose
    score holds beats other than its layer's, gets a breakdown of its own beats.
    """
    kept: tuple[tuple[Beat, ...], Breakdown] | None = layer.__dict__.get(_BREAKDOWN)
    if kept is not None and kept[0] is beats:
        return kept[1]
    made = Breakdown.of(beats)
    layer.__dict__[_BREAKDOWN] = (beats, made)
    return made


def keep_blocking(layer: SceneLayer, score: Score) -> None:
    """Keep with ``layer`` where everyone stands in ``score`` (a merge of it), if worked out."""
    blocking = score.__dict__.get("blocking")
    if blocking is not None:
        layer.__dict__[_BLOCKING] = (score.beats, blocking)


def seed_blocking(layer: SceneLayer, score: Score) -> None:
    """Give ``score`` (a merge of ``layer``) where everyone stands, if kept for its beats.

    Placements in force follow from the beats alone (``Score.blocking``).
    """
    kept = layer.__dict__.get(_BLOCKING)
    if kept is not None and kept[0] is score.beats and "blocking" not in score.__dict__:
        score.__dict__["blocking"] = kept[1]
