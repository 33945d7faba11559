"""Snapshots of the editor's main screens at 80x24 and 120x36."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from factories import beat, bounds, performer, placed, score, touch
from textual.pilot import Pilot

from choreo_tui.app import ChoreoApp
from notation import save
from notation.agreement import agree
from notation.model import Score, Timing, Touch

SIZES = [(80, 24), (120, 36)]


def scene() -> Score:
    """A small scene with a clean beat, an agreed beat, a lapsed one and an error."""
    people = (
        performer(
            "ana", "Ana Ruiz", boundaries=bounds("yes", neck="no", lips=("ask", ("closed_mouth",)))
        ),
        performer("ben", "Ben Okafor"),
    )
    kiss = Touch.model_validate(
        {
            "by": "ana",
            "with": "lips",
            "to": "ben",
            "on": "lips",
            "action": "kiss",
            "mouth": "closed",
            "counts": 3,
        }
    )
    agreed = agree(beat(kiss, title="the kiss"), ["ana", "ben"], date(2026, 11, 20))
    lapsed = agree(beat(touch(on="waist"), title="the turn"), ["ana"], date(2026, 11, 20))
    lapsed = lapsed.model_copy(update={"timing": Timing(counts=6)})
    return score(
        beat(title="the approach", placements=(placed("ana", "CSL"), placed("ben", "CS"))),
        agreed,
        lapsed,
        beat(touch(on="neck", action="press", counts=2), title="too far"),
        beat(title="", timing=None),
        performers=people,
        title="Act 2, Scene 3: the orchard",
    )


def app_for(tmp_path: Path) -> ChoreoApp:
    path = tmp_path / "orchard.score.toml"
    save(scene(), path)
    return ChoreoApp(path, keymap_file=tmp_path / "no-keys.toml", folder=tmp_path)


@pytest.mark.parametrize("size", SIZES)
def test_editor(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_editor_on_an_error_with_problems(
    snap_compare: Any, tmp_path: Path, size: tuple[int, int]
) -> None:
    async def to_problems(pilot: Pilot[None]) -> None:
        await pilot.press("end", "up", "p")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=to_problems)


def test_quick_entry_with_an_error(snap_compare: Any, tmp_path: Path) -> None:
    async def typo(pilot: Pilot[None]) -> None:
        await pilot.press("t", *"ben rhand > ana uper_back 2c", "enter")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=(80, 24), run_before=typo)


@pytest.mark.parametrize("size", SIZES)
def test_touch_form(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def edit_touch(pilot: Pilot[None]) -> None:
        await pilot.press("down", "e", *["tab"] * 9, "enter")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=edit_touch)


def test_help(snap_compare: Any, tmp_path: Path) -> None:
    async def help_screen(pilot: Pilot[None]) -> None:
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=(80, 24), run_before=help_screen)


def test_agree_dialog(snap_compare: Any, tmp_path: Path) -> None:
    async def agree_dialog(pilot: Pilot[None]) -> None:
        await pilot.press("end", "up", "g", "enter")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=(80, 24), run_before=agree_dialog)


@pytest.mark.parametrize("size", SIZES)
def test_start_screen(
    snap_compare: Any, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fixed list, so a new sample scene does not change the picture.
    fixed = [Path("/samples/orchard-kiss.score.toml"), Path("/samples/harbour-night.score.toml")]
    monkeypatch.setattr("choreo_tui.screens.start.samples", lambda: fixed)
    app = ChoreoApp(
        None, keymap_file=Path("/nonexistent/keys.toml"), folder=Path("/nonexistent/scores")
    )
    assert snap_compare(app, terminal_size=size)
