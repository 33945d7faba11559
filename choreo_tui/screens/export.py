"""Export a director's copy from the editor: choose the format, write it beside the score.

The copy comes from ``notation.copies`` (built from the sharing allow-list: private
notes and the rehearsal log never leave). It is written 0600 under a name that is
free, so an earlier copy is never replaced; this screen only asks for the format.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from choreo_tui.lock import Held, writing
from choreo_tui.screens.dialog import Dialog
from notation import SaveError, Score
from notation.copies import free_export_name, write_export

CHOICES: tuple[tuple[str, str], ...] = (
    ("html", "HTML page: one self-contained file, beat by beat, prints one beat per block"),
    ("md", "Markdown: for email and print"),
    ("toml", "Score copy: a .score.toml the director's tools can read and check"),
)


@dataclass(frozen=True)
class ExportChoice:
    """What to export: the format, and whether boundaries and riders go with it."""

    to: str
    with_boundaries: bool


class ExportDialog(Dialog[ExportChoice | None]):
    """Pick the format of the director's copy; b toggles boundaries and riders."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="export_cancel"),
        Binding(
            "b",
            "toggle_boundaries",
            "Boundaries",
            id="export_boundaries",
            tooltip="Include or leave out each performer's boundaries and rider",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.with_boundaries = False

    def compose(self) -> ComposeResult:
        """The formats, and what the copy will hold."""
        with Vertical():
            yield Static("[b]Director's copy[/b] (Enter writes it, Escape cancels)")
            yield OptionList(*(Option(f"{to:<5} {words}", id=to) for to, words in CHOICES))
            yield Static(self._words(), id="export-boundaries")
            yield Static("Private notes and the rehearsal log never leave your file.", markup=False)

    def _words(self) -> str:
        if self.with_boundaries:
            return "[x] with boundaries and riders (areas and conditions, never notes)  (b)"
        return "[ ] without boundaries or riders  (b to include them)"

    def action_toggle_boundaries(self) -> None:
        """Include or leave out boundaries and riders."""
        self.with_boundaries = not self.with_boundaries
        self.query_one("#export-boundaries", Static).update(self._words())

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(ExportChoice(event.option.id, self.with_boundaries))


def free_target(source: Path, to: str) -> Path:
    """``NAME.director.html`` beside the score, or ``NAME.director-2.html``... if taken."""
    return free_export_name(source, to)


def write_copy(score: Score, source: Path, choice: ExportChoice) -> Path:
    """Write the director's copy beside ``source``; returns where. Raises SaveError.

    The copy is ``notation.copies.write_export``'s, under the lock every writer takes.
    """
    try:
        return write_export(
            score, source, choice.to, with_boundaries=choice.with_boundaries, hold=writing
        )
    except Held as held:
        raise SaveError(f"{held.path}: not written: {held.busy.reason}") from None


__all__ = ["ExportChoice", "ExportDialog", "SaveError", "free_target", "write_copy"]
