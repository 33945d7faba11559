"""Cast edits on a whole score, and what a cast change does to the checker's findings.

Pure functions on immutable scores, so the screen can keep the score it was
given and compare, and the editor can undo the result as one edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from notation import check
from notation.findings import MARK, Finding
from notation.model import SLUG_PATTERN, Agreed, Beat, LogEntry, Performer, Placement, Score

BOUNDARY_CODES = frozenset({"B101", "B102", "B103", "B105"})
"""Rules broken when a beat crosses a performer's recorded boundary."""


RULE_WORDS: dict[str, str] = {
    "N201": "bare outside the rider",
    "N202": "bare with no rider",
    "N203": "nudity without a closed set",
    "S301": "no rider agreeing to simulated sex",
    "S302": "no barrier between performers",
    "S303": "no garment covering the groin",
    "C401": "agreement lapsed",
    "C402": "no self-care cue",
    "C403": "a minor without a guardian",
    "C404": "a minor in nudity or simulated sex",
    "C405": "touched, no boundaries recorded",
    "T501": "no timing",
    "T502": "both counts and seconds",
    "T503": "apart on stage while in contact",
    "T504": "a kiss without mouth or counts",
    "T506": "a touch past its beat's counts",
}
"""A few words for each rule the re-check names by code, after the contract's table."""


def beats_naming(score: Score, performer_id: str) -> list[int]:
    """The 1-based numbers of the beats that name ``performer_id`` anywhere."""
    return [n for n, beat in enumerate(score.beats, 1) if performer_id in beat.ids()]


def _without(beat: Beat, pid: str) -> Beat:
    """A beat with every mention of ``pid`` taken out."""
    placements = tuple(
        p.model_copy(update={"facing": None}) if p.facing == pid else p
        for p in beat.placements
        if p.who != pid
    )
    agreed: Agreed | None = beat.agreed
    if agreed is not None and pid in agreed.by:
        agreed = agreed.model_copy(update={"by": tuple(b for b in agreed.by if b != pid)})
    return beat.model_copy(
        update={
            "touches": tuple(t for t in beat.touches if pid not in (t.by, t.to)),
            "placements": placements,
            "barriers": tuple(b for b in beat.barriers if pid not in b.between),
            "garments": tuple(g for g in beat.garments if g.who != pid),
            "bare": {who: areas for who, areas in beat.bare.items() if who != pid},
            "agreed": agreed,
        }
    )


def remove_performer(score: Score, performer_id: str, *, purge: bool) -> Score:
    """The score without a performer; with ``purge``, also without their part in every beat.

    Without ``purge`` the beats keep naming the id, which the checker reports as T505,
    so nothing choreographed disappears without the coordinator asking for it.
    """
    performers = tuple(p for p in score.performers if p.id != performer_id)
    beats = score.beats
    if purge:
        beats = tuple(_without(b, performer_id) if performer_id in b.ids() else b for b in beats)
    return score.replace(performers=performers, beats=beats)


def _renamed(beat: Beat, old: str, new: str) -> Beat:
    def swap(pid: str) -> str:
        return new if pid == old else pid

    placements: list[Placement] = [
        p.model_copy(update={"who": swap(p.who), "facing": swap(p.facing) if p.facing else None})
        for p in beat.placements
    ]
    agreed = beat.agreed
    if agreed is not None:
        agreed = agreed.model_copy(update={"by": tuple(swap(b) for b in agreed.by)})
    return beat.model_copy(
        update={
            "touches": tuple(
                t.model_copy(update={"by": swap(t.by), "to": swap(t.to)}) for t in beat.touches
            ),
            "placements": tuple(placements),
            "barriers": tuple(
                b.model_copy(update={"between": (swap(b.between[0]), swap(b.between[1]))})
                for b in beat.barriers
            ),
            "garments": tuple(g.model_copy(update={"who": swap(g.who)}) for g in beat.garments),
            "bare": {swap(who): areas for who, areas in beat.bare.items()},
            "agreed": agreed,
        }
    )


def put_performer(score: Score, index: int | None, performer: Performer) -> Score:
    """The score with ``performer`` added (``index`` None) or replacing the one at ``index``.

    A changed id is carried into every beat that named the old one, so an edit of
    the id never orphans choreography.
    """
    if index is None:
        return score.replace(performers=(*score.performers, performer))
    old = score.performers[index]
    performers = list(score.performers)
    performers[index] = performer
    beats = score.beats
    if old.id != performer.id:
        beats = tuple(_renamed(b, old.id, performer.id) if old.id in b.ids() else b for b in beats)
    return score.replace(performers=tuple(performers), beats=beats)


def id_problem(score: Score, index: int | None, candidate: str) -> str | None:
    """Why ``candidate`` cannot be this performer's id, or None when it can."""
    if not candidate:
        return "An id is required: lower-case letters, digits, _ or -, starting with a letter."
    if not re.match(SLUG_PATTERN, candidate):
        return (
            "An id starts with a lower-case letter and has only lower-case letters, "
            "digits, _ or - (for example ana or ben_2)."
        )
    for at, performer in enumerate(score.performers):
        if performer.id == candidate and at != index:
            return f"Another performer already has the id '{candidate}'; ids are unique."
    return None


def boundaries_changed(before: Score, after: Score) -> list[str]:
    """Ids of performers whose boundaries or will_touch differ (new performers with tables too)."""
    old = before.by_id
    changed: list[str] = []
    for performer in after.performers:
        was = old.get(performer.id)
        if was is None:
            if performer.boundaries is not None or performer.will_touch is not None:
                changed.append(performer.id)
        elif (was.boundaries, was.will_touch) != (performer.boundaries, performer.will_touch):
            changed.append(performer.id)
    return changed


def boundary_change(score: Score, who: Iterable[str], note: str, at: datetime) -> Score:
    """The score with a ``boundary_change`` entry appended to its rehearsal log."""
    entry = LogEntry(at=at, event="boundary_change", who=tuple(who), note=note)
    return score.replace(log=(*score.log, entry))


def _beats(findings: Iterable[Finding], codes: frozenset[str] | None) -> set[int]:
    return {f.beat for f in findings if f.beat is not None and (codes is None or f.code in codes)}


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def _numbers(beats: set[int]) -> str:
    ordered = sorted(beats)
    shown = ", ".join(str(n) for n in ordered[:12])
    return shown + (f" (+{len(ordered) - 12} more)" if len(ordered) > 12 else "")


def _others(old: list[Finding], new: list[Finding], grouped: frozenset[str]) -> list[str]:
    """One line per other rule a change newly breaks: beats by number, or the scene."""
    before = {(f.beat, f.code) for f in old}
    lines: list[str] = []
    fresh: dict[str, list[Finding]] = {}
    for finding in new:
        if finding.code not in grouped and (finding.beat, finding.code) not in before:
            fresh.setdefault(finding.code, []).append(finding)
    for code in sorted(fresh):
        found = fresh[code]
        beats = {f.beat for f in found if f.beat is not None}
        what = f"{code} ({RULE_WORDS[code]})" if code in RULE_WORDS else code
        if beats:
            where = _plural(len(beats), "beat", "beats")
            lines.append(f"{found[0].mark} {what} now in {len(beats)} {where}: {_numbers(beats)}")
        else:
            # Scene-level: the checker's own message says it best, naming the performer.
            lines += [f"{f.mark} {code} now: {f.message}" for f in found]
    return lines


def _whole(findings: list[Finding]) -> str:
    counts = [
        (MARK[severity], sum(1 for f in findings if f.severity == severity), severity)
        for severity in ("error", "warning")
    ]
    said = [f"{mark} {n} {kind}{'' if n == 1 else 's'}" for mark, n, kind in counts if n]
    if not said:
        return f"{MARK['ok']} Whole score: no errors or warnings"
    return "Whole score: " + ", ".join(said)


def recheck(before: Score, after: Score, old: list[Finding] | None = None) -> list[str]:
    """What a cast change does to the whole score, one line each, each with its mark.

    ``before`` is the score as it was when the cast was opened; every line
    compares the full check of both, so the count is of beats, not findings.
    ``old``, when given, is ``check(before)`` already done (it never changes while
    a screen is open, so a screen checks it once).
    """
    old = check(before) if old is None else old
    return summarise(old, check(after))


def summarise(old: list[Finding], new: list[Finding]) -> list[str]:
    """``recheck``'s lines from the findings before and after, however they were found."""
    lines: list[str] = []
    groups: list[tuple[frozenset[str], str, str, str]] = [
        (BOUNDARY_CODES, "✗", "crosses a boundary", "cross a boundary"),
        (frozenset({"B104"}), "⚠", "needs someone's agreement (ask)", "need someone's agreement"),
        (frozenset({"T505"}), "✗", "names no performer (T505)", "name no performer (T505)"),
    ]
    for codes, mark, one, many in groups:
        gained = _beats(new, codes) - _beats(old, codes)
        lost = _beats(old, codes) - _beats(new, codes)
        if gained:
            count = len(gained)
            verb = _plural(count, f"beat now {one}", f"beats now {many}")
            lines.append(f"{mark} {count} {verb}: {_numbers(gained)}")
        if lost:
            count = len(lost)
            verb = _plural(count, f"beat no longer {one}", f"beats no longer {many}")
            lines.append(f"{MARK['ok']} {count} {verb}: {_numbers(lost)}")
    lines += _others(old, new, frozenset().union(*(codes for codes, *_ in groups)))
    lines.append(_whole(new))
    return lines
