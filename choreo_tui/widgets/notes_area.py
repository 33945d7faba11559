"""A few lines for notes: a ``TextArea`` that wraps, that Tab leaves, and that says when it is left.

Notes in rehearsal run to sentences and lists ("check in after the kiss; Maya
prefers the left side"), so one short line hid most of what was typed. The area
wraps words (no sideways scrolling), has no line numbers, and Tab and shift+Tab
move focus as in every other field: Enter is a new line here, so leaving the
area (Tab, Escape to the list, a click elsewhere) is what applies it. Its text is
the score's own string: what is drawn elsewhere goes through
``notation.terminal.safe`` there, never here, so editing never changes the text.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import PseudoClasses, Widget
from textual.widgets import TextArea
from textual.widgets.text_area import TextAreaTheme

from choreo_tui.widgets.fixed_size import follow_content, vertical_scrollbar


class NotesArea(TextArea):
    """A multi-line notes field: wraps, no line numbers, Tab moves on."""

    DEFAULT_CSS = """
    NotesArea { height: 3; min-height: 2; border: none; padding: 0 1; }
    NotesArea:focus { border: none; }
    """

    # Sized by CSS: new notes on a move to another beat repaint the area, never the
    # screen's layout (choreo_tui.widgets.fixed_size).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class Left(Message):
        """The user left the area: its text may be applied."""

        def __init__(self, area: NotesArea) -> None:
            super().__init__()
            self.area = area

        @property
        def control(self) -> NotesArea:
            """The area that was left."""
            return self.area

    def __init__(
        self,
        text: str = "",
        *,
        id: str | None = None,
        classes: str | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__(
            text,
            id=id,
            classes=classes,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
            compact=True,
            placeholder=placeholder,
        )

    _styled: tuple[TextAreaTheme, PseudoClasses] | None = None
    """The theme the area's CSS was last applied to, and the state it was applied in."""

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the area, applying its CSS to its theme only when the styles changed."""
        # TextArea applies its CSS (colours, cursor, selection) to its theme before
        # every render, looking up six component styles each time; on every move to
        # another beat both areas are drawn. The result changes only when the styles
        # do, which Textual signals with notify_style_update (TextArea's own line
        # cache already relies on that), or with a new theme or a change of state.
        theme, state = self._theme, self.get_pseudo_class_state()
        if self._styled is not None and self._styled[0] is theme and self._styled[1] == state:
            return Widget.render_lines(self, crop)
        self._styled = (theme, state)
        return super().render_lines(crop)

    def notify_style_update(self) -> None:
        """Styles changed: apply the CSS to the theme again at the next render."""
        self._styled = None
        super().notify_style_update()

    def watch_virtual_size(self, size: Size) -> None:
        """Fit the scrollbar to the new text, as a layout pass would."""
        follow_content(self, size)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical scrollbar; showing it takes one layout pass, not two."""
        return vertical_scrollbar(self)

    @property
    def value(self) -> str:
        """The text, as ``Input.value`` reads (so forms read every field alike)."""
        return self.text

    def show(self, text: str) -> None:
        """Show ``text`` unless it is already shown (loading resets the cursor and undo)."""
        if self.text != text:
            self.load_text(text)

    def _on_focus(self, event: events.Focus) -> None:
        # Tabbing in lands after the last word, as in a one-line field: notes are added to.
        self.move_cursor(self.document.end)

    def _on_blur(self, event: events.Blur) -> None:
        self.post_message(self.Left(self))
