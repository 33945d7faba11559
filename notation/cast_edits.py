"""Cast edits on a whole score: adding, replacing, renaming and removing a performer.

Pure functions on immutable scores, so the cast screen can keep the score it was
given and compare, and the editor can undo the result as one edit. A performer's id
is named all over the beats (touches, placements, facings, barriers, garments, bare
areas, agreements), so renaming or removing one is done here, everywhere at once.
"""

from __future__ import annotations

import re

from notation.model import SLUG_PATTERN, Agreed, Beat, Performer, Placement, Score


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
    """A beat with every mention of ``old`` changed to ``new``."""

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
