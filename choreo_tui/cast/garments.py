"""The garments editor: a performer's scene-wide modesty garments, added and removed by key.

A garment's kind is chosen from the format's list and what it covers from the
area names, never typed; ``other`` must say what it covers.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Label, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option

from choreo_tui.cast.ticks import AreaTicks
from notation.describe import garment_words
from notation.model import DEFAULT_COVERS, GARMENT_KINDS, Garment, Score


def describe(score: Score, garment: Garment) -> str:
    """One line for a garment in the list."""
    words = garment_words(score, garment)
    return words if garment.covers else f"{words} (default covers)"


class GarmentList(OptionList):
    """The garments worn; delete removes the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "delete,d",
            "remove",
            "Remove garment",
            id="cast.garment.remove",
            tooltip="Remove the highlighted garment",
        ),
    ]

    class Remove(Message):
        """Remove the garment at ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def action_remove(self) -> None:
        """Ask to remove the highlighted garment."""
        if self.highlighted is not None and self.option_count:
            self.post_message(self.Remove(self.highlighted))


class GarmentsEditor(Vertical):
    """List of garments and a small form to add one."""

    DEFAULT_CSS = """
    GarmentsEditor GarmentList { height: auto; max-height: 5; }
    GarmentsEditor .row { height: auto; }
    GarmentsEditor Select { width: 24; }
    GarmentsEditor Button { margin: 0 1; }
    GarmentsEditor #garment-default { width: 1fr; }
    GarmentsEditor #garment-problem { color: $error; height: auto; }
    """

    class Changed(Message):
        """The garments changed."""

        def __init__(self, garments: tuple[Garment, ...]) -> None:
            super().__init__()
            self.garments = garments

    def __init__(
        self, score: Score, garments: tuple[Garment, ...], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.score = score
        self.garments = garments

    def compose(self) -> ComposeResult:
        """Worn garments, then kind and covers for a new one."""
        yield Label("Worn for the whole scene (d or delete removes):")
        yield GarmentList(*self._options(), id="garment-list", compact=True, markup=False)
        yield Label("Add one: its kind, then tick what it covers (none: the kind's default)")
        with Horizontal(classes="row"):
            yield Select(
                [(kind.replace("_", " "), kind) for kind in GARMENT_KINDS],
                prompt="kind",
                id="garment-kind",
                compact=True,
            )
            yield Button("Add garment", id="garment-add", compact=True)
            yield Static("", id="garment-default")
        yield Static("", id="garment-problem", markup=False)
        yield AreaTicks("Covers", id="garment-covers")

    def _options(self) -> list[Option]:
        if not self.garments:
            return [Option("(none)", disabled=True)]
        return [Option(describe(self.score, g)) for g in self.garments]

    def _refresh_list(self) -> None:
        listing = self.query_one(GarmentList)
        listing.clear_options()
        listing.add_options(self._options())
        self.post_message(self.Changed(self.garments))

    @on(Select.Changed, "#garment-kind")
    def _kind(self, event: Select.Changed) -> None:
        event.stop()
        kind = event.value
        hint = ""
        if isinstance(kind, str):
            default = DEFAULT_COVERS[kind]
            hint = "default: " + ", ".join(default) if default else "must tick what it covers"
        self.query_one("#garment-default", Static).update(hint)

    @on(SelectionList.SelectedChanged)
    def _covers(self, event: SelectionList.SelectedChanged[str]) -> None:
        # Ticking what a garment will cover changes nothing until it is added.
        event.stop()

    @on(Button.Pressed, "#garment-add")
    def _add(self, event: Button.Pressed) -> None:
        event.stop()
        kind = self.query_one("#garment-kind", Select).value
        covers_list = self.query_one("#garment-covers", AreaTicks)
        covers = covers_list.chosen
        problem = self.query_one("#garment-problem", Static)
        if not isinstance(kind, str):
            problem.update("✗ Choose a kind first.")
            return
        if kind == "other" and not covers:
            problem.update("✗ A garment of kind 'other' must list the areas it covers.")
            return
        problem.update("")
        self.garments = (*self.garments, Garment.model_validate({"kind": kind, "covers": covers}))
        covers_list.clear()
        self._refresh_list()

    @on(GarmentList.Remove)
    def _remove(self, event: GarmentList.Remove) -> None:
        event.stop()
        if event.index < len(self.garments):
            self.garments = self.garments[: event.index] + self.garments[event.index + 1 :]
            self._refresh_list()
