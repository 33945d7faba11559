"""Snapshots of the cast screen and the area picker at 80x24."""

from __future__ import annotations

from typing import Any

from cast_fixtures import orchard
from textual.app import App
from textual.pilot import Pilot

from choreo_tui.cast import CastScreen


class CastHost(App[None]):
    """Pushes the cast screen on the orchard score."""

    def on_mount(self) -> None:
        """Open the cast at once."""
        self.push_screen(CastScreen(orchard()))


def test_cast_screen_80x24(snap_compare: Any) -> None:
    assert snap_compare(CastHost(), terminal_size=(80, 24))


def test_area_picker_80x24(snap_compare: Any) -> None:
    async def neck_to_no(pilot: Pilot[None]) -> None:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press("n", "e", "c", "k", "enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(CastHost(), terminal_size=(80, 24), run_before=neck_to_no)


def test_cast_screen_after_a_change_80x24(snap_compare: Any) -> None:
    async def change(pilot: Pilot[None]) -> None:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press("n", "a", "p", "e", "enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(CastHost(), terminal_size=(80, 24), run_before=change)
