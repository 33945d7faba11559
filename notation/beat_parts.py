"""The parts of a beat by key: finding, adding, replacing and dropping one.

A part is named by a key: ``touch:0``, ``placement:1``, ``barrier:0``,
``garment:0`` or ``bare:ana``; a placement carried forward from an earlier beat
is ``carried:BEAT:WHO``. The editor's parts table lists the keys, its forms give
back a part, and these functions put it in place on an immutable Beat.
"""

from __future__ import annotations

from typing import Any

from notation.model import Barrier, Beat, BeatGarment, Placement, Score, Touch

Part = Touch | Placement | Barrier | BeatGarment | tuple[str, tuple[str, ...]]
"""A part of a beat; bare areas are (performer id, areas)."""

LISTS = {
    "touch": "touches",
    "placement": "placements",
    "barrier": "barriers",
    "garment": "garments",
}
"""Each kind of listed part and the Beat field that holds its list (bare is a table)."""


def split_key(key: str) -> tuple[str, str]:
    """``touch:0`` -> (``touch``, ``0``)."""
    kind, _, which = key.partition(":")
    return kind, which


def _items(beat: Beat, kind: str) -> tuple[Any, ...]:
    items: tuple[Any, ...] = getattr(beat, LISTS[kind])
    return items


def current_part(beat: Beat, key: str) -> Part | None:
    """The part a key names in ``beat``, or None when it is gone."""
    kind, which = split_key(key)
    if kind == "bare":
        return (which, beat.bare[which]) if which in beat.bare else None
    items = _items(beat, kind)
    index = int(which)
    return items[index] if 0 <= index < len(items) else None


def carried_placement(score: Score, key: str) -> Placement | None:
    """The placement a ``carried:BEAT:WHO`` key names (the first of that beat's
    placements of WHO), or None when it is gone."""
    _, _, rest = key.partition(":")
    since, _, who = rest.partition(":")
    if not since.isdigit() or int(since) >= len(score.beats):
        return None
    return next((p for p in score.beats[int(since)].placements if p.who == who), None)


def put_part(beat: Beat, kind: str, key: str | None, part: Part) -> Beat:
    """``beat`` with ``part`` added (``key`` None) or in place of the part at ``key``."""
    if isinstance(part, tuple):
        bare = dict(beat.bare)
        if key is not None:
            bare.pop(split_key(key)[1], None)
        bare[part[0]] = part[1]
        return beat.model_copy(update={"bare": bare})
    items = list(_items(beat, kind))
    if key is None:
        items.append(part)
    else:
        items[int(split_key(key)[1])] = part
    return beat.model_copy(update={LISTS[kind]: tuple(items)})


def drop_part(beat: Beat, key: str) -> Beat:
    """``beat`` without the part at ``key``."""
    kind, which = split_key(key)
    if kind == "bare":
        bare = {who: areas for who, areas in beat.bare.items() if who != which}
        return beat.model_copy(update={"bare": bare})
    items = list(_items(beat, kind))
    del items[int(which)]
    return beat.model_copy(update={LISTS[kind]: tuple(items)})
