"""Moving from beat to beat: the form follows in the same frame, nothing is laid out
again, and the parts table's scrollbar still follows its rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import sync
from factories import beat, performer, placed, score, touch
from textual.screen import Screen
from textual.widget import Widget

from choreo_tui.app import ChoreoApp
from choreo_tui.screens.editor import FRAME, PANEL_DELAY, EditorScreen
from choreo_tui.widgets.beat_form import BeatForm
from choreo_tui.widgets.beat_list import BeatList
from choreo_tui.widgets.parts import PartsTable
from choreo_tui.widgets.problems import ProblemsPanel
from notation import save

SIZE = (100, 34)


def many_parts(n: int) -> Any:
    """A beat with ``n`` touches: more rows than the parts table shows at once."""
    return beat(*[touch(on="upper_back", counts=k + 1) for k in range(n)], title=f"{n} touches")


def scene(tmp_path: Path) -> Path:
    people = (performer("ana", "Ana Ruiz"), performer("ben", "Ben Okafor"))
    s = score(
        beat(title="few", placements=(placed("ana"),)),
        many_parts(6),
        many_parts(7),
        many_parts(8),
        performers=people,
    )
    path = tmp_path / "moves.score.toml"
    save(s, path)
    return path


def app_for(tmp_path: Path) -> ChoreoApp:
    return ChoreoApp(scene(tmp_path), keymap_file=tmp_path / "k.toml", folder=tmp_path)


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the screen's layout passes (each one re-arranges and redraws the screen)."""
    passes: list[int] = []
    original = Screen._refresh_layout

    def counted(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        passes.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    return passes


@sync
async def test_the_form_is_bound_while_the_list_moves(tmp_path: Path) -> None:
    async with app_for(tmp_path).run_test(size=SIZE) as pilot:
        ed = pilot.app.screen
        assert isinstance(ed, EditorScreen)
        await pilot.pause(2 * FRAME)  # a move within a frame of the last bind waits for a frame
        beats, form = ed.query_one(BeatList), ed.query_one(BeatForm)
        beats.select(2)
        # No await: the form already shows the beat, so both change in the same frame.
        assert form.index == 2 and form.beat is ed.score.beats[2]
        status = str(ed.query_one("#beat-status").render())
        assert status.startswith("Beat 3 of 4"), status


@sync
async def test_a_move_between_beats_lays_nothing_out(tmp_path: Path, layouts: list[int]) -> None:
    async with app_for(tmp_path).run_test(size=SIZE) as pilot:
        await pilot.press("down", "down")
        await pilot.pause()
        parts = pilot.app.screen.query_one(PartsTable)
        assert parts.scrolls
        layouts.clear()
        await pilot.press("down")  # 7 touches to 8: the table scrolls before and after
        await pilot.pause()
        await pilot.press("up")
        await pilot.pause()
        assert layouts == [], "a move re-laid out the screen"
        assert "touch:6" in parts.row_keys()


@sync
async def test_the_parts_scrollbar_comes_and_goes_with_the_rows(tmp_path: Path) -> None:
    async with app_for(tmp_path).run_test(size=SIZE) as pilot:
        await pilot.pause()
        parts = pilot.app.screen.query_one(PartsTable)
        width = parts.size.width
        assert not parts.scrolls, "one placement fits"
        assert parts.render_line(1).text.endswith("   "), "no scrollbar"
        await pilot.press("down")
        await pilot.pause()
        assert parts.scrolls
        # The thumb (drawn reversed or as a block) at the top, in the last two columns.
        bar = list(parts.render_line(1).crop(width - 2, width))
        assert bar and all(s.style and (s.style.reverse or s.text.strip()) for s in bar)
        await pilot.press("up")
        await pilot.pause()
        assert not parts.scrolls


@sync
async def test_the_parts_scrollbar_comes_and_goes_without_a_layout_pass(tmp_path: Path) -> None:
    async with app_for(tmp_path).run_test(size=SIZE) as pilot:
        await pilot.pause()
        parts = pilot.app.screen.query_one(PartsTable)
        # Counted at the parts, not as the screen's passes: the footer's own passes
        # after opening may land on the first key, on a busy machine.
        asked: list[str] = []
        original = parts.refresh

        def counted(*args: Any, **kwargs: Any) -> Any:
            if kwargs.get("layout"):
                asked.append("layout")
            return original(*args, **kwargs)

        parts.refresh = counted  # type: ignore[method-assign]
        for key, shown in (("down", True), ("up", False), ("down", True)):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert parts.scrolls is shown
            # A child ScrollBar widget coming and going laid the screen out (once, and
            # twice before that); the parts now draw their scrollbar in their own lines.
            assert asked == [], f"{key}: the parts asked for a layout pass"
            assert parts._vertical_scrollbar is None, "no ScrollBar widget"


@sync
async def test_a_burst_of_keys_leaves_the_form_on_the_last_beat(tmp_path: Path) -> None:
    async with app_for(tmp_path).run_test(size=SIZE) as pilot:
        ed = pilot.app.screen
        assert isinstance(ed, EditorScreen)
        await pilot.press("down", "down", "down", "up", "down")
        await pilot.pause()
        form = ed.query_one(BeatForm)
        assert ed.query_one(BeatList).cursor == 3
        assert form.index == 3 and form.beat is ed.score.beats[3]
        assert "touch:7" in ed.query_one(PartsTable).row_keys()


def _count_refreshes(widget: Widget) -> list[int]:
    """A list that gains an item each time ``widget`` asks to be redrawn."""
    redrawn: list[int] = []
    original = widget.refresh

    def counted(*args: Any, **kwargs: Any) -> Any:
        redrawn.append(1)
        return original(*args, **kwargs)

    widget.refresh = counted  # type: ignore[method-assign]
    return redrawn


@sync
async def test_a_layout_pass_leaves_the_beat_lists_scrollbar_alone(
    tmp_path: Path, layouts: list[int]
) -> None:
    people = (performer("ana", "Ana Ruiz"), performer("ben", "Ben Okafor"))
    beats = [beat(title="few"), many_parts(6)] + [beat(title=f"b{n}") for n in range(60)]
    path = tmp_path / "long.score.toml"
    save(score(*beats, performers=people), path)
    app = ChoreoApp(path, keymap_file=tmp_path / "k.toml", folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ed = pilot.app.screen
        assert isinstance(ed, EditorScreen)
        bar = ed.query_one(BeatList).vertical_scrollbar
        assert bar.display and bar.window_virtual_size == 62
        redrawn = _count_refreshes(bar)
        layouts.clear()
        # No move lays the screen out any more (the parts' scrollbar is drawn in their
        # lines); a layout pass still comes with a resize or a panel shown: ask for one.
        await pilot.press("down")
        ed.refresh(layout=True)
        await pilot.pause()
        assert layouts and not redrawn, "the layout pass redrew the list's scrollbar"
        await pilot.press("a")  # a new beat: the list's scrollbar follows
        await pilot.pause()
        assert bar.window_virtual_size == 63


@sync
async def test_a_layout_pass_leaves_the_problems_panels_scrollbar_alone(
    tmp_path: Path, layouts: list[int]
) -> None:
    people = (performer("ana", "Ana Ruiz"), performer("ben", "Ben Okafor"))
    # Beats without timing: a warning each, more than the panel shows at once.
    untimed = [beat(title=f"b{n}", timing=None) for n in range(40)]
    beats = [beat(title="few"), many_parts(6), *untimed]
    path = tmp_path / "warned.score.toml"
    save(score(*beats, performers=people), path)
    app = ChoreoApp(path, keymap_file=tmp_path / "k.toml", folder=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        # Past the panel's first filling (after a delay) and the first moves' passes.
        await pilot.pause(2 * PANEL_DELAY)
        await pilot.press("down", "up")
        await pilot.pause(2 * PANEL_DELAY)
        ed = pilot.app.screen
        assert isinstance(ed, EditorScreen)
        panel = ed.query_one(ProblemsPanel)
        bar = panel.vertical_scrollbar
        assert panel.display and bar.display
        lines = bar.window_virtual_size
        redrawn = _count_refreshes(bar)
        layouts.clear()
        await pilot.press("down")
        ed.refresh(layout=True)  # no move lays out any more: ask for a pass
        await pilot.pause()
        assert layouts and not redrawn, "the layout pass redrew the panel's scrollbar"
        await pilot.press("a")  # a new beat without timing: one more warning listed
        await pilot.pause(0.5)
        assert bar.window_virtual_size > lines
        assert bar.window_virtual_size == panel.virtual_size.height


@sync
async def test_the_parts_size_and_scrollbar_follow_in_the_same_frame(tmp_path: Path) -> None:
    async with app_for(tmp_path).run_test(size=SIZE) as pilot:
        ed = pilot.app.screen
        assert isinstance(ed, EditorScreen)
        await pilot.pause(2 * FRAME)
        parts = ed.query_one(PartsTable)
        for index in (1, 3, 2):
            ed.query_one(BeatList).select(index)
            # No await: nothing is left for after the frame (DataTable sized itself
            # when idle, and the scrollbar followed a frame later).
            rows = sum(parts.row_height(row) for row in range(parts.row_count))
            assert parts.row_count >= len(ed.score.beats[index].touches), index
            assert parts.scrolls is (rows + 1 > parts.size.height), index  # and the header
            await pilot.pause(2 * FRAME)
