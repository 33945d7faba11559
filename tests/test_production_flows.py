"""Pilot flows of productions in the editor: the production start screen, the
whole-production-or-this-scene question (both answers, and which file each
change lands in), a cast change rippling into another scene and going to its
beat, and a performer's sheet on screen and exported."""

from __future__ import annotations

import asyncio
import stat
from pathlib import Path

from production_fixtures import make_production
from textual.widgets import OptionList

from choreo_tui.app import ChoreoApp
from choreo_tui.cast.dialogs import Choice
from choreo_tui.cast.screen import CastScreen
from choreo_tui.production.ripple_screen import RippleScreen
from choreo_tui.production.session import ProductionSession
from choreo_tui.production.sheet_screen import SheetScreen
from choreo_tui.production.start import ProductionStartScreen
from choreo_tui.replay.dialogs import CheckinDialog
from choreo_tui.replay.screen import ReplayScreen
from choreo_tui.screens.editor import EditorScreen
from choreo_tui.widgets.beat_list import BeatList
from notation.model import AreaRule, Score
from notation.production import load_layer, load_production


def app_in(folder: Path, path: Path | None = None) -> ChoreoApp:
    return ChoreoApp(path, keymap_file=folder / "no-keys.toml", folder=folder)


def with_area(score: Score, pid: str, area: str, status: str) -> Score:
    performer = score.by_id[pid]
    table = performer.boundaries
    assert table is not None
    areas = {**table.areas, area: AreaRule(status=status)}
    changed = performer.model_copy(update={"boundaries": table.model_copy(update={"areas": areas})})
    return score.replace(performers=tuple(changed if p.id == pid else p for p in score.performers))


async def settle(pilot: object, app: ChoreoApp) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def neck_of(path: Path) -> str:
    boundaries = load_production(path).by_id["ana"].boundaries
    assert boundaries is not None
    return boundaries.areas["neck"].status


def test_start_screen_lists_scenes_with_counts_and_opens_one(tmp_path: Path) -> None:
    asyncio.run(_test_start_screen_lists_scenes_with_counts_and_opens_one(tmp_path))


async def _test_start_screen_lists_scenes_with_counts_and_opens_one(tmp_path: Path) -> None:
    folder = make_production(tmp_path / "tide")
    app = app_in(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, ProductionStartScreen)
        scenes = app.screen.query_one("#scenes", OptionList)
        rows = [str(scenes.get_option_at_index(i).prompt) for i in range(scenes.option_count)]
        assert "Ep1 Sc4: the dock" in rows[0] and "✓ 2 ⚠ 0 ✗ 0 · 0/2 agreed" in rows[0]
        cast = app.screen.query_one("#cast", OptionList)
        assert "Ana Reyes (Mara)" in str(cast.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, EditorScreen)
        assert app.path == folder / "one.score.toml"
        assert "in Tide Line" in app.sub_title


def test_whole_production_change_goes_to_production_and_ripples(tmp_path: Path) -> None:
    asyncio.run(_test_whole_production_change_goes_to_production_and_ripples(tmp_path))


async def _test_whole_production_change_goes_to_production_and_ripples(tmp_path: Path) -> None:
    folder = make_production(tmp_path / "tide")
    scene = folder / "one.score.toml"
    app = app_in(folder, scene)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("t", *"ben hand > ana arm 2c", "enter", "escape")  # unsaved here
        await pilot.press("c")
        await pilot.pause()
        cast_screen = app.screen
        assert isinstance(cast_screen, CastScreen)
        cast_screen.dismiss(with_area(cast_screen.score, "ana", "neck", "no"))
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert "whole production" in app.screen.question
        await pilot.press("enter")  # the first answer, the default: the whole production
        await settle(pilot, app)
        assert neck_of(folder / "production.toml") == "no"
        log = load_production(folder / "production.toml").log
        assert log == ()  # the cast screen's log entry is asked separately (none here)
        # The change reached the other scene: the list says where.
        assert isinstance(app.screen, RippleScreen)
        report = app.screen.report
        assert report.words() == "✗ 1 beat in 1 other scene now crosses Ana Reyes's record."
        assert [(i.path.name, i.beat, i.code) for i in report.items] == [
            ("two.score.toml", 2, "B101")
        ]
        await pilot.press("enter")  # go there: this scene is unsaved, so it asks
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert "unsaved" in app.screen.question
        await pilot.press("enter")  # save, then open
        await settle(pilot, app)
        assert app.path == folder / "two.score.toml"
        layer = load_layer(scene)
        assert layer.performers == ()  # nothing of the cast pinned in the saved scene
        assert len(layer.beats[0].touches) == 2
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.query_one(BeatList).cursor == 1
        assert any(f.code == "B101" and f.beat == 2 for f in editor.findings())


def test_this_scene_only_becomes_an_override_with_p602(tmp_path: Path) -> None:
    asyncio.run(_test_this_scene_only_becomes_an_override_with_p602(tmp_path))


async def _test_this_scene_only_becomes_an_override_with_p602(tmp_path: Path) -> None:
    folder = make_production(tmp_path / "tide")
    scene = folder / "one.score.toml"
    before = (folder / "production.toml").read_bytes()
    app = app_in(folder, scene)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("c")
        await pilot.pause()
        cast_screen = app.screen
        assert isinstance(cast_screen, CastScreen)
        # Wider than the cast: lips from "ask" to "yes" in this scene only.
        cast_screen.dismiss(with_area(cast_screen.score, "ana", "lips", "yes"))
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        await pilot.press("down", "enter")  # only this scene
        await settle(pilot, app)
        assert (folder / "production.toml").read_bytes() == before
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert [f.code for f in editor.findings() if f.code.startswith("P")] == ["P602"]
        await pilot.press("ctrl+s")
        await pilot.pause()
    entry = load_layer(scene).entry_of("ana")
    assert entry is not None and entry[1].boundaries is not None
    assert entry[1].boundaries.areas["lips"].status == "yes"


def test_backing_out_of_the_question_writes_nothing(tmp_path: Path) -> None:
    asyncio.run(_test_backing_out_of_the_question_writes_nothing(tmp_path))


async def _test_backing_out_of_the_question_writes_nothing(tmp_path: Path) -> None:
    folder = make_production(tmp_path / "tide")
    before = (folder / "production.toml").read_bytes()
    app = app_in(folder, folder / "one.score.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("c")
        await pilot.pause()
        cast_screen = app.screen
        assert isinstance(cast_screen, CastScreen)
        cast_screen.dismiss(with_area(cast_screen.score, "ana", "neck", "no"))
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.history is not None and not app.history.dirty
    assert (folder / "production.toml").read_bytes() == before


def test_sheet_on_screen_and_exported(tmp_path: Path) -> None:
    asyncio.run(_test_sheet_on_screen_and_exported(tmp_path))


async def _test_sheet_on_screen_and_exported(tmp_path: Path) -> None:
    folder = make_production(tmp_path / "tide")
    app = app_in(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("tab", "s")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, SheetScreen)
        assert screen.sheet is not None and screen.sheet.name == "Ana Reyes"
        await pilot.press("m")
        await pilot.pause()
    written = folder / "ana-sheet.md"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    text = written.read_text(encoding="utf-8")
    assert "Ana Reyes" in text and "PRIVATE" not in text


def _replay_change(tmp_path: Path, answer: list[str]) -> Path:
    folder = make_production(tmp_path / "tide")
    scene = folder / "one.score.toml"
    app = app_in(folder, scene)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            await pilot.press("r")
            await pilot.pause()
            if isinstance(app.screen, CheckinDialog):
                await pilot.press("escape")
                await pilot.pause()
            replay = app.screen
            assert isinstance(replay, ReplayScreen)
            # The scene's people only, not the whole cast the editor offers (kit).
            assert [p.id for p in replay.score.performers] == ["ana", "ben"]
            replay._boundary_changed(("ana", "neck", "no"))
            await pilot.pause()
            assert isinstance(app.screen, Choice)
            await pilot.press(*answer)
            await settle(pilot, app)
            assert app.history is not None and not app.history.dirty  # logged and saved
            # Replay logs on (a check-in): its own copy of the log must not bring the
            # entry that went to production.toml into the scene's file.
            replay._checked_in(("ana",))
            await settle(pilot, app)

    asyncio.run(run())
    return folder


def test_replay_boundary_change_for_the_whole_production_logs_in_production(
    tmp_path: Path,
) -> None:
    folder = _replay_change(tmp_path, ["enter"])
    production = load_production(folder / "production.toml")
    assert neck_of(folder / "production.toml") == "no"
    assert [(e.event, e.who, e.beat) for e in production.log] == [
        ("boundary_change", ("ana",), None)
    ]
    assert production.log[0].note.startswith("one.score.toml, beat 1")  # which scene
    layer = load_layer(folder / "one.score.toml")
    assert [e.event for e in layer.log] == ["checkin"]
    assert layer.performers == ()


def test_replay_boundary_change_for_this_scene_logs_in_the_scene(tmp_path: Path) -> None:
    folder = _replay_change(tmp_path, ["down", "enter"])
    assert neck_of(folder / "production.toml") == "yes"
    assert load_production(folder / "production.toml").log == ()
    layer = load_layer(folder / "one.score.toml")
    assert [(e.event, e.who) for e in layer.log] == [
        ("boundary_change", ("ana",)),
        ("checkin", ("ana",)),
    ]
    entry = layer.entry_of("ana")
    assert entry is not None and entry[1].boundaries is not None
    assert entry[1].boundaries.areas["neck"].status == "no"


def test_another_editors_cast_change_reaches_this_editor_on_save(tmp_path: Path) -> None:
    folder = make_production(tmp_path / "tide")
    scene = folder / "one.score.toml"
    app = app_in(folder, scene)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            # Another editor (here: another session on the other scene) changes the cast.
            other = ProductionSession.open(folder / "two.score.toml")
            assert other is not None
            changed = with_area(other.scene.score, "ana", "arm", "no")
            other.write_cast(other.plan_cast_change(other.scene.score, changed, {}))
            await pilot.press("t", *"ben hand > ana upper_back 2c", "enter", "escape")
            await pilot.press("ctrl+s")
            await settle(pilot, app)
            assert app.history is not None
            ana = app.history.score.by_id["ana"]
            assert ana.boundaries is not None and ana.boundaries.areas["arm"].status == "no"

    asyncio.run(run())
    areas = load_production(folder / "production.toml").by_id["ana"].boundaries
    assert areas is not None and areas.areas["arm"].status == "no"
    # This scene saved its own edit and pinned nothing of the cast.
    layer = load_layer(scene)
    assert layer.performers == () and len(layer.beats[0].touches) == 2


def test_a_cast_member_the_scene_does_not_name_can_be_used_and_adds_no_entry(
    tmp_path: Path,
) -> None:
    folder = make_production(tmp_path / "tide")
    scene = folder / "one.score.toml"
    app = app_in(folder, scene)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            await pilot.press("t", *"kit hand > ben arm 2c", "enter", "escape", "ctrl+s")
            await settle(pilot, app)

    asyncio.run(run())
    layer = load_layer(scene)
    assert layer.performers == ()
    assert [(t.by, t.to) for t in layer.beats[0].touches][-1] == ("kit", "ben")


def test_sheet_from_the_cast_screen_shows_the_scene_as_it_stands(tmp_path: Path) -> None:
    folder = make_production(tmp_path / "tide")
    app = app_in(folder, folder / "one.score.toml")

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            await pilot.press("t", *"ben hand > ana arm 3c", "enter", "escape")
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, CastScreen)
            await pilot.press("s")
            await settle(pilot, app)
            screen = app.screen
            assert isinstance(screen, SheetScreen)
            sheet = screen.sheet
            assert sheet is not None and sheet.performer_id == "ana"
            dock = next(s for s in sheet.scenes if s.title == "Ep1 Sc4: the dock")
            # The touch typed a moment ago, not yet saved, is on the sheet.
            assert any("arm" in line for b in dock.beats for line in b.receives)
            await pilot.press("h")
            await pilot.pause()

    asyncio.run(run())
    page = folder / "ana-sheet.html"
    assert stat.S_IMODE(page.stat().st_mode) == 0o600
    assert "PRIVATE" not in page.read_text(encoding="utf-8")


def test_a_change_only_to_the_production_leaves_the_scene_saved(tmp_path: Path) -> None:
    folder = make_production(tmp_path / "tide")
    scene = folder / "one.score.toml"
    before = scene.read_bytes()
    app = app_in(folder, scene)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            await pilot.press("c")
            await pilot.pause()
            cast_screen = app.screen
            assert isinstance(cast_screen, CastScreen)
            cast_screen.dismiss(with_area(cast_screen.score, "ana", "arm", "no"))
            await pilot.pause()
            await pilot.press("enter")
            await settle(pilot, app)
            assert app.history is not None and not app.history.dirty
            ana = app.history.score.by_id["ana"]
            assert ana.boundaries is not None and ana.boundaries.areas["arm"].status == "no"

    asyncio.run(run())
    assert scene.read_bytes() == before


def test_scenes_from_the_editor_open_another_scene(tmp_path: Path) -> None:
    folder = make_production(tmp_path / "tide")
    app = app_in(folder, folder / "one.score.toml")

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            await pilot.press("P")
            await settle(pilot, app)
            assert isinstance(app.screen, ProductionStartScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, EditorScreen)
            await pilot.press("P")
            await settle(pilot, app)
            await pilot.press("down", "enter")
            await settle(pilot, app)
            assert isinstance(app.screen, EditorScreen)
            assert app.path == folder / "two.score.toml"
            assert sum(isinstance(s, EditorScreen) for s in app.screen_stack) == 1

    asyncio.run(run())


def test_same_part_changed_by_another_editor_is_asked_and_theirs_can_win(
    tmp_path: Path,
) -> None:
    folder = make_production(tmp_path / "tide")
    app = app_in(folder, folder / "one.score.toml")

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            await pilot.press("c")
            await pilot.pause()
            cast_screen = app.screen
            assert isinstance(cast_screen, CastScreen)
            # While this cast screen is open, another editor sets Ana's neck to "ask".
            other = ProductionSession.open(folder / "two.score.toml")
            assert other is not None
            theirs = with_area(other.scene.score, "ana", "neck", "ask")
            other.write_cast(other.plan_cast_change(other.scene.score, theirs, {}))
            written = (folder / "production.toml").read_bytes()
            cast_screen.dismiss(with_area(cast_screen.score, "ana", "neck", "no"))
            await pilot.pause()
            await pilot.press("enter")  # whole production
            await settle(pilot, app)
            question = app.screen
            assert isinstance(question, Choice)
            assert "Ana Reyes: boundaries, neck (yours: no; on disk: ask)" in question.question
            assert (folder / "production.toml").read_bytes() == written  # not yet written
            await pilot.press("down", "enter")  # theirs
            await settle(pilot, app)
            assert app.history is not None
            ana = app.history.score.by_id["ana"]
            assert ana.boundaries is not None and ana.boundaries.areas["neck"].status == "ask"

    asyncio.run(run())
    assert neck_of(folder / "production.toml") == "ask"


def test_start_screen_escapes_control_characters_in_score_text(tmp_path: Path) -> None:
    from production_fixtures import PRODUCTION

    hostile = PRODUCTION.replace('title = "Tide Line"', 'title = "Tide\\u001b]0;x\\u0007 Line"')
    hostile = hostile.replace('name = "Ana Reyes"', 'name = "Ana \\u202eReyes"')
    folder = make_production(tmp_path / "tide", production=hostile)
    app = app_in(folder)

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, app)
            screen = app.screen
            assert isinstance(screen, ProductionStartScreen)
            intro = str(screen.query_one("#production-intro").render())
            cast = screen.query_one("#cast", OptionList)
            ana = str(cast.get_option_at_index(0).prompt)
            assert "\\x1b" in intro and "\x1b" not in intro and "\x07" not in intro
            assert "\\u202e" in ana and "\u202e" not in ana

    asyncio.run(run())


def test_the_sample_production_opens_as_a_copy_of_its_folder(tmp_path: Path) -> None:
    from choreo_tui.production.copying import sample_productions
    from choreo_tui.screens.start import StartScreen

    (sample,) = sample_productions()
    original = {p.name: p.read_bytes() for p in sample.iterdir() if p.is_file()}
    app = app_in(tmp_path)

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            await pilot.press("end", "enter")  # the sample production is listed last
            await settle(pilot, app)
            assert isinstance(app.screen, ProductionStartScreen)
            await pilot.press("enter")
            await settle(pilot, app)
            assert isinstance(app.screen, EditorScreen)
            assert app.path is not None and app.path.parent == tmp_path / sample.name

    asyncio.run(run())
    copy = tmp_path / sample.name
    assert stat.S_IMODE(copy.stat().st_mode) == 0o700
    for name, data in original.items():
        assert (copy / name).read_bytes() == data
        assert stat.S_IMODE((copy / name).stat().st_mode) == 0o600
    assert {p.name: p.read_bytes() for p in sample.iterdir() if p.is_file()} == original


def test_undoing_a_scene_only_widening_clears_its_p602(tmp_path: Path) -> None:
    folder = make_production(tmp_path / "tide")
    app = app_in(folder, folder / "one.score.toml")

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            await pilot.press("c")
            await pilot.pause()
            cast_screen = app.screen
            assert isinstance(cast_screen, CastScreen)
            cast_screen.dismiss(with_area(cast_screen.score, "ana", "lips", "yes"))
            await pilot.pause()
            await pilot.press("down", "enter")  # only this scene
            await settle(pilot, app)
            editor = app.screen
            assert isinstance(editor, EditorScreen)
            assert "P602" in [f.code for f in editor.findings()]
            await pilot.press("ctrl+z")
            await settle(pilot, app)
            assert "P602" not in [f.code for f in editor.findings()]

    asyncio.run(run())
