"""One editor's hold on a production scene: the scene's own file and the shared cast.

The editor edits the merged ``Score``; ``ProductionSession`` keeps what that
score came from (the production as read, the scene's layer as saved) so that:

- saving writes only what the scene sets (``notation.production.save_scene``);
- a cast change goes to ``production.toml`` or stays in the scene, as the
  coordinator answered (``plan_cast_change``);
- ``production.toml`` is written under its lock, re-read first, and only this
  editor's change is applied to what is on disk (``write_cast``), so another
  editor's cast change is never lost or silently overwritten;
- a cast changed on disk by another editor reaches this one (``rebase``).

No Textual here: the screens ask the questions, this does the files.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import SoftFileLock, Timeout

from choreo_tui.lock import lock_path_of
from notation.model import LogEntry, Performer, Score
from notation.private_write import SaveError
from notation.production import (
    ProductionScene,
    Scope,
    apply_performer_edit,
    find_production,
    load_layer,
    load_production,
    merge,
    save_layer,
    save_production,
    split,
)
from notation.production.cast_merge import CastMerge, Side, merge_cast
from notation.production.model import PerformerLayer, Production, SceneHeader, SceneLayer
from notation.production.roster import changed_performers, with_cast
from notation.stamp import Stamp

if TYPE_CHECKING:
    from choreo_tui.production.ripple import RippleReport

LOCK_WAIT = 5.0
"""Seconds to wait for another editor that is writing ``production.toml`` right now."""


def production_of_folder(folder: Path) -> Path | None:
    """The ``production.toml`` of ``folder`` or of a folder above it, or None."""
    return find_production(folder / "any.score.toml")


@dataclass(frozen=True)
class CastPlan:
    """A cast change, split between the files it goes to."""

    production: Production
    """The production with the whole-production changes (``mine`` for ``write_cast``)."""
    layer: SceneLayer
    """The scene's layer with its overrides of those changes dropped."""
    score: Score
    """What the editor shows afterwards (log entries that went to the production left out)."""
    to_production: tuple[str, ...]
    """Ids whose change went to the whole production."""
    to_scene: tuple[str, ...]
    """Ids whose change stays in this scene only."""
    logged: int = 0
    """How many log entries went to the production's log."""

    @property
    def touches_production(self) -> bool:
        """Whether ``production.toml`` must be written."""
        return bool(self.to_production) or self.logged > 0


class ProductionSession:
    """The production scene an editor has open, and the stamp of ``production.toml`` read."""

    def __init__(self, scene: ProductionScene, stamp: Stamp | None) -> None:
        self.scene = scene
        self.stamp = stamp
        self.performers_seen: tuple[Performer, ...] | None = None
        """The performers P601/P602 were last worked out for (the app's cheap re-check)."""
        self.last_ripple: RippleReport | None = None
        self.moved_log: list[LogEntry] = []
        """Scene log entries that went to the production's log (never saved in the scene)."""
        """What the last whole-production change did in other scenes (the editor's w)."""

    @classmethod
    def open(cls, path: Path) -> ProductionSession | None:
        """The session of a score in a production, or None for a standalone score.

        Raises ``LoadError`` (the scene's or ``production.toml``'s).
        """
        found = find_production(path)
        if found is None:
            return None
        stamp = Stamp.read(found)
        production = load_production(found)
        layer = load_layer(path)
        return cls(merge(production, layer, str(path), str(found)), stamp)

    @classmethod
    def new(cls, path: Path, title: str) -> ProductionSession | None:
        """A new, unsaved scene at ``path`` if that is inside a production, else None.

        Raises ``LoadError`` if the production cannot be read.
        """
        found = find_production(path)
        if found is None:
            return None
        stamp = Stamp.read(found)
        production = load_production(found)
        layer = SceneLayer(scene=SceneHeader(title=title))
        return cls(merge(production, layer, str(path), str(found)), stamp)

    @property
    def score(self) -> Score:
        """The scene as the editor shows it: merged, with the whole cast to choose from."""
        return with_cast(self.scene.score, self.production.performers)

    @property
    def production(self) -> Production:
        """The production as this editor last read or wrote it."""
        return self.scene.production

    @property
    def production_path(self) -> Path:
        """Where ``production.toml`` is."""
        return Path(self.scene.production_path)

    @property
    def title(self) -> str:
        """The production's title."""
        return self.production.production.title

    def in_cast(self, performer_id: str) -> bool:
        """Whether the id is a cast member (not a performer of this scene only)."""
        return performer_id in self.production.by_id

    # ----- the scene's own file ---------------------------------------------------------

    def save(self, edited: Score, path: Path, *, over_read_only: bool = False) -> None:
        """Write the scene's own layer for ``edited``. Raises ``SaveError``."""
        layer = self.layer_of(edited)
        save_layer(layer, path, over_read_only=over_read_only)
        self.scene = merge(self.production, layer, str(path), self.scene.production_path)

    def layer_of(self, edited: Score, scene: ProductionScene | None = None) -> SceneLayer:
        """What the scene's file holds for ``edited``: never an empty entry for a cast
        member the scene does not name (the editor lists the whole cast)."""
        base = scene or self.scene
        layer = split(base, edited)
        named: set[str] = set()
        for beat in edited.beats:
            named |= beat.ids()
        cast = base.production.by_id

        def wanted(entry: PerformerLayer) -> bool:
            return (
                bool(entry.given())
                or entry.id not in cast
                or entry.id in named
                or base.layer.entry_of(entry.id) is not None
            )

        entries = tuple(e for e in layer.performers if wanted(e))
        return layer.model_copy(update={"performers": entries})

    def preview(self, edited: Score) -> ProductionScene:
        """``edited`` as it would be after saving: its layer merged with the production."""
        return merge(
            self.production, self.layer_of(edited), self.scene.path, self.scene.production_path
        )

    # ----- production.toml changed by someone else -------------------------------------

    def moved_on(self) -> bool:
        """Whether ``production.toml`` changed on disk since this editor read or wrote it."""
        return self.stamp is None or self.stamp.changed(self.production_path)

    def rebase(self, edited: Score) -> Score | None:
        """After another editor changed the cast: ``edited`` over the fresh production.

        Returns the new merged score (this scene's own values kept, the cast's
        taken from disk), or None when ``production.toml`` has not changed.
        Raises ``LoadError`` if the file on disk cannot be read now.
        """
        if not self.moved_on():
            return None
        stamp = Stamp.read(self.production_path)
        fresh = load_production(self.production_path)
        layer = self.layer_of(edited)
        self.stamp = stamp
        self.scene = merge(fresh, self.scene.layer, self.scene.path, self.scene.production_path)
        merged = merge(fresh, layer, self.scene.path, self.scene.production_path)
        return with_cast(merged.score, fresh.performers)

    # ----- a cast change -----------------------------------------------------------------

    def plan_cast_change(
        self, before: Score, after: Score, scopes: Mapping[str, Scope]
    ) -> CastPlan:
        """Split the change ``before`` -> ``after`` (merged views) by the answers in ``scopes``.

        A performer changed and not in ``scopes`` goes to the production when they are
        a cast member (names, characters: they are about the person), else stays in
        the scene. A new performer answered ``"production"`` joins the cast. A
        ``boundary_change`` log entry goes to the production's log when every
        performer it names changed for the whole production.
        """
        production = self.production
        layer = self.scene.layer
        whole: list[str] = []
        only: list[str] = []
        old = before.by_id
        for performer in changed_performers(before, after):
            usual: Scope = "production" if self.in_cast(performer.id) else "scene"
            scope = scopes.get(performer.id, usual)
            was = old.get(performer.id)
            if scope == "scene":
                only.append(performer.id)
                continue
            whole.append(performer.id)
            if was is None or performer.id not in production.by_id:
                production = production.with_performer(performer)
                found = layer.entry_of(performer.id)
                if found is not None:
                    # The scene's own entry for them would hide the cast's record.
                    entries = [e for e in layer.performers if e.id != performer.id]
                    layer = layer.model_copy(update={"performers": tuple(entries)})
                continue
            at = dataclasses.replace(self.scene, production=production, layer=layer)
            edited = apply_performer_edit(at, was, performer, "production")
            production, layer = edited.production, edited.layer
        added = after.log[len(before.log) :] if after.log[: len(before.log)] == before.log else ()
        kept: list[LogEntry] = list(after.log[: len(after.log) - len(added)])
        moved: list[LogEntry] = []
        for entry in added:
            goes = entry.event == "boundary_change" and entry.who and set(entry.who) <= set(whole)
            (moved if goes else kept).append(entry)
        if moved:
            self.moved_log += moved
            production = production.model_copy(
                update={"log": (*production.log, *(self._for_production(e) for e in moved))}
            )
        score = after.replace(log=tuple(kept)) if moved else after
        return CastPlan(production, layer, score, tuple(whole), tuple(only), len(moved))

    def _for_production(self, entry: LogEntry) -> LogEntry:
        """A scene's log entry as the production's log holds it: a beat number means
        nothing there without its scene, so the scene is named in the (private) note."""
        if entry.beat is None:
            return entry
        where = f"{Path(self.scene.path).name}, beat {entry.beat}"
        note = f"{where}: {entry.note}" if entry.note else where
        return entry.model_copy(update={"beat": None, "note": note})

    def write_cast(self, plan: CastPlan, prefer: Side | None = None) -> CastMerge:
        """Write the plan's production to ``production.toml`` under its lock.

        The file is re-read under the lock; only this editor's change (from the
        production as read to ``plan.production``) is applied to it. If another
        editor changed the same part of the same performer differently, nothing is
        written unless ``prefer`` says whose value wins: the result then has
        ``conflicts`` and the caller asks. Raises ``SaveError`` or ``LoadError``.
        """
        path = self.production_path
        lock = SoftFileLock(str(lock_path_of(path)), timeout=LOCK_WAIT, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            raise SaveError(
                f"{path}: another editor is writing the production's cast right now; "
                "try again in a moment (nothing was written)"
            ) from None
        except OSError as error:
            raise SaveError(f"{path}: cannot lock the production ({error.strerror})") from None
        try:
            theirs = self.production
            if self.moved_on():
                theirs = load_production(path)
            result = merge_cast(self.production, plan.production, theirs, prefer or "mine")
            if result.conflicts and prefer is None:
                return result
            save_production(result.production, path)
            self.stamp = Stamp.read(path)
        finally:
            lock.release()
        self.scene = merge(result.production, plan.layer, self.scene.path, str(path))
        return result

    def scene_after(self, plan: CastPlan) -> Score:
        """The editor's score after ``plan`` was written: its scene over the fresh cast."""
        # Split against the cast the plan was made on, so a value another editor
        # changed meanwhile is taken from disk, not pinned here as an override.
        planned = dataclasses.replace(self.scene, production=plan.production, layer=plan.layer)
        layer = self.layer_of(plan.score, planned)
        merged = merge(self.production, layer, self.scene.path, self.scene.production_path)
        return with_cast(merged.score, self.production.performers)
