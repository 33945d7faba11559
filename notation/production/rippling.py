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
from notation.checks import BEAT_RULES, BeatRule, boundaries, protocol
from notation.model import Beat, Boundaries, Performer, Score, Touch
from notation.production.breakdown import Reach
from notation.production.checking import PlacedFinding, beat_findings, cast_of, scene_level
from notation.production.merging import ProductionScene, recast
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


@dataclass(frozen=True)
class _Change:
    """What changed in one performer's merged record, as far as beats can tell."""

    everyone: bool
    """Name, minor or garments changed, or the performer came or went: every beat naming them."""
    touched: frozenset[str] = frozenset()
    """Leaves whose boundaries status, conditions or deciding key changed."""
    willing: frozenset[str] = frozenset()
    """Leaves whose will_touch status, conditions or deciding key changed."""
    rider: bool = False


_NO_CHANGE = _Change(False)
_Changes = dict[tuple[int, int], tuple[Performer | None, Performer | None, _Change]]


def _change_of(before: Performer | None, after: Performer | None, memo: _Leaves) -> _Change:
    if before is after:
        return _NO_CHANGE
    if (
        before is None
        or after is None
        or any(
            getattr(before, key) != getattr(after, key)
            for key in ("id", "name", "minor", "garments")
        )
    ):
        return _Change(True)
    return _Change(
        False,
        _changed_leaves(before.boundaries, after.boundaries, "ask", memo),
        _changed_leaves(before.will_touch, after.will_touch, "yes", memo),
        before.rider is not after.rider and before.rider != after.rider,
    )


# Which beat rules read which part of a performer's record. Only boundaries.check reads
# boundaries and will_touch; only nudity and simulated read the rider; every rule may
# name the performer, and C404/S303 read minor and garments (a change there re-checks
# everything). tests/test_production_recheck_rules.py holds every other rule to that.
# Each family's codes come from its rules alone (B1xx, N2xx, S3xx): the app's ripple
# checks the old cast with them too. tests/test_ripple_narrowing.py holds that.
_FAMILY_RULES: dict[str, tuple[BeatRule, ...]] = {
    "B": (boundaries.check,),
    "N": (protocol.nudity,),
    "S": (protocol.simulated,),
}
_Rules = tuple[tuple[BeatRule, ...] | None, frozenset[str] | None]


def _rules_for(change: _Change) -> _Rules:
    """The beat rules a change can change the findings of, and their code families."""
    if change.everyone:
        return None, None
    families: set[str] = set()
    if change.touched or change.willing:
        families.add("B")
    if change.rider:
        families.update("NS")
    return _rules_of(frozenset(families)), frozenset(families)


def _rules_of(families: frozenset[str] | None) -> tuple[BeatRule, ...] | None:
    """The beat rules that find the codes of these families; None (every family) stays None."""
    if families is None:
        return None
    chosen = {rule for family in families for rule in _FAMILY_RULES[family]}
    # In check_beat's order, so that findings come out as a full check gives them.
    return tuple(rule for rule in BEAT_RULES if rule in chosen)


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
    if performer is None:
        return []
    change = _change_of(before, after, {} if memo is None else memo)
    return _affected(score, performer.id, change, involving, reach)


def _affected(
    score: Score,
    pid: str,
    change: _Change,
    involving: Sequence[int] | None,
    reach: Reach | None,
) -> list[int]:
    if change.everyone:
        return naming(score, pid) if involving is None else list(involving)
    touched, willing, rider = change.touched, change.willing, change.rider
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
    """The scene-level findings about ``performer`` and the findings of ``beats``
    (only those of the ``families`` re-checked, when given)."""
    families: frozenset[str] | None = None
    """The code families (first letters: ``B``, ``N``, ``S``) re-checked in ``beats``,
    or None for every finding: a change to boundaries alone cannot change a T503."""

    @property
    def rules(self) -> tuple[BeatRule, ...] | None:
        """The beat rules re-run in ``beats`` (those of ``families``), or None for every rule.

        Checking the same beats with the cast as it was needs only these too.
        """
        return _rules_of(self.families)

    def applied_to(self, before: Sequence[PlacedFinding]) -> list[PlacedFinding]:
        """The scene's findings after the change, from its findings ``before`` it.

        Drops what was re-checked (the findings of ``beats`` of the ``families``
        re-checked and the scene-level findings about ``performer``) and adds the new;
        scene-level first, then by beat, within a beat in ``check``'s order.
        """
        beats = frozenset(self.beats)
        families = self.families
        kept = [
            f
            for f in before
            if not (
                f.performer == self.performer
                if f.beat is None
                else f.beat - 1 in beats and (families is None or f.code[0] in families)
            )
        ]
        return sorted(kept + list(self.findings), key=_order)


def _order(finding: PlacedFinding) -> tuple[int, int, int, str]:
    # Scene-level first, as found; then by beat, touch (the beat's own first) and code.
    if finding.beat is None:
        return (0, 0, 0, "")
    touch = finding.finding.touch
    return (1, finding.beat, -1 if touch is None else touch, finding.code)


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
    leaves: _Leaves = {}
    changes: _Changes = {}
    # The scene-level findings about a cast member the scene has no entry for are
    # the cast's own (C403, C405 on production.toml): the same in every such scene.
    from_cast: dict[tuple[str, bool], list[PlacedFinding]] = {}
    for old in scenes:
        before = old.score.by_id.get(performer_id)
        breakdown = old.breakdown
        if (
            before is None
            and performer_id not in breakdown.naming
            and old.layer.entry_of(performer_id) is None
        ):
            # The scene does not name them: nothing in it can change.
            continue
        scene = recast(old, production, performer_id)
        after = scene.score.by_id.get(performer_id)
        # Scenes without an override share the cast's record: compare it once.
        known = changes.get((id(before), id(after)))
        if known is None or known[0] is not before or known[1] is not after:
            known = (before, after, _change_of(before, after, leaves))
            changes[(id(before), id(after))] = known
        indexes = tuple(
            _affected(
                scene.score,
                performer_id,
                known[2],
                breakdown.naming.get(performer_id, ()),
                breakdown.reach_of(performer_id),
            )
        )
        # Only this performer's scene-level findings can change; the rest stay.
        if performer_id in production.by_id and old.layer.entry_of(performer_id) is None:
            key = (scene.production_path, performer_id in breakdown.touched)
            if key not in from_cast:
                from_cast[key] = scene_level(scene, only=performer_id)
            findings = list(from_cast[key])
        else:
            findings = scene_level(scene, only=performer_id)
        rules, families = _rules_for(known[2])
        if indexes:
            findings += beat_findings(scene, indexes, cast_of(scene.score.performers), rules)
        result.append(SceneRecheck(scene, performer_id, indexes, tuple(findings), families))
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
