"""The app's safekeeping flows under Pilot: lock, recovery, external changes, crashes."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import sync
from factories import beat, performer, score

from choreo_tui.app import ChoreoApp
from choreo_tui.lock import ScoreLock
from choreo_tui.recovery import RecoveryCopy
from choreo_tui.screens.editor import EditorScreen
from choreo_tui.screens.external_change import ExternalChangeScreen
from choreo_tui.screens.restore import RestoreScreen
from choreo_tui.screens.unreadable import UnreadableScreen
from notation import load, save
from notation.model import Score

SIZE = (100, 30)
CANARY = "Quillfeather"


def two_beats(notes: str = "") -> Score:
    people = (performer("ana", "Ana Ruiz"), performer("ben", f"Ben {CANARY}"))
    return score(beat(title="approach", notes=notes), beat(title="still"), performers=people)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "scene.score.toml"
    save(two_beats(), target)
    return target


def app_on(path: Path) -> ChoreoApp:
    return ChoreoApp(path, keymap_file=path.parent / "no-keys.toml", folder=path.parent)


def beats_of(app: ChoreoApp) -> int:
    assert app.history is not None
    return len(app.history.score.beats)


@sync
async def test_a_clean_save_removes_the_recovery_copy(path: Path) -> None:
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        app.keeping.flush()
        copy = RecoveryCopy(path).read()
        assert copy is not None and len(copy.score.beats) == 3
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not RecoveryCopy(path).exists()
    assert len(load(path).beats) == 3


@sync
async def test_unsaved_edits_are_offered_back_and_restored(path: Path) -> None:
    RecoveryCopy(path).write(
        score(beat(title="approach"), beat(title="still"), beat(title="new"), performers=())
    )
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RestoreScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert beats_of(app) == 3
        assert app.history is not None and app.history.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [b.title for b in load(path).beats] == ["approach", "still", "new"]
    assert not RecoveryCopy(path).exists()


@sync
async def test_discarded_edits_are_gone_and_the_file_is_untouched(path: Path) -> None:
    before = path.read_bytes()
    RecoveryCopy(path).write(score(beat(title="new"), performers=()))
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d", "d")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert beats_of(app) == 2
    assert not RecoveryCopy(path).exists()
    assert path.read_bytes() == before


@sync
async def test_quitting_without_saving_removes_the_copy(path: Path) -> None:
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        app.keeping.flush()
        assert RecoveryCopy(path).exists()
        await pilot.press("ctrl+q", "d")
        await pilot.pause()
    assert not RecoveryCopy(path).exists()


@sync
async def test_a_second_editor_is_read_only_and_saves_only_a_copy(path: Path) -> None:
    other = ScoreLock(path)
    assert other.acquire() is None
    before = path.read_bytes()
    try:
        app = app_on(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.keeping.read_only
            assert app.sub_title.startswith("read-only: ")
            await pilot.press("a", "ctrl+s")
            await pilot.pause()
            assert app.path is not None and app.path != path
            copy = app.path
            assert not app.keeping.read_only, "the copy is this editor's own"
    finally:
        other.release()
    assert path.read_bytes() == before
    assert len(load(copy).beats) == 3


@sync
async def test_a_save_over_a_changed_file_asks_and_can_save_a_copy(path: Path) -> None:
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        theirs = two_beats(notes="changed by a colleague")
        save(theirs, path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExternalChangeScreen)
        assert load(path) == theirs, "nothing overwritten while asking"
        await pilot.press("c")
        await pilot.pause()
        assert app.path is not None and app.path != path
        mine = app.path
    assert load(path) == theirs
    assert len(load(mine).beats) == 3


@sync
async def test_reload_takes_the_file_on_disk_and_undo_brings_the_edits_back(path: Path) -> None:
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        theirs = two_beats(notes="changed by a colleague")
        save(theirs, path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert app.history is not None
        assert app.history.score == theirs
        assert not app.history.dirty
        await pilot.press("ctrl+z")
        assert beats_of(app) == 3
    assert load(path) == theirs


@sync
async def test_cancel_leaves_everything_as_it_was(path: Path) -> None:
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        theirs = two_beats(notes="changed by a colleague")
        save(theirs, path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.history is not None and app.history.dirty
        assert beats_of(app) == 3
    assert load(path) == theirs


@sync
async def test_an_unreadable_file_gets_the_error_screen_and_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "broken.score.toml"
    path.write_text('format = "choreo-score"\nversion = 1\n[scene]\ntitel = "x"\n')
    before = path.read_bytes()
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnreadableScreen)
        assert not path.with_name(path.name + ".lock").exists()
    assert path.read_bytes() == before


@sync
async def test_a_crash_keeps_the_edits_and_reports_no_score_data(
    path: Path, private_state: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = app_on(path)

    def explode() -> None:
        raise ValueError(f"bad boundary for {CANARY}")

    with pytest.raises(ValueError):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            await pilot.pause()
            app.call_later(explode)
            await pilot.pause()
    assert app.return_code == 1
    copy = RecoveryCopy(path).read()
    assert copy is not None and len(copy.score.beats) == 3, "the edits survive the crash"
    reports = list((private_state / "crashes").glob("*.txt"))
    assert len(reports) == 1
    assert CANARY not in reports[0].read_text()
    assert CANARY not in caplog.text


@sync
async def test_text_still_being_typed_reaches_the_recovery_copy(path: Path) -> None:
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", *"the long look")  # no Enter: not applied yet
        await pilot.pause()
        assert app.history is not None and not app.history.dirty
        app.keep_typing()
        app.keeping.flush()
        copy = RecoveryCopy(path).read()
        assert copy is not None
        assert copy.score.beats[0].title == "the long look"
        assert app.history.score.beats[0].title == "approach", "typing is not an edit yet"


@sync
async def test_a_deleted_performer_leaves_no_trace_in_the_recovery_copy(
    path: Path, private_state: Path
) -> None:
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        app.keeping.flush()
        assert CANARY in RecoveryCopy(path).file.read_text()
        assert app.history is not None
        without = app.history.score.replace(performers=app.history.score.performers[:1])
        editor = app.editor
        assert editor is not None
        editor.apply_score(without, "remove performer")
        await pilot.pause()
        app.keeping.flush()
        for written in private_state.rglob("*"):
            if written.is_file():
                assert CANARY not in written.read_text(errors="replace"), written


@sync
async def test_a_recovery_folder_that_cannot_be_written_is_said_once(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("CHOREO_STATE_DIR", str(blocker))
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        app.keeping.flush()
        app.keep_typing()
        app.keep_typing()
        await pilot.pause()
        said = [n.message for n in app._notifications if "not being kept safe" in n.message]
        assert len(said) == 1
        assert CANARY not in said[0]


@sync
async def test_file_names_that_look_like_markup_never_crash_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "we[/b]ird [bold].score.toml"
    save(two_beats(), path)
    for key in ("c", "l"):
        app = app_on(path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            save(two_beats(notes=f"changed, then {key}"), path)
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, EditorScreen)
        assert app.return_code in (None, 0)
