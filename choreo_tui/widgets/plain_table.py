"""A DataTable of plain words that draws its cells itself.

DataTable draws each cell through Rich (a ``Padding`` in a ``Styled``, a console
render, about a tenth of a millisecond a cell), works out the header's style and
the table's background for every line of every row, and measures every new cell
when idle. The beat form's parts table gets new rows on every move to another beat,
so that was most of what a move cost after the layout passes were gone. A
``PlainTable`` whose cells are plain words (no markup styles, no tabs), whose
columns have set widths and whose rows say their heights draws the same lines with
none of that; anything else goes the DataTable way. ``tests/test_parts_cells.py``
holds every cell, every row line and the size equal to DataTable's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Self

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class PlainTable(DataTable[str | Text]):
    """A row-cursor DataTable that draws plain-word cells itself, exactly as DataTable would."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._wrapped: dict[tuple[str, int], list[str]] = {}
        """Words wrapped to a width, kept until the table is cleared."""

    def clear(self, columns: bool = False) -> Self:
        """Clear the table (and the words wrapped for its old rows)."""
        self._wrapped.clear()
        return super().clear(columns)

    def size_now(self) -> None:
        """Work out the size of what the table scrolls over now, if rows were added.

        DataTable does it when idle, which may come after the frame: then the
        scrollbar follows new rows, and the cursor is scrolled into view, one frame
        later. A table given new rows on every move works it out at once.
        """
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            added = set(self._new_rows)
            self._new_rows.clear()
            self._update_dimensions(added)

    def _wrap(self, text: Text, width: int) -> list[str]:
        """``text`` wrapped to ``width`` cells as Rich wraps a cell, one string a line."""
        plain = text.plain
        if "\n" not in plain and cell_len(plain) <= width:
            return [plain]  # a line that fits is its own wrap (most parts' words)
        key = (plain, width)
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
