"""Saving the score from the app: written in a thread, one write at a time, in order.

The write (fsync included: 270 ms at 5,000 beats) never runs on the UI thread; a save
asked for during a write follows it. A production scene is written through the
production it was read from.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from choreo_tui.app_keeping import Saved
from choreo_tui.app_production import ProductionFlows
from notation import SaveError, save
from notation.model import Score
from notation.private_write import FolderNotWritable, ReadOnlyFile

if TYPE_CHECKING:
    from choreo_tui.production.session import ProductionSession

__all__ = ["Saved", "SavingFlows"]


class SavingFlows(ProductionFlows):
    """Writing the score to disk off the UI thread, and saying how it went."""

    _saving: bool
    _save_next: tuple[bool, Saved | None] | None

    @staticmethod
    def _write(
        session: ProductionSession | None,
        path: Path,
        score: Score,
        *,
        over_read_only: bool = False,
    ) -> None:
        # Static, and given the session: the save thread must write through the
        # production this score was read from, even if another scene opens meanwhile.
        if session is not None:
            session.save(score, path, over_read_only=over_read_only)
            return
        save(score, path, over_read_only=over_read_only)

    def save(self, *, quiet: bool = False, then: Saved | None = None) -> bool:
        """Save the score to its file; says so (unless ``quiet``), or says why not.

        The write (fsync included: 270 ms at 5,000 beats) runs in a thread, so the
        screen never waits for the disk; ``then`` is called with whether it was
        written. Returns False when no write was started (a question is asked
        instead, or there is nothing to save).
        """
        if self.history is None or self.path is None:
            return False
        if self.keeping.read_only:
            started = self.save_as_copy(then)
            if not started and then is not None:
                then(False)
            return started
        if self._saving:
            # One write at a time, in order: this one follows when that one is done.
            self._save_next = (quiet, then)
            return True
        if not self.disk_unchanged():
            return False
        score = self.history.score
        if self.production is not None:
            # On the UI thread: a cast another editor changed on disk becomes one
            # undoable edit, shown, before this scene's layer is written over it.
            from choreo_tui.production.flows import rebased

            score = rebased(self, self.production, score)
        self._saving = True
        self._write_in_thread(self.production, self.path, score, quiet, then)
        return True

    def save_over_read_only(self) -> bool:
        """Write over the read-only file, as asked: in the save thread, like every save."""
        if self.history is None or self.path is None or self._saving:
            return False
        name = self.path.name

        def said(written: bool) -> None:
            if written:
                self.notify(f"Saved {name} (it was read-only).", markup=False)

        self._saving = True
        self._write_in_thread(
            self.production, self.path, self.history.score, True, said, over_read_only=True
        )
        return True

    @work(thread=True, group="save")
    def _write_in_thread(
        self,
        session: ProductionSession | None,
        path: Path,
        score: Score,
        quiet: bool,
        then: Saved | None,
        over_read_only: bool = False,
    ) -> None:
        try:
            self._write(session, path, score, over_read_only=over_read_only)
        except (ReadOnlyFile, FolderNotWritable) as error:
            self.call_from_thread(self._refused_in_thread, error, then)
            return
        except SaveError as error:
            self.call_from_thread(self._not_saved, error, then)
            return
        self.call_from_thread(self._saved, path, score, quiet, then)

    def _not_saved(self, error: SaveError, then: Saved | None) -> None:
        self._saving = False
        self._save_next = None
        self.notify(str(error), title="Not saved", severity="error", timeout=15, markup=False)
        if then is not None:
            then(False)

    def _refused_in_thread(self, error: SaveError, then: Saved | None) -> None:
        self._saving = False
        self._save_next = None
        self.refused_save(error)
        if then is not None:
            then(False)

    def _saved(self, path: Path, score: Score, quiet: bool, then: Saved | None) -> None:
        self._saving = False
        if self.history is not None and self.path == path:
            # What was written is saved; an edit made during the write is not.
            self.history.saved = score
            self.keeping.saved()
            self.score_changed()
        if not quiet:
            self.notify(f"Saved {path.name}.", markup=False)
        if then is not None:
            then(True)
        follow, self._save_next = self._save_next, None
        if follow is not None:
            self.save(quiet=follow[0], then=follow[1])
