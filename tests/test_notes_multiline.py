"""Notes are a few lines, not one short line: typed from the keyboard, left with Tab,
saved as TOML multi-line strings that save the same twice."""

from __future__ import annotations

from pathlib import Path

from cast_fixtures import orchard
from conftest import sync
from factories import beat, score, touch
from test_cast_screen import CastHost, drive, type_into
from textual.pilot import Pilot

from choreo_tui.app import ChoreoApp
from choreo_tui.cast.performer_form import PerformerForm
from choreo_tui.screens.editor import EditorScreen
from choreo_tui.widgets.notes_area import NotesArea
from notation import Score, dumps, load, save

SIZE = (80, 24)


def app_on(path: Path, tmp_path: Path) -> ChoreoApp:
    return ChoreoApp(path, keymap_file=tmp_path / "no-keys.toml", folder=tmp_path)


@sync
async def test_beat_notes_take_several_lines_and_tab_leaves_them(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(score(beat(touch(), title="approach"), beat(title="still")), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = app.screen
        assert isinstance(ed, EditorScreen)
        await pilot.press("down", "e")  # the title field of beat 2
        for _ in range(7):  # counts, secs, tempo, cue, simulated, placeholder, notes
            await pilot.press("tab")
        notes = app.focused
        assert isinstance(notes, NotesArea) and notes.id == "notes"
        await pilot.press(*"check in", "enter", *"then the kiss")
        assert ed.score.beats[1].notes == "", "typing is not applied until the area is left"
        await pilot.press("tab")
        await pilot.pause()
        assert ed.score.beats[1].notes == "check in\nthen the kiss"
        private = app.focused
        assert isinstance(private, NotesArea) and private.id == "private_notes"
        await pilot.press(*"Ana: left side", "enter", *"only")
        await pilot.press("tab")
        await pilot.pause()
        assert ed.score.beats[1].private_notes == "Ana: left side\nonly"
        assert app.focused is not private, "Tab leaves the area; it does not indent"
        await pilot.press("escape", "up")  # the form follows the selection
        await pilot.pause()
        assert ed.query_one("#notes", NotesArea).text == ""
        await pilot.press("down")
        await pilot.pause()
        assert ed.query_one("#notes", NotesArea).text == "check in\nthen the kiss"
        await pilot.press("ctrl+s")
        await pilot.pause()
    first = path.read_bytes()
    assert b'"""\ncheck in\nthen the kiss"""' in first
    again = load(path)
    assert again.beats[1].notes == "check in\nthen the kiss"
    save(again, path)
    assert path.read_bytes() == first, "saving twice writes the same bytes"


def test_multi_line_notes_round_trip_byte_identically(tmp_path: Path) -> None:
    tricky = 'line one\n  "quoted" \\ back\n\ttabbed\n\nlast line\n'
    s = score(beat(notes=tricky, private_notes="\nstarts blank"), notes=tricky)
    path = tmp_path / "n.score.toml"
    save(s, path)
    text = path.read_bytes()
    loaded = load(path)
    assert loaded.beats[0].notes == tricky and loaded.scene.notes == tricky
    assert loaded.beats[0].private_notes == "\nstarts blank"
    save(loaded, path)
    assert path.read_bytes() == text
    assert dumps(loaded) == dumps(s)


@sync
async def test_scene_notes_take_several_lines(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(score(beat(touch())), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = app.screen
        assert isinstance(ed, EditorScreen)
        await pilot.press("s")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-notes", NotesArea).focus()
        await pilot.press(*"warm up", "enter", *"then run it")
        await pilot.press("tab")
        assert isinstance(app.focused, NotesArea) and app.focused.id == "f-private_notes"
        await pilot.press(*"Ana asked", "enter", *"for breaks", "f10")
        await pilot.pause()
        assert ed.score.scene.notes == "warm up\nthen run it"
        assert ed.score.scene.private_notes == "Ana asked\nfor breaks"


def test_performer_private_notes_take_several_lines() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("enter")  # edit the highlighted performer
        await pilot.pause()
        assert isinstance(app.screen, PerformerForm)
        for _ in range(5):  # name, character, minor, guardian, private notes
            await pilot.press("tab")
        assert isinstance(app.focused, NotesArea)
        await type_into(pilot, "first line")
        await pilot.press("enter")
        await type_into(pilot, "second")
        await pilot.press("tab")
        assert not isinstance(app.focused, NotesArea), "Tab leaves the notes"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    before = orchard().performers[0].private_notes
    result = drive(steps).result
    assert isinstance(result, Score)
    notes = result.performers[0].private_notes
    assert notes.count("\n") >= 1 and "first line\nsecond" in notes, before


@sync
async def test_notes_being_typed_reach_the_recovery_copy(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(score(beat(touch(), title="approach")), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = app.screen
        assert isinstance(ed, EditorScreen)
        await pilot.press("e")
        ed.query_one("#private_notes", NotesArea).focus()
        await pilot.press(*"not yet", "enter", *"applied")
        await pilot.pause()
        typing = app._typing
        assert typing is not None and typing.fields == {"private_notes": "not yet\napplied"}
        assert ed.score.beats[0].private_notes == ""


@sync
async def test_escape_leaves_the_notes_and_applies_them(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(score(beat(touch(), title="approach")), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = app.screen
        assert isinstance(ed, EditorScreen)
        await pilot.press("e")
        ed.query_one("#notes", NotesArea).focus()
        await pilot.press(*"one", "enter", *"two", "escape")
        await pilot.pause()
        assert not isinstance(app.focused, NotesArea)
        assert ed.score.beats[0].notes == "one\ntwo"
