"""The parts of the selected beat in one table: touches, placements, barriers, garments
and bare areas, each in plain words, with the mark of any finding on a touch.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowDoesNotExist

from choreo_tui.widgets.fixed_size import follow_content, vertical_scrollbar
from choreo_tui.widgets.plain_table import PlainTable
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


class PartsTable(PlainTable):
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
        super().__init__(id=id)
        self._shown: tuple[Score, Beat | None, list[Finding], int | None] | None = None
        self._words_width = 0
        self._rows: list[tuple[str, str, str]] | None = None
        """The rows shown, as ``part_rows`` gave them (None before the first)."""

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
        self.clear()
        for key, kind, words in rows:
            # Text, not str: DataTable reads str cells as markup, and a "[/" in a name
            # would crash the editor. As many lines as the words wrap to.
            text = Text(safe_line(words))
            self.add_row(kind, text, key=key, height=self._height(kind, text))
        self.size_now()  # not when idle, after the frame: a move is one frame
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
