"""The rehearsal ritual as pure score edits: check-in, hold, boundary change, closure.

No Textual here, so the rules are unit-tested without a screen. Every function
returns a new Score with one entry appended to the rehearsal log; nothing is
ever rewritten. Log entries carry only the contract's fields (``at``, ``event``,
``beat``, ``who``, ``note``), and ``note`` stays private to the coordinator's file.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from notation.areas import STATUS_ORDER, Status, area_label, leaves_of
from notation.checks.cast import resolve_table
from notation.findings import Finding
from notation.model import AreaRule, Boundaries, LogEntry, Score


def now() -> datetime:
    """The current time with its UTC offset, as the log requires."""
    return datetime.now(UTC).replace(microsecond=0)


def append(score: Score, entry: LogEntry) -> Score:
    """The score with ``entry`` appended to its rehearsal log."""
    return score.replace(log=(*score.log, entry))


def checkin(score: Score, who: Iterable[str], at: datetime | None = None) -> Score:
    """Log who re-confirmed their boundaries at the top of today's rehearsal."""
    known = [p.id for p in score.performers if p.id in set(who)]
    return append(score, LogEntry(at=at or now(), event="checkin", who=tuple(known)))


def hold(score: Score, beat: int | None, at: datetime | None = None) -> Score:
    """Log that the self-care cue was called during ``beat`` (0-based, None without beats)."""
    number = None if beat is None else beat + 1
    return append(score, LogEntry(at=at or now(), event="hold", beat=number))


def closure(score: Score, beat: int | None = None, at: datetime | None = None) -> Score:
    """Log the closure that ends the rehearsal."""
    number = None if beat is None else beat + 1
    return append(score, LogEntry(at=at or now(), event="closure", beat=number))


def _looser_descendants(areas: dict[str, AreaRule], area: str, status: Status) -> list[str]:
    """Keys finer than ``area`` that would still let a looser status through."""
    inside = leaves_of(area)
    return [
        key
        for key, rule in areas.items()
        if key != area
        and leaves_of(key) < inside
        and STATUS_ORDER[rule.status] < STATUS_ORDER[status]
    ]


def change_boundary(
    score: Score,
    performer_id: str,
    area: str,
    status: Status,
    beat: int | None = None,
    at: datetime | None = None,
) -> Score:
    """Record a boundary a performer changed on the spot, and log it.

    The new rule replaces any rule on ``area`` (conditions included: the
    performer said something new). Finer rules inside ``area`` that are looser
    than the new status are dropped, so "no arms now" also covers a hand that
    was "yes"; stricter finer rules stay, so a change never loosens anything
    the performer did not name. The date of the boundaries becomes today's.
    """
    if performer_id not in score.by_id:
        raise KeyError(performer_id)
    when = at or now()
    performer = score.by_id[performer_id]
    table = performer.boundaries or Boundaries()
    areas = dict(table.areas)
    resolved = resolve_table(table, "ask")
    was = "/".join(
        sorted({resolved[leaf].status for leaf in leaves_of(area)}, key=STATUS_ORDER.__getitem__)
    )
    for key in _looser_descendants(areas, area, status):
        del areas[key]
    areas[area] = AreaRule(status=status)
    boundaries = table.model_copy(update={"areas": areas, "recorded": when.date()})
    changed = performer.model_copy(update={"boundaries": boundaries})
    performers = tuple(changed if p.id == performer_id else p for p in score.performers)
    note = f"{area_label(area)}: {was} -> {status}"
    entry = LogEntry(
        at=when,
        event="boundary_change",
        beat=None if beat is None else beat + 1,
        who=(performer_id,),
        note=note,
    )
    return score.replace(performers=performers, log=(*score.log, entry))


def error_beats(findings: Iterable[Finding]) -> frozenset[int]:
    """0-based beats that have an error finding."""
    return frozenset(f.beat - 1 for f in findings if f.beat is not None and f.severity == "error")


def broken_beats(before: Iterable[Finding], after: Iterable[Finding]) -> frozenset[int]:
    """0-based beats with an error finding after a change that they did not have before.

    Findings are compared whole (code, touch and message), so a second touch of a
    beat newly crossing a boundary counts even when the beat already had that code.
    """

    def errors(found: Iterable[Finding]) -> set[tuple[int, str, int | None, str]]:
        return {
            (f.beat - 1, f.code, f.touch, f.message)
            for f in found
            if f.beat is not None and f.severity == "error"
        }

    return frozenset(error[0] for error in errors(after) - errors(before))
