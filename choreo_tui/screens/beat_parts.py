"""The form for a part of a beat, new or existing.

``part_form`` builds the form; the part it gives back is put in place by
``notation.beat_parts.put_part``, which also names parts by key and drops them.
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
from notation.beat_parts import Part, current_part
from notation.model import Barrier, Beat, BeatGarment, Placement, Score, Touch

TITLES = {
    "touch": "Touch",
    "placement": "Placement",
    "barrier": "Barrier",
    "garment": "Garment (this beat only)",
    "bare": "Bare areas (this beat)",
}


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
