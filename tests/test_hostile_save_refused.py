"""Saving a read-only score, or one in a folder that cannot be written (items 3 and 6)."""

from __future__ import annotations

import asyncio
import errno
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
from factories import beat, performer, score

from choreo_tui.app import ChoreoApp
from choreo_tui.recovery import RecoveryCopy
from choreo_tui.screens.save_refused import AskCopyPath, SaveRefused
from notation import load, save


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "scene.score.toml"
    save(score(beat(title="one"), performers=(performer("ana"),)), target)
    return target


def _app(path: Path) -> ChoreoApp:
    return ChoreoApp(path, keymap_file=path.parent / "no-keys.toml", folder=path.parent)


def test_a_read_only_score_asks_before_it_is_written_over(path: Path) -> None:
    path.chmod(0o444)
    app = _app(path)

    async def go() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("a", "ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, SaveRefused)
            assert len(load(path).beats) == 1, "nothing written before the answer"
            await pilot.press("w")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert len(load(path).beats) == 2
            assert "unsaved" not in app.sub_title

    asyncio.run(go())


def test_writing_over_a_read_only_score_runs_in_the_save_thread(path: Path) -> None:
    """fsync takes a quarter of a second at 5,000 beats: never on the screen's thread."""
    path.chmod(0o444)
    app = _app(path)
    writers: list[str] = []
    real = app._write

    def watched(*args: Any, **kwargs: Any) -> None:
        writers.append(threading.current_thread().name)
        real(*args, **kwargs)

    app._write = watched  # type: ignore[method-assign]

    async def go() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("a", "ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("w")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert len(load(path).beats) == 2
            assert len(writers) == 2, "the refused save, then the write over it"
            assert threading.main_thread().name not in writers

    asyncio.run(go())


def test_a_read_only_folder_offers_a_copy_elsewhere_and_keeps_a_recovery_copy(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_mkstemp = tempfile.mkstemp

    def refuse_in_score_folder(*args: Any, **kwargs: Any) -> Any:
        # Tests may run as root, whom chmod does not stop: refuse as the OS would.
        if Path(kwargs.get("dir", "")) == path.parent:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse_in_score_folder)
    elsewhere = tmp_path / "elsewhere" / "mine.score.toml"
    app = _app(path)

    async def go() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("a", "ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, SaveRefused)
            kept = RecoveryCopy(path).read()
            assert kept is not None and len(kept.score.beats) == 2
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, AskCopyPath)
            field = app.screen.query_one("#copy-path")
            field.value = str(elsewhere)  # type: ignore[attr-defined]
            await pilot.press("enter")
            await pilot.pause()
            assert app.path == elsewhere

    asyncio.run(go())
    assert len(load(elsewhere).beats) == 2
    assert len(load(path).beats) == 1


def test_a_truly_unwritable_folder_opens_keeps_a_recovery_copy_and_saves_elsewhere(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def no_new_files_beside_the_score(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        # As a read-only folder would (tests may run as root, whom chmod does not stop):
        # no lock file, no temp file, no copy beside the score can be created.
        if flags & os.O_CREAT and Path(os.fsdecode(file)).parent == path.parent:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_new_files_beside_the_score)
    elsewhere = tmp_path / "other" / "elsewhere.score.toml"
    app = _app(path)

    async def go() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.keeping.busy is not None and not app.keeping.busy.by_another
            await pilot.press("a")
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, SaveRefused)
            kept = RecoveryCopy(path).read()
            assert kept is not None and len(kept.score.beats) == 2
            await pilot.press("c")
            await pilot.pause()
            app.screen.query_one("#copy-path").value = str(elsewhere)  # type: ignore[attr-defined]
            await pilot.press("enter")
            await pilot.pause()

    asyncio.run(go())
    assert len(load(elsewhere).beats) == 2
    assert len(load(path).beats) == 1
