"""What the start screen asks of the app: open a score, a copy of a sample, or a new score."""

from __future__ import annotations

from pathlib import Path

from textual import on

from choreo_tui.app_saving import SavingFlows
from choreo_tui.samples import copy_sample, folder_for_copies, free_name, slug
from choreo_tui.screens.dialogs import AskTitle
from choreo_tui.screens.start import StartScreen
from notation import SaveError
from notation.terminal import safe_line


class StartFlows(SavingFlows):
    """The start screen's choices: a score from disk, a copy of a bundled sample, a new one."""

    @on(StartScreen.Open)
    def _open_local(self, event: StartScreen.Open) -> None:
        self.open_score(event.path)

    @on(StartScreen.OpenSample)
    def _open_sample(self, event: StartScreen.OpenSample) -> None:
        self.open_sample(event.path)

    def open_sample(self, sample: Path) -> None:
        """Copy a bundled sample to work on and open the copy; the original is unchanged."""
        try:
            folder = folder_for_copies(self.folder)
            copy = copy_sample(sample, folder)
        except (SaveError, OSError) as error:
            self.notify(f"Could not copy the sample: {error}", severity="error", markup=False)
            if self.history is None and not isinstance(self.screen, StartScreen):
                self.exit(return_code=2)  # exit(2) would be the result, exiting 0
            return
        where = copy.name if folder == self.folder else str(copy)
        self.notify(
            safe_line(f"Opened a copy of the sample: {where}; the original is unchanged."),
            markup=False,
            timeout=10,
        )
        self.open_score(copy)

    @on(StartScreen.New)
    def _new(self) -> None:
        def titled(title: str | None) -> None:
            if title:
                path = free_name(self.folder, slug(title) + ".score.toml")
                self.start_editing(path, self.new_score(path, title), saved=False)
                self.notify(f"A new score: ctrl+s writes it to {path.name}.", markup=False)

        self.push_screen(AskTitle(str(self.folder)), titled)
