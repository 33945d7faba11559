"""Notes holding control characters are shown escaped, kept exactly, and edited only
after the coordinator drops those characters (score-format: terminal safety)."""

from __future__ import annotations

from pathlib import Path

from conftest import sync
from factories import beat, score, touch
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from choreo_tui.app import ChoreoApp
from choreo_tui.screens.editor import EditorScreen
from choreo_tui.widgets.notes_area import NotesArea, hidden_spans, without_hidden
from notation import load, save

HOSTILE = "check in\x1b[2J first\nthen \u202ethe kiss"
"""An ESC that would clear the screen, a right-to-left override on the second line."""


def test_hidden_spans_escape_each_character_and_say_where() -> None:
    shown, spans = hidden_spans(HOSTILE)
    assert shown == "check in\\x1b[2J first\nthen \\u202ethe kiss"
    assert spans == {0: [(8, 12)], 1: [(5, 11)]}
    assert shown.splitlines()[0][8:12] == "\\x1b"
    assert shown.splitlines()[1][5:11] == "\\u202e"


def test_hidden_spans_leave_plain_text_alone() -> None:
    plain = "a\tb\nc — ✓ d"
    assert hidden_spans(plain) == (plain, {})
    assert without_hidden(plain) == plain


def test_without_hidden_drops_only_control_and_bidi_characters() -> None:
    assert without_hidden(HOSTILE) == "check in[2J first\nthen the kiss"


class NotesHost(App[None]):
    """One notes area, to read as the screen draws it."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield NotesArea(self.text, id="notes")


@sync
async def test_held_notes_draw_escapes_in_reverse_and_keep_the_exact_value() -> None:
    app = NotesHost(HOSTILE)
    async with app.run_test(size=(60, 8)) as pilot:
        area = app.query_one(NotesArea)
        assert area.holds_hidden and area.read_only
        assert area.value == HOSTILE, "the value is never the escaped drawing"
        assert "\\x1b" in area.text and "\x1b" not in area.text
        line = area.get_line(0)
        reversed_parts = [
            line.plain[span.start : span.end] for span in line.spans if "reverse" in str(span.style)
        ]
        assert reversed_parts == ["\\x1b"]
        screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "\\x1b[2J" in screen and "\x1b" not in screen
        await pilot.pause()


@sync
async def test_plain_notes_are_editable_as_before() -> None:
    app = NotesHost("check in")
    async with app.run_test(size=(60, 8)) as pilot:
        area = app.query_one(NotesArea)
        assert not area.holds_hidden and not area.read_only
        area.focus()
        await pilot.press("x")
        assert area.value == "check inx"
        area.show("then \x07bell")
        assert area.holds_hidden and area.read_only and area.value == "then \x07bell"
        area.show("plain again")
        assert not area.holds_hidden and not area.read_only and area.value == "plain again"


def _notes_path(tmp_path: Path) -> Path:
    path = tmp_path / "scene.score.toml"
    save(score(beat(touch(), title="approach", notes=HOSTILE), beat(title="still")), path)
    return path


async def _in_held_notes(pilot: Pilot[int], app: ChoreoApp) -> EditorScreen:
    """The editor, with the first beat's held notes focused."""
    ed = app.screen
    assert isinstance(ed, EditorScreen)
    await pilot.pause()
    ed.query_one("#notes", NotesArea).focus()
    await pilot.pause()
    return ed


@sync
async def test_typing_in_held_notes_changes_nothing_and_reaches_no_binding(tmp_path: Path) -> None:
    path = _notes_path(tmp_path)
    app = ChoreoApp(path, keymap_file=tmp_path / "no-keys.toml", folder=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        ed = await _in_held_notes(pilot, app)
        # 'a' adds a beat on the editor screen; a held area must take it, not pass it on.
        await pilot.press("a", "x", "backspace", "enter")
        await pilot.press("tab")  # leaving applies the notes: the exact text, unchanged
        await pilot.pause()
        assert len(ed.score.beats) == 2
        assert ed.score.beats[0].notes == HOSTILE
        assert not ed.history.dirty
        assert any("ctrl+r" in n.message for n in app._notifications)


@sync
async def test_ctrl_r_drops_the_hidden_characters_and_the_notes_edit_again(tmp_path: Path) -> None:
    path = _notes_path(tmp_path)
    app = ChoreoApp(path, keymap_file=tmp_path / "no-keys.toml", folder=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        ed = await _in_held_notes(pilot, app)
        notes = ed.query_one("#notes", NotesArea)
        await pilot.press("ctrl+r")
        assert not notes.holds_hidden and not notes.read_only
        await pilot.press(*" now")
        await pilot.press("tab")
        await pilot.pause()
        assert ed.score.beats[0].notes == "check in[2J first\nthen the kiss now"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load(path).beats[0].notes == "check in[2J first\nthen the kiss now"
