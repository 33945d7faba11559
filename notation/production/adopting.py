"""``production init``: turn a folder of standalone scores into a production, losing nothing.

The cast is built from the scores' ``[[performers]]`` (in order of first
appearance, scores by path). Where a performer's record is the same in every
score it moves into the cast whole. Where it differs, the cast takes one version
and every other score keeps its differences as overrides, so each score merges
back to exactly the performer it had:

- the version no other version widens (the widest), so no scene newly widens
  the cast and P602 does not appear; among several, the most common, then the
  first. When no version is the widest the most common is taken and the wider
  scenes keep a scene-specific consent that P602 notes (``Adoption.widening``);
- a table (boundaries, will_touch, rider) that some score does not have at all
  stays out of the cast, and a boundaries date that some score does not have
  stays off the cast's table (an override can replace or layer, never remove).

Scene defaults in ``[production]`` (medium, closed set, self-care cue, tempo,
coordinator, director) are the most common values; a scene that differs keeps
its own. Before anything is written, every scene is merged back and compared
with the original: the same performers, the same scene, the same findings as the
set of (beat, code), except C403, reported once on ``production.toml``. If that
does not hold, nothing is written. "The same performers" means every field equal
and every leaf of boundaries and will_touch resolving the same: an override can
replace an area key but not remove one, so a key the cast has and a scene lacked
comes back pinned to what that scene's table said there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from notation.areas import LEAVES
from notation.checks import check
from notation.model import Boundaries, Performer, Score
from notation.production.checking import check_production_scene
from notation.production.editing import split
from notation.production.merging import ProductionScene, merge
from notation.production.model import (
    PRODUCTION_FILE,
    PerformerLayer,
    Production,
    ProductionInfo,
    SceneHeader,
    SceneLayer,
)
from notation.production.widening import resolved, widened

T = TypeVar("T")

_DEFAULTS = ("medium", "closed_set", "self_care_cue", "tempo", "coordinator", "director")
_TABLES = ("boundaries", "will_touch", "rider")


class AdoptError(Exception):
    """The folder cannot become a production; nothing was written. ``str`` says why."""


@dataclass(frozen=True)
class AdoptedScene:
    """One score: where it is, the standalone original, and its new layer (merged)."""

    path: Path
    original: Score
    scene: ProductionScene

    @property
    def layer(self) -> SceneLayer:
        """What the scene's file holds now."""
        return self.scene.layer


@dataclass
class Adoption:
    """The production made from a folder of scores, not yet written."""

    production: Production
    scenes: list[AdoptedScene]
    differing: dict[str, list[str]] = field(default_factory=dict)
    """Performer id -> the scores (names) whose record differs from the cast's."""
    widening: dict[str, list[str]] = field(default_factory=dict)
    """Performer id -> the scores whose record is wider than the cast's (P602)."""


def _most_common(values: Sequence[T]) -> T:
    counts = Counter(repr(v) for v in values)
    best = max(counts.values())
    return next(v for v in values if counts[repr(v)] == best)


def _cast_record(versions: list[Performer]) -> Performer:
    """The cast's record for one performer from the versions in each score."""
    distinct: list[Performer] = []
    for version in versions:
        if version not in distinct:
            distinct.append(version)
    if len(distinct) == 1:
        return distinct[0]
    # A table missing from any version stays out of the cast, so every version is a layer.
    missing = {key: None for key in _TABLES if any(getattr(v, key) is None for v in versions)}
    candidates = [v.model_copy(update=missing) if missing else v for v in versions]
    widest = [c for c in candidates if not any(widened(c, other) for other in versions)]
    chosen = _most_common(widest or candidates)
    # Nor can an override clear a date: a table some version has undated stays undated.
    for key in ("boundaries", "will_touch"):
        table = getattr(chosen, key)
        undated = any(
            getattr(v, key) is not None and getattr(v, key).recorded is None for v in versions
        )
        if table is not None and table.recorded is not None and undated:
            chosen = chosen.model_copy(update={key: table.model_copy(update={"recorded": None})})
    return chosen


def plan(folder: Path, scores: Sequence[tuple[Path, Score]], title: str | None) -> Adoption:
    """The production for ``scores`` (read from ``folder``), verified; raises ``AdoptError``."""
    if not scores:
        raise AdoptError(f"{folder}: no *.score.toml files here to make a production from")
    order: list[str] = []
    versions: dict[str, list[Performer]] = {}
    for _, score in scores:
        for performer in score.performers:
            if performer.id not in versions:
                order.append(performer.id)
                versions[performer.id] = []
            versions[performer.id].append(performer)
    _refuse_borrowed_ids(scores, set(order))
    cast = tuple(_cast_record(versions[pid]) for pid in order)
    scenes = [score.scene for _, score in scores]
    name = title or _most_common([s.production for s in scenes if s.production] or [folder.name])
    defaults = {key: _most_common([getattr(s, key) for s in scenes]) for key in _DEFAULTS}
    info = ProductionInfo.model_validate({"title": name or "Untitled production", **defaults})
    production = Production(production=info, performers=cast)
    adoption = Adoption(production, [])
    for path, score in scores:
        # A scene that named no production now belongs to this one.
        if not score.scene.production:
            score = score.replace(scene=score.scene.model_copy(update={"production": info.title}))
        blank = SceneLayer.model_construct(scene=SceneHeader(title=score.scene.title))
        draft = merge(production, blank, str(path), str(folder / PRODUCTION_FILE))
        layer = split(draft, score)
        # split keeps an entry only where it is needed; a listed performer stays listed.
        present = {entry.id for entry in layer.performers}
        missing = [p.id for p in score.performers if p.id not in present]
        if missing:
            entries = {e.id: e for e in layer.performers}
            for pid in missing:
                entries[pid] = PerformerLayer(id=pid)
            ordered = tuple(entries[p.id] for p in score.performers if p.id in entries)
            layer = layer.model_copy(update={"performers": ordered})
        scene = merge(production, layer, str(path), str(folder / PRODUCTION_FILE))
        adoption.scenes.append(AdoptedScene(path, score, scene))
        by_id = production.by_id
        for performer in score.performers:
            if performer != by_id[performer.id]:
                adoption.differing.setdefault(performer.id, []).append(path.name)
            if widened(by_id[performer.id], performer):
                adoption.widening.setdefault(performer.id, []).append(path.name)
    verify(adoption)
    return adoption


def _findings(codes: set[tuple[int | None, str]]) -> set[tuple[int | None, str]]:
    return {item for item in codes if item[1] not in ("C403", "P602")}


def _refuse_borrowed_ids(scores: Sequence[tuple[Path, Score]], cast: set[str]) -> None:
    """Refuse a score whose beats name someone only another score has (its T505 would vanish).

    In a production a beat may name any cast member, so such an id would quietly
    start meaning that person: the coordinator must decide, not ``init``.
    """
    for path, score in scores:
        own = set(score.by_id)
        for number, beat in enumerate(score.beats, start=1):
            borrowed = sorted((beat.ids() - own) & cast)
            if borrowed:
                ids = ", ".join(f"'{pid}'" for pid in borrowed)
                raise AdoptError(
                    f"{path.name}: beat {number} names {ids}, who is not among this score's "
                    "performers but is in another score's (T505 here). Add the performer to "
                    "this score or correct the id, then run production init again"
                )


def _meaning(table: Boundaries | None, default: str) -> object:
    if table is None:
        return None
    leaves = resolved(table, default)
    return table.recorded, tuple((leaf, leaves[leaf].status, leaves[leaf].only) for leaf in LEAVES)


def same_record(a: Performer | None, b: Performer | None) -> bool:
    """Whether two records say the same: every field equal, and boundaries and will_touch
    giving every leaf the same status and conditions (a layer can pin a key it cannot
    remove: ``abdomen = "yes"`` under a ``yes`` default says what no key says)."""
    if a is None or b is None:
        return a is b
    plain = ("id", "name", "character", "minor", "guardian", "private_notes", "rider", "garments")
    if any(getattr(a, key) != getattr(b, key) for key in plain):
        return False
    return _meaning(a.boundaries, "ask") == _meaning(b.boundaries, "ask") and _meaning(
        a.will_touch, "yes"
    ) == _meaning(b.will_touch, "yes")


def verify(adoption: Adoption) -> None:
    """Raise ``AdoptError`` unless every scene merges back to what it was, findings and all."""
    for item in adoption.scenes:
        merged, original = item.scene.score, item.original
        name = item.path.name
        if merged.scene != original.scene or merged.beats != original.beats:
            raise AdoptError(f"{name}: the scene would not read back the same; nothing written")
        for pid in sorted(set(merged.by_id) | set(original.by_id)):
            if not same_record(merged.by_id.get(pid), original.by_id.get(pid)):
                raise AdoptError(
                    f"{name}: performer '{pid}' would not read back the same; nothing written"
                )
        before = {(f.beat, f.code) for f in check(original)}
        after = {(f.beat, f.code) for f in check_production_scene(item.scene)}
        if _findings(before) != _findings(after):
            raise AdoptError(f"{name}: its findings would change; nothing written")


def write(adoption: Adoption, folder: Path) -> None:
    """Write the scenes' new files, then ``production.toml``; all or nothing.

    The scenes are replaced first (each atomically) and ``production.toml`` last:
    until it exists, a rewritten scene fails to load loudly rather than merge with
    a wrong cast. If any write fails, the scenes already replaced are put back as
    they were and ``AdoptError`` is raised. Raises ``AdoptError`` if
    ``production.toml`` appeared meanwhile.
    """
    from notation.private_write import SaveError, write_private
    from notation.production.writing import save_layer, save_production

    target = folder / PRODUCTION_FILE
    originals: list[tuple[Path, str]] = []
    try:
        for item in adoption.scenes:
            text = item.path.read_text(encoding="utf-8")
            save_layer(item.layer, item.path)
            originals.append((item.path, text))
        if target.exists():
            raise AdoptError(f"{target}: appeared while the production was being made")
        save_production(adoption.production, target)
    except (SaveError, OSError, AdoptError) as error:
        for path, text in reversed(originals):
            try:
                write_private(path, text)
            except SaveError:
                continue
        reason = error if isinstance(error, AdoptError) else f"cannot write ({error})"
        raise AdoptError(f"{reason}; every score was put back as it was") from None
