"""What the production start screen shows: every scene with its ✓ ⚠ ✗ counts and
how many beats are agreed, and the cast. Pure and slow-ish (it checks every scene),
so the screen runs it in a worker thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from choreo_tui.production.layer_cache import belongs, cached_layer
from notation.agreement import is_current
from notation.findings import SEVERITY
from notation.production import (
    Productions,
    check_production_scene,
    merge,
    production_for,
)
from notation.production.folder import scores_under
from notation.production.merging import ProductionScene
from notation.production.model import Production
from notation.reading import LoadError


@dataclass(frozen=True)
class SceneRow:
    """One scene of the production as the start screen lists it."""

    path: Path
    title: str
    beats: int = 0
    clear: int = 0
    """Beats with no error or warning."""
    warned: int = 0
    """Beats whose worst finding is a warning."""
    failing: int = 0
    """Beats with an error."""
    scene_level: int = 0
    """Errors and warnings that concern the scene or its cast, not a beat."""
    agreed: int = 0
    """Beats agreed, with the agreement still current."""
    problem: str | None = None
    """Why the scene could not be read, or None."""

    def counts(self) -> str:
        """e.g. "✓ 10 ⚠ 2 ✗ 1 · 8/13 agreed", with words, never colour alone."""
        if self.problem is not None:
            return "✗ cannot be read"
        text = f"✓ {self.clear} ⚠ {self.warned} ✗ {self.failing}"
        text += f" · {self.agreed}/{self.beats} agreed"
        if self.scene_level:
            text += f" · {self.scene_level} scene-level"
        return text


def row_of(scene: ProductionScene) -> SceneRow:
    """Count one merged scene's beats by their worst finding, and the agreed ones."""
    worst: dict[int, str] = {}
    scene_level = 0
    for finding in check_production_scene(scene):
        severity = SEVERITY[finding.code]
        if severity == "info":
            continue
        if finding.beat is None:
            scene_level += 1
        elif worst.get(finding.beat) != "error":
            worst[finding.beat] = severity
    beats = scene.score.beats
    failing = sum(1 for s in worst.values() if s == "error")
    warned = len(worst) - failing
    return SceneRow(
        path=Path(scene.path),
        title=scene.score.scene.title,
        beats=len(beats),
        clear=len(beats) - failing - warned,
        warned=warned,
        failing=failing,
        scene_level=scene_level,
        agreed=sum(1 for b in beats if b.agreed is not None and is_current(b)),
    )


@dataclass(frozen=True)
class Overview:
    """A production's title, cast and scenes, or why it could not be read."""

    production_path: Path
    production: Production | None
    scenes: tuple[SceneRow, ...]
    problem: str | None = None


def overview(production_path: Path) -> Overview:
    """Read and check every scene of the production at ``production_path``."""
    cache: Productions = {}
    try:
        production = production_for(production_path, cache)
    except LoadError as error:
        return Overview(production_path, None, (), error.render())
    rows: list[SceneRow] = []
    for path in scores_under(production_path.parent):
        if not belongs(path, production_path):
            # A folder below with its own production.toml: its scenes are not this one's.
            continue
        try:
            layer = cached_layer(path)
        except LoadError as error:
            rows.append(SceneRow(path, path.name, problem=error.render()))
            continue
        rows.append(row_of(merge(production, layer, str(path), str(production_path))))
    return Overview(production_path, production, tuple(rows))
