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

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from notation.areas import GROIN, LEAVES, leaves_of
from notation.checks import check, check_beat, check_scene
from notation.checks.cast import Cast, PerformerView
from notation.findings import SEVERITY, Finding, Severity
from notation.model import Boundaries, Performer, Scene, Score, Touch
from notation.production.merging import ProductionScene, recast
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
    scene: ProductionScene, indexes: Iterable[int] | None = None, cast: Cast | None = None
) -> list[PlacedFinding]:
    """Findings of the beats at the 0-based ``indexes`` (every beat by default), in the scene."""
    score = scene.score
    chosen = range(len(score.beats)) if indexes is None else list(indexes)
    if cast is None:
        if indexes is None:
            cast = Cast(score)
        else:
            # Resolve only the performers these beats name (a re-check names few).
            named = set().union(*(score.beats[i].ids() for i in chosen))
            cast = cast_of(p for p in score.performers if p.id in named)
    found: list[PlacedFinding] = []
    for index in chosen:
        found += [PlacedFinding(scene.path, f) for f in check_beat(score, index, cast)]
    return found


def cast_of(performers: Iterable[Performer]) -> Cast:
    """A ``Cast`` of these performers, their tables resolved once per table object."""
    stage = Scene.model_construct(title="")
    nobody = Score.model_construct(scene=stage, performers=(), beats=(), log=())
    cast = Cast(nobody)
    for performer in performers:
        cast.views[performer.id] = PerformerView(
            performer,
            resolved(performer.boundaries, "ask"),
            resolved(performer.will_touch, "yes"),
        )
    return cast


def check_production_scene(scene: ProductionScene) -> list[PlacedFinding]:
    """Every finding for one production scene: scene-level first, then beat by beat.

    Also works out which beats name whom, kept with the scene for a later ``recheck``.
    """
    scene.naming  # noqa: B018
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


_Leaves = dict[tuple[int, int, str], frozenset[str]]


def _changed_leaves(
    before: Boundaries | None, after: Boundaries | None, default: str, memo: _Leaves
) -> frozenset[str]:
    if before is after:
        return frozenset()
    # Scenes without an override share the cast's table objects: compare them once.
    key = (id(before), id(after), default)
    if key not in memo:
        if (before is None) != (after is None):
            # "No recorded boundaries" is worded apart from a table that says "ask".
            memo[key] = frozenset(LEAVES)
        else:
            old = resolved(before, default)
            new = resolved(after, default)
            # The deciding key counts too: messages may name it.
            memo[key] = frozenset(leaf for leaf in LEAVES if old[leaf] != new[leaf])
    return memo[key]


def _reaches(touch: Touch, pid: str, touched: frozenset[str], willing: frozenset[str]) -> bool:
    """Whether a touch lands on (or is given with) a leaf whose record changed."""
    if touch.to == pid and touched & leaves_of(touch.on):
        return True
    return touch.by == pid and bool(
        touched & leaves_of(touch.with_) or willing & leaves_of(touch.on)
    )


def affected(
    score: Score,
    before: Performer | None,
    after: Performer | None,
    memo: _Leaves | None = None,
    involving: Sequence[int] | None = None,
) -> list[int]:
    """The 0-based beats whose findings a change of one performer (``before`` -> ``after``,
    their merged records in this scene) can change. Everything else stays as it was.

    A boundary or will_touch change reaches only touches on the leaves whose
    status or conditions changed; a rider change only beats where they are bare or
    that are simulated or touch the groin; a change of name, minor or garments
    every beat naming them (messages name them; C404 and S303 read those).
    ``involving``, when known, is every beat that names the performer.
    """
    performer = after or before
    if performer is None or before is after:
        return []
    pid = performer.id
    if (
        before is None
        or after is None
        or any(
            getattr(before, key) != getattr(after, key)
            for key in ("id", "name", "minor", "garments")
        )
    ):
        return naming(score, pid)
    memo = {} if memo is None else memo
    touched = _changed_leaves(before.boundaries, after.boundaries, "ask", memo)
    willing = _changed_leaves(before.will_touch, after.will_touch, "yes", memo)
    rider = before.rider is not after.rider and before.rider != after.rider
    if not touched and not willing and not rider:
        return []
    beats = score.beats
    candidates = range(len(beats)) if involving is None else involving
    result: list[int] = []
    for index in candidates:
        beat = beats[index]
        hit = any(_reaches(t, pid, touched, willing) for t in beat.touches)
        if not hit and rider and pid in beat.ids():
            groin = any(GROIN in leaves_of(t.on) | leaves_of(t.with_) for t in beat.touches)
            hit = bool(beat.bare.get(pid)) or beat.simulated or groin
        if hit:
            result.append(index)
    return result


@dataclass(frozen=True)
class SceneRecheck:
    """One scene re-checked after a cast change: the re-merged scene and what was re-checked."""

    scene: ProductionScene
    performer: str
    beats: tuple[int, ...]
    """The 0-based beats re-checked (``affected``); the others' findings are unchanged."""
    findings: tuple[PlacedFinding, ...]
    """The scene-level findings about ``performer`` and the findings of ``beats``."""

    def applied_to(self, before: Sequence[PlacedFinding]) -> list[PlacedFinding]:
        """The scene's findings after the change, from its findings ``before`` it.

        Drops what was re-checked (the findings of ``beats`` and the scene-level
        findings about ``performer``) and adds the new; scene-level first, then by beat.
        """
        rechecked = {index + 1 for index in self.beats}
        kept = [
            f
            for f in before
            if not (f.beat in rechecked or (f.beat is None and f.performer == self.performer))
        ]
        merged = kept + list(self.findings)
        return sorted(merged, key=lambda f: (f.beat or 0, f.beat is not None))


def recheck(
    scenes: Sequence[ProductionScene], production: Production, performer_id: str
) -> list[SceneRecheck]:
    """Re-check, with the changed ``production``, only what a change to one cast member can affect.

    A scene that does not name the performer cannot change; in one that does, only
    the scene-level rules and the beats ``affected`` by the change to their merged
    record there (an override in the scene may hide the change) can. Scenes come
    back in order, each re-merged with ``production``.
    """
    result: list[SceneRecheck] = []
    memo: _Leaves = {}
    for old in scenes:
        before = old.score.by_id.get(performer_id)
        if before is None:
            continue
        scene = recast(old, production, performer_id)
        after = scene.score.by_id.get(performer_id)
        involving = old.naming.get(performer_id, ())
        indexes = tuple(affected(scene.score, before, after, memo, involving))
        # Only this performer's scene-level findings can change; the rest stay.
        findings = scene_level(scene, only=performer_id)
        if indexes:
            findings += beat_findings(scene, indexes)
        result.append(SceneRecheck(scene, performer_id, indexes, tuple(findings)))
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
