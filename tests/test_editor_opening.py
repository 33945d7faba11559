"""Opening: a missing file starts a new score, ``choreo`` alone shows the start screen,
a sample opens as a copy, and an unreadable file is explained and left untouched."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import sync
from factories import beat, bounds, performer, score, touch
from textual.pilot import Pilot
from textual.widgets import OptionList

from choreo_tui.app import ChoreoApp
from choreo_tui.samples import copy_sample, free_name, samples, scene_title, slug
from choreo_tui.screens.editor import EditorScreen
from choreo_tui.screens.start import StartScreen
from choreo_tui.widgets.beat_list import BeatList
from choreo_tui.widgets.title_bar import TitleBar
from notation import load, save

SIZE = (100, 30)


def app_on(path: Path | None, tmp_path: Path) -> ChoreoApp:
    return ChoreoApp(path, keymap_file=tmp_path / "no-keys.toml", folder=tmp_path)


@sync
async def test_a_missing_file_asks_for_a_title_and_saves_there(tmp_path: Path) -> None:
    path = tmp_path / "new.score.toml"
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # an empty title is refused
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen)
        await pilot.press(*"The orchard", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert not path.exists(), "nothing is written before a save"
        assert app.history is not None and app.history.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load(path).scene.title == "The orchard"
    assert os.stat(path).st_mode & 0o777 == 0o600


@sync
async def test_cancelling_the_title_of_a_new_file_quits_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "new.score.toml"
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert not path.exists()


@sync
async def test_the_start_screen_opens_a_sample_as_a_copy(tmp_path: Path) -> None:
    bundled = samples()
    assert bundled, "the sample scenes are found"
    first = bundled[0]
    original = first.read_bytes()
    (tmp_path / first.name).write_text("not mine", encoding="utf-8")  # must not be overwritten
    app = app_on(None, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        # From "New score": the local file, then the first sample (headings are skipped).
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.path is not None
        opened = app.path
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
    assert opened.parent == tmp_path and opened.name != first.name
    assert (tmp_path / first.name).read_text(encoding="utf-8") == "not mine"
    assert first.read_bytes() == original, "the bundled sample is never changed"
    assert len(load(opened).beats) == len(load(first).beats) + 1


@sync
async def test_the_start_screen_lists_local_scores(tmp_path: Path) -> None:
    path = tmp_path / "mine.score.toml"
    save(score(beat(touch())), path)
    app = app_on(None, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")  # from "New score" to the file (headings skipped)
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.path == path


@sync
async def test_new_score_from_the_start_screen(tmp_path: Path) -> None:
    app = app_on(None, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"Act 1: the bench", "enter", "ctrl+s")
        await pilot.pause()
    assert load(tmp_path / "act-1-the-bench.score.toml").scene.title == "Act 1: the bench"


@sync
async def test_an_unreadable_file_is_explained_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "broken.score.toml"
    text = 'format = "choreo-score"\nversion = 1\n[scene]\ntitle = 3\n'
    path.write_text(text, encoding="utf-8")
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen)
        await pilot.press("ctrl+s", "ctrl+q")
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == text


def test_copy_sample_never_overwrites(tmp_path: Path) -> None:
    sample = tmp_path / "src" / "demo.score.toml"
    sample.parent.mkdir()
    sample.write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "demo.score.toml").write_text("mine", encoding="utf-8")
    (tmp_path / "demo-2.score.toml").write_text("mine too", encoding="utf-8")
    copy = copy_sample(sample, tmp_path)
    assert copy.name == "demo-3.score.toml"
    assert copy.read_text(encoding="utf-8") == "x = 1\n"
    assert os.stat(copy).st_mode & 0o777 == 0o600
    assert (tmp_path / "demo.score.toml").read_text(encoding="utf-8") == "mine"
    assert free_name(tmp_path, "other.score.toml").name == "other.score.toml"


def test_slug_of_a_title() -> None:
    assert slug("Act 2, Scene 3: the orchard") == "act-2-scene-3-the-orchard"
    assert slug("!!!") == "scene"


@sync
async def test_a_big_score_is_read_and_checked_off_the_ui_thread(
    tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr("choreo_tui.app.READ_AT_ONCE", 1)
    monkeypatch.setattr("choreo_tui.screens.editor_base.CHECK_AT_ONCE", 3)
    path = tmp_path / "big.score.toml"
    people = (performer("ana", boundaries=bounds("yes", neck="no")), performer("ben"))
    beats = [beat(touch(on="neck" if i == 4 else "arm")) for i in range(6)]
    save(score(*beats, performers=people), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            screen = app.screen
            if isinstance(screen, EditorScreen) and screen.live is not None:
                break
        screen = app.screen
        assert isinstance(screen, EditorScreen) and screen.live is not None
        assert screen.query_one(BeatList).marks[4] == "✗"
        assert screen.query_one(BeatList).marks[0] == "✓"


@sync
async def test_a_cast_change_on_a_big_score_is_checked_off_the_ui_thread(
    tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr("choreo_tui.screens.editor_base.CHECK_AT_ONCE", 3)
    path = tmp_path / "big.score.toml"
    people = (performer("ana"), performer("ben"))
    save(
        score(*[beat(touch(on="neck" if i == 4 else "arm")) for i in range(6)], performers=people),
        path,
    )
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:

        async def checked() -> EditorScreen:
            for _ in range(200):
                await pilot.pause(0.05)
                screen = app.screen
                if isinstance(screen, EditorScreen) and screen.live is not None:
                    return screen
            raise AssertionError("never checked")

        ed = await checked()
        assert ed.query_one(BeatList).marks[4] == "✓"
        strict = tuple(
            p.model_copy(update={"boundaries": bounds("yes", neck="no")}) if p.id == "ana" else p
            for p in ed.score.performers
        )
        ed.apply_score(ed.score.replace(performers=strict), "cast")
        ed = await checked()
        assert ed.query_one(BeatList).marks[4] == "✗"
        assert ed.query_one(BeatList).marks[0] == "✓"


def test_scene_titles_for_the_start_screen(tmp_path: Path) -> None:
    path = tmp_path / "t.score.toml"
    save(score(title='Act 2: the "orchard"'), path)
    assert scene_title(path) == 'Act 2: the "orchard"'
    assert scene_title(tmp_path / "none.score.toml") == ""


@sync
async def test_a_title_change_never_reaches_into_a_screen_being_torn_down(tmp_path: Path) -> None:
    # The cause of a chance failure (NoMatches: 'TitleBar'): a title update queued on
    # the app ran after the editor's widgets were gone. The title line now follows the
    # app's title by itself, so a change with no title line left must not fail.
    path = tmp_path / "s.score.toml"
    save(score(beat(touch()), performers=(performer("ana"), performer("ben"))), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert "s.score.toml" in str(editor.query_one(TitleBar).render())
        await editor.query_one(TitleBar).remove()
        app.score_changed()
        editor.refresh_view()
        await pilot.pause()


@sync
async def test_the_title_line_follows_an_edit(tmp_path: Path) -> None:
    path = tmp_path / "s.score.toml"
    save(score(beat(touch()), performers=(performer("ana"), performer("ben"))), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(TitleBar)
        assert "unsaved" not in str(bar.render())
        await pilot.press("a")  # add a beat
        await pilot.pause()
        assert "● " in str(bar.render()) and "(unsaved changes)" in str(bar.render())


@sync
async def test_a_bundled_sample_opened_by_path_opens_as_a_copy(tmp_path: Path) -> None:
    """The README's first command names the repo's own sample; ctrl+s used to change it."""
    sample = next(p for p in samples() if p.name == "orchard-kiss.score.toml")
    original = sample.read_bytes()
    app = app_on(sample, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        opened = app.path
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
    assert sample.read_bytes() == original, "the bundled sample is never changed"
    assert opened is not None and opened != sample and opened.parent == tmp_path
    assert len(load(opened).beats) == len(load(sample).beats) + 1


@sync
async def test_run_from_the_checkout_a_sample_copy_goes_to_the_private_folder(
    tmp_path: Path,
) -> None:
    """Run from the repo (as the README does), the copy must not land in the repo either."""
    sample = next(p for p in samples() if p.name == "orchard-kiss.score.toml")
    checkout = sample.parent.parent
    before = sorted(p.name for p in checkout.iterdir())
    app = ChoreoApp(
        Path("sample_scenes") / sample.name if Path.cwd() == checkout else sample,
        keymap_file=tmp_path / "no-keys.toml",
        folder=checkout,
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        opened = app.path
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
    assert opened is not None and not opened.resolve().is_relative_to(checkout)
    assert sorted(p.name for p in checkout.iterdir()) == before
    assert load(opened).scene.title == load(sample).scene.title


@sync
async def test_the_start_screen_marks_a_score_that_cannot_be_opened_and_closing_its_error_exits_2(
    tmp_path: Path,
) -> None:
    """Unreadable files showed without a mark; closing the error screen exited 0."""
    from textual.widgets import OptionList

    save(score(beat(touch())), tmp_path / "good.score.toml")
    (tmp_path / "broken.score.toml").write_text("[scene\n", encoding="utf-8")
    app = app_on(None, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await marks_filled_in(app, pilot)
        listing = app.screen.query_one(OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        broken = next(p for p in prompts if "broken.score.toml" in p)
        good = next(p for p in prompts if "good.score.toml" in p)
        assert "✗ cannot be opened" in broken and "✗" not in good
    path = tmp_path / "broken.score.toml"
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 2


async def marks_filled_in(app: ChoreoApp, pilot: Pilot[int]) -> None:
    """Wait for the start screen's worker to read the scores and its marks to be drawn."""
    await app.workers.wait_for_complete()
    await pilot.pause()


@sync
async def test_the_start_screen_reads_scores_off_the_ui_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each small score was opened on the UI thread to mark unreadable ones: the list
    waited for the disk. Now the list shows at once and a worker fills in the marks."""
    from choreo_tui.screens import start
    from notation.production import open_score

    save(score(beat(touch())), tmp_path / "good.score.toml")
    (tmp_path / "broken.score.toml").write_text("[scene\n", encoding="utf-8")
    readers: list[str] = []

    def watched(path: Path) -> object:
        readers.append(threading.current_thread().name)
        return open_score(path)

    monkeypatch.setattr(start, "open_score", watched)
    app = app_on(None, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await marks_filled_in(app, pilot)
        assert isinstance(app.screen, StartScreen)
        assert len(readers) == 2
        assert threading.main_thread().name not in readers
        prompts = [str(p.prompt) for p in app.screen.query_one(OptionList).options]
        assert any("broken.score.toml" in p and "✗ cannot be opened" in p for p in prompts)
