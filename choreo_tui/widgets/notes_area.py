"""A few lines for notes: a ``TextArea`` that wraps, that Tab leaves, and that says when it is left.

Notes in rehearsal run to sentences and lists ("check in after the kiss; Maya
prefers the left side"), so one short line hid most of what was typed. The area
wraps words (no sideways scrolling), has no line numbers, and Tab and shift+Tab
move focus as in every other field: Enter is a new line here, so leaving the
area (Tab, Escape to the list, a click elsewhere) is what applies it. Its text is
the score's own string: what is drawn elsewhere goes through
``notation.terminal.safe`` there, never here, so editing never changes the text.

Notes that hold a control or bidi character (untrusted text: ESC, a right-to-left
override) cannot be edited as they are: drawn raw they would reach the terminal, and
the app's last guard would drop them from the screen, so "check in\\x1b[2J" looked
like "check in". Such notes are **held**: the area shows them escaped
(``notation.terminal.safe``), each escape in reverse video, read-only, and ``value``
stays the exact text. Typing there says why nothing happens; ctrl+r drops those
characters (and nothing else) and makes the notes editable again, an edit the form
applies like any other. Forms read ``value``, never ``text``: in a held area ``text``
is the escaped drawing.

Notes shown while the area is not focused (the beat form shows the next beat's notes
on every move) **wait**: ``TextArea`` builds a document, wraps it, moves its cursor
and scrolls it into view for every text it loads, most of a move's cost in the form,
and then draws each line through Rich. Plain notes (nothing held, no tab, not opening
with a bracket the cursor would match) are wrapped the way the area wraps them and
drawn line by line as ``TextArea`` draws them unfocused; they are loaded into the
document when the area is focused or edited, exactly as ``show`` loaded them before.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.document._document import Document, EditResult
from textual.document._edit import Edit
from textual.document._wrapped_document import WrappedDocument
from textual.geometry import Offset, Region, Size, Spacing
from textual.message import Message
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import PseudoClasses, Widget
from textual.widgets import TextArea
from textual.widgets.text_area import TextAreaTheme

from choreo_tui.widgets.fixed_size import follow_content, vertical_scrollbar
from notation.terminal import safe

BRACKETS = "()[]{}"
"""Characters ``TextArea`` matches with their partner when its cursor is on one."""

EDITING_KEYS = frozenset({"enter", "backspace", "delete", "ctrl+d", "ctrl+w", "ctrl+u", "ctrl+k"})
"""Keys that would change an editable area's text (printable characters besides)."""


def hidden_spans(text: str) -> tuple[str, dict[int, list[tuple[int, int]]]]:
    """``text`` escaped, and where each escape sits: line -> (start, end) columns."""
    if safe(text) == text:
        return text, {}  # nearly all notes: one scan, not a call per character
    pieces: list[str] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    line = column = 0
    for char in text:
        piece = safe(char)
        pieces.append(piece)
        if char == "\n":
            line, column = line + 1, 0
            continue
        if piece != char:
            spans.setdefault(line, []).append((column, column + len(piece)))
        column += len(piece)
    return "".join(pieces), spans


def without_hidden(text: str) -> str:
    """``text`` without its control and bidi characters (newlines and tabs kept)."""
    return "".join(char for char in text if safe(char) == char)


class NotesArea(TextArea):
    """A multi-line notes field: wraps, no line numbers, Tab moves on."""

    DEFAULT_CSS = """
    NotesArea { height: 3; min-height: 2; border: none; padding: 0 1; }
    NotesArea:focus { border: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r",
            "drop_hidden",
            "Drop hidden characters",
            id="notes_drop_hidden",
            tooltip="Drop the control characters shown escaped, then edit the notes",
        ),
    ]

    HELP = (
        "Notes: a few lines. Enter starts a new line; Tab or Escape leaves and applies them. "
        "Notes holding control characters are shown escaped and reversed, read-only; "
        "ctrl+r drops those characters so the notes can be edited."
    )

    _held: str | None = None
    """The exact text while it holds control characters (the area shows it escaped)."""

    _escapes: dict[int, list[tuple[int, int]]] = {}  # noqa: RUF012 (replaced, never mutated)
    """Where the escapes of held text sit: line -> (start, end) columns."""

    _waiting: str | None = None
    """Notes shown while the area is not focused, not loaded into its document yet."""

    _waiting_wrap: WrappedDocument | None = None
    """The waiting notes, wrapped as the area wraps its document."""

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
            self._hold(text),
            id=id,
            classes=classes,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
            compact=True,
            placeholder=placeholder,
        )
        self.set_reactive(TextArea.read_only, self._held is not None)

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
        """The exact text, as ``Input.value`` reads (so forms read every field alike)."""
        return self.text if self._held is None else self._held

    @property
    def holds_hidden(self) -> bool:
        """Does the text hold control characters (shown escaped, read-only)?"""
        return self._held is not None

    def _hold(self, text: str) -> str:
        """Remember whether ``text`` must be held; what the area shows for it."""
        shown, self._escapes = hidden_spans(text)
        self._held = text if shown != text else None
        return shown

    def show(self, text: str) -> None:
        """Show ``text`` unless it is already shown (loading resets the cursor and undo)."""
        plain = safe(text) == text  # one scan of the notes per move, not three
        if self.value == text and (self._held is None) == plain:
            return
        if self._may_wait(text, plain):
            self._wait(text)
            return
        self.load_text(self._hold(text))
        self.read_only = self._held is not None

    def _may_wait(self, text: str, plain: bool) -> bool:
        """Can ``text`` (``plain``: with nothing to hold) be shown unloaded, its lines
        drawn as ``TextArea`` draws them?"""
        return (
            not self.has_focus
            and self.is_mounted
            and plain
            and "\t" not in text
            and (text[:1] not in BRACKETS if text else not self.placeholder)
            and self.soft_wrap
            and not self.show_line_numbers
            and not self.highlight_cursor_line
            and self.language is None
            and not self.suggestion
        )

    def _wait(self, text: str) -> None:
        """Show ``text`` without loading it: what ``load_text`` shows, for a fraction of it."""
        if self._held is not None or self.read_only:
            self._held, self._escapes = None, {}
            self.read_only = False
        self._waiting = text
        wrapped = WrappedDocument(Document(text), self.wrap_width, self.indent_width)
        self._waiting_wrap = wrapped
        if self.virtual_size != Size(0, wrapped.height):  # else the scrollbars stay as they are
            self._refresh_size()  # which repaints the area
        else:
            self.refresh()
        # Loading moves the cursor to the start: that scrolls it into view, clears the
        # screen's text selection and puts the terminal's cursor there.
        if self.scroll_offset != (0, 0):
            self.scroll_to_region(
                Region(0, 0, width=3, height=1),
                spacing=Spacing(right=self.gutter_width),
                animate=False,
                force=True,
            )
        self.app.clear_selection()
        x, y, _, _ = self.content_region
        self.app.cursor_position = Offset(x + self.gutter_width, y)

    def _settle(self) -> None:
        """Load waiting notes into the document: the area is about to be used."""
        text = self._waiting
        if text is not None:
            with self.prevent(TextArea.Changed):  # the same notes, not an edit
                self.load_text(text)

    def load_text(self, text: str) -> None:
        """Load ``text`` into the document (whatever was waiting is forgotten)."""
        self._waiting, self._waiting_wrap = None, None
        super().load_text(text)

    @property
    def text(self) -> str:
        """The text shown (waiting notes included); forms read ``value``."""
        return self._waiting if self._waiting is not None else self.document.text

    @text.setter
    def text(self, text: str) -> None:
        self.load_text(text)

    def edit(self, edit: Edit) -> EditResult:
        """Edit the document, loading waiting notes first."""
        self._settle()
        return super().edit(edit)

    def undo(self) -> None:
        """Undo within the document, loading waiting notes first."""
        self._settle()
        super().undo()

    def redo(self) -> None:
        """Redo within the document, loading waiting notes first."""
        self._settle()
        super().redo()

    def _rewrap_and_refresh_virtual_size(self) -> None:
        wrapped = self._waiting_wrap
        if wrapped is None:
            super()._rewrap_and_refresh_virtual_size()
            return
        wrapped.wrap(self.wrap_width, tab_width=self.indent_width)
        self._refresh_size()
        self.refresh()

    def _refresh_size(self) -> None:
        wrapped = self._waiting_wrap
        if wrapped is None:
            super()._refresh_size()
            return
        self.virtual_size = Size(0, wrapped.height)
        self._refresh_scrollbars()

    def render_line(self, y: int) -> Strip:
        """A line of the area: waiting notes are drawn here, the rest by ``TextArea``."""
        wrapped = self._waiting_wrap
        if wrapped is None:
            return super().render_line(y)
        # What TextArea's _render_line draws for a line of plain text, unfocused, the
        # cursor at the start: the wrapped section (the last one of a line ends with
        # the cursor's space), padded in the theme's base style, in the base style.
        theme = self._theme
        base_style = theme.base_style if theme.base_style is not None else self.rich_style
        y_offset = y + self.scroll_offset.y
        if y_offset >= wrapped.height:
            return Strip.blank(self.size.width, base_style)
        line_index, section_index = wrapped._offset_to_line_info[y_offset]
        line = wrapped.document.get_line(line_index) + " "
        cuts = [0, *wrapped.get_offsets(line_index), len(line)]
        section = line[cuts[section_index] : cuts[section_index + 1]]
        # The one strip Strip.extend_cell_length then apply_style would end with.
        width = self.scrollable_content_region.width - self.gutter_width
        used = cell_len(section)
        segments = [Segment(section, base_style)]
        if used < width:
            segments.append(Segment(" " * (width - used), base_style + theme.base_style))
        return Strip(segments, max(used, width))

    def get_line(self, line_index: int) -> Text:
        """A line of the notes, each escape of held text in reverse video."""
        line = super().get_line(line_index)
        for start, end in self._escapes.get(line_index, ()) if self._held is not None else ():
            line.stylize("reverse", start, end)
        return line

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+r is offered only while the notes hold control characters."""
        if action == "drop_hidden":
            return self._held is not None
        return super().check_action(action, parameters)

    def action_drop_hidden(self) -> None:
        """Drop the held text's control characters; the notes become editable."""
        if self._held is None:
            return
        kept = without_hidden(self._held)
        self._held, self._escapes = None, {}
        self.read_only = False
        self.load_text(kept)
        self.move_cursor(self.document.end)
        self.post_message(self.Changed(self))
        self.refresh_bindings()

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Held notes take the editing keys (answering them), as editable notes do."""
        typed = character is not None and character.isprintable()
        if self._held is not None and (key in EDITING_KEYS or typed):
            return True
        return super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if self._held is not None and self.check_consume_key(event.key, event.character):
            # Read-only, the area would let the key through to the screen ('a' adds a
            # beat): it is taken here and answered instead.
            event.stop()
            event.prevent_default()
            self.app.bell()
            self.notify(
                "These notes hold control characters, shown escaped and reversed; they are "
                "kept exactly. Press ctrl+r to drop those characters and edit the notes.",
                severity="warning",
                markup=False,
            )
            return
        await super()._on_key(event)

    def _on_focus(self, event: events.Focus) -> None:
        self._settle()
        # Tabbing in lands after the last word, as in a one-line field: notes are added to.
        self.move_cursor(self.document.end)

    def _on_blur(self, event: events.Blur) -> None:
        self.post_message(self.Left(self))
