"""At 80x24 a part row and a finding keep all their words: rows wrap, and the
problems panel takes the width instead of squeezing the beat titles."""

from __future__ import annotations

from pathlib import Path

from conftest import sync
from factories import beat, bounds, performer, score, touch
from rich.padding import Padding
from rich.text import Text

from choreo_tui.app import ChoreoApp
from choreo_tui.screens.editor import EditorScreen
from choreo_tui.widgets.beat_list import BeatList
from choreo_tui.widgets.parts import PartsTable
from choreo_tui.widgets.problems import ProblemsPanel
from notation import save

SIZE = (80, 24)


def long_names(tmp_path: Path) -> Path:
    people = (
        performer("ana", "Anastasia Wolkenstein-Ruiz", boundaries=bounds("yes", neck="no")),
        performer("ben", "Benedict Okafor-Lindqvist"),
    )
    s = score(
        beat(touch(on="neck"), title="a long enough title to be squeezed"),
        beat(title="still"),
        performers=people,
    )
    path = tmp_path / "scene.score.toml"
    save(s, path)
    return path


@sync
async def test_a_part_row_wraps_instead_of_being_cut(tmp_path: Path) -> None:
    app = ChoreoApp(long_names(tmp_path), keymap_file=tmp_path / "k.toml", folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = app.screen
        assert isinstance(ed, EditorScreen)
        await pilot.pause()
        parts = ed.query_one(PartsTable)
        assert parts.row_height(0) >= 2, "a touch's words wrap onto a second line"
        shown = " ".join(parts.render_line(y).text.strip() for y in range(1, 1 + parts.size.height))
        assert "Benedict" in shown and "neck" in shown and "light" in shown, shown


@sync
async def test_the_problems_panel_takes_the_width_at_80_columns(tmp_path: Path) -> None:
    app = ChoreoApp(long_names(tmp_path), keymap_file=tmp_path / "k.toml", folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = app.screen
        assert isinstance(ed, EditorScreen)
        await pilot.press("p")
        await pilot.pause()
        panel = ed.query_one(ProblemsPanel)
        assert panel.has_focus and panel.size.width >= 76, panel.size
        assert not ed.query_one("#beats").display, "the squeezed beat list steps aside"
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.display
        beats = ed.query_one(BeatList)
        assert beats.display and beats.size.width >= 76


@sync
async def test_part_rows_are_as_tall_as_datatable_would_measure_them(tmp_path: Path) -> None:
    # The table wraps each row when it is given; the height must be what DataTable's
    # own measurement (Rich rendering the padded cell) gives, for wide characters and
    # words longer than the column too.
    people = (
        performer("ana", "安娜·沃尔肯施泰因-鲁伊斯 Anastasia"),
        performer("ben", "B" * 90 + " Okafor 🙂🙂🙂 Lindqvist-" * 3),
    )
    s = score(
        beat(touch(on="neck"), touch(by="ana", to="ben", on="hand"), touch(on="upper_back")),
        performers=people,
    )
    path = tmp_path / "wide.score.toml"
    save(s, path)
    for size in (SIZE, (120, 40), (61, 30)):
        app = ChoreoApp(path, keymap_file=tmp_path / "k.toml", folder=tmp_path)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            parts = app.screen.query_one(PartsTable)
            console = app.console
            pad = parts.PADDING
            for index, key in enumerate(parts.row_keys()):
                measured = max(
                    len(
                        console.render_lines(
                            Padding(Text(cell), (0, pad)),
                            console.options.update_width(width + 2 * pad),
                        )
                    )
                    for cell, width in zip(parts.cells(key), parts.column_widths, strict=True)
                )
                assert parts.row_height(index) == measured, (size, key)
