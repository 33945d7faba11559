"""The beats of other scenes that a cast change newly flagged: scene, beat, finding.

Enter on one opens that scene at that beat (the app asks to save unsaved edits
first); Escape goes back to where you were.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from choreo_tui.production.ripple import RippleItem, RippleReport
from notation.terminal import safe_line


def item_line(item: RippleItem) -> Text:
    """One row: scene, beat (with its title), the finding with its mark and code."""
    beat = f"beat {item.beat}" + (f" ({item.beat_title})" if item.beat_title else "")
    line = Text(f"{safe_line(item.scene_title)} · {safe_line(beat)}\n", style="bold")
    line.append(f"  {item.mark} {item.code} {safe_line(item.message)}")
    return line


class RippleScreen(ModalScreen[RippleItem | None]):
    """What a whole-production cast change did in the other scenes, beat by beat."""

    HELP = (
        "Each row is a beat of another scene that the cast change now flags. Enter opens "
        "that scene at that beat (you are asked to save this scene first); Escape goes back."
    )
    DEFAULT_CSS = """
    RippleScreen { align: center middle; }
    RippleScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    RippleScreen #ripple-words { height: auto; margin-bottom: 1; }
    RippleScreen OptionList { height: auto; max-height: 18; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Back",
            id="ripple.back",
            tooltip="Close the list and go back to where you were",
        ),
    ]

    def __init__(self, report: RippleReport) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        """The sentence, then one row per beat."""
        with Vertical():
            words = safe_line(self.report.words()) + "\nEnter opens the scene at that beat."
            yield Static(words, id="ripple-words", markup=False)
            yield OptionList(
                *(Option(item_line(item), id=str(n)) for n, item in enumerate(self.report.items)),
                id="ripple-items",
            )
        yield Footer()

    def on_mount(self) -> None:
        """Start on the first beat."""
        listing = self.query_one(OptionList)
        listing.focus()
        if self.report.items:
            listing.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.report.items[int(event.option_id or 0)])

    def action_back(self) -> None:
        """Close the list."""
        self.dismiss(None)
