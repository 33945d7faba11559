"""One line of plain words that changes on every move: drawn at once when it fits.

The beat form's status line ("Beat 12 of 5000 · ✓ fine · not agreed yet") gets new
words on every move to another beat. As a ``Static`` given a Rich ``Text``, each
move converted the text to Textual's ``Content``, then wrapped, formatted and styled
it in the general way, for one line of plain words. A line that fits the widget is
one segment of its words in the widget's style, with the offset Textual's text
selection reads: built here directly, the same segment. Anything else (a line too
long for the widget, which ``Static`` cuts at a word; a selection; other alignment)
is drawn by ``Static`` itself.

The words are shown as given, never parsed as markup: callers pass text already
made safe (``notation.terminal.safe_line``).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Static


class StatusLine(Static):
    """A one-line ``Static`` of plain words (no markup), cheap to change and draw."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self._words = ""

    @property
    def words(self) -> str:
        """The words shown."""
        return self._words

    def show(self, words: str) -> None:
        """Show ``words`` (one line, already safe); the same words again change nothing."""
        if words == self._words:
            return
        self._words = words
        self.update(words, layout=False)

    def render_line(self, y: int) -> Strip:
        """The line as ``Static`` draws it, made at once when the words fit."""
        words = self._words
        styles = self.styles
        if (
            y == 0
            and self.text_selection is None
            and styles.text_align in ("left", "start")
            and styles.content_align == ("left", "top")
            and not styles.line_pad
            and "\n" not in words
            and "\t" not in words
        ):
            used = cell_len(words)
            if used <= self.size.width:
                style = self.visual_style.rich_style_with_offset(0, 0)
                return Strip([Segment(words, style)], used)
        return super().render_line(y)
