"""The app's safekeeping flows: the lock, the recovery copy and changes on disk.

They are the app's answers to the ``Safekeeping`` state (``choreo_tui.safekeeping``):
what to say when the score is read-only here, the offer to restore unsaved edits
after a crash, and what to do instead of overwriting a file changed on disk.
Kept apart from ``ChoreoApp`` so the app module stays about opening and saving.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

from choreo_tui.safekeeping import Safekeeping
from notation import LoadError, SaveError, save
from notation.copies import save_copy
from notation.edits import History
from notation.model import Score
from notation.private_write import FolderNotWritable, ReadOnlyFile
from notation.stamp import DiskState, Stamp, load_stamped

if TYPE_CHECKING:
    from choreo_tui.screens.editor import EditorScreen
    from choreo_tui.typed import Typed, Typing

Saved = Callable[[bool], None]
"""Called when a save is over: True when the score was written."""

# The dialogs, the diff they show and the beat form are imported when first
# needed, not at launch: startup to the first frame is a measured goal.


class KeepingFlows(App[int]):
    """The dialogs and notices around the lock, recovery copies and changes on disk."""

    path: Path | None
    history: History | None
    keeping: Safekeeping
    _typed: Typed | None
    _typing: Typing | None
    _told: str | None
    _copying = False
    """A copy is being written: a second one (ctrl+s pressed again meanwhile) waits for it."""

    @property
    def editor(self) -> EditorScreen | None:
        """The editor screen, when one is open (the app defines it)."""
        raise NotImplementedError

    def score_changed(self) -> None:
        """After every edit (the app defines it)."""
        raise NotImplementedError

    def save(self, *, quiet: bool = False) -> bool:
        """Save the score (the app defines it)."""
        raise NotImplementedError

    def save_over_read_only(self) -> bool:
        """Write over the read-only file, as the coordinator asked (the app defines it)."""
        raise NotImplementedError

    def read_stamped(self, path: Path) -> tuple[Score, Stamp | None]:
        """Read a score and the stamp of its bytes (the app reads production scenes merged)."""
        return load_stamped(path)

    def report_keeping(self, on_disk: Score | None) -> None:
        """Say if the score is read-only here, and offer unsaved edits left by a crash."""
        keeping = self.keeping
        if keeping.busy is not None:
            self.notify(
                keeping.busy.message,
                title="Read-only",
                severity="warning",
                timeout=30,
                markup=False,
            )
        if keeping.stale is not None:
            self.notify(
                "Cleared the lock of an editor that ended without closing this score: "
                f"{keeping.stale.describe()}.",
                timeout=10,
                markup=False,
            )
        if keeping.offer is not None:
            from choreo_tui.screens.restore import RestoreScreen

            screen = RestoreScreen(keeping.offer, on_disk, disk_moved_on=keeping.disk_moved_on())
            self.push_screen(screen, self._restore_answer)

    def _restore_answer(self, choice: str | None) -> None:
        editor = self.editor
        from choreo_tui.screens.restore import RESTORE

        if choice != RESTORE:
            self.keeping.decline()
            self.notify("Discarded the unsaved edits.")
            return
        score = self.keeping.restore()
        if score is not None and editor is not None:
            editor.apply_score(score, "restore unsaved edits")
        self.score_changed()
        self.notify("Restored the unsaved edits: ctrl+s saves them.")

    def disk_unchanged(self) -> bool:
        """True if the file is as opened; if not, ask what to do instead of overwriting."""
        from choreo_tui.screens.external_change import ExternalChangeScreen

        state = self.keeping.disk_state()
        if state is DiskState.SAME or self.path is None or self.history is None:
            return True
        if isinstance(self.screen, ExternalChangeScreen):
            return False
        if state is DiskState.CHANGED:
            # The question shows what differs from the file on disk now: that file is
            # read (a big score: hundreds of ms) in a thread, and the question follows.
            self._read_changed(self.path)
        else:
            self._ask_about_disk(self.path, state, None)
        return False

    @work(thread=True, exclusive=True, group="reload")
    def _read_changed(self, path: Path) -> None:
        on_disk: Score | LoadError
        try:
            # A production scene is shown merged, as the editor shows it.
            from notation.production import load_merged

            on_disk = load_merged(path)
        except LoadError as error:
            on_disk = error
        self.call_from_thread(self._ask_about_disk, path, DiskState.CHANGED, on_disk)

    def _ask_about_disk(
        self, path: Path, state: DiskState, on_disk: Score | LoadError | None
    ) -> None:
        from choreo_tui.screens.external_change import ExternalChangeScreen

        if (
            self.history is None
            or self.path != path
            or isinstance(self.screen, ExternalChangeScreen)
        ):
            return  # another score was opened meanwhile, or the question is already up
        screen = ExternalChangeScreen(path, state, self.history.score, on_disk)
        self.push_screen(screen, self._disk_answer)

    def _disk_answer(self, choice: str | None) -> None:
        from choreo_tui.screens.external_change import RELOAD, SAVE_AGAIN, SAVE_COPY

        if choice == RELOAD:
            self.reload()
        elif choice == SAVE_COPY:
            self.save_as_copy()
        elif choice == SAVE_AGAIN:
            # Nothing is at the path any more: writing there overwrites nobody.
            self.keeping.stamp = None
            self.save()

    def reload(self) -> None:
        """Replace the edits with the file on disk (ctrl+z brings them back).

        The file is read and checked in a thread, so a big score never stalls the screen.
        """
        if self.history is None or self.path is None:
            return
        self._read_again(self.path)

    @work(thread=True, exclusive=True, group="reload")
    def _read_again(self, path: Path) -> None:
        try:
            score, stamp = self.read_stamped(path)
        except LoadError as error:
            self.call_from_thread(self._not_reloaded, error)
            return
        self.call_from_thread(self._reloaded, path, score, stamp)

    def _not_reloaded(self, error: LoadError) -> None:
        self.notify(
            error.render(), title="Not reloaded", severity="error", timeout=15, markup=False
        )

    def _reloaded(self, path: Path, score: Score, stamp: Stamp | None) -> None:
        if self.history is None or self.path != path:
            return  # another score was opened meanwhile
        editor = self.editor
        if editor is not None:
            editor.apply_score(score, "reload from disk")
        else:
            self.history.push(score, "reload from disk")
        self.history.mark_saved()
        self.keeping.reloaded(stamp)
        self.score_changed()
        self.notify(
            f"Reloaded {self.path.name} from disk; ctrl+z brings back your edits.", markup=False
        )

    def save_as_copy(self, then: Saved | None = None) -> bool:
        """Save the score as a new file beside the original, and go on editing the copy.

        The copy (``notation.copies.save_copy``) is written in a thread, as a save is
        (fsync: 270 ms at 5,000 beats); ``then`` hears whether it was written. False
        when there is no score to copy, or a copy is being written already.
        """
        if self.history is None or self.path is None or self._copying:
            return False
        path, score = self.path, self.history.score

        def write() -> Path:
            return save_copy(path, score)

        def said(copy: Path) -> str:
            return (
                f"Saved your version as {copy.name}, beside {path.name} (left as it was). "
                "You are now editing the copy."
            )

        self._copying = True
        self._copy_in_thread(path, score, write, said, then)
        return True

    @work(thread=True, group="save")
    def _copy_in_thread(
        self,
        path: Path,
        score: Score,
        write: Callable[[], Path],
        said: Callable[[Path], str],
        then: Saved | None,
    ) -> None:
        # Worker group "save": a copy is a save, and tests wait for the group to settle.
        try:
            copy = write()
        except FolderNotWritable as error:
            self.call_from_thread(self._copy_failed, error, then, True)
            return
        except SaveError as error:
            self.call_from_thread(self._copy_failed, error, then, False)
            return
        stamp = Stamp.read(copy)
        self.call_from_thread(self._copied, path, copy, stamp, score, said(copy), then)

    def _copy_failed(self, error: SaveError, then: Saved | None, refused: bool) -> None:
        # Nothing is lost: the score stays open at its path with its edits unsaved.
        self._copying = False
        if refused:
            self.refused_save(error)
        else:
            self.notify(str(error), title="Not saved", severity="error", timeout=15, markup=False)
        if then is not None:
            then(False)

    def _copied(
        self,
        path: Path,
        copy: Path,
        stamp: Stamp | None,
        score: Score,
        words: str,
        then: Saved | None,
    ) -> None:
        self._copying = False
        if self.history is not None and self.path == path:
            self.keeping.discard()
            self.keeping.claim(copy, stamp, score)
            self.path = copy
            # What was written is saved; an edit made during the write is not.
            self.history.saved = score
            self.score_changed()
            self.notify(words, timeout=15, markup=False)
        else:
            # Another score was opened meanwhile: the copy is written, that score stays.
            self.notify(f"Saved a copy as {copy}.", timeout=15, markup=False)
        if then is not None:
            then(True)

    def refused_save(self, error: SaveError) -> None:
        """The file or its folder cannot be written: ask what to do (never overwrite unasked)."""
        from choreo_tui import crash
        from choreo_tui.screens.save_refused import SaveRefused

        kept = self.keeping.crash_flush(dirty=True) == crash.EDITS_KEPT
        read_only_file = isinstance(error, ReadOnlyFile)
        self.push_screen(
            SaveRefused(str(error), read_only_file=read_only_file, kept=kept), self._refused
        )

    def _refused(self, choice: str | None) -> None:
        if self.history is None or self.path is None:
            return
        if choice == "over":
            self.save_over_read_only()
        elif choice == "elsewhere":
            from choreo_tui.screens.save_refused import AskCopyPath

            self.push_screen(AskCopyPath(Path.home() / self.path.name), self._copy_to)

    def _copy_to(self, target: Path | None) -> None:
        if target is None or self.history is None or self.path is None or self._copying:
            return
        path, score = self.path, self.history.score

        def write() -> Path:
            try:
                save(score, target)
            except FolderNotWritable as error:
                # Said, not asked again: the coordinator has just chosen this place.
                raise SaveError(str(error)) from None
            return target

        def said(copy: Path) -> str:
            return (
                f"Saved a copy as {copy}; {path.name} is unchanged. You are now editing the copy."
            )

        self._copying = True
        self._copy_in_thread(path, score, write, said, None)

    def keep_typing(self) -> None:
        """Notes still being typed (not yet entered) go into the recovery copy too."""
        error = self.keeping.recovery_error
        if error is not None and error != self._told:
            self.notify(
                f"Unsaved edits are not being kept safe: {error}. Save often.",
                title="Recovery copy",
                severity="warning",
                timeout=20,
                markup=False,
            )
        self._told = error
        history = self.history
        busy = self.keeping.busy
        if history is None or (busy is not None and busy.by_another):
            return
        from choreo_tui.typed import typed_now, with_typed

        typed = typed_now(self._typing, history.score)
        if typed is not None and typed != self._typed:
            self.keeping.changed(with_typed(history.score, typed), dirty=True)
        self._typed = typed
