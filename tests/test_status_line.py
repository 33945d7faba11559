"""The beat form's status line is drawn at once when it fits, exactly as ``Static`` draws it."""

from __future__ import annotations

from typing import Any

from conftest import sync
from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Static

from choreo_tui.widgets.status_line import StatusLine

WORDS = (
    "Beat 12 of 5000 · ✓ fine · not agreed yet (g records agreement)",
    "Beat 3 of 4 · ⚠ 2 problems · ◇ agreement lapsed: the beat changed after Ana agreed it",
    "名前 e\u0301 · ✗ 1 problem",
    "  spaced  ",
    "x" * 40,
    "x" * 41,
    "",
    "a rather long line of words that the status line cannot hold at forty cells",
)


class _Lines(App[None]):
    CSS = "#mine, #theirs { height: 1; color: $text-muted; }"

    def compose(self) -> ComposeResult:
        yield StatusLine(id="mine")
        yield Static("", id="theirs")


@sync
async def test_the_status_line_draws_what_a_static_draws() -> None:
    app = _Lines()
    async with app.run_test(size=(40, 4)) as pilot:
        mine, theirs = app.query_one(StatusLine), app.query_one("#theirs", Static)
        general: list[str] = []  # words drawn Static's way
        drawn = mine._render_content

        def counted() -> None:
            general.append(mine.words)
            drawn()

        mine._render_content = counted  # type: ignore[method-assign]
        for words in WORDS:
            mine.show(words)
            theirs.update(Text(words), layout=False)
            await pilot.pause()
            assert mine.words == words == str(mine.render())
            assert list(mine.render_line(0)) == list(theirs.render_line(0)), words
        assert general == [words for words in WORDS if cell_len(words) > 40]
        for words in WORDS:
            mine.show(words)
            theirs.update(Text(words), layout=False)
            await pilot.pause()
            assert list(Static.render_line(mine, 0)) == list(theirs.render_line(0)), words


@sync
async def test_the_same_words_again_draw_nothing_new() -> None:
    app = _Lines()
    async with app.run_test(size=(40, 4)) as pilot:
        mine = app.query_one(StatusLine)
        mine.show("Beat 1 of 4")
        await pilot.pause()
        asked: list[int] = []
        original = mine.refresh

        def counted(*regions: Any, **options: Any) -> StatusLine:
            asked.append(1)
            return original(*regions, **options)

        mine.refresh = counted  # type: ignore[method-assign]
        mine.show("Beat 1 of 4")
        assert not asked
        mine.show("Beat 2 of 4")
        assert asked
