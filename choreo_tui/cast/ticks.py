"""A checkbox and a tick list whose state shows as a mark, not only as a colour.

Textual draws the same "X" for on and off and lets the colour tell them apart;
here "on" is a ✓ and "off" is blank, so the state reads without colour.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList

ON, OFF = "✓", " "


class TickBox(Checkbox):
    """A checkbox showing ✓ when ticked and a blank when not."""

    # Textual reads the glyph from this class attribute; a property makes it follow the value.
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """The glyph inside the box: the state as a mark."""
        return ON if self.value else OFF


class TickList(SelectionList[str]):
    """A selection list showing ✓ beside each ticked row and a blank beside the others."""

    def render_line(self, y: int) -> Strip:
        """Textual's row, with the box's glyph replaced by the row's state."""
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        if len(segments) < 2 or index >= self.option_count:
            return strip
        value = self.get_option_at_index(index).value
        mark = ON if value in self.selected else OFF
        segments[1] = Segment(mark, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)
