"""The director's copy can be written from the editor, from the keyboard."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import pytest
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


def test_exporting_a_beat_that_crosses_a_no_warns_and_marks_it_without_saying_why(
    tmp_path: Path,
) -> None:
    """The in-app export wrote a director's copy silently while beat 2 crossed a 'no'."""
    from factories import bounds

    from notation.sharing import export

    path = tmp_path / "scene.score.toml"
    ana = performer("ana", "Ana Ruiz", boundaries=bounds("yes", neck="no"))
    s = score(beat(touch()), beat(touch(on="neck")), performers=(ana, performer("ben")))
    save(s, path)
    app = ChoreoApp(path, keymap_file=tmp_path / "none.toml", folder=tmp_path)
    told: list[str] = []

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
            await pilot.press("down", "enter")  # Markdown
            await pilot.pause()
            told.extend(str(n.message) for n in app._notifications)

    asyncio.run(run())
    assert any("Beat 2 has error findings" in m and "not cleared" in m for m in told), told
    md = (tmp_path / "scene.director.md").read_text(encoding="utf-8")
    beat2 = md.split("### Beat 2")[1]
    assert "NOT CLEARED: do not run" in beat2
    assert "NOT CLEARED" not in md.split("### Beat 2")[0]
    assert "neck" not in md.split("NOT CLEARED")[1].split("\n")[0], "never says why"
    for to in ("html", "toml"):
        text = export(s, to)
        assert text.count("NOT CLEARED: do not run") == 1, to
        assert "B101" not in text and "marked 'no'" not in text


def test_the_director_copy_is_written_off_the_ui_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "scene.score.toml"
    save(score(beat(touch()), performers=(performer("ana"), performer("ben"))), path)
    threads: list[str] = []
    replace = os.replace

    def spy(source: str | Path, target: str | Path) -> None:
        if ".director" in Path(target).name:
            threads.append(threading.current_thread().name)
        replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    app = ChoreoApp(path, keymap_file=tmp_path / "none.toml", folder=tmp_path)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("o")
            await pilot.press("down", "enter")  # Markdown
            await pilot.pause()

    asyncio.run(run())
    assert (tmp_path / "scene.director.md").exists()
    assert threads and threading.main_thread().name not in threads
