"""Who is in a production scene's editor, and which of their records a change touched.

The merge names only the cast members a scene uses; the editor holds them all, so a
touch or a placement can name anyone in the cast. These pure functions put the cast
into a score and say which performers a cast change touched and which of those
changes is asked about (whole production or this scene only).
"""

from __future__ import annotations

from collections.abc import Iterable

from notation.model import Performer, Score

ASKED_KEYS = ("boundaries", "will_touch", "rider", "garments")
"""Changes that are asked about: consent is about the person, but may be for one scene."""


def with_cast(score: Score, cast: Iterable[Performer]) -> Score:
    """``score`` with everyone in ``cast``, in cast order, then its own other performers.

    A performer the score already has keeps the score's record of them (it may hold
    this scene's overrides); the others come from ``cast``.
    """
    here = score.by_id
    performers = [here.get(p.id, p) for p in cast]
    known = {p.id for p in performers}
    performers += [p for p in score.performers if p.id not in known]
    return score.replace(performers=tuple(performers))


def changed_performers(before: Score, after: Score) -> list[Performer]:
    """Performers of ``after`` that are new or differ from ``before``, in order."""
    old = before.by_id
    return [p for p in after.performers if old.get(p.id) != p]


def asks(before: Score, after: Performer) -> bool:
    """Whether a change to this performer is asked about (whole production or this scene)."""
    was = before.by_id.get(after.id)
    if was is None:
        return True
    return any(getattr(was, key) != getattr(after, key) for key in ASKED_KEYS)
