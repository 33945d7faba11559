"""The editor's frames: only what changed is drawn again, not the band between changes.

When widgets change, Textual draws a partial frame. It takes the rectangle around
every changed region, then asks every visible widget whose *parent* overlaps that
rectangle to render its whole self (from its line cache when it can, but each one
still works out its styles and colours from its ancestors), and finally writes only
the changed regions to the terminal. A move to another beat changes a row near the
top of the beat list and the form at the bottom, so every widget of the screen was
drawn: the title bar, the footer, the quick-entry line, the problems panel, every
label of the form. That was most of a key press on a big score.

``ChangedRegionsCompositor`` asks only the widgets that show in a changed region,
and only for the lines of theirs that a changed region covers. What reaches the
terminal is the same, byte for byte: the terminal is sent only the changed regions,
and every piece of a changed line there comes from the front-most widget showing
at that place, which shows in a changed region and so is still asked.
``tests/test_editor_frames.py`` holds the two equal over the editor's flows.

A widget that shows in a changed region but lies wholly behind widgets in front of it
there (a container behind its children, the form behind its rows) is not asked
either. The frame is painted front to back and keeps the first strip it gets for each
piece of a line, so what such a widget would draw is thrown away.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip


class ChangedRegionsCompositor(Compositor):
    """A compositor whose partial frames draw only the widgets in changed regions."""

    def __init__(self) -> None:
        super().__init__()
        self._changed: list[Region] | None = None
        """The changed regions of the partial frame being drawn (None otherwise)."""

    def render_partial_update(self) -> ChopsUpdate | None:
        """Draw the changed regions (as Textual does, asking fewer widgets)."""
        self._changed = list(self._dirty_regions)
        try:
            return super().render_partial_update()
        finally:
            self._changed = None

    def _get_renders(
        self, crop: Region | None = None
    ) -> Iterable[tuple[Region, Region, list[Strip]]]:
        changed = self._changed
        if changed is None:  # a full frame, a screenshot: every widget, as Textual does
            yield from super()._get_renders(crop)
            return
        # The pieces of line (from one cut to the next) the frame sends, per line. Those
        # that overlap a changed span are sent as drawn. The one starting where a span
        # ends is sent as a bare cursor move, whatever fills it: Textual writes no cell
        # of it, but does move the cursor there when something fills it.
        cuts = self.cuts
        shows: dict[int, list[tuple[int, int]]] = {}
        moves: dict[int, list[tuple[int, int]]] = {}
        for y, start, end in self._regions_to_spans(changed):
            line = cuts[y]
            index = bisect_right(line, start) - 1
            while index < len(line) - 1 and line[index] < end:
                shows.setdefault(y, []).append((line[index], line[index + 1]))
                index += 1
            if index < len(line) - 1 and line[index] == end:
                moves.setdefault(y, []).append((line[index], line[index + 1]))
        # Per line, the columns that widgets in front already filled with their strips.
        filled: dict[int, list[tuple[int, int]]] = {}
        for widget, (region, clip) in self.visible_widgets.items():  # front to back
            shown = region.intersection(clip)
            touched = [shown.intersection(part) for part in changed if shown.overlaps(part)]
            if not touched:
                continue
            # The lines of the widget that changed regions cross, whole width (the frame
            # cuts each line where widgets begin and end), handed back as its clip so
            # that the frame places them where they belong.
            top = min(part.y for part in touched)
            bottom = max(part.bottom for part in touched)
            left, right = shown.x, shown.right
            if all(
                _within(filled.get(y), piece)
                for y in range(top, bottom)
                for piece in shows.get(y, ())
                if left <= piece[0] < right
            ):
                # Hidden where it shows: only its pieces sent as a cursor move need
                # filling, and a blank does that as well as the widget would.
                for y in range(top, bottom):
                    for piece in moves.get(y, ()):
                        if left <= piece[0] < right and not _within(filled.get(y), piece):
                            blank = Region(piece[0], y, piece[1] - piece[0], 1)
                            filled.setdefault(y, []).append(piece)
                            yield blank, blank, [Strip.blank(blank.width)]
                continue
            band = Region(left, top, shown.width, bottom - top)
            strips = widget.render_lines(band.translate(-region.offset))
            for y, strip in zip(range(top, bottom), strips, strict=False):  # as the frame reads
                if y in shows or y in moves:  # a short strip fills only what it reaches
                    filled.setdefault(y, []).append((left, left + strip.cell_length))
            yield region, band, strips


def _within(spans: list[tuple[int, int]] | None, piece: tuple[int, int]) -> bool:
    """Does one of ``spans`` (start, end) hold all of ``piece``?"""
    start, end = piece
    return any(left <= start and end <= right for left, right in spans or ())
