"""Restore unsaved edits found in a recovery copy, or discard them.

Shown when a score is opened and a recovery copy of it is waiting: Choreo
stopped (a crash, a kill, a flat battery) with edits unsaved. The dialog shows
what the copy changes compared with the file on disk, in the words of
``choreo diff``, and offers to restore them (they come back as unsaved edits)
or to discard them. Discarding asks twice: it is the one answer that loses work.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from choreo_tui.cli.diff import render_text
from choreo_tui.recovery import Recovered
from choreo_tui.screens.dialog import Dialog
from notation import Score, clock
from notation.describe import counted
from notation.diff import diff_scores
from notation.terminal import safe

RESTORE, DISCARD = "restore", "discard"


def what_differs(before: Score | None, after: Score) -> str:
    """The changes from ``before`` to ``after`` in plain words (private notes never quoted)."""
    if before is None:
        beats = len(after.beats)
        people = counted(len(after.performers), "performer")
        return f"The whole score: {people}, {counted(beats, 'beat')}."
    lines = render_text(diff_scores(before, after), before)
    # Beat titles and names from the score: shown escaped, never raw.
    return safe("\n".join(lines)) if lines else "No differences."


def when_words(moment: datetime) -> str:
    """``14:02 today`` or ``2026-11-20 14:02``, in local time (a seam for the snapshots)."""
    return clock.shown(moment)


class DiffDialog(Dialog[str]):
    """A question about two versions of the score, showing what differs between them."""

    DEFAULT_CLASSES = "-wide -warning"
    DEFAULT_CSS = """
    DiffDialog Button { min-width: 8; height: 1; border: none; }
    DiffDialog #confirm { display: none; }
    """


class RestoreScreen(DiffDialog):
    """Unsaved edits were found: restore them (the default) or discard them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r,escape", "restore", "Restore", id="recovery_restore"),
        Binding("d", "discard", "Discard", id="recovery_discard"),
    ]

    def __init__(
        self, recovered: Recovered, on_disk: Score | None, *, disk_moved_on: bool = False
    ) -> None:
        super().__init__()
        self.recovered = recovered
        self.on_disk = on_disk
        self.disk_moved_on = disk_moved_on
        self.armed = False

    def compose(self) -> ComposeResult:
        """When the edits were made, what they change, and the two answers."""
        with Vertical():
            yield Static(
                Text.assemble(
                    ("⚠ Unsaved edits were found", "bold"),
                    f" (last kept {when_words(self.recovered.written)}).\n",
                    "Choreo stopped before they were saved. Compared with the file on disk:",
                )
            )
            with VerticalScroll():
                yield Static(what_differs(self.on_disk, self.recovered.score), markup=False)
            if self.disk_moved_on:
                yield Static(
                    "⚠ The file on disk also changed after these edits began. If you "
                    "restore them, saving will ask first and offer to save a copy.",
                    classes="warning",
                )
            yield Static("", id="confirm", classes="warning")
            with Horizontal(classes="buttons"):
                yield Button("Restore them (r)", variant="primary", id=RESTORE, compact=True)
                yield Button("Discard them (d)", variant="error", id=DISCARD, compact=True)

    def on_mount(self) -> None:
        """Restoring is the safe default: nothing is lost until a save."""
        self.query_one(f"#{RESTORE}", Button).focus()

    def action_restore(self) -> None:
        """Bring the edits back as unsaved changes."""
        self.dismiss(RESTORE)

    def action_discard(self) -> None:
        """Discard the edits, after a second press."""
        if not self.armed:
            self.armed = True
            confirm = self.query_one("#confirm", Static)
            confirm.display = True
            confirm.update(
                "✗ Discarding deletes these edits for good. Press d again to discard, "
                "or r to restore."
            )
            return
        self.dismiss(DISCARD)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == DISCARD:
            self.action_discard()
        else:
            self.action_restore()
