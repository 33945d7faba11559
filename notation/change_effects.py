"""What a change to a score does to its findings, in words and in beat numbers.

The cast screen shows, while a performer's record is edited, which beats now cross
a boundary and which no longer do; replay stops on beats with errors and warns when
a boundary changed in the room breaks a beat. Both compare findings before and after
a change, however they were found (a full check or the incremental checker).
"""

from __future__ import annotations

from collections.abc import Iterable

from notation.checks import check
from notation.findings import MARK, RULE_WORDS, Finding
from notation.model import Score

BOUNDARY_CODES = frozenset({"B101", "B102", "B103", "B105"})
"""Rules broken when a beat crosses a performer's recorded boundary."""


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
