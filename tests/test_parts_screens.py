"""The parts table shows, line by line and style by style, what the screen showed when
it was a DataTable, in every state ``parts_screens.walk`` puts it in: every scene of
``parts_screens.scenes`` at four sizes, moving between beats, in the parts with the keys,
under the mouse (hover, clicks, the scrollbar), focused and not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import sync
from parts_screens import GOLDEN, SIZES, scenes, walk
from textual import events

from choreo_tui.app import ChoreoApp
from choreo_tui.widgets.parts import PartsTable


@pytest.mark.parametrize("name", ["wide", "rows", "empty"])
@pytest.mark.parametrize("size", SIZES)
@sync
async def test_the_parts_show_what_the_datatable_showed(
    tmp_path: Path, name: str, size: tuple[int, int]
) -> None:
    label = f"{name} {size[0]}x{size[1]}"
    before = json.loads(GOLDEN.read_text(encoding="utf-8"))[label]
    app = ChoreoApp(scenes(tmp_path)[name], keymap_file=tmp_path / "k.toml", folder=tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        now = await walk(pilot, name)
    assert list(now) == list(before)
    for state, lines in before.items():
        assert now[state] == lines, (label, state)


@sync
async def test_the_wheel_and_the_scrollbar_scroll_the_parts(tmp_path: Path) -> None:
    app = ChoreoApp(scenes(tmp_path)["rows"], keymap_file=tmp_path / "k.toml", folder=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "down", "down")  # 8 touches: the rows scroll
        await pilot.pause()
        parts = app.screen.query_one(PartsTable)
        assert parts.scrolls and parts.first_line == 0
        await pilot._post_mouse_events([events.MouseScrollDown], "#parts", offset=(4, 1))
        assert parts.first_line == int(app.scroll_sensitivity_y)
        await pilot._post_mouse_events([events.MouseScrollUp], "#parts", offset=(4, 1))
        assert parts.first_line == 0
        assert parts.cursor_row == 0, "the wheel scrolls, the cursor stays"
        # A click on the scrollbar below its thumb: a page further; above it: back.
        right, bottom = parts.size.width - 1, parts.size.height - 1
        await pilot.mouse_down("#parts", offset=(right, bottom))
        await pilot.mouse_up("#parts", offset=(right, bottom))
        assert parts.first_line == parts.size.height
        await pilot.mouse_down("#parts", offset=(right, bottom))
        await pilot.mouse_up("#parts", offset=(right, bottom))
        assert parts.first_line == 2 * parts.size.height
        await pilot.mouse_down("#parts", offset=(right, 0))  # the thumb is lower now
        await pilot.mouse_up("#parts", offset=(right, 0))
        assert parts.first_line == parts.size.height


@sync
async def test_dragging_the_parts_scrollbar_scrolls_them(tmp_path: Path) -> None:
    app = ChoreoApp(scenes(tmp_path)["rows"], keymap_file=tmp_path / "k.toml", folder=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down", "down", "down")  # 8 touches: the rows scroll
        await pilot.pause()
        parts = app.screen.query_one(PartsTable)
        assert parts.scrolls and parts.first_line == 0
        right = parts.size.width - 1
        await pilot.mouse_down("#parts", offset=(right, 0))  # the thumb, at the top
        await pilot.hover("#parts", offset=(right, parts.size.height - 1))
        await pilot.mouse_up("#parts", offset=(right, parts.size.height - 1))
        assert parts.first_line > 0
        await pilot.hover("#beat-status")
        assert parts.cursor_row == 0, "dragging scrolls, the cursor stays"
