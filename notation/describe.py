"""Plain, desexualised words for beats: used by ``show``, the editor, replay and exports.

The practice writes choreography as "right palm on upper back, light, 2 counts":
plain words, never erotic ones. Everything that puts a beat into words goes
through here so the wording is the same on every screen and in every export.
"""

from __future__ import annotations

from collections.abc import Iterable

from notation.areas import area_label
from notation.model import Barrier, Beat, BeatGarment, Garment, Placement, Score, Touch

VERBS: dict[str, str] = {
    "placeholder": "touches (placeholder)",
    "hold": "holds",
    "press": "presses",
    "caress": "caresses",
    "brush": "brushes",
    "embrace": "embraces",
    "kiss": "kisses",
    "lean": "leans on",
    "lift": "lifts",
    "grip": "grips",
}

STAGE_WORDS: dict[str, str] = {
    "USL": "upstage left",
    "USC": "upstage centre",
    "USR": "upstage right",
    "CSL": "centre stage left",
    "CS": "centre stage",
    "CSR": "centre stage right",
    "DSL": "downstage left",
    "DSC": "downstage centre",
    "DSR": "downstage right",
    "off": "offstage",
}


def and_list(words: list[str] | tuple[str, ...]) -> str:
    """Words joined for a sentence: "a", "a and b", "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def names_of(score: Score, ids: Iterable[str]) -> str:
    """Performers' names for a sentence: "Ana", "Ana and Ben", "Ana, Ben and Cy"."""
    return and_list([score.name_of(i) for i in ids])


def touch_words(score: Score, touch: Touch) -> str:
    """ "Ben, right hand, holds Ana's upper back: light, 2 counts" ."""
    by, to = score.name_of(touch.by), score.name_of(touch.to)
    target = "their own" if touch.by == touch.to else possessive(to)
    head = f"{by}, {area_label(touch.with_)}, {VERBS[touch.action]} {target} {area_label(touch.on)}"
    details: list[str] = [touch.pressure]
    if touch.action == "kiss":
        if touch.mouth:
            details.append(f"{touch.mouth} mouth")
        if touch.tongue:
            details.append("tongue")
    if touch.over_clothing:
        details.append("over clothing")
    if touch.counts:
        details.append(f"{touch.counts} count{'s' if touch.counts != 1 else ''}")
    if touch.start != 1:
        details.append(f"from count {touch.start}")
    return f"{head}: {', '.join(details)}"


def touch_short(touch: Touch) -> str:
    """A compact line for lists: ``ben hand_r>ana upper_back hold`` ."""
    return f"{touch.by} {touch.with_}>{touch.to} {touch.on} {touch.action}"


def beat_summary(beat: Beat, limit: int = 3) -> str:
    """One line summing up a beat's touches, for the beat list."""
    if not beat.touches:
        return "(no touch)"
    parts = [touch_short(t) for t in beat.touches[:limit]]
    more = len(beat.touches) - limit
    return "; ".join(parts) + (f"; +{more} more" if more > 0 else "")


def timing_words(beat: Beat, scene_tempo: float) -> str:
    """ "8 counts at 60/min", "4 s", or "untimed" ."""
    t = beat.timing
    if t is None or (t.counts is None and t.seconds is None):
        return "untimed"
    parts: list[str] = []
    if t.counts is not None:
        tempo = t.tempo or scene_tempo
        parts.append(f"{counted(t.counts, 'count')} at {tempo:g}/min")
    if t.seconds is not None:
        parts.append(f"{t.seconds:g} s")
    return " + ".join(parts)


def timing_short(beat: Beat) -> str:
    """ "8c", "4s" or "—" for narrow columns."""
    t = beat.timing
    if t is None or (t.counts is None and t.seconds is None):
        return "—"
    if t.counts is not None and t.seconds is not None:
        return f"{t.counts}c+{t.seconds:g}s"
    return f"{t.counts}c" if t.counts is not None else f"{t.seconds:g}s"


def placement_words(score: Score, placement: Placement) -> str:
    """ "Ana: centre stage, kneeling, facing Ben, on the bed" ."""
    parts = [STAGE_WORDS[placement.area], placement.level]
    if placement.facing:
        facing = placement.facing
        parts.append(
            f"facing {facing if facing in ('DS', 'US', 'SL', 'SR') else score.name_of(facing)}"
        )
    if placement.on:
        parts.append(f"on {placement.on}")
    return f"{score.name_of(placement.who)}: {', '.join(parts)}"


def barrier_words(score: Score, barrier: Barrier) -> str:
    """ "bolster between Ana and Ben, at the pelvis" ."""
    a, b = (score.name_of(who) for who in barrier.between)
    return f"{barrier.kind.replace('_', ' ')} between {a} and {b}, at the {area_label(barrier.at)}"


def garment_words(score: Score, garment: Garment | BeatGarment, who: str | None = None) -> str:
    """ "Ana: modesty pouch (covers groin)" ."""
    owner = who if who is not None else getattr(garment, "who", None)
    covers = ", ".join(area_label(a) for a in garment.covered)
    text = f"{garment.kind.replace('_', ' ')} (covers {covers})"
    return f"{score.name_of(owner)}: {text}" if owner else text


def counted(number: int, word: str, plural: str | None = None) -> str:
    """ "1 error", "2 errors", "1 area"; ``plural`` for words not made with an s."""
    return f"{number} {word if number == 1 else plural or word + 's'}"


def possessive(name: str) -> str:
    """ "Ben's"; an unknown id, which ``Score.name_of`` quotes ('juls'), loses its
    quotes rather than reading 'juls''s."""
    if len(name) > 1 and name.startswith("'") and name.endswith("'"):
        name = name[1:-1]
    return f"{name}'s"
