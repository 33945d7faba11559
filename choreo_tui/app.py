"""The Textual application: opening, saving and quitting around the rehearsal editor.

Opening and saving are small separate methods (``open_score``, ``start_editing``,
``save``, ``save_over_read_only``) so crash recovery, the lock and external-change
detection can hook in without touching the editor.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import BindingType
from textual.filter import LineFilter
from textual.notifications import SeverityLevel

from choreo_tui import commands, crash, hangup
from choreo_tui.app_saving import Saved
from choreo_tui.app_start import StartFlows
from choreo_tui.keymap import clashes, keymap_path, read_keymap
from choreo_tui.safekeeping import Safekeeping
from choreo_tui.samples import is_bundled
from choreo_tui.screens.dialogs import AskTitle, OpeningScreen, QuitUnsaved
from choreo_tui.screens.help import HelpScreen, focused_help, key_lines
from choreo_tui.screens.start import StartScreen
from choreo_tui.terminal_filter import TerminalSafety
from choreo_tui.typed import Typing
from notation import LoadError
from notation.edits import History
from notation.model import Score
from notation.stamp import Stamp, load_stamped
from notation.terminal import safe, safe_line

if TYPE_CHECKING:
    from choreo_tui.host import ScoreHost
    from choreo_tui.production.session import ProductionSession
    from choreo_tui.screens.editor import EditorScreen
    from choreo_tui.typed import Typed

__all__ = ["READ_AT_ONCE", "ChoreoApp", "Saved"]

READ_AT_ONCE = 256 * 1024
"""Scores bigger than this many bytes are read in a thread behind an "Opening" screen."""


class ChoreoApp(StartFlows):
    """Choreo's terminal app: the start screen, the editor, replay."""

    CSS_PATH = "choreo.tcss"
    TITLE = "Choreo"
    BINDINGS: ClassVar[list[BindingType]] = list(commands.bindings(commands.APP_COMMANDS))
    COMMANDS = App.COMMANDS | {commands.CommandPalette}

    def __init__(
        self,
        path: str | Path | None,
        *,
        replay: bool = False,
        keymap_file: Path | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.path: Path | None = Path(path) if path is not None else None
        self.replay = replay
        self.keymap_file = keymap_file
        self.folder = folder or Path.cwd()
        self.history: History | None = None
        self.keymap: dict[str, str] = {}
        self.keeping = Safekeeping()
        self.read_stamp: Stamp | None = None
        self._typed: Typed | None = None
        self._typing: Typing | None = None
        self._saving = False
        self._save_next: tuple[bool, Saved | None] | None = None
        self._told: str | None = None
        self._terminal_safety = TerminalSafety()
        self.production: ProductionSession | None = None

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the terminal-safety net (see ``terminal_filter``)."""
        return [*super().get_line_filters(), self._terminal_safety]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notice, with its words escaped: notices name files, people and beats."""
        super().notify(
            safe(message), title=safe_line(title), severity=severity, timeout=timeout, markup=markup
        )

    # ----- starting ------------------------------------------------------------------

    def on_mount(self) -> None:
        """Apply the user's keys, then open the file or show the start screen."""
        self.apply_keymap()
        hangup.install(self)
        self.set_interval(1.0, self.keep_typing)
        if self.path is None:
            from choreo_tui.production.start import ProductionStartScreen, production_of_folder

            found = production_of_folder(self.folder)
            start = ProductionStartScreen(found) if found is not None else None
            self.push_screen(start or StartScreen(self.folder))
        else:
            self.open_path(self.path)

    def apply_keymap(self) -> None:
        """Read the user's keymap file; report what is wrong, never fail."""
        user = read_keymap(self.keymap_file or keymap_path())
        self.keymap = user.keys
        if user.keys:
            self.set_keymap(user.keys)
        for problem in (*user.problems, *clashes(user.keys)):
            self.notify(problem, title="Keymap", severity="warning", timeout=12, markup=False)

    def open_path(self, path: Path) -> None:
        """Open ``path``, or ask for a title and start a new score there. A bundled
        sample opens as a copy, as from the start screen, so it is never changed."""
        if is_bundled(path):
            self.open_sample(path)
            return
        if path.exists():
            self.open_score(path)
            return

        def titled(title: str | None) -> None:
            if title is None:
                if self.history is None and not isinstance(self.screen, StartScreen):
                    self.exit(0)
                return
            self.start_editing(path, self.new_score(path, title), saved=False)
            self.notify(f"A new score: ctrl+s writes it to {path.name}.", markup=False)

        self.push_screen(AskTitle(str(path)), titled)

    def read_score(self, path: Path) -> Score:
        """Read a score from disk (raises LoadError), stamping the bytes read.

        A score inside a production is read through it: the editor edits the merged
        score, and ``self.production`` keeps what each file holds.
        """
        from choreo_tui.production.session import ProductionSession

        session = ProductionSession.open(path)
        if session is not None:
            self.production = session
            self.read_stamp = Stamp.read(path)
            return session.score
        self.production = None
        score, self.read_stamp = load_stamped(path)
        return score

    def read_stamped(self, path: Path) -> tuple[Score, Stamp | None]:
        """Read a score as ``read_score`` does, with the stamp of the bytes read."""
        score = self.read_score(path)
        return score, self.read_stamp

    def open_score(self, path: Path) -> None:
        """Read ``path`` and edit it; an unreadable file is explained, never changed.

        A big score is read in a thread behind an "Opening..." screen, so the first
        frame comes at once.
        """
        try:
            big = path.stat().st_size > READ_AT_ONCE
        except OSError:
            big = False
        if big:
            self.push_screen(OpeningScreen(path.name))
            # Start reading once the first frame is painted, so it never waits for the disk.
            self.call_after_refresh(self._read_in_thread, path)
            return
        try:
            score = self.read_score(path)
        except LoadError as error:
            self.show_unreadable(error)
            return
        self.start_editing(path, score, saved=True)

    @work(thread=True, exclusive=True, group="open")
    def _read_in_thread(self, path: Path) -> None:
        try:
            score = self.read_score(path)
        except LoadError as error:
            self.call_from_thread(self._read_failed, error)
            return
        self.call_from_thread(self._read_done, path, score)

    def _read_done(self, path: Path, score: Score) -> None:
        self.start_editing(path, score, saved=True)

    def _read_failed(self, error: LoadError) -> None:
        if isinstance(self.screen, OpeningScreen):
            self.pop_screen()
        self.show_unreadable(error)

    def show_unreadable(self, error: LoadError) -> None:
        """Explain why a score could not be opened (the file is left untouched)."""
        from choreo_tui.screens.unreadable import UnreadableScreen

        self.push_screen(UnreadableScreen(error), lambda _: self._after_unreadable())

    def _after_unreadable(self) -> None:
        if self.history is None and not isinstance(self.screen, StartScreen):
            self.exit(return_code=2)  # exit(2) would be the result, exiting 0

    def start_editing(self, path: Path, score: Score, *, saved: bool) -> None:
        """Show the editor on ``score``, which belongs at ``path``."""
        # Imported here, not at the top: a big score's "Opening..." frame comes
        # sooner without the editor's widgets loaded first.
        from choreo_tui.production.start import ProductionStartScreen
        from choreo_tui.screens.editor import EditorScreen

        on_disk = score if saved else None
        self.keeping.claim(path, self.read_stamp if saved else None, on_disk)
        self.path = path
        self.history = History.start(score, saved=saved)
        editor = EditorScreen(self.history, on_change=self.score_changed)
        if self.production is not None:
            from choreo_tui.production.flows import p602

            editor.production_findings = p602(self.production, score)
        if isinstance(self.screen, (StartScreen, OpeningScreen, ProductionStartScreen)):
            self.switch_screen(editor)
        else:
            self.push_screen(editor)
        self.score_changed()
        self.report_keeping(on_disk)
        if self.replay:
            self.replay = False
            # `choreo replay FILE` came for the replay alone: ending it ends the app,
            # back at the shell, not in an editor nobody asked for.
            self.call_after_refresh(self.open_replay, 0, True)

    @on(Typing)
    def _typing_seen(self, event: Typing) -> None:
        # Kept for keep_typing, which puts it in the recovery copy once a second.
        self._typing = event

    # ----- the editor's state --------------------------------------------------------

    @property
    def editor(self) -> EditorScreen | None:
        """The editor screen, when one is open."""
        from choreo_tui.screens.editor import EditorScreen

        for screen in self.screen_stack:
            if isinstance(screen, EditorScreen):
                return screen
        return None

    def score_changed(self) -> None:
        """After every edit: the title shows the scene and whether it is saved."""
        if self.history is None or self.path is None:
            return
        dirty = self.history.dirty
        self.title = ("● " if dirty else "") + self.history.score.scene.title
        self.sub_title = self.path.name + (" (unsaved changes)" if dirty else "")
        if self.production is not None:
            from notation.terminal import safe_line

            # Before the file name: on a narrow terminal the production must still show.
            self.sub_title = f"in {safe_line(self.production.title)} · {self.sub_title}"
        if self.keeping.read_only:
            # First, so a narrow terminal never cuts it off.
            self.sub_title = "read-only: " + self.sub_title
        # The editor's title line watches these two; the app never reaches into it.
        self.keeping.changed(self.history.score, dirty=dirty)
        self.keep_production_findings()

    def on_unmount(self) -> None:
        """Write pending edits to the recovery copy and let the next editor in."""
        self.keeping.close()

    def _handle_exception(self, error: Exception) -> None:
        # Textual's crash screen prints local variables: performers' data. Keep the
        # unsaved edits, write a report without data, and say so briefly instead.
        edits = crash.EDITS_LOST
        with contextlib.suppress(Exception):
            edits = self.keeping.crash_flush(dirty=self.history is not None and self.history.dirty)
        crash.handle_exception(self, error, edits)

    # ----- replay --------------------------------------------------------------------

    def open_replay(self, start: int = 0, then_quit: bool = False) -> None:
        """Step through the scene from beat ``start`` (0-based); with ``then_quit``,
        ending replay quits the app."""
        if self.history is None:
            return
        from choreo_tui.replay.screen import ReplayScreen

        # In a production, replay (its check-in, its boundary change) is of this scene's people.
        scene = self.scene_view(self.history.score)
        screen = ReplayScreen(scene, start=start, record=self.record)
        self.push_screen(screen, self._after_replay if then_quit else None)

    async def _after_replay(self, _: object) -> None:
        await self.action_quit()

    def record(self, score: Score) -> None:
        """Replay logged something: apply it and save at once (the log is a safety record).

        In a production, a boundary change is asked about first (whole production or
        this scene) and logged in the file the change went to.
        """
        score = self.with_cast_of_editor(score)
        if not self.record_in_production(score):
            self._record_now(score)

    def _record_now(self, score: Score) -> None:
        score = self.without_production_log(score)
        editor = self.editor
        if editor is not None:
            editor.apply_score(score, "rehearsal log")
        elif self.history is not None:
            self.history.push(score, "rehearsal log")
        # Replay says what it recorded; a "Saved" notice on top would cover the
        # hold dialog at the moment the room needs to read it.
        self.save(quiet=True)

    # ----- help and quitting ---------------------------------------------------------

    def action_help(self) -> None:
        """Help for where you are, every key in force and the quick-entry grammar."""
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        where = str(self.keymap_file or keymap_path())
        self.push_screen(HelpScreen(focused_help(screen), key_lines(screen), where))

    async def action_quit(self) -> None:
        """Quit; with unsaved changes, ask first."""
        from choreo_tui.cast.screen import CastScreen

        if any(isinstance(s, CastScreen) and s.has_changes for s in self.screen_stack):
            # Its changes are not in the history yet: quitting now would drop them
            # without the usual question.
            self.notify(
                "The cast has changes not yet kept: press escape to keep or discard them, "
                "then quit.",
                severity="warning",
                markup=False,
            )
            return
        editor = self.editor
        if editor is not None:
            editor.flush_form()
        if self.history is None or not self.history.dirty:
            self.exit(0)
            return
        if isinstance(self.screen, QuitUnsaved):
            return

        def answer(choice: str | None) -> None:
            if choice == "discard":
                self.keeping.discard()
            if choice == "discard":
                self.exit(0)
            elif choice == "save":
                self.save(then=lambda written: self.exit(0) if written else None)

        self.push_screen(QuitUnsaved(), answer)


if TYPE_CHECKING:
    # mypy checks here that the app keeps the contract its screens rely on.
    _HOST: type[ScoreHost] = ChoreoApp
