"""What changed between two versions of a score, beat by beat, in plain words.

Beats are matched before they are compared: first the same choreography under
the same title, then the same choreography (a retitled beat), then the same
title (a rechoreographed beat), then the same position. A matched beat that
left the longest run of beats still in order is *moved*; one only renumbered
by an insertion above it is not.

Changes fall in three kinds: **choreography** (touches, placements, timing,
barriers, garments, bare areas, flags: everything an agreement's digest
covers), **agreement** (the ``[beats.agreed]`` record), and **notes** (titles,
notes, private notes, the rehearsal log), which never lapse an agreement and
are listed apart. Private notes are reported as changed, never quoted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from notation.agreement import digest, is_current
from notation.areas import area_label
from notation.beat_matching import _in_order, match_beats
from notation.describe import (
    barrier_words,
    garment_words,
    names_of,
    placement_words,
    timing_words,
    touch_words,
)
from notation.diff_cast import Change, cast_changes, log_changes, multiset, scene_changes
from notation.model import Beat, Score, Touch

__all__ = [
    "BeatChanges",
    "Change",
    "ScoreDiff",
    "compare_beats",
    "diff_scores",
    "match_beats",
]

T = TypeVar("T")


@dataclass(frozen=True)
class BeatChanges:
    """A beat in either version, and what changed in it."""

    old: int | None
    """1-based number in the old version, None if added."""
    new: int | None
    """1-based number in the new version, None if removed."""
    title: str
    moved: bool = False
    choreography: tuple[Change, ...] = ()
    agreement: tuple[Change, ...] = ()
    notes: tuple[Change, ...] = ()
    lapses: tuple[str, ...] = ()
    """Ids of performers whose current agreement this change lapses."""

    @property
    def status(self) -> str:
        """``added``, ``removed``, ``changed``, ``moved``, ``notes`` or ``same``."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        if self.choreography or self.agreement:
            return "changed"
        if self.moved:
            return "moved"
        return "notes" if self.notes else "same"


@dataclass(frozen=True)
class ScoreDiff:
    """Every change between two versions of a score."""

    scene: tuple[Change, ...] = ()
    cast: tuple[Change, ...] = ()
    beats: tuple[BeatChanges, ...] = ()
    notes: tuple[Change, ...] = field(default=())
    """Scene-level notes-only changes: scene and performer notes, the log."""

    @property
    def changed(self) -> bool:
        """Whether anything beyond notes changed."""
        return bool(self.scene or self.cast) or any(
            b.status in ("added", "removed", "changed", "moved") for b in self.beats
        )


_TOUCH_FIELDS = (
    "with_",
    "on",
    "action",
    "pressure",
    "over_clothing",
    "mouth",
    "tongue",
    "counts",
    "start",
)


def _touches(a: Score, b: Score, old: Beat, new: Beat) -> list[Change]:
    gone, came = multiset(old.touches, new.touches)
    out: list[Change] = []
    for before in list(gone):
        # The same two people with the same surfaces, else the same two people: a change.
        match = next(
            (
                t
                for t in came
                if (t.by, t.to, t.with_, t.on) == (before.by, before.to, before.with_, before.on)
            ),
            None,
        ) or next((t for t in came if (t.by, t.to) == (before.by, before.to)), None)
        if match is None:
            continue
        gone.remove(before)
        came.remove(match)
        out.append(Change("touch", "changed", _touch_change(b, before, match)))
    out += [Change("touch", "removed", touch_words(a, t)) for t in gone]
    out += [Change("touch", "added", touch_words(b, t)) for t in came]
    return out


def _touch_change(score: Score, before: Touch, after: Touch) -> str:
    parts = []
    for name in _TOUCH_FIELDS:
        x, y = getattr(before, name), getattr(after, name)
        if x != y:
            label = "with" if name == "with_" else name.replace("_", " ")
            parts.append(f"{label} {_word(x)} → {_word(y)}")
    return f"{touch_words(score, after)} (was: {'; '.join(parts)})"


def _word(value: object) -> str:
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return area_label(value) if isinstance(value, str) else str(value)


def _timing(a: Score, b: Score, old: Beat, new: Beat) -> list[Change]:
    def words(score: Score, beat: Beat) -> str:
        text = timing_words(beat, score.scene.tempo)
        cue = beat.timing.cue if beat.timing else ""
        return text + (f", cue: {cue}" if cue else "")

    if old.timing == new.timing:
        return []
    if old.timing is None:
        return [Change("timing", "added", words(b, new))]
    if new.timing is None:
        return [Change("timing", "removed", words(a, old))]
    return [Change("timing", "changed", f"{words(a, old)} → {words(b, new)}")]


def _placements(a: Score, b: Score, old: Beat, new: Beat) -> list[Change]:
    before = {p.who: p for p in old.placements}
    after = {p.who: p for p in new.placements}
    out: list[Change] = []
    for who in [*before, *(w for w in after if w not in before)]:
        x, y = before.get(who), after.get(who)
        if x == y:
            continue
        if x is None and y is not None:
            out.append(Change("placement", "added", placement_words(b, y)))
        elif y is None and x is not None:
            out.append(Change("placement", "removed", placement_words(a, x)))
        elif x is not None and y is not None:
            was = placement_words(a, x).split(": ", 1)[-1]
            out.append(Change("placement", "changed", f"{placement_words(b, y)} (was: {was})"))
    return out


def _listed(
    kind: str,
    old: Sequence[T],
    new: Sequence[T],
    words: Callable[[Score, T], str],
    a: Score,
    b: Score,
) -> list[Change]:
    gone, came = multiset(old, new)
    return [Change(kind, "removed", words(a, x)) for x in gone] + [
        Change(kind, "added", words(b, x)) for x in came
    ]


def _bare(a: Score, b: Score, old: Beat, new: Beat) -> list[Change]:
    out: list[Change] = []
    for who in dict.fromkeys([*old.bare, *new.bare]):
        x, y = set(old.bare.get(who, ())), set(new.bare.get(who, ()))
        if x - y:
            gone = ", ".join(area_label(v) for v in sorted(x - y))
            out.append(Change("bare", "removed", f"{a.name_of(who)}: no longer bare {gone}"))
        if y - x:
            came = ", ".join(area_label(v) for v in sorted(y - x))
            out.append(Change("bare", "added", f"{b.name_of(who)}: now bare {came}"))
    return out


def _flags(old: Beat, new: Beat) -> list[Change]:
    out = []
    if old.simulated != new.simulated:
        text = "now a simulated beat" if new.simulated else "no longer a simulated beat"
        out.append(Change("flag", "changed", text))
    if old.placeholder != new.placeholder:
        text = "now a placeholder" if new.placeholder else "no longer a placeholder"
        out.append(Change("flag", "changed", text))
    return out


def _agreement(a: Score, b: Score, old: Beat, new: Beat) -> tuple[list[Change], tuple[str, ...]]:
    out: list[Change] = []
    lapses: tuple[str, ...] = ()
    was_current = old.agreed is not None and is_current(old)
    now_current = new.agreed is not None and is_current(new)
    now_by = set(new.agreed.by) if new.agreed and now_current else set()
    if was_current and old.agreed is not None and digest(old) != digest(new):
        lapses = tuple(i for i in old.agreed.by if i not in now_by)
        if lapses:
            when = f" on {old.agreed.on.isoformat()}" if old.agreed.on else ""
            text = f"lapses the agreement {names_of(a, lapses)} gave{when}"
            out.append(Change("agreement", "lapsed", text))
    if old.agreed != new.agreed and new.agreed is not None and now_current:
        fresh = [
            i for i in new.agreed.by if not (was_current and old.agreed and i in old.agreed.by)
        ]
        if fresh:
            out.append(Change("agreement", "added", f"agreed by {names_of(b, fresh)}"))
    elif old.agreed is not None and new.agreed is None:
        out.append(Change("agreement", "removed", "agreement record removed"))
    return out, lapses


def _beat_notes(old: Beat, new: Beat) -> list[Change]:
    out = []
    if old.title != new.title:
        out.append(Change("title", "changed", f"title “{old.title}” → “{new.title}”"))
    if old.notes != new.notes:
        out.append(Change("notes", "changed", "notes changed"))
    if old.private_notes != new.private_notes:
        out.append(Change("private_notes", "changed", "private notes changed"))
    return out


def compare_beats(a: Score, b: Score, old: Beat, new: Beat) -> BeatChanges:
    """Everything that changed between two versions of one beat (numbers left unset)."""
    choreography = [
        *_flags(old, new),
        *_timing(a, b, old, new),
        *_touches(a, b, old, new),
        *_placements(a, b, old, new),
        *_listed("barrier", old.barriers, new.barriers, barrier_words, a, b),
        *_listed("garment", old.garments, new.garments, garment_words, a, b),
        *_bare(a, b, old, new),
    ]
    agreement, lapses = _agreement(a, b, old, new)
    return BeatChanges(
        old=None,
        new=None,
        title=new.title,
        choreography=tuple(choreography),
        agreement=tuple(agreement),
        notes=tuple(_beat_notes(old, new)),
        lapses=lapses,
    )


def diff_scores(a: Score, b: Score) -> ScoreDiff:
    """What changed from score ``a`` (old) to score ``b`` (new)."""
    pairs = match_beats(a.beats, b.beats)
    in_order = _in_order([j for _, j in pairs])
    beats = [
        replace(
            compare_beats(a, b, a.beats[i], b.beats[j]),
            old=i + 1,
            new=j + 1,
            moved=k not in in_order,
        )
        for k, (i, j) in enumerate(pairs)
    ]
    matched_old = {i for i, _ in pairs}
    matched_new = {j for _, j in pairs}
    beats += [_removed(a, b, i, beat) for i, beat in enumerate(a.beats) if i not in matched_old]
    beats += [_added(a, b, j, beat) for j, beat in enumerate(b.beats) if j not in matched_new]
    beats.sort(key=lambda c: (c.new if c.new is not None else (c.old or 0) - 0.5, c.old or 0))
    scene, scene_notes = scene_changes(a, b)
    cast, cast_notes = cast_changes(a, b)
    return ScoreDiff(
        scene=tuple(scene),
        cast=tuple(cast),
        beats=tuple(beats),
        notes=tuple(scene_notes + cast_notes + log_changes(a, b)),
    )


def _removed(a: Score, b: Score, index: int, beat: Beat) -> BeatChanges:
    """A beat cut from the score: what it held, and the agreement that goes with it."""
    cut = compare_beats(a, b, beat, Beat())
    agreement: tuple[Change, ...] = ()
    if beat.agreed is not None and beat.agreed.by:
        who = names_of(a, beat.agreed.by)
        agreement = (Change("agreement", "removed", f"the agreement {who} gave goes with it"),)
    return BeatChanges(
        old=index + 1,
        new=None,
        title=beat.title,
        choreography=cut.choreography,
        agreement=agreement,
    )


def _added(a: Score, b: Score, index: int, beat: Beat) -> BeatChanges:
    """A new beat: everything in it, and who has agreed it already."""
    found = compare_beats(a, b, Beat(), beat)
    return BeatChanges(
        old=None,
        new=index + 1,
        title=beat.title,
        choreography=found.choreography,
        agreement=found.agreement,
    )


__all__ = [
    "BeatChanges",
    "Change",
    "ScoreDiff",
    "cast_changes",
    "diff_scores",
    "match_beats",
    "scene_changes",
]
