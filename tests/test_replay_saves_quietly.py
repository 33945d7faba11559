"""A hold in replay is on disk at once, with no "Saved" notice over the hold dialog."""

from __future__ import annotations

import asyncio
from pathlib import Path

from factories import beat, performer, score, touch

from choreo_tui.app import ChoreoApp
from notation import load, save


def test_a_hold_is_saved_at_once_without_covering_the_dialog(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(score(beat(touch()), performers=(performer("ana"), performer("ben"))), path)
    app = ChoreoApp(path, keymap_file=tmp_path / "none.toml", folder=tmp_path)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("r")
            await pilot.pause()
            await pilot.press("escape")  # no check-in now
            await pilot.pause()
            await pilot.press("h")
            await pilot.pause()
            assert [e.event for e in load(path).log] == ["hold"]
            notices = [n.message for n in app._notifications]
            assert not any(m.startswith("Saved") for m in notices), notices

    asyncio.run(run())
