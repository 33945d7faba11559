"""Blocking carries forward: the placements in force in a beat.

A beat lists only who moves; a performer stays where the latest beat at or before
it placed them (all of that beat's placements of them). A performer never placed
so far is unplaced. Pictures, replay, exports, ``choreo show`` and T503 read the
placements in force, never a beat's own list alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress
from operator import is_not

from notation.describe import placement_words
from notation.model import Beat, Placement, Score


@dataclass(frozen=True)
class InForce:
    """One placement in force in a beat, and the 0-based beat it was set in."""

    placement: Placement
    since: int


def every_beat(score: Score) -> list[tuple[InForce, ...]]:
    """The placements in force in every beat, in one pass over the score.

    Each beat's own placements come first, in its order, then those carried
    forward, oldest first, so a beat that restates everyone reads as written.
    """
    # performer id -> (beat that last placed them, that beat's placements of them)
    current: dict[str, tuple[int, tuple[Placement, ...]]] = {}
    found: list[tuple[InForce, ...]] = []
    for index, beat in enumerate(score.beats):
        moved: dict[str, list[Placement]] = {}
        for placement in beat.placements:
            moved.setdefault(placement.who, []).append(placement)
        carried = tuple(
            InForce(p, since)
            for who, (since, placed) in sorted(current.items(), key=lambda kv: kv[1][0])
            if who not in moved
            for p in placed
        )
        found.append(tuple(InForce(p, index) for p in beat.placements) + carried)
        for who, placed in moved.items():
            current[who] = (index, tuple(placed))
    return found


def in_force(score: Score, index: int) -> tuple[InForce, ...]:
    """The placements in force in the beat at 0-based ``index``, with where each came from."""
    if not 0 <= index < len(score.beats):
        return ()
    return score.blocking[index]


_AREAS = "_stage_areas_in_force"
"""Where a score keeps its ``areas_in_force`` once worked out, beside its fields (as
``Score.blocking`` keeps its own): a score is immutable, an edit makes a new one."""

_NOBODY: Mapping[str, frozenset[str]] = {}

_ONE: dict[str, frozenset[str]] = {}
"""Each stage area alone, made once: most performers stand in one area at a time."""


def areas_in_force(score: Score) -> list[Mapping[str, frozenset[str]]]:
    """For every beat, each placed performer's stage areas by the placements in force
    (the areas of ``in_force``'s placements of them), in one pass over the score.

    What T503 reads, without the ``InForce`` entries ``every_beat`` builds for every
    performer in every beat: a beat that places nobody shares the mapping of the
    beat before it, and one that does copies it with only the movers changed. The
    mappings are shared, so never change one.
    """
    kept: list[Mapping[str, frozenset[str]]] | None = score.__dict__.get(_AREAS)
    if kept is not None:
        return kept
    found: list[Mapping[str, frozenset[str]]] = []
    current: Mapping[str, frozenset[str]] = _NOBODY
    for beat in score.beats:
        placements = beat.placements
        if placements:
            moved: dict[str, frozenset[str]] = {}
            for placement in placements:
                # Read from its fields at once: pydantic models define __getattr__,
                # so each attribute read is a slow, unspecialised lookup.
                fields = placement.__dict__
                who, area = fields["who"], fields["area"]
                areas = moved.get(who)
                one = _ONE.get(area)
                if one is None:
                    one = _ONE[area] = frozenset((area,))
                moved[who] = one if areas is None else areas | one
            # A beat that places everyone where they stood already (a stage manager
            # restating the blocking) shares the mapping before it, as one that
            # places nobody does: compared pair by pair in C, without a copy.
            if not moved.items() <= current.items():
                current = {**current, **moved}
        found.append(current)
    score.__dict__[_AREAS] = found
    return found


def carry_areas(old: Score, new: Score) -> None:
    """Let ``new`` reuse ``old``'s ``areas_in_force`` when every beat of ``new`` places
    the same performers in the same areas as the beat at its position in ``old`` (an
    edit that moved nobody): worked out again they would be equal, and an editor's
    re-check of one beat should not cost a pass over every beat.

    Unchanged beats are the same objects in both (``Score.replace`` and
    ``model_copy`` keep them), so the comparison is mostly by identity.
    """
    kept = old.__dict__.get(_AREAS)
    if kept is None or _AREAS in new.__dict__ or len(old.beats) != len(new.beats):
        return
    before, after = old.beats, new.beats
    # The positions whose beat is another object, found without a Python-level loop.
    for index in compress(range(len(after)), map(is_not, before, after)):
        if before[index].placements != after[index].placements:
            return
    new.__dict__[_AREAS] = kept


def areas_in_force_at(score: Score, index: int) -> Mapping[str, frozenset[str]]:
    """Each placed performer's stage areas in the beat at 0-based ``index``."""
    if not 0 <= index < len(score.beats):
        return _NOBODY
    return areas_in_force(score)[index]


def placements_in_force(score: Score, index: int) -> tuple[Placement, ...]:
    """The placements in force in the beat at 0-based ``index``."""
    return tuple(entry.placement for entry in in_force(score, index))


def blocked(score: Score, index: int) -> Beat:
    """The beat at 0-based ``index`` with its placements replaced by those in force,
    for pictures and read-outs (never for saving or digests)."""
    beat = score.beats[index]
    placements = placements_in_force(score, index)
    if placements == beat.placements:
        return beat
    return beat.model_copy(update={"placements": placements})


def in_force_words(score: Score, index: int) -> list[str]:
    """The placements in force in beat ``index`` in plain words; those carried forward
    say where they come from: "Ana: centre stage, standing (from beat 3)"."""
    return [
        placement_words(score, e.placement)
        + ("" if e.since == index else f" (from beat {e.since + 1})")
        for e in in_force(score, index)
    ]
