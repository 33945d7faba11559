"""ctrl+q while the cast screen holds changes not yet kept must not drop them silently."""

from __future__ import annotations

import asyncio
from pathlib import Path

from factories import beat, performer, score, touch

from choreo_tui.app import ChoreoApp
from choreo_tui.cast import CastScreen
from notation import save


def test_quit_with_unkept_cast_changes_stays_open(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(score(beat(touch()), performers=(performer("ana"), performer("ben"))), path)
    app = ChoreoApp(path, keymap_file=tmp_path / "no-keys.toml", folder=tmp_path)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            cast = app.screen
            assert isinstance(cast, CastScreen)
            # A change made inside the cast screen, not yet returned to the editor.
            cast.score = cast.score.replace(performers=cast.score.performers[:1])
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert app.is_running
            assert app.screen is cast

    asyncio.run(run())
