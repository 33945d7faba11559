"""Fields that show score text mark every control or bidi character where it is.

Textual's ``Input`` drew "Ana\\x1bRuiz" as "AnaRuiz" (the app's line filter drops the
raw character): safe, but the coordinator could not see that the name on file is not
the name on the screen. ``ScoreInput`` shows the escape the cast list shows, in reverse
video, and keeps the value exactly as it is.
"""

from __future__ import annotations

from pathlib import Path

from conftest import sync
from factories import beat, performer, score
from test_cast_screen import CastHost, drive
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Input

from choreo_tui.app import ChoreoApp
from choreo_tui.widgets.score_input import ScoreField, ScoreInput
from notation import save

HOSTILE = "Ana\x1b]0;x\x07Ruiz\u202e"
SHOWN = "Ana\\x1b]0;x\\x07Ruiz\\u202e"


def _escapes(strip: Strip) -> list[str]:
    """The text drawn in reverse video (the escapes), piece by piece."""
    return [s.text for s in strip if s.style is not None and s.style.reverse]


def test_the_cast_form_shows_each_control_character_of_a_name_and_keeps_it() -> None:
    hostile = score(beat(), performers=(performer("ana", HOSTILE), performer("ben")))

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("e")  # the highlighted performer: ana
        await pilot.pause()
        name = app.screen.query_one("#name", Input)
        assert name.value == HOSTILE
        name.blur()
        await pilot.pause()
        line = name.render_line(0)
        assert line.text.startswith(SHOWN)
        assert _escapes(line) == ["\\x1b", "\\x07", "\\u202e"]
        await pilot.press("ctrl+s")  # kept as it is
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

    app = drive(steps, hostile, (100, 30))
    assert app.result is None  # nothing changed: the name was not rewritten by showing it


@sync
async def test_the_beat_forms_title_shows_the_escape(tmp_path: Path) -> None:
    path = tmp_path / "t.score.toml"
    save(score(beat(title="the\x1b[2Jkiss")), path)
    app = ChoreoApp(path, keymap_file=tmp_path / "k.toml", folder=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        title = app.screen.query_one("#title", Input)
        assert title.value == "the\x1b[2Jkiss"
        assert title.render_line(0).text.startswith("the\\x1b[2Jkiss")


class _Fields(App[None]):
    def __init__(self, value: str) -> None:
        super().__init__()
        self.value = value

    def compose(self) -> ComposeResult:
        yield ScoreInput(self.value, id="score", compact=True, select_on_focus=False)
        yield Input(self.value, id="plain", compact=True, select_on_focus=False)


@sync
async def test_the_cursor_steps_over_an_escape_whole_and_backspace_removes_it_whole() -> None:
    app = _Fields("Ana\x1bR")
    async with app.run_test(size=(40, 4)) as pilot:
        field = app.query_one("#score", ScoreInput)
        field.focus()
        field.cursor_position = len(field.value)
        await pilot.press("left")  # before R: one step back, over nothing else
        assert field.cursor_position == 4
        await pilot.press("left")  # onto the escape: the cursor covers all of it
        await pilot.pause()
        assert field.cursor_position == 3
        cursor = [s.text for s in field.render_line(0) if s.style and s.style.bgcolor]
        assert "\\x1b" in cursor
        await pilot.press("right", "backspace")
        assert field.value == "AnaR"
        assert field.render_line(0).text.startswith("AnaR ")


@sync
async def test_text_typed_as_a_backslash_is_not_drawn_as_an_escape() -> None:
    app = _Fields("a\x1b")
    async with app.run_test(size=(40, 4)) as pilot:
        field = app.query_one("#score", ScoreInput)
        field.focus()
        field.cursor_position = len(field.value)
        await pilot.press(*"\\x1b")
        await pilot.pause()
        field.blur()
        await pilot.pause()
        line = field.render_line(0)
        assert line.text.startswith("a\\x1b\\x1b")
        assert _escapes(line) == ["\\x1b"]  # only the real one
        assert field.value == "a\x1b\\x1b"


@sync
async def test_a_click_on_an_escape_puts_the_cursor_on_its_character() -> None:
    app = _Fields("Ana\x1bRuiz")
    async with app.run_test(size=(40, 4)) as pilot:
        field = app.query_one("#score", ScoreInput)
        for cell, index in ((2, 2), (3, 3), (6, 3), (7, 4), (30, 8)):
            await pilot.click(field, offset=(cell, 0))
            assert field.cursor_position == index, cell


@sync
async def test_a_value_with_nothing_to_escape_is_drawn_as_input_draws_it() -> None:
    app = _Fields("Ana Ruiz, naïve 名前")
    async with app.run_test(size=(40, 4)) as pilot:
        mine, theirs = app.query_one("#score", ScoreInput), app.query_one("#plain", Input)
        for field in (mine, theirs):
            field.cursor_position = 12
            assert field._cursor_offset == 12
        app.set_focus(None)
        await pilot.pause()
        assert list(mine.render_line(0)) == list(theirs.render_line(0))
        assert not _escapes(mine.render_line(0))


PLAIN = ("", "Ana", "Ana Ruiz, naïve 名前", "e\u0301t\u00e9", "  spaced  ", "x" * 40, "x" * 41)
"""Values with nothing to escape that fit a 40-cell field (``Input`` draws one cell more),
and no value at all (no placeholder)."""


@sync
async def test_a_plain_value_that_fits_is_drawn_at_once_exactly_as_input_draws_it() -> None:
    app = _Fields("")
    async with app.run_test(size=(40, 4)) as pilot:
        mine = app.query_one("#score", ScoreInput)
        app.set_focus(None)
        for value in PLAIN:
            mine.value = value
            await pilot.pause()
            quick = mine._plain_line()
            assert quick is not None, value
            assert list(quick) == list(Input.render_line(mine, 0)), value
            assert list(mine.render_line(0)) == list(quick)


@sync
async def test_a_value_that_does_not_fit_or_a_placeholder_is_left_to_input() -> None:
    app = _Fields("")
    async with app.run_test(size=(40, 4)) as pilot:
        mine, theirs = app.query_one("#score", ScoreInput), app.query_one("#plain", Input)
        app.set_focus(None)
        mine.placeholder = theirs.placeholder = "a placeholder"
        for value in ("", "x" * 42, "名" * 30, "a long title " * 5):
            for field in (mine, theirs):
                field.value = value
            await pilot.pause()
            assert mine._plain_line() is None, value
            assert list(mine.render_line(0)) == list(theirs.render_line(0)), value
        mine.value = "Ana"
        mine.focus()  # the cursor is drawn, Input's way
        await pilot.pause()
        assert list(mine.render_line(0)) == list(Input.render_line(mine, 0))
        assert list(mine.render_line(0)) != list(mine._plain_line() or [])


class _Shown(App[None]):
    CSS = "ScoreField { width: 12; }"

    def __init__(self) -> None:
        super().__init__()
        self.changed: list[str | None] = []

    def on_input_changed(self, event: Input.Changed) -> None:
        self.changed.append(event.input.id)

    def compose(self) -> ComposeResult:
        yield ScoreField(id="shown", compact=True)
        yield ScoreField(id="set", compact=True)


def _state(field: ScoreField) -> tuple[object, ...]:
    return (
        field.value,
        field.selection,
        field.cursor_position,
        field.virtual_size,
        field.scroll_offset,
        field.classes,
        list(field.render_line(0)),
    )


@sync
async def test_showing_a_value_leaves_the_field_as_setting_it_does_without_a_message() -> None:
    app = _Shown()
    async with app.run_test(size=(40, 4)) as pilot:
        shown, typed = app.query_one("#shown", ScoreField), app.query_one("#set", ScoreField)
        app.set_focus(None)
        values = ("lights 14", "", "a cue longer than the field is wide", "4", "Ana\x1bRuiz", "8")
        for value in values:
            typed.value = value
            shown.show(value)
            await pilot.pause()
            assert _state(shown) == _state(typed), value
        shown.focus()  # the form is bound while a field is focused after an undo
        await pilot.pause()
        shown.cursor_position = typed.cursor_position = 1
        for value in ("a cue longer than the field is wide", "ab"):
            shown.show(value)
            typed.value = value
            await pilot.pause()
            assert _state(shown)[:5] == _state(typed)[:5], value
        assert app.changed.count("shown") == 1  # the first value only, set as Input sets it
        assert app.changed.count("set") == len(values) + 2


class _Tinted(App[None]):
    CSS = """
    .tinted { background: darkred; color: yellow; }
    .tinted ScoreInput { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="row"):
            yield ScoreInput("Ana Ruiz", id="score", compact=True)


@sync
async def test_a_plain_value_follows_every_change_of_style_around_it() -> None:
    app = _Tinted()
    async with app.run_test(size=(40, 4)) as pilot:
        field, row = app.query_one(ScoreInput), app.query_one("#row")
        app.set_focus(None)
        for change in (
            lambda: row.add_class("tinted"),
            lambda: row.remove_class("tinted"),
            lambda: setattr(row.styles, "background", "darkblue"),
            lambda: setattr(app, "theme", "textual-light"),
            lambda: setattr(field, "disabled", True),
        ):
            field.render_line(0)
            change()
            await pilot.pause()
            assert list(field.render_line(0)) == list(Input.render_line(field, 0))
