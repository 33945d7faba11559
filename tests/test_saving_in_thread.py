"""Saving and reloading after a change on disk run in threads: the screen never waits
for the disk, what was written is what is marked saved, and quitting waits for it."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest
from conftest import sync
from factories import beat, performer, score

from choreo_tui.app import ChoreoApp
from choreo_tui.production.session import ProductionSession
from notation import load, save
from notation.model import Score

SIZE = (100, 30)


def two_beats(title: str = "approach") -> Score:
    return score(beat(title=title), beat(), performers=(performer("ana"), performer("ben")))


def app_on(path: Path) -> ChoreoApp:
    return ChoreoApp(path, keymap_file=path.parent / "no-keys.toml", folder=path.parent)


class Watched:
    """Notes which thread writes the score, and holds the write until told."""

    def __init__(self, app: ChoreoApp) -> None:
        self.writers: list[str] = []
        self.go = threading.Event()
        # The save thread writes through ``_write``, given the production session the
        # score was read from (None here: a standalone score).
        self.write = app._write
        app._write = self.write_score  # type: ignore[method-assign]

    def write_score(
        self,
        session: ProductionSession | None,
        path: Path,
        score: Score,
        *,
        over_read_only: bool = False,
    ) -> None:
        self.writers.append(threading.current_thread().name)
        assert self.go.wait(30), "the test never let the write go on"
        self.write(session, path, score, over_read_only=over_read_only)


@sync
async def test_the_write_runs_off_the_ui_thread_and_an_edit_during_it_stays_unsaved(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.score.toml"
    save(two_beats(), path)
    app = app_on(path)
    watched = Watched(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")  # an edit
        app.save()  # the write waits for `go` in its thread; the screen does not
        assert app._saving
        # Another edit, made while the first is being written (not through Pilot,
        # whose press waits for saves to end).
        editor = app.editor
        assert editor is not None
        editor.action_add_beat()
        assert app.history is not None and len(app.history.score.beats) == 4
        watched.go.set()
        await pilot.pause()
        assert not app._saving
        assert watched.writers and watched.writers[0] != threading.main_thread().name
        assert len(load(path).beats) == 3, "the file holds what was saved"
        assert app.history.dirty, "the edit made during the write is not saved"
        assert "unsaved" in app.sub_title


@sync
async def test_save_and_quit_waits_for_the_write(tmp_path: Path) -> None:
    path = tmp_path / "s.score.toml"
    save(two_beats(), path)
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "ctrl+q")
        await pilot.pause()
        await pilot.press("s")  # save and quit
        await pilot.pause()
    assert len(load(path).beats) == 3
    assert app.return_code == 0


@sync
async def test_reloading_reads_the_file_in_a_thread(tmp_path: Path) -> None:
    path = tmp_path / "s.score.toml"
    save(two_beats(), path)
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        save(two_beats("changed on disk"), path)
        await pilot.press("ctrl+s")  # the file changed: asks instead of overwriting
        await pilot.press("l")  # reload
        await pilot.pause()
        assert app.history is not None
        assert app.history.score.beats[0].title == "changed on disk"
        assert not app.history.dirty


class CopyWrites:
    """Notes which thread puts each copy in place (``os.replace`` onto a ``.copy-`` name);
    with ``fail``, that rename fails as a full disk would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, fail: bool = False) -> None:
        self.threads: list[str] = []
        self.fail = fail
        self.replace = os.replace
        monkeypatch.setattr(os, "replace", self.spy)

    def spy(self, source: str | Path, target: str | Path) -> None:
        if ".copy-" in Path(target).name:
            self.threads.append(threading.current_thread().name)
            if self.fail:
                raise OSError(errno.ENOSPC, "No space left on device")
        self.replace(source, target)


@sync
async def test_a_copy_after_a_change_on_disk_is_written_off_the_ui_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.score.toml"
    save(two_beats(), path)
    writes = CopyWrites(monkeypatch)
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        save(two_beats("changed on disk"), path)
        await pilot.press("ctrl+s")  # the file changed: asks instead of overwriting
        await pilot.press("c")  # save a copy
        await pilot.pause()
        assert writes.threads, "a copy was written"
        assert threading.main_thread().name not in writes.threads
        assert app.path is not None and ".copy-" in app.path.name
        assert app.history is not None and not app.history.dirty
        assert len(load(app.path).beats) == 3
    assert load(path).beats[0].title == "changed on disk", "theirs is left as it was"


@sync
async def test_a_copy_that_fails_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.score.toml"
    save(two_beats(), path)
    writes = CopyWrites(monkeypatch, fail=True)
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        theirs = two_beats("changed on disk")
        save(theirs, path)
        await pilot.press("ctrl+s")
        await pilot.press("c")
        await pilot.pause()
        assert writes.threads, "the copy was tried"
        assert app.path == path, "still editing the score it opened"
        assert app.history is not None and app.history.dirty, "the edits are still unsaved"
        assert len(app.history.score.beats) == 3, "and still there"
        assert "unsaved" in app.sub_title
        assert any("Not saved" in n.title for n in app._notifications)
    assert load(path) == theirs, "their file is untouched"
    assert [p.name for p in tmp_path.iterdir() if ".copy-" in p.name] == [], "no half copy"


@sync
async def test_the_changed_file_is_read_for_the_question_off_the_ui_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saving over a file changed on disk asks first, showing what differs: the file
    on disk was parsed on the UI thread for that (hundreds of ms for a big score)."""
    import notation.production
    from choreo_tui.screens.external_change import ExternalChangeScreen

    path = tmp_path / "s.score.toml"
    save(two_beats(), path)
    readers: list[str] = []
    load_merged = notation.production.load_merged

    def watched(where: Path) -> Score:
        readers.append(threading.current_thread().name)
        return load_merged(where)

    monkeypatch.setattr(notation.production, "load_merged", watched)
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        save(two_beats("changed on disk"), path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExternalChangeScreen)
        assert isinstance(app.screen.on_disk, Score)
        assert app.screen.on_disk.beats[0].title == "changed on disk"
        assert readers and threading.main_thread().name not in readers
