"""The palette offers every action of the screen it was opened from, not only the editor's."""

from __future__ import annotations

import asyncio
from pathlib import Path

from factories import beat, performer, score, touch

from choreo_tui import commands
from choreo_tui.app import ChoreoApp
from choreo_tui.cast import CastScreen
from choreo_tui.replay.commands import REPLAY_COMMANDS
from choreo_tui.replay.screen import ReplayScreen
from notation import save


def _app(tmp_path: Path) -> ChoreoApp:
    path = tmp_path / "s.score.toml"
    save(score(beat(touch()), performers=(performer("ana"), performer("ben"))), path)
    return ChoreoApp(path, keymap_file=tmp_path / "none.toml", folder=tmp_path)


async def _offered(app: ChoreoApp) -> set[str]:
    provider = commands.CommandPalette(app.screen)
    return {str(hit.text) async for hit in provider.discover()}


def test_replay_palette_offers_the_hold_and_every_replay_key(tmp_path: Path) -> None:
    app = _app(tmp_path)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            app.push_screen(ReplayScreen(app.screen.score, checkin=False))  # type: ignore[attr-defined]
            await pilot.pause()
            offered = await _offered(app)
            assert {c.HELP for c in REPLAY_COMMANDS} <= offered

    asyncio.run(run())


def test_cast_palette_offers_the_cast_keys(tmp_path: Path) -> None:
    app = _app(tmp_path)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, CastScreen)
            offered = await _offered(app)
            described = {
                b.binding.tooltip or b.binding.description
                for b in app.screen.active_bindings.values()
                if b.enabled and (b.binding.tooltip or b.binding.description)
            }
            assert described <= offered
            assert len(described) >= 5

    asyncio.run(run())
