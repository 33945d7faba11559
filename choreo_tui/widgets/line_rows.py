"""The rows of a ``LineTable``: wrapped once when given, drawn line by line with the
scrollbar in their own lines, scrolled as DataTable scrolled its cursor into view.

``LineTable`` (``line_table.py``) adds DataTable's keys and the mouse.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Spacing
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip

Row = tuple[str, list[str], list[str]]
"""A row: its key, its first cell's lines and its second cell's lines."""


class Frame(NamedTuple):
    """What every line of one frame shares."""

    base: Style
    """The widget's own style."""
    width: int
    room: int
    """Cells for the rows (the width less the scrollbar's)."""
    bar: list[Segment]
    """The scrollbar, a segment a line (empty when the rows fit)."""


class LineRows(ScrollView):
    """Two columns of plain words under a header, one row highlighted, drawn as DataTable
    draws a row-cursor table (its CSS is DataTable's).

    Subclasses set ``LABELS`` and ``FIRST_WIDTH``; the second column takes the width
    left (room for a scrollbar kept), and its words wrap to it.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-table--cursor",
        "line-table--hover",
        "line-table--header",
        "line-table--header-hover",
    }

    # DataTable's own rules, for the parts of it this table draws.
    DEFAULT_CSS = """
    LineRows {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        overflow: hidden hidden;
        &:focus {
            background-tint: $foreground 5%;
            & > .line-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .line-table--header {
                background-tint: $foreground 5%;
            }
        }
        & > .line-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .line-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .line-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .line-table--header-hover {
            background: $accent 30%;
        }
        & > .line-table--hover {
            background: $block-hover-background;
        }
    }
    """

    LABELS: ClassVar[tuple[str, str]] = ("", "")
    FIRST_WIDTH: ClassVar[int] = 10
    PADDING: ClassVar[int] = 1
    """Blank cells either side of each cell's words."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._given: list[tuple[str, str, str]] = []
        self._rows: list[Row] = []
        self._tops: list[int] = []
        """Where each row starts, in lines below the header."""
        self._lines = 0
        self._second_width = 0
        self.cursor_row = 0
        self.hover_row = 0
        self._hovering = False
        """The hover highlight shows (the mouse moved over the rows since the last key)."""
        self._top = 0
        """How many lines of rows are scrolled off above."""
        self._bar_mouse: str | None = None
        """None, or "over" / "grabbed" while the mouse is on the scrollbar / drags it."""
        self._grab: tuple[int, int] = (0, 0)
        """Where a drag of the scrollbar started: the screen line and the top then."""
        self._strips: dict[tuple[object, ...], Strip] = {}
        """Lines of rows drawn, by what they show (cleared with new rows or styles)."""
        self._bar: dict[tuple[object, ...], list[Segment]] = {}
        """The scrollbar's lines as last drawn, by what they depend on."""
        self._looks_by_base: dict[Style, dict[str, Style]] = {}
        self._frame: Frame | None = None  # what every line of the frame drawn shares

    # ----- rows ----------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the table holds."""
        return len(self._rows)

    def row_keys(self) -> list[str]:
        """Every row's key, top to bottom."""
        return [row[0] for row in self._rows]

    def cells(self, key: str) -> tuple[str, str]:
        """The two cells of the row with ``key``, as given (KeyError when there is none)."""
        for given in self._given:
            if given[0] == key:
                return given[1], given[2]
        raise KeyError(key)

    def set_rows(self, rows: list[tuple[str, str, str]], cursor: int = 0) -> None:
        """Show ``rows`` ((key, first, second), words already made safe for the screen),
        from the top, with the cursor on row ``cursor`` (clamped)."""
        self._given = rows
        self._wrap_rows()
        self._top = 0
        self.hover_row = 0
        self.cursor_row = max(0, min(cursor, len(self._rows) - 1))
        self._scroll_cursor_into_view()
        self.refresh()

    def _wrap_rows(self) -> None:
        self._second_width = self._fit_second()
        self._rows, self._tops, top = [], [], 0
        for key, first, second in self._given:
            row = (key, self._wrap(first, self.FIRST_WIDTH), self._wrap(second, self._second_width))
            self._rows.append(row)
            self._tops.append(top)
            top += max(len(row[1]), len(row[2]))
        self._lines = top
        self._strips.clear()

    def _fit_second(self) -> int:
        """The second column's width: what is left, with room for the scrollbar."""
        used = self.FIRST_WIDTH + 4 * self.PADDING + self.styles.scrollbar_size_vertical
        return max(20, self.size.width - used)

    def _wrap(self, words: str, width: int) -> list[str]:
        """``words`` wrapped to ``width`` cells as Rich wraps a table cell."""
        if "\n" not in words and cell_len(words) <= width:
            return [words]
        return [line.plain for line in Text(words).wrap(self.app.console, width)] or [""]

    def row_height(self, row: int) -> int:
        """How many lines row ``row`` wraps to."""
        _, first, second = self._rows[row]
        return max(1, len(first), len(second))

    @property
    def column_widths(self) -> tuple[int, int]:
        """The two columns' widths, words only (each cell adds ``PADDING`` both sides)."""
        return self.FIRST_WIDTH, self._second_width

    @property
    def first_line(self) -> int:
        """How many lines of rows are scrolled off above."""
        return self._top

    @property
    def scrolls(self) -> bool:
        """True when the rows are more than the room: the scrollbar shows."""
        return 1 + self._lines > self.size.height

    # ----- scrolling -----------------------------------------------------------------

    @property
    def _room(self) -> int:
        """Lines for rows under the header."""
        return max(0, self.size.height - 1)

    @property
    def _max_top(self) -> int:
        return max(0, 1 + self._lines - self.size.height)

    def _scroll_top_to(self, top: int) -> None:
        top = max(0, min(top, self._max_top))
        if top != self._top:
            self._top = top
            self.refresh()

    def _scroll_cursor_into_view(self) -> None:
        # As Widget.scroll_to_region scrolls to DataTable's row region, below its header.
        if not self._rows or not self.size.height:
            return
        window = Region(0, self._top, 1, self.size.height).shrink(Spacing(1, 0, 0, 0))
        region = Region(0, 1 + self._tops[self.cursor_row], 1, self.row_height(self.cursor_row))
        if region.contains_region(window):
            return
        delta = Region.get_scroll_to_visible(window, region)
        self._scroll_top_to(self._top + delta.y)

    def on_resize(self, event: events.Resize) -> None:
        """Wrap the rows to the new width; keep the scroll in range."""
        if self._fit_second() != self._second_width:
            self._wrap_rows()
        self._strips.clear()
        self._top = max(0, min(self._top, self._max_top))
        self.refresh()

    def notify_style_update(self) -> None:
        """Styles changed (focus, theme): draw every line again."""
        super().notify_style_update()
        self._strips.clear()
        self._bar.clear()
        self._looks_by_base.clear()
        self.refresh()

    # ----- drawing -------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """Work out once per frame what every line shares (the widget's style is a walk
        up its ancestors each time it is read), then draw the lines."""
        self._frame = self._frame_now()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def _frame_now(self) -> Frame:
        base = self.rich_style
        width = self.size.width
        bar = self.styles.scrollbar_size_vertical if self.scrolls else 0
        return Frame(base, width, max(0, width - bar), self._bar_lines(base, bar))

    def render_line(self, y: int) -> Strip:
        """Line ``y``: the header, a line of a row or blank, then the scrollbar."""
        frame = self._frame or self._frame_now()
        if y == 0:
            row, line = -1, 0
        else:
            row, line = self._row_at(y - 1 + self._top)
        hover = self._hovering and row == self.hover_row
        cursor = row == self.cursor_row
        key = (row, line, cursor, hover, frame.base, frame.room)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._content(row, line, cursor, hover, frame.base, frame.room)
            self._strips[key] = strip
        if frame.bar:
            last = frame.bar[y] if y < len(frame.bar) else frame.bar[-1]
            strip = Strip([*strip, last], frame.width)
        return strip

    def _row_at(self, v: int) -> tuple[int, int]:
        """(row, line in it) at line ``v`` below the header; row -2 past the last row."""
        if v >= self._lines or not self._rows:
            return -2, 0
        low, high = 0, len(self._tops) - 1
        while low < high:  # the last row starting at or above v
            mid = (low + high + 1) // 2
            if self._tops[mid] <= v:
                low = mid
            else:
                high = mid - 1
        return low, v - self._tops[low]

    def _content(
        self, row: int, line: int, cursor: bool, hover: bool, base: Style, room: int
    ) -> Strip:
        """The words part of a line, styled as DataTable styles its cells and the rest."""
        if row == -2:
            return Strip.blank(room, base)
        component = Style()
        looks = self._looks(base)
        if row == -1:
            row_style = looks["header"]
            cells = self.LABELS
            if hover:
                component += looks["hover"] + looks["header-hover"]
        else:
            row_style = base
            _, first, second = self._rows[row]
            cells = (
                first[line] if line < len(first) else "",
                second[line] if line < len(second) else "",
            )
            if hover:
                component += looks["hover"]
            if cursor:
                component += looks["cursor"]
        # DataTable lets the CSS colours of the cursor and hover win over a cell's own.
        post = Style.from_color(component.color, component.bgcolor)
        edge = " " * self.PADDING
        widths = (self.FIRST_WIDTH, self._second_width)
        # Each cell and the rest of the line carry DataTable's meta: nothing reads it
        # here, but pieces of different meta stay apart, so the screen (and the SVG of
        # a snapshot) is cut into the very same pieces as before.
        segments = [
            Segment(
                f"{edge}{words}{' ' * max(0, width - cell_len(words))}{edge}",
                row_style + Style.from_meta({"row": row, "column": column}) + component + post,
            )
            for column, (words, width) in enumerate(zip(cells, widths, strict=True))
        ]
        used = sum(widths) + 4 * self.PADDING
        if room > used:
            rest = Style.from_meta({"row": row, "column": 0, "out_of_bounds": True})
            segments.append(Segment(" " * (room - used), row_style + component + rest))
        return Strip(segments).crop_extend(0, room, base).simplify()

    def _looks(self, base: Style) -> dict[str, Style]:
        """The header's, hover's and cursor's styles under the widget's ``base`` style."""
        looks = self._looks_by_base.get(base)
        if looks is None:
            looks = {
                "header": self.get_component_styles("line-table--header").rich_style,
                "hover": self.get_component_rich_style("line-table--hover"),
                "header-hover": self.get_component_rich_style("line-table--header-hover"),
                "cursor": self.get_component_rich_style("line-table--cursor"),
            }
            self._looks_by_base = {base: looks}
        return looks

    def _bar_lines(self, base: Style, bar: int) -> list[Segment]:
        """The scrollbar's lines (none when the rows fit), as Textual's ``ScrollBar``
        draws them in the colours it takes from this widget."""
        if not bar:
            return []
        height = self.size.height
        key = (self._bar_mouse, base, height, 1 + self._lines, self._top, bar)
        lines = self._bar.get(key)
        if lines is not None:
            return lines
        styles = self.styles
        if self._bar_mouse == "grabbed":
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self._bar_mouse == "over":
            background, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            background = self.background_colors[0] + background
        color = background + color
        window = height if height < 1 + self._lines else 0
        segments = ScrollBarRender.render_bar(
            size=height,
            virtual_size=1 + self._lines,
            window_size=window,
            position=int(self._top * 8) / 8,
            thickness=bar,
            vertical=True,
            back_color=background.rich_color,
            bar_color=color.rich_color,
        ).segments
        # Where the bar's pieces say no colour, the widget's own shows (a track).
        fore = Style(color=base.color, bgcolor=base.bgcolor)
        lines = [
            Segment(s.text, fore + s.style.clear_meta_and_links()) if s.style else s
            for s in segments
        ] or [Segment(" " * bar, base)]
        self._bar = {key: lines}
        return lines

    # ----- the cursor ----------------------------------------------------------------

    def _move(self, row: int) -> None:
        """Put the cursor on ``row`` (clamped) and scroll it into view."""
        row = max(0, min(row, len(self._rows) - 1))
        if row != self.cursor_row:
            self.cursor_row = row
            self.refresh()
        self._scroll_cursor_into_view()

    def _keyed(self) -> None:
        """A key was pressed: the hover highlight goes, as DataTable's does."""
        if self._hovering:
            self._hovering = False
            self.refresh()
