"""Snapshots of the production start screen at 80x24 and 120x40 (after every scene
was checked: counts, agreed beats, the cast)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from production_fixtures import make_production
from textual.pilot import Pilot

from choreo_tui.app import ChoreoApp


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_production_start_screen(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    folder = make_production(tmp_path / "tide")
    app = ChoreoApp(None, keymap_file=tmp_path / "no-keys.toml", folder=folder)

    async def checked(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=checked)
