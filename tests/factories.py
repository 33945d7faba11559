"""A small builder of scores for tests: short calls, safe defaults, one change at a time.

The defaults make a clean score: a theatre scene with a self-care cue, two
performers (ana, ben) who are green everywhere, and beats timed in counts. A
test then changes the one thing it is about, so a finding can only come from it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

# check and dumps are re-exported: the rule tests take their whole toolkit from here.
from notation import check as check
from notation import dumps as dumps
from notation import loads
from notation.agreement import agree
from notation.model import (
    AreaRule,
    Barrier,
    Beat,
    BeatGarment,
    Boundaries,
    Garment,
    Performer,
    Placement,
    Rider,
    Scene,
    Score,
    Timing,
    Touch,
    WillTouch,
)

AreaSpec = str | tuple[str, tuple[str, ...]] | dict[str, Any]


def _rule(spec: AreaSpec) -> AreaRule:
    if isinstance(spec, str):
        return AreaRule(status=spec)
    if isinstance(spec, tuple):
        return AreaRule(status=spec[0], only=spec[1])
    return AreaRule.model_validate(spec)


def bounds(default: str = "ask", **areas: AreaSpec) -> Boundaries:
    """A boundaries table: ``bounds("yes", neck="no", lips=("ask", ("closed_mouth",)))``."""
    return Boundaries(default=default, areas={k: _rule(v) for k, v in areas.items()})


def will(default: str = "yes", **areas: AreaSpec) -> WillTouch:
    """A will_touch table, same shape as ``bounds``."""
    return WillTouch(default=default, areas={k: _rule(v) for k, v in areas.items()})


GREEN = Boundaries(default="yes")
"""Every area welcome: the neutral boundaries of the default cast."""

RIDER_ALL = Rider(may_expose=("body",), simulated_sex=True)
"""A rider that agrees to everything: the neutral rider for protocol tests."""

POUCH = Garment(kind="modesty_pouch")


def performer(pid: str, name: str | None = None, **fields: Any) -> Performer:
    """A performer, green everywhere unless ``boundaries`` says otherwise."""
    fields.setdefault("boundaries", GREEN)
    return Performer(id=pid, name=name or pid.capitalize() + " Example", **fields)


def touch(by: str = "ben", to: str = "ana", on: str = "upper_back", **fields: Any) -> Touch:
    """A touch; ``with_`` defaults to the hand as in the format."""
    return Touch(by=by, to=to, on=on, **fields)


def placed(who: str, area: str = "CS", **fields: Any) -> Placement:
    """A placement."""
    return Placement(who=who, area=area, **fields)


def barrier(a: str = "ana", b: str = "ben", kind: str = "pillow") -> Barrier:
    """A barrier between two performers."""
    return Barrier(kind=kind, between=(a, b))


def beat_garment(who: str, kind: str = "modesty_pouch", **fields: Any) -> BeatGarment:
    """A garment worn in one beat."""
    return BeatGarment(who=who, kind=kind, **fields)


def beat(*touches: Touch, **fields: Any) -> Beat:
    """A beat holding ``touches``, timed 4 counts unless ``timing`` is given."""
    fields.setdefault("timing", Timing(counts=4))
    return Beat(touches=touches, **fields)


def cast(**extra: Performer) -> tuple[Performer, ...]:
    """The default pair ana and ben, plus any others."""
    return (performer("ana", "Ana Ruiz"), performer("ben", "Ben Okafor"), *extra.values())


def score(
    *beats: Beat,
    performers: tuple[Performer, ...] | list[Performer] | None = None,
    **scene: Any,
) -> Score:
    """A score of ``beats``; scene fields override the clean defaults."""
    scene.setdefault("title", "Test scene")
    scene.setdefault("self_care_cue", "hold")
    return Score(
        scene=Scene(**scene),
        performers=tuple(cast() if performers is None else performers),
        beats=beats,
    )


def with_performer(s: Score, pid: str, **fields: Any) -> Score:
    """The score with one performer's fields changed."""
    people = tuple(p.model_copy(update=fields) if p.id == pid else p for p in s.performers)
    return s.replace(performers=people)


def agreed_by(b: Beat, *who: str) -> Beat:
    """The beat agreed by ``who`` as it stands now (a current digest)."""
    return agree(b, list(who), date(2026, 11, 20))


def codes(s: Score) -> set[tuple[int | None, str]]:
    """The findings of ``s`` as the contract compares them: the set of (beat, code)."""
    return {(f.beat, f.code) for f in check(s)}


def has(s: Score, code: str) -> bool:
    """Whether ``check(s)`` gives any finding with ``code``."""
    return any(f.code == code for f in check(s))


def reread(s: Score) -> Score:
    """``s`` saved and read back, so findings carry file lines."""
    return loads(dumps(s))


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line of ``text`` equal to ``needle``."""
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip() == needle:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} occurs fewer than {occurrence} times")
