"""Small modal questions: quit without saving, a new score's title, who agreed a beat,
and which kind of part to add."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from choreo_tui.screens.dialog import Dialog
from choreo_tui.widgets.pick import Pick
from choreo_tui.widgets.score_input import ScoreInput


class QuitUnsaved(Dialog[str]):
    """Unsaved changes: save and quit, quit without saving, or stay."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss('stay')", "Stay", id="quit_stay"),
        Binding("s", "dismiss('save')", "Save and quit", id="quit_save"),
        Binding("d", "dismiss('discard')", "Quit without saving", id="quit_discard"),
    ]

    def compose(self) -> ComposeResult:
        """The question and three answers."""
        with Vertical():
            yield Static("[b]There are unsaved changes.[/b]\nSave them before quitting?")
            with Horizontal(classes="buttons"):
                yield Button("Save and quit (s)", variant="primary", id="save", compact=True)
                yield Button("Quit without saving (d)", variant="error", id="discard", compact=True)
                yield Button("Stay (Esc)", id="stay", compact=True)

    def on_mount(self) -> None:
        """Stay is the safe default."""
        self.query_one("#stay", Button).focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "stay")


class AskTitle(Dialog[str | None]):
    """The title of a new score (required by the format)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="title_cancel"),
    ]

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where

    def compose(self) -> ComposeResult:
        """A line for the title."""
        with Vertical():
            yield Static(Content.assemble(("A new score", "bold"), f" in {self.where}"))
            yield Label("Scene title (e.g. Act 2, Scene 3: the orchard), then Enter:")
            yield ScoreInput(placeholder="scene title", id="title")
            yield Static("", classes="error")

    @on(Input.Submitted)
    def _done(self, event: Input.Submitted) -> None:
        title = event.value.strip()
        if not title:
            self.query_one(".error", Static).update("✗ A score needs a title. Escape cancels.")
            return
        self.dismiss(title)


class AgreeDialog(Dialog[list[str] | None]):
    """Tick the performers who agreed the selected beat, as it stands now."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="agree_cancel"),
        Binding("f10", "record", "Record", id="agree_record"),
    ]

    def __init__(self, beat_number: int, people: list[tuple[str, str]]) -> None:
        super().__init__()
        self.beat_number = beat_number
        self.people = people

    def compose(self) -> ComposeResult:
        """The performers, none ticked: each one's agreement is given, never assumed."""
        with Vertical():
            yield Static(
                f"[b]Who agreed beat {self.beat_number}[/b], as it stands now?\n"
                "Enter ticks or unticks the highlighted performer (\\[x] ticked); F10 or Record "
                "saves it with today's date and a log entry."
            )
            yield Pick("Agreed", self.people, (), multiple=True, id="who")
            yield Static("", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Record (F10)", variant="primary", id="record", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        """Start on the list of performers."""
        self.query_one(Pick).focus()

    def action_record(self) -> None:
        """Record the ticked performers."""
        who = list(self.query_one(Pick).values)
        if not who:
            self.query_one(".error", Static).update("✗ Tick at least one performer.")
            return
        self.dismiss([pid for pid, _ in self.people if pid in who])

    @on(Button.Pressed, "#record")
    def _record(self) -> None:
        self.action_record()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class ChooseKind(Dialog[str | None]):
    """Which kind of part to add to the beat."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="kind_cancel"),
    ]

    def __init__(self, kinds: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.kinds = kinds

    def compose(self) -> ComposeResult:
        """The kinds of part."""
        with Vertical():
            yield Static("[b]Add to this beat[/b] (Enter picks, Escape cancels)")
            yield OptionList(*(Option(f"{k:<10} {words}", id=k) for k, words in self.kinds))

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class OpeningScreen(Screen[None]):
    """Shown while a big score is read, so the first frame never waits for the disk."""

    DEFAULT_CSS = "OpeningScreen { align: center middle; }"

    def __init__(self, name: str) -> None:
        super().__init__()
        self.file_name = name

    def compose(self) -> ComposeResult:
        """One line."""
        yield Static(f"Opening {self.file_name}…", markup=False)
