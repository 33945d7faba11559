"""How ``Score.replace`` makes a changed score: the one way to change a score.

A Score is a frozen value shared by undo, the checker and threads, so a change is a
new Score and the old one is never touched. What changed is validated; what did not
keeps its very objects, so values worked out from them and kept by identity (a
production scene's breakdown of its beats, the placements in force) still hold.
"""

from __future__ import annotations

from collections.abc import Mapping
from copy import copy
from typing import Any

from pydantic import BaseModel

from notation.model import Beat, LogEntry, Performer, Scene, Score, repeated_id
from notation.vocabulary import forget_derived

Lines = Mapping[tuple[str | int, ...], int]

_FIELDS = tuple(Score.model_fields)
"""The score's fields, in order (pydantic's ``model_fields`` is slow to ask per change)."""

_ITEMS: dict[str, type[BaseModel]] = {"performers": Performer, "beats": Beat, "log": LogEntry}
"""Each tuple field's item model (exact types: nothing subclasses them)."""


def _as_is(name: str, value: object) -> bool:
    # What pydantic's validation hands back unchanged: a model instance of the exact
    # type (validated when it was made), or a tuple of them.
    if name == "scene":
        return type(value) is Scene
    item = _ITEMS.get(name)
    return item is not None and type(value) is tuple and all(type(v) is item for v in value)


def replaced(score: Score, lines: Lines | None, changes: dict[str, Any]) -> Score:
    """``score`` with ``changes``, validated; file lines dropped unless ``lines`` is given.

    Values that are already models of the field's type were validated when they were
    made and pass validation as they are, so only the score's own rule (unique
    performer ids, ``repeated_id``) is left to check: done here without
    rebuilding the whole score, which a production re-check does for every scene
    naming the performer and the editor for every edit. Anything else (a dict, a
    list, a wrong type) goes through pydantic, as does a score that breaks the rule,
    so that its error is pydantic's.
    """
    quick = _quick(score, lines, changes)
    changed = quick if quick is not None else _validated(score, lines, changes)
    if "beats" not in changes and "blocking" in score.__dict__:
        # The placements in force follow from the beats alone.
        changed.__dict__["blocking"] = score.__dict__["blocking"]
    return changed


def _quick(score: Score, lines: Lines | None, changes: dict[str, Any]) -> Score | None:
    if not all(_as_is(name, value) for name, value in changes.items()):
        return None
    changed = copy(score)
    forget_derived(changed)  # by_id, blocking: worked out from the old fields
    changed.__dict__.update(changes)
    changed.__pydantic_fields_set__.update(changes)
    changed._lines = lines
    return changed if repeated_id(changed.performers) is None else None


def _validated(score: Score, lines: Lines | None, changes: dict[str, Any]) -> Score:
    data = {name: getattr(score, name) for name in _FIELDS}
    data.update(changes)
    changed = Score.model_validate(data)
    values = changed.__dict__
    for name in values.keys() - changes.keys():
        values[name] = data[name]  # validation rebuilt their tuples
    if lines is not None:
        changed._lines = lines
    return changed
