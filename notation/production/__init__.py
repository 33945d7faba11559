"""Productions: one cast in ``production.toml`` for every scene score in its folder.

A score whose folder (or a folder above) holds a ``production.toml`` is a
production score: it takes its cast and scene defaults from the production and
records only what differs in this scene. ``open_score(path)`` reads any score,
standalone (a ``Score``, exactly as ``notation.load``) or in a production (a
``ProductionScene``, whose ``score`` is the merged, ordinary ``Score``).

The parts: ``model`` (the files' models), ``reading`` (loaders with file and
line, ``find_production``), ``merging`` (the merge and where each value came
from), ``editing`` (back from an edited merged score to each file), ``checking``
(findings with the file to change, P601/P602), ``rippling`` (re-checking after a
cast change),
``writing`` (atomic, deterministic, 0600) and ``folder`` (every score of a folder).
See docs/productions.md.
"""

from __future__ import annotations

from pathlib import Path

from notation.model import Score
from notation.production.checking import (
    PlacedFinding,
    cast_findings,
    check_any,
    check_production,
    check_production_scene,
)
from notation.production.editing import Scope, apply_performer_edit, split
from notation.production.merging import Origin, ProductionScene, merge, remerge
from notation.production.model import (
    PRODUCTION_FILE,
    PRODUCTION_FORMAT,
    BoundariesLayer,
    PerformerLayer,
    Production,
    ProductionInfo,
    SceneHeader,
    SceneLayer,
)
from notation.production.reading import (
    find_production,
    load_layer,
    load_production,
    loads_layer,
    loads_production,
)
from notation.production.rippling import Ripple, SceneRecheck, naming, recheck, ripple
from notation.production.writing import (
    dumps_layer,
    dumps_production,
    save_layer,
    save_production,
)
from notation.reading import LoadError, load

Productions = dict[str, Production | LoadError]
"""Productions already read, by path, so a folder's scenes read their production once."""


def production_for(path: str | Path, cache: Productions | None = None) -> Production:
    """The production at ``path``, read once per cache. Raises ``LoadError``."""
    key = str(path)
    if cache is not None and key in cache:
        known = cache[key]
        if isinstance(known, LoadError):
            raise known
        return known
    try:
        production = load_production(path)
    except LoadError as error:
        if cache is not None:
            cache[key] = error
        raise
    if cache is not None:
        cache[key] = production
    return production


def open_score(path: str | Path, cache: Productions | None = None) -> Score | ProductionScene:
    """Read a score, through its production when it has one. Raises ``LoadError``.

    A production that cannot be read raises its own ``LoadError`` (naming
    ``production.toml`` and its line): the scene cannot be understood without it.
    """
    found = find_production(path)
    if found is None:
        return load(path)
    production = production_for(found, cache)
    layer = load_layer(path)
    return merge(production, layer, str(path), str(found))


def load_merged(path: str | Path) -> Score:
    """The score to read, check or export: merged through its production when it has one."""
    opened = open_score(path)
    return opened.score if isinstance(opened, ProductionScene) else opened


def save_scene(
    scene: ProductionScene, edited: Score, path: str | Path | None = None
) -> ProductionScene:
    """Save an edited merged score as its production score (only what the scene sets).

    Returns the scene as saved (re-merged). Raises ``SaveError``; the file is unchanged then.
    """
    layer = split(scene, edited)
    save_layer(layer, path if path is not None else scene.path)
    return merge(scene.production, layer, scene.path, scene.production_path)


__all__ = [
    "PRODUCTION_FILE",
    "PRODUCTION_FORMAT",
    "BoundariesLayer",
    "Origin",
    "PerformerLayer",
    "PlacedFinding",
    "Production",
    "ProductionInfo",
    "ProductionScene",
    "Productions",
    "Ripple",
    "SceneHeader",
    "SceneLayer",
    "SceneRecheck",
    "Scope",
    "apply_performer_edit",
    "cast_findings",
    "check_any",
    "check_production",
    "check_production_scene",
    "dumps_layer",
    "dumps_production",
    "find_production",
    "load_layer",
    "load_merged",
    "load_production",
    "loads_layer",
    "loads_production",
    "merge",
    "naming",
    "open_score",
    "production_for",
    "recheck",
    "remerge",
    "ripple",
    "save_layer",
    "save_production",
    "save_scene",
    "split",
]
