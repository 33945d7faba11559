"""P601 and P602: what a production score's ``[[performers]]`` entries may get wrong.

P601 (error): an entry names an id that is not in the cast and gives no ``name``.

P602 (info): the scene widens a performer's record for this scene. One finding
per performer (not per leaf), listing every widened leaf in its message, at the
scene's ``[[performers]]`` entry. Widened means, leaf by leaf, for boundaries and
for will_touch: the status is less strict in the scene than in the cast
(``no`` -> ``ask``/``yes``, ``ask`` -> ``yes``), or, where the scene's status is not
``no``, a condition (``only``) of the cast's is missing from the scene's. Choreo
also counts a rider that agrees more in the scene (an area may be bare that the
cast's rider does not allow, or simulated sex agreed where the cast's rider does
not) as widening: it is the same deliberate, scene-specific consent.
"""

from __future__ import annotations

from notation.areas import LEAVES, STATUS_ORDER, area_label
from notation.checks.cast import Resolved, resolve_table
from notation.describe import and_list
from notation.findings import Finding
from notation.model import Boundaries, Performer, Rider
from notation.production.merging import ProductionScene


def _widened_leaves(cast: dict[str, Resolved], scene: dict[str, Resolved]) -> list[str]:
    found: list[str] = []
    for leaf in LEAVES:
        before, after = cast[leaf], scene[leaf]
        if STATUS_ORDER[after.status] < STATUS_ORDER[before.status]:
            found.append(f"{area_label(leaf)} ({before.status} to {after.status})")
        elif after.status != "no":
            dropped = [c for c in before.only if c not in after.only]
            if dropped and before.status != "no":
                words = and_list([c.replace("_", " ") for c in dropped])
                found.append(f"{area_label(leaf)} (drops '{words}')")
    return found


_NONE: dict[str, dict[str, Resolved]] = {}
_KEPT = "_choreo_resolved"


def resolved(table: Boundaries | None, default: str) -> dict[str, Resolved]:
    """Every leaf of a boundaries (or will_touch) table, resolved once per table object.

    A cast member's table is one object shared by every scene that does not
    override it, so a production resolves it once, not once per scene. The result
    is kept in the (frozen) table's ``__dict__``, as digests are kept on beats;
    pydantic's equality ignores it. Callers must not change the returned dict.
    """
    if table is None:
        if default not in _NONE:
            _NONE[default] = resolve_table(None, default)  # type: ignore[arg-type]
        return _NONE[default]
    kept: dict[str, dict[str, Resolved]] = table.__dict__.setdefault(_KEPT, {})
    if default not in kept:
        kept[default] = resolve_table(table, default)  # type: ignore[arg-type]
    return kept[default]


def _table(table: Boundaries | None, default: str) -> dict[str, Resolved]:
    return resolved(table, default)


def _rider_wider(cast: Rider | None, scene: Rider | None) -> list[str]:
    if scene is None or scene == cast:
        return []
    allowed = cast.exposable if cast is not None else frozenset()
    found = [
        f"{area_label(leaf)} may be bare"
        for leaf in LEAVES
        if leaf in scene.exposable and leaf not in allowed
    ]
    if scene.simulated_sex and not (cast is not None and cast.simulated_sex):
        found.append("simulated sex agreed")
    return found


def widened(cast: Performer, merged: Performer) -> list[str]:
    """How ``merged`` (the scene's view) is wider than ``cast``, in plain words; empty if not."""
    parts: list[str] = []
    boundaries = _widened_leaves(_table(cast.boundaries, "ask"), _table(merged.boundaries, "ask"))
    if boundaries:
        parts.append(f"may be touched more on {and_list(boundaries)}")
    will_touch = _widened_leaves(_table(cast.will_touch, "yes"), _table(merged.will_touch, "yes"))
    if will_touch:
        parts.append(f"will touch more on {and_list(will_touch)}")
    rider = _rider_wider(cast.rider, merged.rider)
    if rider:
        parts.append(f"the rider allows more ({and_list(rider)})")
    return parts


def production_findings(
    scene: ProductionScene, only: str | None = None
) -> list[tuple[int, str, Finding]]:
    """P601 and P602 for a production scene, each with its ``[[performers]]`` entry's
    index and id; with ``only``, just those about that performer."""
    found: list[tuple[int, str, Finding]] = []
    layer = scene.layer
    for index, entry in scene.unknown:
        if only is not None and entry.id != only:
            continue
        found.append(
            (
                index,
                entry.id,
                Finding(
                    None,
                    "P601",
                    f"Performer '{entry.id}' is not in the production's cast and this entry gives "
                    "no name. Add them to the cast in production.toml, or give a name here to "
                    "make them a performer of this scene only.",
                    line=layer.line_of("performers", index),
                ),
            )
        )
    cast = scene.production.by_id
    for performer in scene.score.performers:
        if only is not None and performer.id != only:
            continue
        record = cast.get(performer.id)
        own = layer.entry_of(performer.id)
        if record is None or own is None:
            continue
        parts = widened(record, performer)
        if parts:
            index = own[0]
            found.append(
                (
                    index,
                    performer.id,
                    Finding(
                        None,
                        "P602",
                        f"In this scene {performer.name}'s record is wider than in the "
                        f"production's cast: {performer.name} {'; '.join(parts)}. Scene-specific "
                        f"consent must be deliberate: confirm it with {performer.name} for "
                        "this scene.",
                        line=layer.line_of("performers", index),
                    ),
                )
            )
    found.sort(key=lambda item: item[0])
    return found
