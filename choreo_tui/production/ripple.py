"""What a cast change did to the production's other scenes.

After a whole-production change to performers' records, every other scene that
names them is re-checked with the new cast (only the beats the change can reach,
with ``notation.production.recheck``), and those same beats with the old cast
(only the rules re-run after the change, ``SceneRecheck.rules``: no other rule's
findings can be new); each beat that now has an error or warning it did not have
is one ``RippleItem``: scene, beat, finding. Pure: the app runs it in a worker
thread and posts the report back.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from choreo_tui.production.layer_cache import belongs, cached_layer
from notation.describe import and_list
from notation.findings import MARK
from notation.production import ProductionScene, merge, recheck
from notation.production.checking import beat_findings
from notation.production.folder import scores_under
from notation.production.model import Production
from notation.reading import LoadError


@dataclass(frozen=True)
class RippleItem:
    """One beat of another scene that a cast change newly flagged, with its finding."""

    path: Path
    scene_title: str
    beat: int
    """1-based."""
    beat_title: str
    code: str
    severity: str
    message: str

    @property
    def mark(self) -> str:
        """✗ or ⚠."""
        return MARK[self.severity]


@dataclass(frozen=True)
class RippleReport:
    """Every newly flagged beat elsewhere, and the sentence that sums them up."""

    names: tuple[str, ...]
    items: tuple[RippleItem, ...]
    unreadable: tuple[str, ...] = ()
    """Scenes that could not be read (so could not be re-checked), by file name."""

    @property
    def beat_count(self) -> int:
        """How many beats were newly flagged."""
        return len({(i.path, i.beat) for i in self.items})

    @property
    def scene_count(self) -> int:
        """In how many scenes."""
        return len({i.path for i in self.items})

    def words(self) -> str:
        """e.g. "3 beats in 2 other scenes now cross Ana Reyes's record"."""
        whose = and_list([f"{name}'s" for name in self.names]) or "the cast's"
        record = "records" if len(self.names) > 1 else "record"
        beats, scenes = self.beat_count, self.scene_count
        if not beats:
            said = f"✓ No beat in another scene newly crosses {whose} {record}."
        else:
            noun = "beat" if beats == 1 else "beats"
            where = "other scene" if scenes == 1 else "other scenes"
            verb = "now crosses" if beats == 1 else "now cross"
            said = f"✗ {beats} {noun} in {scenes} {where} {verb} {whose} {record}."
        if self.unreadable:
            said += f" ⚠ Not re-checked (unreadable): {', '.join(self.unreadable)}."
        return said


def _same(a: str | Path, b: str | Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def other_scenes(
    production: Production, production_path: Path, skip: Path | None
) -> tuple[list[ProductionScene], list[str]]:
    """The production's scenes but ``skip``, merged with ``production``; and the unreadable."""
    scenes: list[ProductionScene] = []
    unreadable: list[str] = []
    for path in scores_under(production_path.parent):
        if (skip is not None and _same(path, skip)) or not belongs(path, production_path):
            continue
        try:
            layer = cached_layer(path)
        except LoadError:
            unreadable.append(path.name)
            continue
        scenes.append(merge(production, layer, str(path), str(production_path)))
    return scenes, unreadable


def ripple_report(
    before: Production,
    after: Production,
    production_path: Path,
    performer_ids: Sequence[str],
    skip: Path | None = None,
) -> RippleReport:
    """Beats of other scenes that ``before`` -> ``after`` newly flagged for these performers."""
    scenes, unreadable = other_scenes(before, production_path, skip)
    names = tuple((after.by_id[pid].name if pid in after.by_id else pid) for pid in performer_ids)
    return RippleReport(names, newly_flagged(scenes, after, performer_ids), tuple(unreadable))


def newly_flagged(
    scenes: Sequence[ProductionScene], after: Production, performer_ids: Sequence[str]
) -> tuple[RippleItem, ...]:
    """Each beat of ``scenes`` (merged with the cast as it was) that ``after`` gives an
    error or warning it did not have, one item per beat and code, in file and beat order."""
    items: dict[tuple[str, int, str], RippleItem] = {}
    by_path = {scene.path: scene for scene in scenes}
    for pid in performer_ids:
        for new in recheck(scenes, after, pid):
            # The same beats, checked with the cast as it was: what was already there.
            old = by_path[new.scene.path]
            known = {(f.beat, f.code) for f in beat_findings(old, new.beats, rules=new.rules)}
            for finding in new.findings:
                if finding.beat is None or finding.severity == "info":
                    continue
                if (finding.beat, finding.code) in known:
                    continue
                key = (new.scene.path, finding.beat, finding.code)
                if key in items:
                    continue
                beat = new.scene.score.beats[finding.beat - 1]
                items[key] = RippleItem(
                    path=Path(new.scene.path),
                    scene_title=new.scene.score.scene.title,
                    beat=finding.beat,
                    beat_title=beat.title,
                    code=finding.code,
                    severity=finding.severity,
                    message=finding.message,
                )
    return tuple(sorted(items.values(), key=lambda i: (str(i.path), i.beat, i.code)))
