"""The rehearsal log as pure score edits: check-in, hold, closure, boundary changes, agreement.

Every function returns a new Score with one entry appended to the rehearsal log;
nothing is ever rewritten. Log entries carry only the contract's fields (``at``,
``event``, ``beat``, ``who``, ``note``), ``note`` stays private to the coordinator's
file, and ``at`` is an offset-aware moment from ``notation.clock`` unless the caller
gives one. Beats are 0-based here, as the screens count them; the log stores them
1-based, as the format does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from notation import clock
from notation.agreement import agree
from notation.areas import STATUS_ORDER, Status, area_label, leaves_of
from notation.checks.cast import resolve_table
from notation.model import AreaRule, Boundaries, LogEntry, Score


def _number(beat: int | None) -> int | None:
    return None if beat is None else beat + 1


def append(score: Score, entry: LogEntry) -> Score:
    """The score with ``entry`` appended to its rehearsal log."""
    return score.replace(log=(*score.log, entry))


def checkin(score: Score, who: Iterable[str], at: datetime | None = None) -> Score:
    """Log who re-confirmed their boundaries at the top of today's rehearsal."""
    wanted = set(who)
    known = [p.id for p in score.performers if p.id in wanted]
    return append(score, LogEntry(at=at or clock.now(), event="checkin", who=tuple(known)))


def hold(score: Score, beat: int | None, at: datetime | None = None) -> Score:
    """Log that the self-care cue was called during ``beat`` (0-based, None without beats)."""
    return append(score, LogEntry(at=at or clock.now(), event="hold", beat=_number(beat)))


def closure(score: Score, beat: int | None = None, at: datetime | None = None) -> Score:
    """Log the closure that ends the rehearsal."""
    return append(score, LogEntry(at=at or clock.now(), event="closure", beat=_number(beat)))


def boundary_change(
    score: Score, who: Iterable[str], note: str, at: datetime | None = None
) -> Score:
    """The score with a ``boundary_change`` entry appended (a change made on the cast screen)."""
    entry = LogEntry(at=at or clock.now(), event="boundary_change", who=tuple(who), note=note)
    return append(score, entry)


def agreed(score: Score, beat: int, who: Iterable[str], at: datetime | None = None) -> Score:
    """Record that ``who`` agreed ``beat`` (0-based): ``[beats.agreed]`` and an ``agreed`` entry.

    The agreement's date is the local date of ``at``, so the beat and the log agree.
    """
    when = at or clock.now()
    names = tuple(who)
    beats = list(score.beats)
    beats[beat] = agree(beats[beat], names, when.date())
    entry = LogEntry(at=when, event="agreed", beat=beat + 1, who=names)
    return score.replace(beats=tuple(beats), log=(*score.log, entry))


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
    when = at or clock.now()
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
    entry = LogEntry(
        at=when,
        event="boundary_change",
        beat=_number(beat),
        who=(performer_id,),
        note=f"{area_label(area)}: {was} -> {status}",
    )
    return score.replace(performers=performers, log=(*score.log, entry))
