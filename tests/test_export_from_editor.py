"""The director's copy can be written from the editor, from the keyboard."""

from __future__ import annotations

import asyncio
from pathlib import Path

from factories import beat, performer, score, touch

from choreo_tui.app import ChoreoApp
from choreo_tui.screens.export import ExportDialog
from notation import load, save
from notation.model import Performer


def test_o_writes_a_director_copy_beside_the_score_and_never_replaces_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "scene.score.toml"
    ana: Performer = performer("ana", private_notes="CANARY-private-ana")
    save(
        score(beat(touch(), private_notes="CANARY-beat"), performers=(ana, performer("ben"))), path
    )
    app = ChoreoApp(path, keymap_file=tmp_path / "none.toml", folder=tmp_path)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(2):
                await pilot.press("o")
                await pilot.pause()
                assert isinstance(app.screen, ExportDialog)
                await pilot.press("down", "down", "enter")  # the score copy
                await pilot.pause()

    asyncio.run(run())
    first = tmp_path / "scene.director.score.toml"
    second = tmp_path / "scene.director-2.score.toml"
    assert first.exists() and second.exists()
    assert (first.stat().st_mode & 0o777) == 0o600
    text = first.read_text(encoding="utf-8")
    assert "CANARY" not in text
    assert len(load(first).beats) == 1
