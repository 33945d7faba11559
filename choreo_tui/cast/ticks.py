"""Ticks whose state shows as a mark, not only as a colour; and areas ticked from a list.

Textual draws the same "X" for on and off and lets the colour tell them apart;
here "on" is a ✓ and "off" is blank, so the state reads without colour.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from choreo_tui.cast.area_picker import AreaFilter, best_match
from choreo_tui.widgets.tick import TickList
from notation.areas import ALIASES, NODES

AREA_CHOICES: tuple[str, ...] = (*NODES, *ALIASES)
"""Every area name, tree order first, then the unsided aliases."""


def ticked_words(what: str, chosen: tuple[str, ...]) -> str:
    """ "May expose: upper_back, buttocks" for the line above a tick list."""
    return f"{what}: {', '.join(chosen) if chosen else 'nothing ticked'}"


class AreaTickList(TickList):
    """The tick list of areas; / jumps to the find box above it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "slash",
            "find",
            "Find",
            id="cast.ticks.find",
            tooltip="Find an area in the list: type part of its name",
        ),
    ]

    class Find(Message):
        """The user asked to type an area name."""

    def action_find(self) -> None:
        """Jump to the find box."""
        self.post_message(self.Find())


class AreaTicks(Vertical):
    """Areas ticked from a list (a rider's may_expose, a garment's covers), with a find box."""

    DEFAULT_CSS = """
    AreaTicks { height: 1fr; }
    AreaTicks AreaTickList { height: 1fr; }
    """

    def __init__(self, what: str, chosen: tuple[str, ...] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.what = what
        self.initial = chosen

    def compose(self) -> ComposeResult:
        """What is ticked, the find box, and the list."""
        yield Static(ticked_words(self.what, self.initial), classes="ticked", markup=False)
        yield AreaFilter(placeholder="/ find an area · space ticks or unticks", compact=True)
        yield AreaTickList(
            *(Selection(name, name, name in self.initial) for name in AREA_CHOICES), compact=True
        )

    @property
    def chosen(self) -> tuple[str, ...]:
        """The ticked areas, in tree order."""
        ticked = set(self.query_one(AreaTickList).selected)
        return tuple(name for name in AREA_CHOICES if name in ticked)

    def clear(self) -> None:
        """Untick everything."""
        self.query_one(AreaTickList).deselect_all()

    @on(SelectionList.SelectedChanged)
    def _ticked(self) -> None:
        self.query_one(".ticked", Static).update(ticked_words(self.what, self.chosen))

    @on(AreaTickList.Find)
    def _find(self, event: AreaTickList.Find) -> None:
        event.stop()
        self.query_one(AreaFilter).focus()

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        found = best_match(event.value, list(AREA_CHOICES))
        if found is not None:
            self.query_one(AreaTickList).highlighted = AREA_CHOICES.index(found)

    @on(Input.Submitted)
    @on(AreaFilter.Back)
    def _back(self, event: Message) -> None:
        event.stop()
        self.query_one(AreaTickList).focus()
