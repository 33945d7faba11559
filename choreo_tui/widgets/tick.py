"""Ticks whose state shows as a mark, not by colour alone.

Textual's Checkbox and SelectionList draw the same "X" for on and off and let
the colour tell them apart; these draw the state itself.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList

ON, OFF = "✓", " "


class TickBox(Checkbox):
    """A checkbox showing ✓ when ticked and a blank when not."""

    MARK_ON: str = ON
    MARK_OFF: str = OFF

    # Textual reads the glyph from this class attribute; a property makes it follow the value.
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """The glyph inside the box: the state as a mark."""
        return self.MARK_ON if self.value else self.MARK_OFF


class Tick(TickBox):
    """A checkbox that reads ``[x] simulated`` when on and ``[ ] simulated`` when off."""

    BUTTON_LEFT = "["
    BUTTON_RIGHT = "]"
    MARK_ON = "x"


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
