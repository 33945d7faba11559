"""What changed in a score's header, cast and log between two versions.

The beat-by-beat comparison lives in ``notation.diff``; this module holds the
``Change`` it reports with and the parts around the beats: the scene header,
the performers (with their boundaries, ``will_touch``, riders and garments) and
the rehearsal log, which only ever counts as a notes change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from notation.areas import area_label
from notation.describe import garment_words
from notation.model import Boundaries, Performer, Score
from notation.sharing.words import rule_words

T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """One change: what (``touch``, ``timing``...), how (added/removed/changed), in words."""

    kind: str
    change: str
    text: str


def multiset(old: Iterable[T], new: Iterable[T]) -> tuple[list[T], list[T]]:
    """Items only in ``old`` and only in ``new``, counting repeats."""
    rest = list(new)
    gone: list[T] = []
    for item in old:
        if item in rest:
            rest.remove(item)
        else:
            gone.append(item)
    return gone, rest


_SCENE_FIELDS: tuple[str, ...] = (
    "title",
    "production",
    "medium",
    "self_care_cue",
    "closed_set",
    "tempo",
    "coordinator",
    "director",
)


def scene_changes(a: Score, b: Score) -> tuple[list[Change], list[Change]]:
    """Changes to the scene header: (protocol and credits, notes only)."""
    out: list[Change] = []
    for name in _SCENE_FIELDS:
        x, y = getattr(a.scene, name), getattr(b.scene, name)
        if x != y:
            label = name.replace("_", " ")
            text = f"{label}: {plain(x)} → {plain(y)}"
            if name == "tempo":
                text += " (beats timed in counts without a tempo of their own change length)"
            out.append(Change("scene", "changed", text))
    notes = []
    if a.scene.notes != b.scene.notes:
        notes.append(Change("notes", "changed", "scene notes changed"))
    if a.scene.private_notes != b.scene.private_notes:
        notes.append(Change("private_notes", "changed", "scene private notes changed"))
    return out, notes


def plain(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return f"“{value}”" if isinstance(value, str) else str(value)


def _rules(kind: str, who: str, old: Boundaries | None, new: Boundaries | None) -> list[Change]:
    if old == new:
        return []
    if old is None or new is None:
        what = "recorded" if old is None else "removed"
        return [Change(kind, "added" if old is None else "removed", f"{who}: {kind} {what}")]
    out = []
    for area in dict.fromkeys([*old.areas, *new.areas]):
        x, y = old.areas.get(area), new.areas.get(area)
        if x == y:
            continue
        was = rule_words(area, x.status, x.only) if x else f"{area_label(area)}: not listed"
        now = rule_words(area, y.status, y.only).split(": ", 1)[1] if y else "not listed"
        out.append(Change(kind, "changed", f"{who}: {kind}: {was} → {now}"))
    if old.default != new.default:
        out.append(Change(kind, "changed", f"{who}: {kind}: default {old.default} → {new.default}"))
    if old.recorded != new.recorded and not out:
        out.append(Change(kind, "changed", f"{who}: {kind}: recorded again"))
    return out


def _performer(a: Score, b: Score, old: Performer, new: Performer) -> tuple[list[Change], bool]:
    who = b.name_of(new.id)
    out: list[Change] = []
    for name in ("name", "character", "minor", "guardian"):
        x, y = getattr(old, name), getattr(new, name)
        if x != y:
            out.append(Change("performer", "changed", f"{who}: {name}: {plain(x)} → {plain(y)}"))
    out += _rules("boundaries", who, old.boundaries, new.boundaries)
    out += _rules("will_touch", who, old.will_touch, new.will_touch)
    if old.rider != new.rider:
        out.append(Change("rider", "changed", f"{who}: rider changed"))
    gone, came = multiset(old.garments, new.garments)
    out += [Change("garment", "removed", garment_words(a, g, old.id)) for g in gone]
    out += [Change("garment", "added", garment_words(b, g, new.id)) for g in came]
    return out, old.private_notes != new.private_notes


def cast_changes(a: Score, b: Score) -> tuple[list[Change], list[Change]]:
    """Performers added, removed or changed: (changes, notes-only changes)."""
    out: list[Change] = []
    notes: list[Change] = []
    for p in a.performers:
        if p.id not in b.by_id:
            out.append(Change("performer", "removed", f"{p.name} ({p.id}) left the cast"))
    for p in b.performers:
        before = a.by_id.get(p.id)
        if before is None:
            out.append(Change("performer", "added", f"{p.name} ({p.id}) joined the cast"))
            continue
        found, private = _performer(a, b, before, p)
        out += found
        if private:
            notes.append(Change("private_notes", "changed", f"{p.name}: private notes changed"))
    return out, notes


def log_changes(a: Score, b: Score) -> list[Change]:
    kept = len(a.log) <= len(b.log) and b.log[: len(a.log)] == a.log
    if kept:
        added = len(b.log) - len(a.log)
        s = "y" if added == 1 else "ies"
        return [Change("log", "added", f"rehearsal log: {added} entr{s} added")] if added else []
    return [Change("log", "changed", "rehearsal log: earlier entries removed or rewritten")]
