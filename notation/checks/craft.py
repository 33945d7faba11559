"""T501-T506: a score must be repeatable, and name only performers in the cast."""

from __future__ import annotations

from notation.blocking import areas_in_force
from notation.checks.context import BeatContext, surface
from notation.describe import counted
from notation.findings import BeatFinding, Finding
from notation.model import Touch


def timing(ctx: BeatContext) -> list[Finding]:
    """T501 no timing, T502 both counts and seconds."""
    t = ctx.timing
    # Each read once: a read of a pydantic model goes through its __getattr__ hook.
    counts, seconds = (None, None) if t is None else (t.counts, t.seconds)
    if counts is None and seconds is None:
        return [
            ctx.finding(
                "T501",
                "This beat has no timing. Give it counts or seconds so it is repeated the "
                "same way every time.",
            )
        ]
    if counts is not None and seconds is not None:
        return [
            ctx.finding(
                "T502",
                f"This beat's timing gives both {counted(counts, 'count')} and "
                f"{seconds:g} seconds. "
                "Keep one of them.",
            )
        ]
    return []


_OFF = frozenset({"off"})


def placement(ctx: BeatContext) -> list[Finding]:
    """T503: two performers in contact placed apart (or offstage), by the placements in
    force in the beat (carried forward from earlier beats)."""
    contacts = ctx.contacts
    if not contacts:
        return []
    # areas_in_force_at without its own call and its read of the score's beats (a
    # read through pydantic's __getattr__ hook): the list has one entry per beat.
    areas, index = areas_in_force(ctx.score), ctx.index
    if not 0 <= index < len(areas):
        return []
    where = areas[index]
    if not where:
        return []
    found: list[Finding] = []
    reported: set[frozenset[str]] = set()
    number, lines, fields_of = ctx.index + 1, ctx.lines, ctx.fields
    for i, _touch in contacts:
        # Read from the touch's fields (see ``BeatContext.fields``).
        fields = fields_of[i]
        by = fields["by"]
        a = where.get(by)
        if a is None:
            continue
        to = fields["to"]
        b = where.get(to)
        if b is None:
            continue
        # Equal areas are what they share (an area set is never empty): the common
        # case, told without building their intersection.
        shared = a if a == b else a & b
        if shared and shared != _OFF:
            # In contact in some stage area (not only both offstage).
            continue
        pair = frozenset((by, to))
        if pair in reported:
            continue
        reported.add(pair)
        found.append(BeatFinding(number, "T503", (_t503, ctx, by, a, to, b), i, lines))
    return found


def _t503(ctx: BeatContext, by: str, a: frozenset[str], to: str, b: frozenset[str]) -> str:
    return (
        f"{ctx.name(by)} ({'/'.join(sorted(a))}) and {ctx.name(to)} "
        f"({'/'.join(sorted(b))}) are in contact but placed apart or offstage. Place "
        "them in the same stage area, or change the touch."
    )


def kisses(ctx: BeatContext) -> list[Finding]:
    """T504: a kiss must say closed or open mouth, and for how many counts."""
    found: list[Finding] = []
    fields_of = ctx.fields
    for i, touch in ctx.kisses:
        # Two plain tests, not a comprehension (a function made and called per kiss),
        # on the touch's fields (see ``BeatContext.fields``).
        fields = fields_of[i]
        missing: list[str] = []
        if fields["mouth"] is None:
            missing.append("closed or open mouth")
        if fields["counts"] is None:
            missing.append("how many counts")
        if missing:
            found.append(ctx.finding("T504", (_t504, ctx, touch, " or ".join(missing)), i))
    return found


def _t504(ctx: BeatContext, touch: Touch, missing: str) -> str:
    return (
        f"The kiss by {surface(ctx.name(touch.by), touch.with_)} on "
        f"{surface(ctx.name(touch.to), touch.on)} does not say "
        f"{missing}. Specify it so the kiss is the same every time."
    )


def overrun(ctx: BeatContext) -> list[Finding]:
    """T506: a touch runs past the end of a beat timed in counts."""
    t = ctx.timing
    beat_counts = None if t is None else t.counts
    if beat_counts is None:
        return []
    found: list[Finding] = []
    number, lines = ctx.index + 1, ctx.lines
    # Read from the touches' fields (see ``BeatContext.fields``).
    for i, fields in enumerate(ctx.fields):
        if fields["start"] + (fields["counts"] or 1) - 1 <= beat_counts:
            continue
        # The words are built when read: a draft has over a thousand of these.
        touch = ctx.beat.touches[i]
        found.append(BeatFinding(number, "T506", (_t506, ctx, touch, beat_counts), i, lines))
    return found


def _t506(ctx: BeatContext, touch: Touch, beat_counts: int) -> str:
    last = touch.start + (touch.counts or 1) - 1
    span = (
        f"starts on count {touch.start} and lasts {counted(touch.counts, 'count')}, to count {last}"
        if touch.counts is not None
        else f"starts on count {touch.start}"
    )
    return (
        f"The {touch.action} by {surface(ctx.name(touch.by), touch.with_)} on "
        f"{surface(ctx.name(touch.to), touch.on)} {span}, but the beat has "
        f"{counted(beat_counts, 'count')}. Start it earlier, shorten it, or lengthen "
        "the beat."
    )


def unknown_ids(ctx: BeatContext) -> list[Finding]:
    """T505: every id in the beat names a performer."""
    known = ctx.score.by_id
    unknown = ctx.ids - known.keys()
    if not unknown:
        return []
    # The first touch naming each unknown id, in one pass: a scan per id made a beat
    # with 20,000 unknown ids take 38 s.
    first: dict[str, int] = {}
    for i, t in enumerate(ctx.beat.touches):
        for who in (t.by, t.to):
            if who in unknown:
                first.setdefault(who, i)
    found: list[Finding] = []
    for who in sorted(unknown):
        touch = first.get(who)
        found.append(
            ctx.finding(
                "T505",
                f"This beat names '{who}', who is not in the cast. Correct the id or add the "
                "performer.",
                touch,
            )
        )
    return found
