"""``choreo DIR`` opens the folder's start screen: its production's, or its scores'."""

from __future__ import annotations

import asyncio
from pathlib import Path

from production_fixtures import make_production

from choreo_tui.cli.edit import app_for
from choreo_tui.production.start import ProductionStartScreen
from choreo_tui.screens.start import StartScreen


def test_a_production_folder_opens_the_production_start_screen(tmp_path: Path) -> None:
    folder = make_production(tmp_path / "tide")
    app = app_for(str(folder))
    assert app.path is None and app.folder == folder.resolve()

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, ProductionStartScreen)

    asyncio.run(run())


def test_a_plain_folder_opens_its_list_of_scores(tmp_path: Path) -> None:
    app = app_for(str(tmp_path))

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            assert app.history is None

    asyncio.run(run())


def test_a_file_still_opens_as_a_score_and_replay_never_takes_a_folder(tmp_path: Path) -> None:
    assert app_for(str(tmp_path / "new.score.toml")).path == tmp_path / "new.score.toml"
    assert app_for(str(tmp_path), replay=True).path == tmp_path
