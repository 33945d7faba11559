"""Edits to a production scene: back from the merged score to what each file holds.

The editor edits the merged ``Score``. Two things turn its edits into files:

- ``split(scene, edited)``: the scene's layer for an edited merged score; what the
  scene file must say so that merging gives ``edited`` back. Keys the scene set
  before stay set (an override that happens to equal the cast still says "in this
  scene, this"); a key the scene did not set is written only where it now differs
  from the cast. The cast is never copied in.
- ``apply_performer_edit(scene, before, after, scope)``: a change to one
  performer, made to the whole production (the cast: the usual case, consent is
  about the person) or to this scene only (an override). With ``"production"``
  the scene's own overrides of the changed keys are dropped, so the change shows
  here too.
"""

from __future__ import annotations

from typing import Literal

from notation.areas import ALIASES, PARENT, resolve_key
from notation.model import AreaRule, Boundaries, Performer, Scene, Score, WillTouch
from notation.production.merging import (
    _LAYERED_KEYS,
    _PLAIN_KEYS,
    _SCENE_KEYS,
    ProductionScene,
    merge,
)
from notation.production.model import (
    BoundariesLayer,
    PerformerLayer,
    Production,
    SceneHeader,
    SceneLayer,
)

Scope = Literal["production", "scene"]
"""Where a performer edit goes: the cast in ``production.toml`` or this scene's file."""


def _resolved(table: Boundaries, key: str) -> AreaRule:
    """What ``table`` says at node ``key`` from its ancestors alone (the key itself absent)."""
    rest = {area: rule for area, rule in table.areas.items() if area != key}
    # An unsided alias (`arm`) sits beside its sided nodes: what is above it is above them.
    node = PARENT[ALIASES[key][0]] if key in ALIASES else key
    found = resolve_key(rest, node)
    if found is None:
        return AreaRule(status=table.default)
    return rest[found]


def _table_layer(
    cast: Boundaries | None, merged: Boundaries | None, kept: BoundariesLayer | None
) -> BoundariesLayer | None:
    """The layer that turns ``cast`` into ``merged``, keeping the keys ``kept`` set."""
    if merged is None:
        # A layer cannot remove the cast's table; the merged score always has one then.
        return kept
    base = cast if cast is not None else type(merged)()
    default = merged.default
    recorded = merged.recorded
    keep_default = kept is not None and kept.default is not None
    keep_recorded = kept is not None and kept.recorded is not None
    areas: dict[str, AreaRule] = {}
    kept_areas = kept.areas if kept is not None else {}
    for key, rule in merged.areas.items():
        if key in kept_areas or base.areas.get(key) != rule:
            areas[key] = rule
    for key in base.areas:
        if key not in merged.areas:
            # Removed in the scene: a layer cannot delete a key, so it pins the node to
            # what the scene's table says there from above (same leaves, same answer).
            areas[key] = _resolved(merged, key)
    layer = BoundariesLayer(
        recorded=recorded if keep_recorded or recorded != base.recorded else None,
        default=default if keep_default or default != base.default else None,
        areas=areas,
    )
    if kept is None and cast is not None and layer == BoundariesLayer():
        return None
    return layer


def performer_layer(
    cast: Performer | None, merged: Performer, kept: PerformerLayer | None
) -> PerformerLayer:
    """The entry that turns cast member ``cast`` into ``merged`` (all of it when scene-only)."""
    if cast is None:
        # A scene-only performer: their whole record, leaving out what equals the default.
        blank = Performer.model_construct(id=merged.id, name=merged.name)
        values: dict[str, object] = {
            key: getattr(merged, key)
            for key in _PLAIN_KEYS
            if key == "name" or getattr(merged, key) != getattr(blank, key)
        }
        for key in _LAYERED_KEYS:
            table: Boundaries | None = getattr(merged, key)
            values[key] = (
                None
                if table is None
                else BoundariesLayer(
                    recorded=table.recorded, default=table.default, areas=dict(table.areas)
                )
            )
        return PerformerLayer(id=merged.id, **values)
    values = {}
    for key in _PLAIN_KEYS:
        was_set = kept is not None and getattr(kept, key) is not None
        if was_set or getattr(merged, key) != getattr(cast, key):
            values[key] = getattr(merged, key)
    for key in _LAYERED_KEYS:
        values[key] = _table_layer(
            getattr(cast, key), getattr(merged, key), getattr(kept, key) if kept else None
        )
    return PerformerLayer(id=merged.id, **values)


def _header(production: Production, scene: Scene, kept: SceneHeader) -> SceneHeader:
    info = production.production
    values: dict[str, object] = {"title": scene.title}
    default_title = info.title
    if kept.production is not None or scene.production != default_title:
        values["production"] = scene.production
    for key in _SCENE_KEYS:
        if getattr(kept, key) is not None or getattr(scene, key) != getattr(info, key):
            values[key] = getattr(scene, key)
    return SceneHeader(**values)


def split(scene: ProductionScene, edited: Score) -> SceneLayer:
    """The scene's own layer for an edited merged score (what saving the scene writes)."""
    production = scene.production
    cast = production.by_id
    old = {entry.id: entry for entry in scene.layer.performers}
    named: set[str] = set()
    for beat in edited.beats:
        named |= beat.ids()
    entries: list[PerformerLayer] = []
    for performer in edited.performers:
        kept = old.get(performer.id)
        entry = performer_layer(cast.get(performer.id), performer, kept)
        needed = kept is not None or entry.given() or performer.id not in named
        if needed:
            entries.append(entry)
    present = {entry.id for entry in entries}
    # Entries that name no one (P601) are the coordinator's to fix, never dropped silently.
    for index, entry in scene.unknown:
        if entry.id not in present:
            entries.insert(min(index, len(entries)), entry)
    return SceneLayer.model_construct(
        scene=_header(production, edited.scene, scene.layer.scene),
        performers=tuple(entries),
        beats=edited.beats,
        log=edited.log,
    )


def _changed_keys(before: Performer, after: Performer) -> tuple[set[str], dict[str, set[str]]]:
    """Plain keys that changed, and per layered table the parts that changed."""
    plain = {key for key in _PLAIN_KEYS if getattr(before, key) != getattr(after, key)}
    layered: dict[str, set[str]] = {}
    for key in _LAYERED_KEYS:
        old: Boundaries | None = getattr(before, key)
        new: Boundaries | None = getattr(after, key)
        if old == new:
            continue
        parts: set[str] = set()
        old_areas = old.areas if old else {}
        new_areas = new.areas if new else {}
        for area in set(old_areas) | set(new_areas):
            if old_areas.get(area) != new_areas.get(area):
                parts.add(f"areas.{area}")
        if (old.default if old else None) != (new.default if new else None):
            parts.add("default")
        if (old.recorded if old else None) != (new.recorded if new else None):
            parts.add("recorded")
        layered[key] = parts
    return plain, layered


def _apply_table(
    target: Boundaries | None, after: Boundaries | None, parts: set[str], kind: type[Boundaries]
) -> Boundaries | None:
    if after is None:
        return None
    table = target if target is not None else kind()
    areas = dict(table.areas)
    for part in parts:
        if part.startswith("areas."):
            area = part[len("areas.") :]
            if area in after.areas:
                areas[area] = after.areas[area]
            else:
                areas.pop(area, None)
    return kind(
        recorded=after.recorded if "recorded" in parts else table.recorded,
        default=after.default if "default" in parts else table.default,
        areas=areas,
    )


def _drop_from_entry(
    entry: PerformerLayer, plain: set[str], layered: dict[str, set[str]]
) -> PerformerLayer:
    update: dict[str, object] = {key: None for key in plain}
    for key, parts in layered.items():
        table: BoundariesLayer | None = getattr(entry, key)
        if table is None:
            continue
        areas = {a: r for a, r in table.areas.items() if f"areas.{a}" not in parts}
        update[key] = BoundariesLayer(
            recorded=None if "recorded" in parts else table.recorded,
            default=None if "default" in parts else table.default,
            areas=areas,
        )
    return entry.model_copy(update=update)


def apply_performer_edit(
    scene: ProductionScene, before: Performer, after: Performer, scope: Scope
) -> ProductionScene:
    """``scene`` after one performer's edit (``before`` -> ``after``, both merged views).

    ``"production"``: the change goes into the cast (for a scene-only performer,
    whose record lives in the scene, it goes into the scene), and the scene's own
    overrides of the changed keys are dropped. ``"scene"``: it becomes an override
    in this scene's file. Returns the re-merged scene; the caller saves
    ``result.production`` (``save_production``) and/or ``result.layer``.
    """
    production = scene.production
    cast = production.by_id.get(after.id)
    if scope == "scene" or cast is None:
        performers = [after if p.id == after.id else p for p in scene.score.performers]
        if after.id not in {p.id for p in performers}:
            performers.append(after)
        edited = scene.score.replace(performers=tuple(performers))
        return merge(production, split(scene, edited), scene.path, scene.production_path)
    plain, layered = _changed_keys(before, after)
    update: dict[str, object] = {key: getattr(after, key) for key in plain}
    for key, parts in layered.items():
        kind = WillTouch if key == "will_touch" else Boundaries
        update[key] = _apply_table(getattr(cast, key), getattr(after, key), parts, kind)
    new_cast = Performer.model_validate({**dict(cast), **update})
    new_production = production.with_performer(new_cast)
    layer = scene.layer
    found = layer.entry_of(after.id)
    if found is not None:
        index, entry = found
        entries = list(layer.performers)
        entries[index] = _drop_from_entry(entry, plain, layered)
        layer = layer.model_copy(update={"performers": tuple(entries)})
    return merge(new_production, layer, scene.path, scene.production_path)
