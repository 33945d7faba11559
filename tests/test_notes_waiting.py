"""Notes shown while the area is not focused wait to be loaded, and look exactly as
loaded notes look; focusing or editing the area loads them as they were shown."""

from __future__ import annotations

from conftest import sync
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Input, TextArea

from choreo_tui.widgets.notes_area import NotesArea

TEXTS = (
    "Café noise under; keep the hold loose.",
    "Ana asked for a reset word between takes.\nAgreed: 'pause'.",
    "",
    "a sentence long enough to wrap over the width of the area, twice or even three times",
    "averyveryverylongwordthatcannotwrapatanyspaceandsomustbefoldedbythearea",
    "one\n\ntwo\nthree\nfour\nfive: more lines than the area shows, so it scrolls",
    "名前 e\u0301 naïve 日本語の文字は二つの升を使う ok",
    "  leading and trailing  \n",
    "ends in a bracket (see above)",
)
"""Plain notes: each waits, and must look as loaded."""


class Areas(App[None]):
    CSS = """
    Horizontal { height: 3; }
    NotesArea { width: 1fr; height: 100%; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.changed: list[str | None] = []

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.changed.append(event.text_area.id)

    def compose(self) -> ComposeResult:
        yield Input(id="elsewhere")
        with Horizontal():
            yield NotesArea(id="waiting")
            yield NotesArea(id="loaded")


def _lines(area: NotesArea) -> list[Strip]:
    return area.render_lines(Region(0, 0, area.size.width, area.size.height))


@sync
async def test_waiting_notes_look_exactly_as_loaded_notes() -> None:
    app = Areas()
    async with app.run_test(size=(70, 6)) as pilot:
        waiting, loaded = app.query_one("#waiting", NotesArea), app.query_one("#loaded", NotesArea)
        for text in (*TEXTS, TEXTS[0]):
            waiting.show(text)
            loaded.load_text(text)
            await pilot.pause()
            assert waiting._waiting == text, text  # drawn unloaded
            assert waiting.value == waiting.text == loaded.value == text
            assert _lines(waiting) == _lines(loaded), text
            assert waiting.virtual_size == loaded.virtual_size, text
            assert waiting.show_vertical_scrollbar == loaded.show_vertical_scrollbar, text
            for area in (waiting, loaded):
                area.scroll_to(y=1, animate=False, immediate=True)
            await pilot.pause()
            assert waiting.scroll_offset == loaded.scroll_offset, text
            assert _lines(waiting) == _lines(loaded), text


@sync
async def test_waiting_notes_follow_a_new_width() -> None:
    app = Areas()
    async with app.run_test(size=(70, 6)) as pilot:
        waiting, loaded = app.query_one("#waiting", NotesArea), app.query_one("#loaded", NotesArea)
        waiting.show(TEXTS[3])
        loaded.load_text(TEXTS[3])
        await pilot.resize_terminal(50, 6)
        await pilot.pause()
        assert waiting._waiting == TEXTS[3]
        assert waiting.virtual_size == loaded.virtual_size
        assert _lines(waiting) == _lines(loaded)


@sync
async def test_notes_that_cannot_wait_are_loaded_at_once() -> None:
    app = Areas()
    async with app.run_test(size=(70, 6)) as pilot:
        waiting = app.query_one("#waiting", NotesArea)
        for text in ("(see above) the bracket is matched", "a\ttab", "held \x1b[2J"):
            waiting.show(text)
            await pilot.pause()
            assert waiting._waiting is None, text
            assert waiting.value == text
        assert waiting.read_only and waiting.holds_hidden
        waiting.show("plain again")  # after held notes: editable again
        assert waiting._waiting == waiting.value == "plain again"
        assert not waiting.read_only and not waiting.holds_hidden
        waiting.focus()
        await pilot.pause()
        waiting.show("shown while focused")
        assert waiting._waiting is None
        assert waiting.document.text == "shown while focused"


@sync
async def test_focusing_waiting_notes_loads_them_to_edit_and_undo() -> None:
    app = Areas()
    async with app.run_test(size=(70, 6)) as pilot:
        waiting = app.query_one("#waiting", NotesArea)
        waiting.show("first notes")
        await pilot.pause()
        waiting.show("Ana asked for a reset word.\nAgreed: 'pause'.")
        await pilot.pause()
        app.changed.clear()
        await pilot.press("tab")  # from the Input into the notes
        assert app.focused is waiting and waiting._waiting is None
        assert waiting.document.text == "Ana asked for a reset word.\nAgreed: 'pause'."
        assert waiting.cursor_location == waiting.document.end  # after the last word
        await pilot.pause()
        assert app.changed == []  # loading the notes shown is not an edit
        await pilot.press("space", "o", "k")
        assert app.changed == ["waiting"] * 3
        assert waiting.value == "Ana asked for a reset word.\nAgreed: 'pause'. ok"
        await pilot.press("ctrl+z")
        assert waiting.value == "Ana asked for a reset word.\nAgreed: 'pause'."
        await pilot.press("ctrl+z")  # nothing before the notes were shown
        assert waiting.value == "Ana asked for a reset word.\nAgreed: 'pause'."


@sync
async def test_an_edit_from_code_loads_waiting_notes_first() -> None:
    app = Areas()
    async with app.run_test(size=(70, 6)) as pilot:
        waiting = app.query_one("#waiting", NotesArea)
        waiting.show("first")
        await pilot.pause()
        waiting.show("second")
        waiting.insert("!", (0, 6))
        await pilot.pause()
        assert waiting.value == "second!"
