"""The editor's partial frames ask only the widgets in changed regions, and send the
terminal exactly what Textual's own compositor would."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest
from conftest import sync
from factories import beat, performer, placed, score, touch
from rich.console import Console
from textual._compositor import ChopsUpdate, Compositor
from textual._styles_cache import StylesCache
from textual.widget import Widget

from choreo_tui.app import ChoreoApp
from choreo_tui.screens import editor_base
from choreo_tui.screens.editor_frames import ChangedRegionsCompositor
from notation import save


class Compared(ChangedRegionsCompositor):
    """Draws every partial frame twice, the stock way then the editor's, and keeps both."""

    frames: ClassVar[list[tuple[str, str]]] = []

    def render_partial_update(self) -> ChopsUpdate | None:
        changed = set(self._dirty_regions)
        stock = Compositor.render_partial_update(self)  # _changed is None: Textual's way
        self._dirty_regions.update(changed)
        mine = super().render_partial_update()
        if stock is None or mine is None:
            assert stock is mine is None
            return mine
        self.frames.append((_sent(stock), _sent(mine)))
        return mine


def _sent(update: ChopsUpdate) -> str:
    """What the terminal is sent for ``update``."""
    return update.render_segments(Console(width=200, color_system="truecolor"))


def scene(tmp_path: Path) -> Path:
    people = (performer("ana", "Ana Ruiz"), performer("ben", "Ben Okafor"))
    beats = [
        beat(title="few", placements=(placed("ana"),)),
        *(
            beat(*[touch(on="upper_back", counts=k + 1) for k in range(n)], title=f"{n} touches")
            for n in range(1, 9)
        ),
    ]
    path = tmp_path / "frames.score.toml"
    save(score(*beats, performers=people), path)
    return path


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@sync
async def test_partial_frames_send_what_textual_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.setattr(editor_base, "ChangedRegionsCompositor", Compared)
    monkeypatch.setattr(Compared, "frames", [])
    app = ChoreoApp(scene(tmp_path), keymap_file=tmp_path / "k.toml", folder=tmp_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        keys = [
            *["down"] * 5,
            "pagedown",
            "up",
            "home",
            "p",  # the problems panel, beside the list or over it
            "escape",
            "e",  # into the form: typing in the title, then the notes
            *"ab",
            "tab",
            "tab",
            "tab",
            "tab",
            "tab",
            "tab",
            *"xy",
            "escape",
            "end",
            "t",  # quick entry
            *"ana",
            "escape",
            "up",
            "up",
        ]
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        app.notify("A notice over the editor", timeout=60)  # moves under a toast
        await pilot.pause()
        assert app.screen.query("Toast")
        for key in ("down", "down", "up", "pagedown"):
            await pilot.press(key)
            await pilot.pause()
    frames = Compared.frames
    assert len(frames) > len(keys) // 2
    for index, (stock, mine) in enumerate(frames):
        assert mine == stock, f"frame {index} differs"


async def _drawn_by_a_move(path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The widgets (by class) drawn into frames by the third Down in the editor."""
    drawn: list[str] = []
    draw = StylesCache.render_widget

    def counted(self: StylesCache, widget: Widget, crop: Any) -> Any:
        drawn.append(type(widget).__name__)
        return draw(self, widget, crop)

    app = ChoreoApp(path, keymap_file=folder / "k.toml", folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down")
        await pilot.pause()
        monkeypatch.setattr(StylesCache, "render_widget", counted)
        await pilot.press("down")
        await pilot.pause()
    return drawn


@sync
async def test_a_move_asks_only_the_widgets_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = await _drawn_by_a_move(scene(tmp_path), tmp_path, monkeypatch)
    # Textual's own compositor drew these too, though nothing of theirs changed.
    for untouched in ("Footer", "TitleBar", "QuickEntry", "Label", "ProblemsPanel"):
        assert untouched not in drawn, drawn
    # Nor are the containers behind the changed widgets: whatever they drew there was
    # covered by their children.
    for behind in ("EditorScreen", "Horizontal", "Vertical", "BeatForm"):
        assert behind not in drawn, drawn
    assert "BeatList" in drawn and "PartsTable" in drawn


@sync
async def test_a_move_leaves_the_beat_lists_scrollbar_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.score.toml"
    save(score(*(beat(title=f"beat {n}") for n in range(80))), path)  # the list scrolls
    drawn = await _drawn_by_a_move(path, tmp_path, monkeypatch)
    assert "BeatList" in drawn
    assert "ScrollBar" not in drawn, drawn
