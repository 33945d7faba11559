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

Re-checking after a cast change is in ``notation.production.rippling``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from notation import collector
from notation.checks import BeatRule, check, check_beat, check_scene
from notation.checks.cast import Cast, PerformerView
from notation.checks.context import BeatContext
from notation.findings import SEVERITY, Finding, Severity
from notation.model import Performer, Scene, Score
from notation.production.breakdown import keep_blocking
from notation.production.merging import ProductionScene
from notation.production.model import Production
from notation.production.widening import production_findings, resolved


@dataclass(frozen=True)
class PlacedFinding:
    """A finding and the file it points into (the file to change)."""

    path: str
    finding: Finding
    from_cast: bool = False
    """The finding comes from the cast itself: report it once per production."""
    performer: str | None = None
    """For a scene-level finding about one performer (C403, C405, P601, P602), their id."""

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
    # Scene-level rules read only the scene and the performers (touched comes given).
    return Score.model_construct(scene=score.scene, performers=(performer,), beats=(), log=())


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


def scene_level(
    scene: ProductionScene, touched: Collection[str] | None = None, only: str | None = None
) -> list[PlacedFinding]:
    """P601, P602, C402, C403 and C405 for a production scene, each in the file to change.

    With ``only`` (a performer id), just the findings about that performer.
    """
    score = scene.score
    layer = scene.layer
    cast = scene.production.by_id
    found: list[PlacedFinding] = []
    for _, pid, finding in production_findings(scene, only):
        found.append(PlacedFinding(scene.path, finding, performer=pid))
    if touched is None:
        touched = scene.touched
    if only is None and not score.scene.self_care_cue.strip():
        nobody = Score.model_construct(scene=score.scene, performers=(), beats=(), log=())
        for finding in check_scene(nobody, touched):
            found.append(PlacedFinding(scene.path, _again(finding, layer.line_of("scene"))))
    for position, performer in enumerate(score.performers):
        if only is not None and performer.id != only:
            continue
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
                found.append(PlacedFinding(scene.path, _again(finding, line), False, performer.id))
            else:
                line = scene.production.line_of("performers", cast_index or 0)
                again = _again(finding, line)
                found.append(PlacedFinding(scene.production_path, again, True, performer.id))
    return found


def beat_findings(
    scene: ProductionScene,
    indexes: Iterable[int] | None = None,
    cast: Cast | None = None,
    rules: Sequence[BeatRule] | None = None,
) -> list[PlacedFinding]:
    """Findings of the beats at the 0-based ``indexes`` (every beat by default), in the scene.

    With ``rules`` (some of ``notation.checks.BEAT_RULES``), only what those rules find,
    in the order ``check_beat`` gives it.
    """
    score = scene.score
    chosen = range(len(score.beats)) if indexes is None else list(indexes)
    if cast is None:
        if indexes is None:
            # Every scene shares the cast members' views (and their summaries of areas).
            cast = cast_of(score.performers)
        else:
            # Resolve only the performers these beats name (a re-check names few).
            named = set().union(*(score.beats[i].ids() for i in chosen))
            cast = cast_of(p for p in score.performers if p.id in named)
    found: list[PlacedFinding] = []
    for index in chosen:
        if rules is None:
            findings = check_beat(score, index, cast)
        else:
            ctx = BeatContext(score, cast, index, score.beats[index])
            findings = [finding for rule in rules for finding in rule(ctx)]
            findings.sort(key=_in_beat)
        found += [PlacedFinding(scene.path, f) for f in findings]
    return found


def _in_beat(finding: Finding) -> tuple[int, str]:
    # check_beat's order within a beat: by touch (the beat's own findings first), then code.
    return (finding.touch if finding.touch is not None else -1, finding.code)


def cast_of(performers: Iterable[Performer]) -> Cast:
    """A ``Cast`` of these performers, each performer object's view made once.

    A cast member every scene shares unchanged is one object: their view, and the
    areas it has summarised already, serve every scene and every later re-check.
    The view is kept in the (frozen) performer's ``__dict__``, as ``resolved`` keeps
    tables; a copy of the performer (``model_copy``) is another object and gets its own.
    """
    cast = Cast(_nobody())
    for performer in performers:
        view: PerformerView | None = performer.__dict__.get(_VIEW)
        if view is None or view.performer is not performer:
            view = PerformerView(
                performer,
                resolved(performer.boundaries, "ask"),
                resolved(performer.will_touch, "yes"),
            )
            performer.__dict__[_VIEW] = view
        cast.views[performer.id] = view
    return cast


_VIEW = "_choreo_view"
_EMPTY: list[Score] = []


def _nobody() -> Score:
    # An empty score for an empty ``Cast``, made once: a re-check makes a cast per scene.
    if not _EMPTY:
        stage = Scene.model_construct(title="")
        _EMPTY.append(Score.model_construct(scene=stage, performers=(), beats=(), log=()))
    return _EMPTY[0]


def check_production_scene(scene: ProductionScene) -> list[PlacedFinding]:
    """Every finding for one production scene: scene-level first, then beat by beat.

    Also works out the scene's breakdown (who is in which beats, where each is
    touched) and keeps it, and where everyone stands, with the scene's layer for a
    later ``recheck`` or merge of the same file.
    """
    scene.breakdown  # noqa: B018
    found = scene_level(scene) + beat_findings(scene)
    keep_blocking(scene.layer, scene.score)
    return found


def check_any(path: str, value: Score | ProductionScene) -> list[PlacedFinding]:
    """Every finding for a standalone score or a production scene, each with its file."""
    if isinstance(value, ProductionScene):
        return check_production_scene(value)
    return placed(path, check(value))


def check_production(
    production: Production, production_path: str, scenes: Sequence[ProductionScene]
) -> dict[str, list[PlacedFinding]]:
    """Every finding of a whole production, by file: ``production.toml`` first, then each scene.

    Findings from the cast appear once, under ``production_path``.
    """
    with collector.paused():
        return _check_production(production, production_path, scenes)


def _check_production(
    production: Production, production_path: str, scenes: Sequence[ProductionScene]
) -> dict[str, list[PlacedFinding]]:
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
