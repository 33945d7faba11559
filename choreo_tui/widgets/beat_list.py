"""The beat list: one row per beat, drawn only for the rows on screen.

A 5,000-beat score costs the same to show as a 5-beat one: rows are rendered
from the score on demand (Textual's line API), never as a widget per beat.
Each row: status mark (✓ ⚠ ✗), agreement mark (◆ agreed, ◇ lapsed), number,
title, timing and a one-line summary of the touches.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from notation.agreement import is_current
from notation.describe import beat_summary, timing_short
from notation.model import Beat, Score
from notation.terminal import safe_line

AGREED, LAPSED = "◆", "◇"
"""Agreement marks: agreed as it stands, and agreed before the beat changed."""


def agreement_mark(beat: Beat) -> str:
    """◆ when the beat's agreement is current, ◇ when it lapsed, a space when none."""
    if beat.agreed is None or not beat.agreed.by:
        return " "
    return AGREED if is_current(beat) else LAPSED


def title_width(width: int) -> int:
    """How wide the title column is for a list ``width`` cells wide."""
    return max(8, min(24, width // 5))


def row_text(number: int, beat: Beat, mark: str, width: int) -> str:
    """One beat's row, cut to ``width``."""
    tw = title_width(width)
    title = safe_line(beat.title) or "(untitled)"
    if len(title) > tw:
        title = title[: tw - 1] + "…"
    text = (
        f"{mark} {agreement_mark(beat)} {number:>4} {title:<{tw}} "
        f"{timing_short(beat):>6}  {safe_line(beat_summary(beat, 2))}"
    )
    return text[:width].ljust(width)


def header_text(width: int) -> str:
    """The column titles over the list."""
    tw = title_width(width)
    return f"✓ ◆ {'#':>4} {'Title':<{tw}} {'Timing':>6}  Touches"[:width].ljust(width)


class BeatList(ScrollView, can_focus=True):
    """The beats of a score, one row each, with a cursor on the selected beat."""

    HELP = (
        "The beats in performance order. Up/Down select; a adds a beat after, i inserts "
        "before, d duplicates, x deletes, [ and ] move it. n/N jump to the next/previous "
        "problem. Marks: ✓ fine, ⚠ warning, ✗ error; ◆ agreed, ◇ agreement lapsed."
    )

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "beat-list--cursor",
        "beat-list--error",
        "beat-list--warning",
    }

    DEFAULT_CSS = """
    BeatList { height: 1fr; }
    BeatList > .beat-list--cursor { background: $accent 40%; text-style: bold; }
    BeatList:focus > .beat-list--cursor { background: $accent; color: $text; }
    BeatList > .beat-list--error { color: $text-error; }
    BeatList > .beat-list--warning { color: $text-warning; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Next beat", show=False, id="beat_down"),
        Binding("up", "move(-1)", "Previous beat", show=False, id="beat_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="beat_page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="beat_page_up"),
        Binding("home", "first", "First beat", show=False, id="beat_first"),
        Binding("end", "last", "Last beat", show=False, id="beat_last"),
        Binding("enter", "choose", "Edit beat", show=False, id="beat_choose"),
    ]

    # No repaint of the whole list on a move: watch_cursor redraws the two rows concerned.
    cursor: reactive[int] = reactive(0, always_update=False, repaint=False)

    class Resized(Message):
        """The list changed width (the column titles must follow)."""

        def __init__(self, width: int) -> None:
            super().__init__()
            self.width = width

    class Chosen(Message):
        """Enter was pressed on a beat."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.beats: tuple[Beat, ...] = ()
        self.marks: list[str] = []
        self._fitted: tuple[Size, Size, Size] | None = None
        """(size, virtual size, room) the scrollbar was last fitted to."""

    def show(self, score: Score, marks: list[str]) -> None:
        """Show ``score``'s beats with their status marks."""
        self.beats = score.beats
        self.marks = marks
        self.virtual_size = Size(self.size.width, len(self.beats))
        if self.beats and self.cursor >= len(self.beats):
            self.cursor = len(self.beats) - 1
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """Draw the row at screen line ``y``."""
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        base = self.rich_style
        if index >= len(self.beats):
            if not self.beats and y == 0:
                text = "  No beats yet: press a to add the first one.".ljust(width)[:width]
                return Strip([Segment(text, base + Style(dim=True))], width)
            return Strip.blank(width, base)
        mark = self.marks[index] if index < len(self.marks) else " "
        style = base
        if mark == "✗":
            style += self.get_component_rich_style("beat-list--error")
        elif mark == "⚠":
            style += self.get_component_rich_style("beat-list--warning")
        if index == self.cursor:
            style += self.get_component_rich_style("beat-list--cursor")
        return Strip([Segment(row_text(index + 1, self.beats[index], mark, width), style)], width)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # The list's virtual size is its own (its rows), and a layout pass hands it the
        # size of its children, which it has none of: the two never match, so each pass
        # fitted its scrollbar again and redrew it whole (on every key between two beats
        # where the parts table's scrollbar comes and goes). Fit it only when the list's
        # size, its rows or its room changed.
        now = (size, self.virtual_size, container_size)
        if now == self._fitted:
            return False
        self._fitted = now
        return super()._size_updated(size, virtual_size, container_size, layout)

    def on_resize(self, event: events.Resize) -> None:
        """Rows are as wide as the list; the column titles follow."""
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.beats))
        self.post_message(self.Resized(self.scrollable_content_region.width))

    def watch_cursor(self, old: int, new: int) -> None:
        """Keep the cursor on screen (the editor watches the cursor itself)."""
        self.refresh_line_at(old)
        self.refresh_line_at(new)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, immediate=True)

    def refresh_line_at(self, index: int) -> None:
        """Redraw one beat's row, if on screen."""
        y = index - round(self.scroll_y)
        if 0 <= y < self.size.height:
            # The row, not the scrollbar beside it: a move leaves the scrollbar as it was.
            self.refresh(Region(0, y, self.scrollable_content_region.width, 1))

    def select(self, index: int) -> None:
        """Put the cursor on a beat (clamped to the list)."""
        if self.beats:
            self.cursor = max(0, min(index, len(self.beats) - 1))

    def action_move(self, delta: int) -> None:
        """Move the cursor by ``delta`` beats."""
        self.select(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        """Move the cursor a screenful."""
        self.select(self.cursor + direction * max(1, self.size.height - 1))

    def action_first(self) -> None:
        """The first beat."""
        self.select(0)

    def action_last(self) -> None:
        """The last beat."""
        self.select(len(self.beats) - 1)

    def action_choose(self) -> None:
        """Enter: edit the selected beat."""
        if self.beats:
            self.post_message(self.Chosen(self.cursor))

    def on_click(self, event: events.Click) -> None:
        """Select the clicked row."""
        self.select(round(self.scroll_y) + event.y)
