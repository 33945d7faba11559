"""Checking production scenes: findings that carry the file to change.

A scene-score ``Finding`` carries a line but no file; in a production a finding
may concern the scene's file or ``production.toml``. ``PlacedFinding`` pairs a
finding with its ``path``, always the file to change:

- beat findings, C402, P601 and P602: the scene's file (P601/P602 at the
  scene's ``[[performers]]`` entry);
- C403 and C405 for a cast member: the scene's ``[[performers]]`` entry when the
  scene sets the values the rule reads (``minor``/``guardian``, ``boundaries``),
  else the cast member's entry in ``production.toml``, marked ``from_cast``. A
  production check reports such a finding once (identical path, line, code and
  message), however many scenes give it;
- performers of this scene only (day players): the scene's file.

``recheck`` re-checks, after a change to one cast member, only what it can
affect: the beats that name that performer in each scene that names them, and
each such scene's scene-level rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from notation.checks import check, check_beat, check_scene
from notation.checks.cast import Cast
from notation.findings import SEVERITY, Finding, Severity
from notation.model import Performer, Scene, Score
from notation.production.merging import ProductionScene, remerge
from notation.production.model import Production
from notation.production.widening import production_findings


@dataclass(frozen=True)
class PlacedFinding:
    """A finding and the file it points into (the file to change)."""

    path: str
    finding: Finding
    from_cast: bool = False
    """The finding comes from the cast itself: report it once per production."""

    @property
    def line(self) -> int | None:
        """The line in ``path`` of the table concerned, when known."""
        return self.finding.line

    @property
    def code(self) -> str:
        """The rule code."""
        return self.finding.code

    @property
    def beat(self) -> int | None:
        """The 1-based beat, or None for scene-level findings."""
        return self.finding.beat

    @property
    def severity(self) -> Severity:
        """The code's fixed severity."""
        return SEVERITY[self.finding.code]

    @property
    def message(self) -> str:
        """The finding's plain message."""
        return self.finding.message

    def key(self) -> tuple[str, int | None, str, str]:
        """What makes two placed findings the same report: path, line, code, message."""
        return (self.path, self.line, self.code, self.message)


def placed(path: str, findings: Iterable[Finding]) -> list[PlacedFinding]:
    """Findings of a standalone score, all in its own file."""
    return [PlacedFinding(path, finding) for finding in findings]


def _again(finding: Finding, line: int | None) -> Finding:
    return Finding(finding.beat, finding.code, finding.message, line=line, touch=finding.touch)


def _alone(score: Score, performer: Performer) -> Score:
    # check_scene over a score of one performer: its findings then concern that performer.
    return score.model_copy(update={"performers": (performer,)})


def cast_findings(production: Production, production_path: str) -> list[PlacedFinding]:
    """Findings that come from the cast alone (C403), on ``production.toml``, once each."""
    found: list[PlacedFinding] = []
    scene = Scene.model_construct(title=production.production.title, self_care_cue="-")
    for index, performer in enumerate(production.performers):
        alone = Score.model_construct(scene=scene, performers=(performer,), beats=(), log=())
        for finding in check_scene(alone, touched=()):
            line = production.line_of("performers", index)
            found.append(PlacedFinding(production_path, _again(finding, line), from_cast=True))
    return found


def scene_level(scene: ProductionScene, touched: set[str] | None = None) -> list[PlacedFinding]:
    """P601, P602, C402, C403 and C405 for a production scene, each in the file to change."""
    score = scene.score
    layer = scene.layer
    cast = scene.production.by_id
    found: list[PlacedFinding] = []
    for _, finding in production_findings(scene):
        found.append(PlacedFinding(scene.path, finding))
    if touched is None:
        touched = {t.to for beat in score.beats for t in beat.touches if t.by != t.to}
    if not score.scene.self_care_cue.strip():
        for finding in check_scene(score.model_copy(update={"performers": ()}), touched):
            found.append(PlacedFinding(scene.path, _again(finding, layer.line_of("scene"))))
    for position, performer in enumerate(score.performers):
        findings = [f for f in check_scene(_alone(score, performer), touched) if f.code != "C402"]
        if not findings:
            continue
        entry_index = scene.entries.get(position)
        entry = layer.performers[entry_index] if entry_index is not None else None
        cast_index = scene.production.index_of(performer.id)
        for finding in findings:
            reads = ("minor", "guardian") if finding.code == "C403" else ("boundaries",)
            own = entry is not None and any(getattr(entry, key) is not None for key in reads)
            if performer.id not in cast or own:
                line = layer.line_of("performers", entry_index) if entry_index is not None else None
                found.append(PlacedFinding(scene.path, _again(finding, line)))
            else:
                line = scene.production.line_of("performers", cast_index or 0)
                found.append(
                    PlacedFinding(scene.production_path, _again(finding, line), from_cast=True)
                )
    return found


def beat_findings(
    scene: ProductionScene, indexes: Iterable[int] | None = None, cast: Cast | None = None
) -> list[PlacedFinding]:
    """Findings of the beats at the 0-based ``indexes`` (every beat by default), in the scene."""
    score = scene.score
    cast = cast or Cast(score)
    chosen = range(len(score.beats)) if indexes is None else indexes
    found: list[PlacedFinding] = []
    for index in chosen:
        found += [PlacedFinding(scene.path, f) for f in check_beat(score, index, cast)]
    return found


def check_production_scene(scene: ProductionScene) -> list[PlacedFinding]:
    """Every finding for one production scene: scene-level first, then beat by beat."""
    return scene_level(scene) + beat_findings(scene)


def check_any(path: str, value: Score | ProductionScene) -> list[PlacedFinding]:
    """Every finding for a standalone score or a production scene, each with its file."""
    if isinstance(value, ProductionScene):
        return check_production_scene(value)
    return placed(path, check(value))


def once(findings: Iterable[PlacedFinding]) -> list[PlacedFinding]:
    """Findings with the ones from the cast reported once (first place kept)."""
    seen: set[tuple[str, int | None, str, str]] = set()
    result: list[PlacedFinding] = []
    for finding in findings:
        if finding.from_cast:
            key = finding.key()
            if key in seen:
                continue
            seen.add(key)
        result.append(finding)
    return result


def check_production(
    production: Production, production_path: str, scenes: Sequence[ProductionScene]
) -> dict[str, list[PlacedFinding]]:
    """Every finding of a whole production, by file: ``production.toml`` first, then each scene.

    Findings from the cast appear once, under ``production_path``.
    """
    report: dict[str, list[PlacedFinding]] = {
        production_path: cast_findings(production, production_path)
    }
    seen = {finding.key() for finding in report[production_path]}
    for scene in scenes:
        for finding in check_production_scene(scene):
            if finding.from_cast:
                if finding.key() in seen:
                    continue
                seen.add(finding.key())
                report.setdefault(finding.path, []).append(finding)
                continue
            report.setdefault(scene.path, []).append(finding)
        report.setdefault(scene.path, [])
    return report


def naming(score: Score, performer_id: str) -> list[int]:
    """The 0-based indexes of the beats that name a performer anywhere."""
    return [index for index, beat in enumerate(score.beats) if performer_id in beat.ids()]


@dataclass(frozen=True)
class SceneRecheck:
    """One scene re-checked after a cast change: the re-merged scene and what was re-checked."""

    scene: ProductionScene
    beats: tuple[int, ...]
    """The 0-based beats re-checked (those naming the performer)."""
    findings: tuple[PlacedFinding, ...]
    """Scene-level findings and the findings of ``beats``; other beats are unchanged."""


def recheck(
    scenes: Sequence[ProductionScene], production: Production, performer_id: str
) -> list[SceneRecheck]:
    """Re-check, with the changed ``production``, only what a change to one cast member can affect.

    A scene that does not name the performer cannot change; in one that does, only
    the beats naming them and the scene-level rules can. Scenes come back in order,
    each re-merged with ``production``.
    """
    result: list[SceneRecheck] = []
    for old in scenes:
        if performer_id not in old.score.by_id:
            continue
        scene = remerge(old, production=production)
        indexes = tuple(naming(scene.score, performer_id))
        findings = scene_level(scene) + beat_findings(scene, indexes)
        result.append(SceneRecheck(scene, indexes, tuple(findings)))
    return result


@dataclass(frozen=True)
class Ripple:
    """What a cast change did elsewhere: beats that now have a finding they did not have."""

    name: str
    beats: Mapping[str, tuple[int, ...]]
    """Scene path -> the 1-based beats newly flagged (error or warning) there."""

    @property
    def beat_count(self) -> int:
        """How many beats were newly flagged in all."""
        return sum(len(beats) for beats in self.beats.values())

    def words(self) -> str:
        """e.g. "3 beats in 2 scenes now cross Ana Reyes's record", or that none do."""
        count, scenes = self.beat_count, len(self.beats)
        if not count:
            return f"No beat in another scene newly crosses {self.name}'s record."
        beats = "beat" if count == 1 else "beats"
        where = "scene" if scenes == 1 else "scenes"
        verb = "now crosses" if count == 1 else "now cross"
        return f"{count} {beats} in {scenes} {where} {verb} {self.name}'s record."


def ripple(
    name: str,
    before: Mapping[str, Sequence[PlacedFinding]],
    after: Sequence[SceneRecheck],
) -> Ripple:
    """Compare findings before a cast change (by scene path) with the re-check after it."""
    flagged: dict[str, tuple[int, ...]] = {}
    for item in after:
        rechecked = {index + 1 for index in item.beats}
        old = {(f.beat, f.code) for f in before.get(item.scene.path, ()) if f.beat in rechecked}
        new = sorted(
            {
                f.beat
                for f in item.findings
                if f.beat is not None
                and f.severity in ("error", "warning")
                and (f.beat, f.code) not in old
            }
        )
        if new:
            flagged[item.scene.path] = tuple(new)
    return Ripple(name, flagged)
