"""The list picker: typing narrows the list, and an exact match wins."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from choreo_tui.widgets.pick import Pick, match_rank
from notation.model import ACTIONS


class OnePick(App[None]):
    """A Pick of actions, on its own."""

    def __init__(self, value: str, *, multiple: bool = False) -> None:
        super().__init__()
        self.start = value
        self.multiple = multiple

    def compose(self) -> ComposeResult:
        yield Pick("Action", [(a, a) for a in ACTIONS], self.start, multiple=self.multiple)


def picked(typed: str, value: str = "press") -> str | None:
    async def run() -> str | None:
        app = OnePick(value)
        async with app.run_test(size=(60, 12)) as pilot:
            app.query_one(Pick).focus()
            await pilot.press(*typed, "enter")
            await pilot.pause()
            return app.query_one(Pick).value

    return asyncio.run(run())


def test_typing_a_whole_name_picks_it_though_another_contains_it() -> None:
    """'hold' is inside 'placeholder', which comes first in the list."""
    assert picked("hold") == "hold"
    assert picked("hold", value="hold") == "hold"


def test_a_prefix_wins_over_a_match_inside_a_word() -> None:
    assert picked("pl") == "placeholder"
    assert picked("ca") == "caress"


def test_enter_without_typing_keeps_the_value() -> None:
    assert picked("", value="kiss") == "kiss"


def test_match_rank_orders_exact_prefix_anywhere() -> None:
    assert match_rank("hold", "hold", "hold") == 0
    assert match_rank("hold", "placeholder", "placeholder") == 2
    assert match_rank("upper_back", "upper_back", "upper back") == 0
    assert match_rank("upper b", "upper_back", "upper back") == 1
    assert match_rank("upper_", "upper_back", "upper back") == 1
    assert match_rank("zz", "hold", "hold") is None
