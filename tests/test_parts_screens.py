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

from choreo_tui.app import ChoreoApp


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
