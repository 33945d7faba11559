"""When the score's own file cannot be written: ask, never overwrite or lose silently.

A read-only score (0444) is written over only when the coordinator says so. A
score in a folder that cannot be written (a read-only share, a USB stick locked
against writing) can still be saved as a copy somewhere else; until then the
unsaved edits stay in the private recovery copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from choreo_tui.screens.dialog import Dialog
from choreo_tui.widgets.score_input import ScoreInput
from notation.terminal import safe


class SaveRefused(Dialog[str]):
    """The file could not be saved as it is: write over it, save elsewhere, or cancel."""

    DEFAULT_CLASSES = "-warning"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss('cancel')", "Cancel", id="refused_cancel"),
        Binding("c", "dismiss('elsewhere')", "Save a copy elsewhere", id="refused_elsewhere"),
        Binding("w", "write_over", "Write over it", id="refused_over"),
    ]

    def __init__(self, reason: str, *, read_only_file: bool, kept: bool) -> None:
        super().__init__()
        self.reason = reason
        self.read_only_file = read_only_file
        self.kept = kept

    def compose(self) -> ComposeResult:
        """Why, what is safe meanwhile, and the answers."""
        kept = (
            "Your edits are kept in the recovery copy meanwhile."
            if self.kept
            else "✗ Your edits are NOT in a recovery copy: save them somewhere now."
        )
        with Vertical():
            yield Static(f"✗ {safe(self.reason)}\n{kept}", markup=False)
            with Horizontal(classes="buttons"):
                if self.read_only_file:
                    yield Button("Write over it (w)", variant="warning", id="over", compact=True)
                yield Button("Save a copy elsewhere (c)", id="elsewhere", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        """Saving elsewhere changes nothing already on disk: the safe default."""
        self.query_one("#elsewhere", Button).focus()

    def action_write_over(self) -> None:
        """Only offered for a read-only file."""
        if self.read_only_file:
            self.dismiss("over")

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "cancel")


class AskCopyPath(Dialog[Path | None]):
    """Where to save a copy of the score (a file that does not exist yet)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="copy_path_cancel"),
    ]

    def __init__(self, suggestion: Path) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        """A line for the path, filled with a suggestion."""
        with Vertical():
            yield Label("Save a copy as (a new file; Enter saves, Escape cancels):")
            yield ScoreInput(value=str(self.suggestion), id="copy-path")
            yield Static("", classes="error", markup=False)

    @on(Input.Submitted)
    def _done(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        path = Path(text).expanduser()
        if path.exists() or path.is_symlink():
            self.query_one(".error", Static).update("✗ That file exists: choose a new name.")
            return
        self.dismiss(path)
