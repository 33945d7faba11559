"""The parts table draws its plain cells itself, exactly as DataTable would through Rich."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from conftest import sync
from factories import beat, performer, placed, score, touch
from rich.segment import Segment
from rich.style import Style
from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.widgets import DataTable

from choreo_tui.app import ChoreoApp
from choreo_tui.widgets.parts import PartsTable
from notation import save

Lines = list[list[tuple[str, object]]]


def _merged(lines: list[list[Segment]]) -> Lines:
    """Each line's pieces, neighbours of one style joined (how the terminal sees them)."""
    return [[(s.text, s.style) for s in Segment.simplify(line)] for line in lines]


def _scene(tmp_path: Path) -> Path:
    people = (
        performer("ana", "安娜·沃尔肯施泰因-鲁伊斯 Anastasia"),
        performer("ben", "B" * 90 + " Okafor 🙂🙂🙂 Lindqvist-" * 3),
        performer("cy", "Cy [bold]not markup[/] Ng"),
    )
    s = score(
        beat(
            touch(on="neck"),
            touch(by="ana", to="ben", on="hand"),
            touch(by="cy", to="ana", on="upper_back"),
            touch(on="upper_back"),
            title="wide",
            placements=(placed("ana"), placed("cy")),
        ),
        beat(touch(by="cy", to="ben", on="lips", action="kiss"), title="short"),
        performers=people,
    )
    path = tmp_path / "cells.score.toml"
    save(s, path)
    return path


async def _each_state(pilot: Pilot[int], parts: PartsTable) -> AsyncIterator[Style]:
    """The table unfocused, focused, then focused under the mouse: its base style in each."""
    for focused, mouse in ((False, False), (True, False), (True, True)):
        if focused:
            parts.focus()
            await pilot.pause()
        parts._show_hover_cursor = mouse
        parts._pseudo_class_state = parts.get_pseudo_class_state()
        yield parts.rich_style


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (61, 30), (100, 34)])
@sync
async def test_parts_cells_are_what_datatable_renders(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = ChoreoApp(_scene(tmp_path), keymap_file=tmp_path / "k.toml", folder=tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        parts = app.screen.query_one(PartsTable)
        checked = 0
        fallbacks: list[int] = []
        original = DataTable._render_cell

        def counted(table: DataTable[object], *args: object, **kwargs: object) -> object:
            fallbacks.append(1)
            return original(table, *args, **kwargs)  # type: ignore[arg-type]

        async for base in _each_state(pilot, parts):
            for row in range(-1, parts.row_count):
                for column, spec in enumerate(parts.ordered_columns):
                    width = spec.get_render_width(parts)
                    for cursor in (False, True):
                        for hover in (False, True):
                            DataTable._render_cell = counted  # type: ignore[method-assign,assignment]
                            try:
                                mine = parts._render_cell(row, column, base, width, cursor, hover)
                            finally:
                                DataTable._render_cell = original  # type: ignore[method-assign]
                            theirs = DataTable._render_cell(
                                parts, row, column, base, width, cursor, hover
                            )
                            assert _merged(mine) == _merged(theirs), (size, row, column)
                            checked += 1
        assert checked >= 3 * 5 * 2 * 4
        assert len(fallbacks) < checked / 4, "the cells went the DataTable way"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@sync
async def test_parts_row_lines_are_what_datatable_renders(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = ChoreoApp(_scene(tmp_path), keymap_file=tmp_path / "k.toml", folder=tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        parts = app.screen.query_one(PartsTable)
        keys = [parts._header_row_key, *(row.key for row in parts.ordered_rows)]
        checked = 0
        async for base in _each_state(pilot, parts):
            for cursor_row in range(parts.row_count):
                for hover_row in (-1, 0, parts.row_count - 1):
                    cursor, hover = Coordinate(cursor_row, 0), Coordinate(hover_row, 0)
                    for key in keys:
                        for line in range(parts.get_row_height(key)):
                            parts._row_render_cache.clear()  # both keep lines there
                            mine = parts._render_line_in_row(key, line, base, cursor, hover)
                            parts._row_render_cache.clear()
                            theirs = DataTable._render_line_in_row(
                                parts, key, line, base, cursor, hover
                            )
                            assert [_merged(part) for part in mine] == [
                                _merged(part) for part in theirs
                            ], (size, key.value, line, cursor_row, hover_row)
                            checked += 1
        assert checked > 3 * 5 * 3 * 6


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@sync
async def test_parts_size_is_what_datatable_works_out(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = ChoreoApp(_scene(tmp_path), keymap_file=tmp_path / "k.toml", folder=tmp_path)
    measured: list[int] = []
    original = DataTable._update_dimensions

    def counted(table: DataTable[object], rows: object) -> None:
        measured.append(1)
        original(table, rows)  # type: ignore[arg-type]

    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        parts = app.screen.query_one(PartsTable)
        for key in ("down", "up", "down"):
            await pilot.press(key)
            await pilot.pause()
            mine = parts.virtual_size
            DataTable._update_dimensions = counted  # type: ignore[method-assign,assignment]
            try:
                parts._update_dimensions(list(parts.rows))
            finally:
                DataTable._update_dimensions = original  # type: ignore[method-assign]
            assert not measured, "the rows were measured again"
            original(parts, list(parts.rows))
            assert parts.virtual_size == mine
            assert (
                parts.row_count
                and mine.height
                == parts.row_count + sum(row.height - 1 for row in parts.rows.values()) + 1
            )
