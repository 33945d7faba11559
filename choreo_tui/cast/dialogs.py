"""Small questions the cast screen asks: a choice, and what to do on leaving.

Each is a modal screen answered from the keyboard: arrows and enter pick, escape
goes back without doing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from choreo_tui.screens.dialog import Dialog
from choreo_tui.widgets.score_input import ScoreInput
from choreo_tui.widgets.tick import TickBox, TickList
from notation import clock
from notation.model import Score
from notation.terminal import safe, safe_line


class Choice(Dialog[str | None]):
    """A question with a few answers; dismissed with the chosen answer's id, or None."""

    DEFAULT_CSS = "Choice OptionList { height: auto; }"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "back", "Back", id="cast.dialog.back", tooltip="Answer nothing and go back"
        ),
    ]

    def __init__(self, question: str, answers: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question = question
        self.answers = answers

    def compose(self) -> ComposeResult:
        """The question and its answers, each control character shown escaped: questions
        quote names, titles and file names from scores."""
        with Vertical():
            yield Static(safe(self.question), classes="question", markup=False)
            yield OptionList(
                *(Option(safe(text), id=key) for key, text in self.answers), markup=False
            )

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_back(self) -> None:
        """Answer nothing."""
        self.dismiss(None)


@dataclass(frozen=True)
class Leaving:
    """What the coordinator decided on leaving the cast with changes."""

    keep: bool
    log_who: tuple[str, ...] | None = None
    """Performers named in a boundary_change log entry, or None for no entry."""
    note: str = ""
    at: datetime | None = None


class LeaveCast(Dialog[Leaving | None]):
    """Keep or discard the cast changes; offer a boundary_change log entry when tables changed."""

    DEFAULT_CSS = """
    LeaveCast SelectionList { height: auto; max-height: 5; }
    LeaveCast Horizontal { height: auto; margin-top: 1; }
    LeaveCast Button { margin-right: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, so the keys work from inside the note and time fields too.
        Binding(
            "ctrl+s",
            "keep",
            "Keep changes",
            id="cast.leave.keep",
            tooltip="Keep the cast changes (with the log entry if ticked)",
            priority=True,
        ),
        Binding(
            "ctrl+d",
            "discard",
            "Discard changes",
            id="cast.leave.discard",
            tooltip="Discard every cast change since the cast was opened",
            priority=True,
        ),
        Binding(
            "escape",
            "back",
            "Back to the cast",
            id="cast.leave.back",
            tooltip="Go back to the cast without leaving",
        ),
    ]

    def __init__(self, score: Score, summary: list[str], changed: list[str]) -> None:
        super().__init__()
        self.score = score
        self.summary = summary
        self.changed = changed

    def compose(self) -> ComposeResult:
        """Summary of what the changes do, then the log entry offer, then the answers."""
        with Vertical():
            yield Static(
                "Leave the cast. What the changes do:\n" + "\n".join(self.summary), markup=False
            )
            if self.changed:
                yield TickBox(
                    "Record a boundary_change in the rehearsal log", True, id="record", compact=True
                )
                yield Label("Who (space to tick):")
                yield TickList(
                    *(
                        Selection(
                            Content(safe_line(f"{p.name} ({p.id})")), p.id, p.id in self.changed
                        )
                        for p in self.score.performers
                    ),
                    id="who",
                    compact=True,
                )
                yield ScoreInput(placeholder="private note (optional)", id="note", compact=True)
                yield Label("When (time with UTC offset):")
                yield Input(clock.typed(), id="at", compact=True)
                yield Static("", id="problem", classes="problem", markup=False)
            yield Static("ctrl+s keep · ctrl+d discard · escape back · tab moves", classes="keys")
            with Horizontal():
                yield Button("Keep changes", variant="primary", id="keep", compact=True)
                yield Button("Discard changes", variant="error", id="discard", compact=True)
                yield Button("Back", id="back", compact=True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        {"keep": self.action_keep, "discard": self.action_discard, "back": self.action_back}[
            event.button.id or "back"
        ]()

    def action_keep(self) -> None:
        """Keep the changes, with the log entry if asked for."""
        if not self.changed or not self.query_one("#record", Checkbox).value:
            self.dismiss(Leaving(True))
            return
        at = clock.parse(self.query_one("#at", Input).value)
        who = tuple(self.query_one("#who", SelectionList).selected)
        problem = self.query_one("#problem", Static)
        if at is None:
            problem.update("✗ The time needs a date, a time and an offset: 2026-11-27T19:30+00:00")
            self.query_one("#at", Input).focus()
            return
        if not who:
            problem.update("✗ Tick at least one performer, or untick the log entry.")
            self.query_one("#who").focus()
            return
        note = self.query_one("#note", Input).value
        self.dismiss(Leaving(True, who, note, at))

    def action_discard(self) -> None:
        """Throw the cast changes away."""
        self.dismiss(Leaving(False))

    def action_back(self) -> None:
        """Go back to the cast without leaving."""
        self.dismiss(None)
