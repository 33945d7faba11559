"""Input fields for score text: every control or bidi character shown where it is.

Score text is untrusted: a performer's name may hold ESC, a bidi override or a
newline. Textual's ``Input`` draws the value as it is, and the app's last guard
(``choreo_tui.terminal_filter``) drops those characters from the screen: safe, but
"Ana\\x1bRuiz" then looked exactly like "AnaRuiz", and a coordinator had no way to
see that the name on file is not the name on the screen.

``ScoreInput`` shows each such character as the escape the rest of the app shows
(``notation.terminal.safe_line``: ``\\x1b``, ``\\u202e``, ``\\x0a``), in reverse video
so that it never reads as typed text, while the value stays exactly as it is. The
escape is one character of the value: the cursor steps over it whole, backspace
removes it whole, and nothing is changed unless the coordinator changes it. A value
without such characters is drawn by ``Input`` itself, unchanged.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Input

from choreo_tui.widgets.field import Field
from notation.terminal import safe_line

ESCAPE = Style(reverse=True)
"""How an escaped character is drawn: apart from typed text, in colour or not."""


class _Shown:
    """A value as drawn: each character's escape (itself when safe) and where it starts."""

    def __init__(self, value: str) -> None:
        self.value = value
        self.pieces = [safe_line(char) for char in value]
        self.starts = [0]
        for piece in self.pieces:
            self.starts.append(self.starts[-1] + len(piece))

    def text(self, escape_style: Style) -> Text:
        """The value with each escape styled apart from the text around it."""
        text = Text(no_wrap=True, overflow="ignore", end="")
        for char, piece in zip(self.value, self.pieces, strict=True):
            text.append(piece, escape_style if piece != char else None)
        return text

    def cells_before(self, position: int) -> int:
        """Cells drawn before the value's ``position``."""
        return cell_len("".join(self.pieces[:position]))

    def index_at(self, cells: int) -> int:
        """The value's index drawn at ``cells`` from its start (the end when past it)."""
        offset = 0
        for index, piece in enumerate(self.pieces):
            width = cell_len(piece)
            if offset <= cells < offset + width:
                return index
            offset += width
        return len(self.pieces)


class ScoreInput(Input):
    """An ``Input`` for score text that shows control and bidi characters escaped.

    The value is never changed by showing it; only its drawing differs, and only
    when it holds such a character.
    """

    _drawn: _Shown | None = None
    _drawn_for: str | None = None

    def _shown(self) -> _Shown | None:
        """The value as drawn, or None when ``Input`` draws it (nothing to escape)."""
        value = self.value
        if self.password:
            return None
        if value != self._drawn_for:
            # One scan of the value per change: the beat form sets its fields on every move.
            self._drawn_for = value
            self._drawn = _Shown(value) if safe_line(value) != value else None
        return self._drawn

    @property
    def _value(self) -> Text:
        """The value as drawn (``Input`` measures its width with this)."""
        shown = self._shown()
        if shown is None:
            return super()._value
        return shown.text(ESCAPE)

    def _position_to_cell(self, position: int) -> int:
        """The cell where the value's ``position`` is drawn (for the cursor and scrolling)."""
        shown = self._shown()
        if shown is None:
            return super()._position_to_cell(position)
        return shown.cells_before(position)

    def _cell_offset_to_index(self, offset: int) -> int:
        """The value's index under a click ``offset`` cells into the field."""
        shown = self._shown()
        if shown is None:
            return super()._cell_offset_to_index(offset)
        scroll_x, _ = self.scroll_offset
        return shown.index_at(offset + scroll_x)

    def render_line(self, y: int) -> Strip:
        """``Input``'s line, with the cursor and selection over whole escapes.

        A suggester's completion is not drawn while the value holds an escape (no
        field for score text has one).
        """
        shown = self._shown()
        if shown is None and y == 0 and not self.has_focus and self.highlighter is None:
            plain = self._plain_line()
            if plain is not None:
                return plain
        if shown is None or y != 0:
            return super().render_line(y)
        result = self._value
        starts = shown.starts
        if self.has_focus:
            if not self.selection.is_empty:
                start, end = sorted(self.selection)
                style = self.get_component_rich_style("input--selection")
                result.stylize_before(style, starts[start], starts[end])
            if self._cursor_visible:
                cursor = self.cursor_position
                if self.cursor_at_end:
                    result.pad_right(1)
                    begin, finish = len(result) - 1, len(result)
                else:
                    begin, finish = starts[cursor], starts[cursor + 1]
                result.stylize(self.get_component_rich_style("input--cursor"), begin, finish)
        console = self.app.console
        width = self.scrollable_content_region.width
        strip = Strip(
            console.render(result, self.app.console_options.update_width(self.content_width))
        )
        scroll_x, _ = self.scroll_offset
        strip = strip.crop(scroll_x, scroll_x + width + 1).extend_cell_length(width + 1)
        return strip.apply_style(self.rich_style)

    def _plain_line(self) -> Strip | None:
        """The line ``Input`` draws for a value that fits, unfocused; None when it does not fit
        (or is empty with a placeholder to show).

        The beat form draws two or three fields on every move to another beat, and
        ``Input`` makes each line through a Rich ``Text``, a console render and three
        strips. A value with nothing to escape that fits the field unscrolled is its
        text then spaces, in the field's style: built here at once, the same segments.
        An empty field with no placeholder (the beat form's) is spaces alone.
        """
        value = self.value
        if (not value and self.placeholder) or self.password or self.scroll_offset.x:
            return None
        width = self.scrollable_content_region.width + 1
        used = cell_len(value)
        if used > width:
            return None
        # An empty value with no placeholder is drawn as spaces alone, in one segment.
        style = self._plain_style()
        segments = [Segment(value, style)] if value else []
        if used < width:
            segments.append(Segment(" " * (width - used), style))
        return Strip(segments, width)

    _style_for: object = None
    _style: Style | None = None

    def _plain_style(self) -> Style:
        """``rich_style``, worked out again only when Textual works out ``visual_style`` again.

        Both come from the same walk up every ancestor's colours and text style, which
        Textual repeats for ``rich_style`` on every call; ``visual_style`` it keeps until
        the styles change (``notify_style_update``), as every ``Static`` relies on.
        """
        visual = self.visual_style
        if self._style is None or self._style_for is not visual:
            self._style_for, self._style = visual, self.rich_style
        return self._style


class ScoreField(ScoreInput, Field):
    """A ``Field`` (fixed size, no layout pass as its text changes) for score text."""

    def show(self, value: str) -> None:
        """Show ``value`` as the field's text: what setting ``value`` does, without the
        ``Changed`` message.

        The beat form shows the next beat's values on every move and drops those
        messages (they are not typing), yet ``Input`` built and validated one for each
        field, and measured the text twice over. A field with no validators, suggester
        or automatic size needs only its new text measured, its selection kept within
        it, and a repaint. The first value, which also puts the cursor at the end, is
        set as ``Input`` sets it.
        """
        if value == self.value:
            return
        if self._initial_value or self.validators or self.suggester or self.styles.auto_dimensions:
            self.value = value
            return
        self.set_reactive(Input.value, value)
        size = Size(self.content_width, 1)
        if size != self.virtual_size:
            self.virtual_size = size  # which repaints the field
        else:
            self.refresh()
        start, end = self.selection
        if max(start, end) > len(value):
            self.selection = self.selection  # kept within the new text, as Input keeps it
