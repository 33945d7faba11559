"""A production score merged with its production into an ordinary ``Score``.

The merged score is what every rule, digest, export and screen works on, so
they work unchanged. Merging, as the contract says:

- ``[scene]`` keys the scene leaves out come from ``[production]``; ``production``
  defaults to the production's title.
- The scene's roster: every cast member the scene names (in a beat or by a
  ``[[performers]]`` entry), in cast order, then the scene-only performers (an
  entry with an id not in the cast and a ``name``) in the order of their entries.
  An entry with an id not in the cast and no ``name`` is P601 and adds no one.
- A cast member's entry replaces each key it gives, except ``boundaries`` and
  ``will_touch``, which layer: ``default`` and ``recorded`` replace, each key of
  ``areas`` replaces that key only.

``ProductionScene`` keeps the three parts (production, the scene's layer, the
merged score) and where every performer value came from (``sources``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from notation.model import Boundaries, Performer, Scene, Score, WillTouch
from notation.production.breakdown import Breakdown, Reach, breakdown_of, seed_blocking
from notation.production.model import (
    BoundariesLayer,
    Lines,
    PerformerLayer,
    Production,
    SceneLayer,
)

Origin = Literal["cast", "scene"]
"""Where a merged performer value came from: the production's cast or this scene's file."""

_SCENE_KEYS = (
    "medium",
    "self_care_cue",
    "closed_set",
    "tempo",
    "coordinator",
    "director",
    "notes",
    "private_notes",
)
_PLAIN_KEYS = ("name", "character", "minor", "guardian", "private_notes", "rider", "garments")
_LAYERED_KEYS = ("boundaries", "will_touch")


def _layered(
    base: Boundaries | None, layer: BoundariesLayer | None, kind: type[Boundaries]
) -> Boundaries | None:
    if layer is None:
        return base
    if base is None:
        base = kind()
    return kind.model_construct(
        recorded=layer.recorded if layer.recorded is not None else base.recorded,
        default=layer.default if layer.default is not None else base.default,
        areas={**base.areas, **layer.areas},
    )


def merge_performer(cast: Performer | None, entry: PerformerLayer | None) -> Performer | None:
    """A cast member (or None) with a scene entry (or None) layered over; None for P601."""
    if entry is None:
        return cast
    if cast is None:
        if entry.name is None:
            return None
        cast = Performer.model_construct(id=entry.id, name=entry.name)
    update: dict[str, object] = {
        key: getattr(entry, key) for key in _PLAIN_KEYS if getattr(entry, key) is not None
    }
    if entry.boundaries is not None:
        update["boundaries"] = _layered(cast.boundaries, entry.boundaries, Boundaries)
    if entry.will_touch is not None:
        update["will_touch"] = _layered(cast.will_touch, entry.will_touch, WillTouch)
    return cast.model_copy(update=update) if update else cast


def merge_scene(production: Production, layer: SceneLayer) -> Scene:
    """The scene header: the scene's keys, else the production's defaults."""
    info = production.production
    header = layer.scene
    values: dict[str, object] = {"title": header.title}
    values["production"] = header.production if header.production is not None else info.title
    for key in _SCENE_KEYS:
        own = getattr(header, key)
        values[key] = own if own is not None else getattr(info, key)
    return Scene.model_construct(**values)  # type: ignore[arg-type]


class _MergedLines(Mapping[tuple[str | int, ...], int]):
    """The scene file's lines, with merged performer positions turned into entry positions."""

    def __init__(self, lines: Lines, entries: Mapping[int, int]) -> None:
        self._lines = lines
        self._entries = entries

    def _key(self, key: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
        if len(key) >= 2 and key[0] == "performers" and isinstance(key[1], int):
            entry = self._entries.get(key[1])
            return None if entry is None else ("performers", entry, *key[2:])
        return key

    def __getitem__(self, key: tuple[str | int, ...]) -> int:
        own = self._key(key)
        if own is None:
            raise KeyError(key)
        return self._lines[own]

    def __iter__(self) -> Iterator[tuple[str | int, ...]]:
        back = {entry: index for index, entry in self._entries.items()}
        for key in self._lines:
            if len(key) >= 2 and key[0] == "performers" and isinstance(key[1], int):
                if key[1] in back:
                    yield ("performers", back[key[1]], *key[2:])
            else:
                yield key

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass(frozen=True)
class ProductionScene:
    """A score inside a production: the production, the scene's own layer, and the merge.

    ``score`` is an ordinary ``Score`` (check it, digest it, export it); its
    lines are the scene file's (a cast member's table has a line only when the
    scene has an entry for them). ``entries`` maps a merged performer's position
    to the position of the scene's ``[[performers]]`` entry for them.
    """

    path: str
    production_path: str
    production: Production
    layer: SceneLayer
    score: Score
    entries: Mapping[int, int] = field(default_factory=dict)

    @property
    def breakdown(self) -> Breakdown:
        """Who the scene's beats name and touch, and where; worked out once per file read."""
        return breakdown_of(self.layer, self.score.beats)

    @property
    def touched(self) -> frozenset[str]:
        """Every id touched by another performer in some beat (C405 reads it)."""
        return self.breakdown.touched

    @property
    def naming(self) -> dict[str, tuple[int, ...]]:
        """Performer id -> the 0-based beats that name them anywhere."""
        return self.breakdown.naming

    def reach_of(self, performer_id: str) -> Reach:
        """Which beats touch a performer on which area, or have them touch with or on it."""
        return self.breakdown.reach_of(performer_id)

    @property
    def unknown(self) -> tuple[tuple[int, PerformerLayer], ...]:
        """The scene's entries that name no cast member and give no name (P601)."""
        cast = self.production.by_id
        return tuple(
            (index, entry)
            for index, entry in enumerate(self.layer.performers)
            if entry.id not in cast and entry.name is None
        )

    def sources(self, performer_id: str) -> dict[str, Origin]:
        """Where each value of a merged performer comes from, by key.

        Keys are performer fields (``name``, ``rider``...) and, for the layered
        tables, ``boundaries.default``, ``boundaries.recorded`` and
        ``boundaries.areas.KEY`` (likewise ``will_touch.``). Only values that are
        set somewhere are listed.
        """
        performer = self.score.by_id.get(performer_id)
        if performer is None:
            return {}
        cast = self.production.by_id.get(performer_id)
        found = self.layer.entry_of(performer_id)
        entry = found[1] if found else None
        if cast is None:
            return {key: "scene" for key in _set_keys(performer)}
        result: dict[str, Origin] = {}
        for key in _set_keys(performer):
            top = key.split(".", 1)[0]
            origin: Origin = "cast"
            if entry is not None and top in _PLAIN_KEYS and getattr(entry, top) is not None:
                origin = "scene"
            elif entry is not None and top in _LAYERED_KEYS:
                table: BoundariesLayer | None = getattr(entry, top)
                if table is not None:
                    rest = key.split(".", 1)[1] if "." in key else ""
                    if rest.startswith("areas."):
                        origin = "scene" if rest[len("areas.") :] in table.areas else "cast"
                    elif rest in ("default", "recorded"):
                        origin = "scene" if getattr(table, rest) is not None else "cast"
            result[key] = origin
        return result


def _set_keys(performer: Performer) -> list[str]:
    keys = ["name"]
    for key in ("character", "minor", "guardian", "private_notes", "rider", "garments"):
        if getattr(performer, key):
            keys.append(key)
    for key in _LAYERED_KEYS:
        table: Boundaries | None = getattr(performer, key)
        if table is None:
            continue
        keys.append(f"{key}.default")
        if table.recorded is not None:
            keys.append(f"{key}.recorded")
        keys += [f"{key}.areas.{area}" for area in table.areas]
    return keys


def roster(production: Production, layer: SceneLayer) -> list[str]:
    """The ids of the merged scene's performers, in order (cast order, then scene-only)."""
    # The breakdown's naming, kept with the layer: merging the same file again (a
    # re-check, the app's ripple) does not walk every beat again.
    named = {entry.id for entry in layer.performers} | breakdown_of(
        layer, layer.beats
    ).naming.keys()
    ids = [p.id for p in production.performers if p.id in named]
    cast = production.by_id
    ids += [e.id for e in layer.performers if e.id not in cast and e.name is not None]
    return ids


def merge(
    production: Production,
    layer: SceneLayer,
    path: str | Path = "<score>",
    production_path: str | Path = "production.toml",
) -> ProductionScene:
    """The scene merged with its production, as a ``ProductionScene``."""
    cast = production.by_id
    own = {entry.id: (index, entry) for index, entry in enumerate(layer.performers)}
    performers: list[Performer] = []
    entries: dict[int, int] = {}
    for pid in roster(production, layer):
        index, entry = own.get(pid, (None, None))
        merged = merge_performer(cast.get(pid), entry)
        if merged is None:
            continue
        if index is not None:
            entries[len(performers)] = index
        performers.append(merged)
    score = Score.model_construct(
        scene=merge_scene(production, layer),
        performers=tuple(performers),
        beats=layer.beats,
        log=layer.log,
    )
    own_lines = layer._lines
    if own_lines is not None:
        score = score.with_lines(_MergedLines(own_lines, entries))
    seed_blocking(layer, score)
    return ProductionScene(
        path=str(path),
        production_path=str(production_path),
        production=production,
        layer=layer,
        score=score,
        entries=entries,
    )


def remerge(
    scene: ProductionScene,
    production: Production | None = None,
    layer: SceneLayer | None = None,
) -> ProductionScene:
    """The same scene merged again after its production or its layer changed."""
    return merge(
        production if production is not None else scene.production,
        layer if layer is not None else scene.layer,
        scene.path,
        scene.production_path,
    )


def recast(scene: ProductionScene, production: Production, performer_id: str) -> ProductionScene:
    """``scene`` with one cast member's record taken from ``production`` (a cast edit).

    The same as ``remerge(scene, production=production)`` when only that cast
    member changed, without merging the rest of the scene again.
    """
    performers = list(scene.score.performers)
    for position, performer in enumerate(performers):
        if performer.id != performer_id:
            continue
        entry_index = scene.entries.get(position)
        entry = scene.layer.performers[entry_index] if entry_index is not None else None
        merged = merge_performer(production.by_id.get(performer_id), entry)
        if merged is None:
            return remerge(scene, production=production)
        performers[position] = merged
        # Each performer keeps its place, so the file lines still hold; the placements
        # in force follow from the beats and are carried by ``replace``.
        score = scene.score.replace(performers=tuple(performers), lines=scene.score.source_lines)
        return _with_score(scene, production, score)
    # Not in the scene before: the change may bring them in (a cast member added under
    # an id the scene names), in their place in the roster.
    return remerge(scene, production=production)


def _with_score(scene: ProductionScene, production: Production, score: Score) -> ProductionScene:
    return ProductionScene(
        scene.path, scene.production_path, production, scene.layer, score, scene.entries
    )
