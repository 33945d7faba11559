"""The parts of the selected beat in one table: touches, placements, barriers, garments
and bare areas, each in plain words, with the mark of any finding on a touch.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowDoesNotExist, RowKey

from choreo_tui.widgets.fixed_size import follow_content, vertical_scrollbar
from notation.areas import area_label
from notation.blocking import in_force
from notation.describe import barrier_words, garment_words, placement_words, touch_words
from notation.findings import MARK, Finding, worst
from notation.model import Beat, Score
from notation.terminal import safe_line

PART_KINDS: tuple[tuple[str, str], ...] = (
    ("touch", "a touch"),
    ("placement", "where someone is (stage area, level)"),
    ("barrier", "a barrier between two performers"),
    ("garment", "a modesty garment worn in this beat"),
    ("bare", "a performer's bare areas in this beat"),
)
"""Every kind of part a beat holds, and what it is."""


def part_rows(
    score: Score, beat: Beat, findings: list[Finding], index: int | None = None
) -> list[tuple[str, str, str]]:
    """(key, kind, words) for each part of ``beat``; touch rows carry their finding mark.

    With the beat's 0-based ``index``, placements carried forward from earlier beats
    follow its own, keyed ``carried:BEAT:WHO`` and saying where they come from.
    """
    rows: list[tuple[str, str, str]] = []
    for i, touch in enumerate(beat.touches):
        level = worst([f for f in findings if f.touch == i])
        mark = MARK[level or "ok"]
        rows.append((f"touch:{i}", f"{mark} touch", touch_words(score, touch)))
    for i, placement in enumerate(beat.placements):
        rows.append((f"placement:{i}", "  placed", placement_words(score, placement)))
    if index is not None and 0 <= index < len(score.beats) and score.beats[index] is beat:
        for entry in in_force(score, index):
            if entry.since == index:
                continue
            who = entry.placement.who
            words = placement_words(score, entry.placement)
            rows.append(
                (
                    f"carried:{entry.since}:{who}",
                    "  placed",
                    f"{words} (from beat {entry.since + 1}; Enter moves them in this beat)",
                )
            )
    for i, barrier in enumerate(beat.barriers):
        rows.append((f"barrier:{i}", "  barrier", barrier_words(score, barrier)))
    for i, garment in enumerate(beat.garments):
        rows.append((f"garment:{i}", "  garment", garment_words(score, garment)))
    for who, areas in beat.bare.items():
        words = ", ".join(area_label(a) for a in areas)
        rows.append((f"bare:{who}", "  bare", f"{score.name_of(who)}: {words}"))
    return rows


class PartsTable(DataTable[str | Text]):
    """The selected beat's parts; Enter edits one, + adds one, x removes one."""

    HELP = (
        "The parts of the selected beat. Enter edits the highlighted part, + (or a) adds a "
        "touch, placement, barrier, garment or bare areas, x (or Delete) removes the part. "
        "A placement 'from beat N' is carried forward: Enter on it moves that performer "
        "in this beat (starting from where they stand). "
        "The quick-entry line (t) adds touches fastest."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus,a", "add_part", "Add part", id="part_add"),
        Binding("x,delete", "remove_part", "Remove part", id="part_remove"),
    ]

    class Request(Message):
        """The user asked to add, edit or remove a part (``key`` like ``touch:0``)."""

        def __init__(self, verb: str, key: str | None) -> None:
            super().__init__()
            self.verb = verb
            self.key = key

    KIND_WIDTH = 10

    # Sized by CSS: new rows on a move to another beat repaint the table, never the
    # screen's layout (choreo_tui.widgets.fixed_size).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._shown: tuple[Score, Beat | None, list[Finding], int | None] | None = None
        self._words_width = 0
        self._rows: list[tuple[str, str, str]] | None = None
        """The rows shown, as ``part_rows`` gave them (None before the first)."""
        self._wrapped: dict[tuple[str, int], list[str]] = {}
        """Each cell's words as wrapped to its column, for the rows shown."""

    def watch_virtual_size(self, size: Size) -> None:
        """Fit the scrollbar to the new rows, as a layout pass would."""
        follow_content(self, size)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical scrollbar; showing it takes one layout pass, not two."""
        return vertical_scrollbar(self)

    def on_mount(self) -> None:
        """The two columns."""
        self.add_column("Part", key="kind", width=self.KIND_WIDTH)
        self.add_column("What", key="words")

    def _fit_words(self) -> bool:
        """Give the words column the width left, so its rows wrap rather than run off
        the edge (at 80 columns a touch's words were cut mid-word); True when it changed."""
        # Each column has cell padding both sides; keep room for the vertical scrollbar.
        used = self.KIND_WIDTH + 4 * self.cell_padding + self.styles.scrollbar_size_vertical
        width = max(20, self.size.width - used)
        if width == self._words_width or not self.size.width:
            return False
        self._words_width = width
        column = self.columns[ColumnKey("words")]
        column.width, column.auto_width = width, False
        return True

    def on_resize(self, event: events.Resize) -> None:
        """Rewrap the rows to the new width."""
        if self._fit_words() and self._shown is not None:
            self._rows = None  # wrapped to the old width: draw them again
            self.show(*self._shown)

    def show(
        self,
        score: Score,
        beat: Beat | None,
        findings: list[Finding],
        index: int | None = None,
    ) -> None:
        """Show ``beat``'s parts (none when there is no beat); with its ``index``, also
        the placements it inherits from earlier beats."""
        row = self.cursor_row
        self._shown = (score, beat, findings, index)
        rows = part_rows(score, beat, findings, index) if beat is not None else []
        if not self._fit_words() and rows == self._rows:
            return  # the same rows at the same width: nothing to draw again
        self._rows = rows
        self._wrapped.clear()
        self.clear()
        for key, kind, words in rows:
            # Text, not str: DataTable reads str cells as markup, and a "[/" in a name
            # would crash the editor. As many lines as the words wrap to.
            text = Text(safe_line(words))
            self.add_row(kind, text, key=key, height=self._height(kind, text))
        if self._require_update_dimensions:
            # DataTable works out its size when idle, which may come after the frame:
            # then the scrollbar followed the rows, and the cursor was scrolled into
            # view, one frame later. Worked out now, the move is one frame.
            self._require_update_dimensions = False
            added = set(self._new_rows)
            self._new_rows.clear()
            self._update_dimensions(added)
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def _height(self, kind: str, words: Text) -> int | None:
        """How many lines a row wraps to in its columns (None before the table has a width).

        Said when the row is added: left to DataTable (``height=None``), it renders every
        row's cells once more after the frame to measure them, hidden rows included,
        on every move to another beat.
        """
        if not self._words_width:
            return None
        return max(
            1,
            len(self._wrap(Text(kind), self.KIND_WIDTH)),
            len(self._wrap(words, self._words_width)),
        )

    def _wrap(self, text: Text, width: int) -> list[str]:
        """``text`` wrapped to ``width`` cells as Rich wraps a cell, one string a line."""
        key = (text.plain, width)
        lines = self._wrapped.get(key)
        if lines is None:
            lines = [line.plain for line in text.wrap(self.app.console, width)]
            self._wrapped[key] = lines
        return lines

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        # DataTable renders each cell through Rich (a Padding in a Styled, a console
        # render), about a tenth of a millisecond a cell, and every row is new on a
        # move to another beat. Our cells are plain words: each line is the words
        # wrapped as Rich wraps them, padded to the cell, in the one style Rich would
        # give every piece of it. Anything else goes the DataTable way.
        # tests/test_parts_cells.py holds the two equal.
        plain = self._plain_cell(row_index, column_index)
        if plain is None or self.fixed_rows or self.fixed_columns:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        if row_index == -1:
            height = self.header_height
        else:
            key = self._row_locations.get_key(row_index)
            height = self.rows[key].height if key is not None else 0
            if not height:  # not measured yet: DataTable measures it
                return super()._render_cell(
                    row_index, column_index, base_style, width, cursor, hover
                )
        pad = self.cell_padding
        inner = max(0, width - 2 * pad)
        lines = self._wrap(Text(plain), inner) if height != 1 else [plain]
        if height == 1 and cell_len(plain) > inner:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        component, post = self._get_styles_to_render_cell(
            row_index == -1,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        style = style + component + post
        edge = " " * pad
        out: list[list[Segment]] = []
        for y in range(height):
            text = lines[y] if y < len(lines) else ""
            room = inner - cell_len(text)
            if room < 0:  # a line Rich would cut or fold differently: not ours to guess
                return super()._render_cell(
                    row_index, column_index, base_style, width, cursor, hover
                )
            out.append([Segment(f"{edge}{text}{' ' * room}{edge}", style)])
        return out

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        # After new rows DataTable measures every cell (a Rich measurement each) to
        # widen auto-width columns, and renders rows of unknown height. This table's
        # columns have set widths and its rows say their heights, so only the size of
        # what it scrolls over is left to work out, as DataTable works it out.
        keys = list(new_rows)
        if any(column.auto_width for column in self.columns.values()) or any(
            (row := self.rows.get(key)) is not None and (row.auto_height or row.label is not None)
            for key in keys
        ):
            super()._update_dimensions(keys)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[list[list[Segment]], list[list[Segment]]]:
        # DataTable's row line works out the header's style and the table's background
        # (each a walk up every ancestor) for every line of every row, whether the row
        # needs them or not. A row cursor, no labels and no fixed columns (this table)
        # need neither; the cells and the rest of the line are made as DataTable makes
        # them. tests/test_parts_cells.py holds every line equal to DataTable's.
        if (
            self.cursor_type != "row"
            or self.fixed_columns
            or (self._labelled_row_exists and self.show_row_labels)
        ):
            return super()._render_line_in_row(
                row_key, line_no, base_style, cursor_location, hover_location
            )
        cache_key = (
            row_key,
            line_no,
            base_style,
            cursor_location,
            hover_location,
            self.cursor_type,
            self.show_cursor,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._row_render_cache.get(cache_key)
        if cached is not None:
            return cached
        located = self._row_locations.get(row_key)
        row_index = located if located is not None else -1
        row_style = self._get_row_style(row_index, base_style)
        cursor = cursor_location.row == row_index
        hover = hover_location.row == row_index
        widths = [column.get_render_width(self) for column in self.ordered_columns]
        line: list[list[Segment]] = [
            self._render_cell(row_index, index, row_style, width, cursor=cursor, hover=hover)[
                line_no
            ]
            for index, width in enumerate(widths)
        ]
        extend_style, _ = self._get_styles_to_render_cell(
            row_index == -1,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            False,
            False,
        )
        extend_style = row_style + extend_style
        extend_style += Style.from_meta({"row": row_index, "column": 0, "out_of_bounds": True})
        room = max(0, self.size.width - sum(widths))
        line.append([Segment(" " * room, extend_style)])
        pair: tuple[list[list[Segment]], list[list[Segment]]] = ([], line)
        self._row_render_cache[cache_key] = pair
        return pair

    def _plain_cell(self, row_index: int, column_index: int) -> str | None:
        """The cell's words when they are plain text Rich would draw in one style."""
        if row_index == -1:
            cell: object = self.ordered_columns[column_index].label
        else:
            cell = self.get_row_at(row_index)[column_index]
        if isinstance(cell, str):
            cell = Text.from_markup(cell)
        if not isinstance(cell, Text) or cell.spans or cell.style or "\t" in cell.plain:
            return None
        if cell.justify not in (None, "default") or cell.overflow not in (None, "fold"):
            return None
        return cell.plain

    def highlighted_key(self) -> str | None:
        """The key of the highlighted part, if any."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def select_key(self, key: str) -> None:
        """Highlight the part with ``key`` when it is shown."""
        try:
            self.move_cursor(row=self.get_row_index(key))
        except RowDoesNotExist:  # a part that is gone is simply not highlighted
            return

    def select_kind(self, kind: str) -> None:
        """Highlight the first part of ``kind`` (``bare``, ``barrier``...), when there is one."""
        for index, row in enumerate(self.ordered_rows):
            if str(row.key.value).startswith(f"{kind}:"):
                self.move_cursor(row=index)
                return

    def action_add_part(self) -> None:
        """Ask the editor to add a part."""
        self.post_message(self.Request("add", None))

    def action_remove_part(self) -> None:
        """Ask the editor to remove the highlighted part."""
        key = self.highlighted_key()
        if key is not None:
            self.post_message(self.Request("remove", key))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Nobody above listens: the new rows of every move need not travel up the screen."""
        event.stop()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a part edits it."""
        event.stop()
        self.post_message(self.Request("edit", event.row_key.value))
