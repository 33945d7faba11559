"""After a change to one cast member: re-check only what it can reach, and say what it did.

``recheck`` re-checks, in each scene that names the performer, only the beats
``affected`` by the change to their merged record there and that performer's
scene-level findings; ``SceneRecheck.applied_to`` gives the scene's findings
after; ``ripple`` says what changed elsewhere ("3 beats in 2 scenes now cross Ana
Reyes's record"). A property test holds it equal to a full check.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from notation import collector
from notation.areas import GROIN, LEAVES, leaves_of
from notation.model import Beat, Boundaries, Performer, Score, Touch
from notation.production.checking import PlacedFinding, beat_findings, scene_level
from notation.production.merging import ProductionScene, Reach, recast
from notation.production.model import Production
from notation.production.widening import resolved


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
    reach: Reach | None = None,
) -> list[int]:
    """The 0-based beats whose findings a change of one performer (``before`` -> ``after``,
    their merged records in this scene) can change. Everything else stays as it was.

    A boundary or will_touch change reaches only touches on the leaves whose
    status or conditions changed; a rider change only beats where they are bare or
    that are simulated or touch the groin; a change of name, minor or garments
    every beat naming them (messages name them; C404 and S303 read those).
    ``involving``, when known, is every beat that names the performer; ``reach``
    (with ``involving``), where their touches are, so that only the beats under the
    changed leaves are looked at.
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
    if reach is not None and involving is not None:
        hits = set(reach.beats(touched, willing))
        if rider:
            hits.update(i for i in involving if i not in hits and _rider_reaches(beats[i], pid))
        return sorted(hits)
    candidates = range(len(beats)) if involving is None else involving
    result: list[int] = []
    for index in candidates:
        beat = beats[index]
        hit = any(_reaches(t, pid, touched, willing) for t in beat.touches)
        if not hit and rider and pid in beat.ids():
            hit = _rider_reaches(beat, pid)
        if hit:
            result.append(index)
    return result


def _rider_reaches(beat: Beat, pid: str) -> bool:
    """Whether a rider change can change a beat naming ``pid``: bare, simulated or groin."""
    groin = any(GROIN in leaves_of(t.on) | leaves_of(t.with_) for t in beat.touches)
    return bool(beat.bare.get(pid)) or beat.simulated or groin


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
    # Like a check, a re-check makes many objects and no garbage (notation.collector).
    with collector.paused():
        return _recheck(scenes, production, performer_id)


def _recheck(
    scenes: Sequence[ProductionScene], production: Production, performer_id: str
) -> list[SceneRecheck]:
    result: list[SceneRecheck] = []
    memo: _Leaves = {}
    for old in scenes:
        before = old.score.by_id.get(performer_id)
        if before is None:
            continue
        # Made on the old scene before recasting, so the new one (same beats) keeps it.
        reach = old.reach_of(performer_id)
        scene = recast(old, production, performer_id)
        after = scene.score.by_id.get(performer_id)
        involving = old.naming.get(performer_id, ())
        indexes = tuple(affected(scene.score, before, after, memo, involving, reach))
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
