"""Adding, editing and removing the parts of a beat, as pure functions over Beat values.

A part is named by a key: ``touch:0``, ``placement:1``, ``barrier:0``,
``garment:0`` or ``bare:ana``. ``part_form`` builds the form for a new or existing
part; the value it gives back is put in place by ``put_part``.
"""

from __future__ import annotations

from typing import Any

from choreo_tui.screens.part_form import (
    PartForm,
    bare_fields,
    barrier_fields,
    garment_fields,
    placement_fields,
    touch_fields,
)
from notation.model import Barrier, Beat, BeatGarment, Placement, Score, Touch

Part = Touch | Placement | Barrier | BeatGarment | tuple[str, tuple[str, ...]]
"""A part of a beat; bare areas are (performer id, areas)."""

LISTS = {
    "touch": "touches",
    "placement": "placements",
    "barrier": "barriers",
    "garment": "garments",
}
TITLES = {
    "touch": "Touch",
    "placement": "Placement",
    "barrier": "Barrier",
    "garment": "Garment (this beat only)",
    "bare": "Bare areas (this beat)",
}


def split_key(key: str) -> tuple[str, str]:
    """``touch:0`` -> (``touch``, ``0``)."""
    kind, _, which = key.partition(":")
    return kind, which


def current_part(beat: Beat, key: str) -> Part | None:
    """The part a key names in ``beat``, or None when it is gone."""
    kind, which = split_key(key)
    if kind == "bare":
        return (which, beat.bare[which]) if which in beat.bare else None
    items: tuple[Any, ...] = getattr(beat, LISTS[kind])
    index = int(which)
    return items[index] if 0 <= index < len(items) else None


def _values(kind: str, part: Part | None, score: Score) -> dict[str, Any]:
    first = score.performers[0].id if score.performers else None
    second = score.performers[1].id if len(score.performers) > 1 else first
    if part is None:
        defaults: dict[str, dict[str, Any]] = {
            "touch": {"by": second, "to": first, "with": "hand", "on": "upper_back"},
            "placement": {"who": first, "area": "CS", "level": "standing"},
            "barrier": {"between_a": first, "between_b": second, "at": "pelvis"},
            "garment": {"who": first, "kind": "modesty_pouch"},
            "bare": {"who": first, "areas": ()},
        }
        return defaults[kind]
    if isinstance(part, tuple):
        return {"who": part[0], "areas": part[1]}
    if isinstance(part, Barrier):
        return {
            "kind": part.kind,
            "between_a": part.between[0],
            "between_b": part.between[1],
            "at": part.at,
        }
    data = part.model_dump(by_alias=True)
    return data


def _build(kind: str) -> Any:
    def touch(data: dict[str, Any]) -> Part:
        return Touch.model_validate(data)

    def placement(data: dict[str, Any]) -> Part:
        return Placement.model_validate(data)

    def barrier(data: dict[str, Any]) -> Part:
        data = dict(data)
        data["between"] = (data.pop("between_a", None), data.pop("between_b", None))
        return Barrier.model_validate(data)

    def garment(data: dict[str, Any]) -> Part:
        return BeatGarment.model_validate(data)

    def bare(data: dict[str, Any]) -> Part:
        if not data.get("areas"):
            raise ValueError("tick at least one bare area (or press Escape)")
        return (str(data["who"]), tuple(data["areas"]))

    return {
        "touch": touch,
        "placement": placement,
        "barrier": barrier,
        "garment": garment,
        "bare": bare,
    }[kind]


def carried_placement(score: Score, key: str) -> Placement | None:
    """The placement a ``carried:BEAT:WHO`` key names (the first of that beat's
    placements of WHO), or None when it is gone."""
    _, _, rest = key.partition(":")
    since, _, who = rest.partition(":")
    if not since.isdigit() or int(since) >= len(score.beats):
        return None
    return next((p for p in score.beats[int(since)].placements if p.who == who), None)


def part_form(
    score: Score, beat: Beat, kind: str, key: str | None, start: Part | None = None
) -> PartForm[Part]:
    """The form for a new part of ``kind`` (``key`` None; filled from ``start`` when
    given) or for the part at ``key``."""
    part = current_part(beat, key) if key else start
    values = _values(kind, part, score)
    if kind == "touch":
        fields = touch_fields(score, values.get("to"))
    else:
        fields = {
            "placement": placement_fields,
            "barrier": barrier_fields,
            "garment": garment_fields,
            "bare": bare_fields,
        }[kind](score)
    title = ("Edit " if key else "New ") + TITLES[kind].lower()
    if start is not None and key is None and isinstance(start, Placement):
        title = f"Move {score.name_of(start.who)} in this beat"
    form = PartForm(title, fields, values, _build(kind))
    form.score = score  # so the touch form can show a new 'to''s boundaries
    return form


def put_part(beat: Beat, kind: str, key: str | None, part: Part) -> Beat:
    """``beat`` with ``part`` added (``key`` None) or in place of the part at ``key``."""
    if isinstance(part, tuple):
        bare = dict(beat.bare)
        if key is not None:
            bare.pop(split_key(key)[1], None)
        bare[part[0]] = part[1]
        return beat.model_copy(update={"bare": bare})
    name = LISTS[kind]
    items = list(getattr(beat, name))
    if key is None:
        items.append(part)
    else:
        items[int(split_key(key)[1])] = part
    return beat.model_copy(update={name: tuple(items)})


def drop_part(beat: Beat, key: str) -> Beat:
    """``beat`` without the part at ``key``."""
    kind, which = split_key(key)
    if kind == "bare":
        bare = {who: areas for who, areas in beat.bare.items() if who != which}
        return beat.model_copy(update={"bare": bare})
    name = LISTS[kind]
    items = list(getattr(beat, name))
    del items[int(which)]
    return beat.model_copy(update={name: tuple(items)})
