"""Keys: every binding has an id and a description, the keymap file remaps them, a bad
file is reported and never stops the app, and F1 help lists the real keys."""

from __future__ import annotations

from pathlib import Path

from conftest import sync
from factories import beat, score

from choreo_tui import commands
from choreo_tui.app import ChoreoApp
from choreo_tui.keymap import clashes, parse_keymap, read_keymap
from choreo_tui.screens.dialogs import AgreeDialog, AskTitle, ChooseKind, QuitUnsaved
from choreo_tui.screens.editor import EditorScreen
from choreo_tui.screens.help import HelpScreen
from choreo_tui.screens.part_form import PartForm
from choreo_tui.screens.start import StartScreen
from choreo_tui.widgets.beat_form import BeatForm
from choreo_tui.widgets.beat_list import BeatList
from choreo_tui.widgets.parts import PartsTable
from choreo_tui.widgets.pick import Pick
from choreo_tui.widgets.problems import ProblemsPanel
from choreo_tui.widgets.quick_entry import QuickEntry
from notation import save

OWNERS = (
    ChoreoApp,
    EditorScreen,
    StartScreen,
    HelpScreen,
    PartForm,
    QuitUnsaved,
    AskTitle,
    AgreeDialog,
    ChooseKind,
    BeatList,
    BeatForm,
    PartsTable,
    ProblemsPanel,
    QuickEntry,
    Pick,
)


def test_every_binding_has_an_id_and_a_description() -> None:
    for owner in OWNERS:
        for binding in owner.BINDINGS:
            assert not isinstance(binding, tuple), owner
            assert binding.id, f"{owner.__name__}: {binding.key} has no id"
            assert binding.description, f"{owner.__name__}: {binding.key}"


def test_command_ids_are_unique_and_help_is_written() -> None:
    ids = [command.id() for command in commands.ALL_COMMANDS]
    assert len(ids) == len(set(ids))
    assert commands.AddBeat.id() == "add_beat"
    for command in commands.ALL_COMMANDS:
        assert command.HELP and command.FOOTER and command.__doc__


def test_keymap_file_is_checked() -> None:
    good = parse_keymap('[keys]\nadd_beat = "A"\nnext_problem = "j, f8"\n"cast.add" = "n"\n')
    assert good.keys == {"add_beat": "A", "next_problem": "j,f8", "cast.add": "n"}
    assert good.problems == ()
    bad = parse_keymap('[keys]\nadd_bet = "A"\nsave = 3\n[other]\n')
    assert bad.keys == {}
    words = " ".join(bad.problems)
    assert "did you mean 'add_beat'" in words
    assert "'save' must be a string" in words
    assert "ignored: other" in words
    broken = parse_keymap("[keys\n")
    assert broken.keys == {} and "not valid TOML" in broken.problems[0]


def test_clashes_are_named() -> None:
    assert clashes({"add_beat": "A"}) == []
    assert clashes({"add_beat": "n", "next_problem": "j"}) == []
    assert len(clashes({"add_beat": "n,t"})) == 2


def test_a_missing_keymap_file_is_fine(tmp_path: Path) -> None:
    assert read_keymap(tmp_path / "none.toml").keys == {}
    assert read_keymap(tmp_path / "none.toml").problems == ()


@sync
async def test_a_remapped_key_works_and_the_old_one_does_not(tmp_path: Path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\nadd_beat = "A"\n', encoding="utf-8")
    path = tmp_path / "s.score.toml"
    save(score(beat()), path)
    app = ChoreoApp(path, keymap_file=keys, folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        await pilot.press("a")
        assert len(screen.score.beats) == 1
        await pilot.press("A")
        assert len(screen.score.beats) == 2
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert any(line.id == "add_beat" and line.key == "A" for line in help_screen.keys)


@sync
async def test_a_bad_keymap_file_is_reported_not_fatal(tmp_path: Path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text("[keys\nthis is not toml", encoding="utf-8")
    path = tmp_path / "s.score.toml"
    save(score(beat()), path)
    app = ChoreoApp(path, keymap_file=keys, folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        messages = [n.message for n in app._notifications]
        assert any("not valid TOML" in m for m in messages)
        await pilot.press("a")
        assert len(app.screen.score.beats) == 2, "default keys still work"


@sync
async def test_help_describes_the_focused_widget_and_the_grammar(tmp_path: Path) -> None:
    path = tmp_path / "s.score.toml"
    save(score(beat()), path)
    app = ChoreoApp(path, keymap_file=tmp_path / "none.toml", folder=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert help_screen.here.startswith("Quick entry")
        await pilot.press("escape", "escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "beats in performance order" in app.screen.here


@sync
async def test_the_palette_offers_every_editor_command(tmp_path: Path) -> None:
    path = tmp_path / "s.score.toml"
    save(score(beat()), path)
    app = ChoreoApp(path, keymap_file=tmp_path / "none.toml", folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        provider = commands.CommandPalette(app.screen)
        offered = {hit.text async for hit in provider.discover()}
        assert {c.HELP for c in commands.EDITOR_COMMANDS} <= offered
        await pilot.press("ctrl+p", *"duplicate", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert len(app.screen.score.beats) == 2


@sync
async def test_a_keymap_that_gives_a_key_twice_is_reported(tmp_path: Path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\nadd_beat = "n"\n', encoding="utf-8")
    path = tmp_path / "s.score.toml"
    save(score(beat()), path)
    app = ChoreoApp(path, keymap_file=keys, folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        messages = " ".join(n.message for n in app._notifications)
        assert "'n' now runs add_beat, so next_problem lost it" in messages


@sync
async def test_help_names_each_key_of_a_two_key_command(tmp_path: Path) -> None:
    # Delete beat is "x,delete" shown as "x": help listed "x" twice and never "del".
    path = tmp_path / "s.score.toml"
    save(score(beat()), path)
    app = ChoreoApp(path, keymap_file=tmp_path / "none.toml", folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = [line.key for line in help_screen.keys if line.id == "delete_beat"]
        assert keys == ["x", "del"]
