"""A notes area applies its CSS to its theme only when its styles change, and its
colours are always those a fresh application of the CSS would give."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from conftest import sync
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.widgets import Input
from textual.widgets.text_area import TextAreaTheme

from choreo_tui.widgets.notes_area import NotesArea

STYLES = (
    "base_style",
    "gutter_style",
    "cursor_style",
    "cursor_line_style",
    "cursor_line_gutter_style",
    "bracket_matching_style",
    "selection_style",
)


class Notes(App[None]):
    CSS = """
    .tinted NotesArea { background: darkred; color: yellow; }
    .tinted NotesArea > .text-area--cursor { background: green; }
    """

    def compose(self) -> ComposeResult:
        yield Input(id="before")
        with Vertical(id="holder"):
            yield NotesArea("check in after the kiss\nleft side", id="notes")


def _drawn(area: NotesArea) -> dict[str, Any]:
    area.render_lines(Region(0, 0, area.size.width, area.size.height))
    return {name: getattr(area._theme, name) for name in STYLES}


def _fresh(area: NotesArea) -> dict[str, Any]:
    builtin = TextAreaTheme.get_builtin_theme(area._theme.name)
    assert builtin is not None
    theme = dataclasses.replace(builtin)  # as TextArea makes its own theme
    theme.apply_css(area)
    return {name: getattr(theme, name) for name in STYLES}


@sync
async def test_notes_colours_follow_every_change_of_style() -> None:
    app = Notes()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        area = app.query_one(NotesArea)
        holder = app.query_one("#holder")
        seen = []
        steps: list[tuple[str, Callable[[], object]]] = [
            ("start", lambda: None),
            ("focused", area.focus),
            ("left", app.query_one("#before").focus),
            ("tinted", lambda: holder.add_class("tinted")),
            ("focused, tinted", area.focus),
            ("untinted", lambda: holder.remove_class("tinted")),
            ("disabled", lambda: setattr(holder, "disabled", True)),
            ("enabled", lambda: setattr(holder, "disabled", False)),
            ("light theme", lambda: setattr(app, "theme", "textual-light")),
        ]
        for name, step in steps:
            step()
            await pilot.pause()
            drawn = _drawn(area)
            assert drawn == _fresh(area), name
            _drawn(area)  # a second draw, from what the first applied
            assert _drawn(area) == drawn, name
            seen.append(drawn["base_style"])
        assert len(set(seen)) >= 3, "the steps changed no colour: the test shows nothing"


@sync
async def test_an_unchanged_area_does_not_apply_its_css_again() -> None:
    app = Notes()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        area = app.query_one(NotesArea)
        applied: list[int] = []
        original = TextAreaTheme.apply_css

        def counted(theme: TextAreaTheme, text_area: Any) -> None:
            applied.append(1)
            original(theme, text_area)

        TextAreaTheme.apply_css = counted  # type: ignore[method-assign,assignment]
        try:
            _drawn(area)
            area.load_text("a new beat's notes")
            _drawn(area)
        finally:
            TextAreaTheme.apply_css = original  # type: ignore[method-assign]
        assert applied == []
