"""A table of plain words with a row cursor, drawn line by line (Textual's line API).

The beat form's parts get new rows on every move to another beat. As a ``DataTable``
each move cleared the table and added every row (keys, cells, offsets, caches), drew
each line through DataTable's per-cell machinery, and showed or hid a child
``ScrollBar`` widget, which laid the whole screen out again between a beat whose parts
fit and one whose parts scroll. A ``LineTable`` wraps its rows once when they are
given, draws each line as a few segments, and draws its scrollbar in its own lines:
what a move costs is the words of the new rows, and the screen is never laid out.

It looks and answers as the ``DataTable`` it replaces did: the same styles (its CSS
is DataTable's), the same keys (DataTable's bindings), the same scrolling (the cursor
is scrolled into view as ``Widget.scroll_to_region`` does), the same scrollbar
(Textual's ``ScrollBarRender``, in the colours a ``ScrollBar`` would take), hover and
clicks (a click on the highlighted row selects it). ``tests/test_parts_screens.py``
holds the parts' lines to what the screen showed with the DataTable.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.widgets import DataTable

from choreo_tui.widgets.line_rows import LineRows


class LineTable(LineRows, can_focus=True):
    """A ``LineRows`` with DataTable's keys and mouse; rows say their key, and
    ``selected`` is told which row Enter (or a click on the highlighted row) chose."""

    BINDINGS: ClassVar[list[BindingType]] = list(DataTable.BINDINGS)
    """DataTable's keys, so the keys in force (and the help) are what they were."""

    # ----- keys ----------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        """The row above."""
        self._keyed()
        self._move(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        """The row below."""
        self._keyed()
        self._move(self.cursor_row + 1)

    def action_cursor_left(self) -> None:
        """Nothing to the left of a row (DataTable scrolls sideways: nothing to scroll)."""
        self._keyed()

    def action_cursor_right(self) -> None:
        """Nothing to the right of a row."""
        self._keyed()

    def action_scroll_home(self) -> None:
        """Home scrolls sideways in a row table: nothing to scroll."""
        self._keyed()

    def action_scroll_end(self) -> None:
        """End scrolls sideways in a row table: nothing to scroll."""
        self._keyed()

    def action_scroll_top(self) -> None:
        """The first row."""
        self._keyed()
        self._move(0)

    def action_scroll_bottom(self) -> None:
        """The last row."""
        self._keyed()
        self._move(len(self._rows) - 1)

    def action_page_down(self) -> None:
        """A page down, as DataTable pages: rows filling the room below the header."""
        self._keyed()
        if not self._rows:
            return
        offset = steps = 0
        for row in range(self.cursor_row, len(self._rows)):
            offset += self.row_height(row)
            steps += 1
            if offset > self._room:
                break
        self._scroll_top_to(self._top + self._room)
        self._move(self.cursor_row + steps - 1)

    def action_page_up(self) -> None:
        """A page up, counted as DataTable counts it (from the first row)."""
        self._keyed()
        if not self._rows:
            return
        offset = steps = 0
        for row in range(self.cursor_row + 1):
            offset += self.row_height(row)
            steps += 1
            if offset > self._room:
                break
        self._scroll_top_to(self._top - self._room)
        self._move(self.cursor_row - steps + 1)

    def action_select_cursor(self) -> None:
        """Enter: the highlighted row is chosen."""
        self._keyed()
        if self._rows:
            self.selected(self._rows[self.cursor_row][0])

    def selected(self, key: str) -> None:
        """The row with ``key`` was chosen (Enter, or a click on the highlighted row)."""

    # ----- mouse ---------------------------------------------------------------------

    def _on_bar(self, x: int) -> bool:
        return self.scrolls and x >= self.size.width - self.styles.scrollbar_size_vertical

    def _set_bar_mouse(self, state: str | None) -> None:
        if state != self._bar_mouse:
            self._bar_mouse = state
            self.refresh()

    def _hover(self, on: bool, row: int | None = None) -> None:
        if on != self._hovering or (row is not None and row != self.hover_row):
            self._hovering = on
            if row is not None:
                self.hover_row = row
            self.refresh()

    def _row_under(self, y: int) -> int | None:
        """The row under line ``y`` (-1 the header), None below the last row."""
        if y == 0:
            return -1
        row, _ = self._row_at(y - 1 + self._top)
        return None if row == -2 else row

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Hover highlights the row under the mouse; a grabbed scrollbar drags."""
        if self._bar_mouse == "grabbed":
            start, top = self._grab
            lines = 1 + self._lines
            self._scroll_top_to(int(top + (event.screen_y - start) * lines / self.size.height))
            return
        if self._on_bar(event.x):
            self._set_bar_mouse("over")
            self._hover(False)
            return
        self._set_bar_mouse(None)
        row = self._row_under(event.y)
        if row is None:
            self._hover(False)
        else:
            self._hover(True, row)

    def on_leave(self, event: events.Leave) -> None:
        """The mouse left: no hover highlight."""
        if self._bar_mouse != "grabbed":
            self._set_bar_mouse(None)
        self._hover(False)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """On the scrollbar: a page towards the click, or grab the thumb."""
        if not self._on_bar(event.x):
            return
        event.stop()
        height, lines = self.size.height, 1 + self._lines
        thumb_top = int(height * self._top / lines)
        thumb_end = max(thumb_top + 1, -(-height * (self._top + height) // lines))
        if event.y < thumb_top:
            self._scroll_top_to(self._top - height)
        elif event.y >= thumb_end:
            self._scroll_top_to(self._top + height)
        else:
            self._grab = (event.screen_y, self._top)
            self._set_bar_mouse("grabbed")
            self.capture_mouse()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """Let go of the scrollbar."""
        if self._bar_mouse == "grabbed":
            self.capture_mouse(False)
            self._set_bar_mouse("over" if self._on_bar(event.x) else None)
            event.stop()

    def on_click(self, event: events.Click) -> None:
        """A click highlights a row; a click on the highlighted row chooses it."""
        if self._on_bar(event.x):
            event.stop()
            return
        self._hover(True)  # as DataTable: the hover shows again where the mouse last moved
        row = self._row_under(event.y)
        if row is None or row < 0:
            return
        if row == self.cursor_row:
            self.selected(self._rows[row][0])
        else:
            self._move(row)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel scrolls the rows (not the cursor), as far as they go."""
        if self.scrolls and self._top < self._max_top:
            self._scroll_top_to(self._top + int(self.app.scroll_sensitivity_y))
            event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel scrolls the rows back."""
        if self.scrolls and self._top > 0:
            self._scroll_top_to(self._top - int(self.app.scroll_sensitivity_y))
            event.stop()
