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
"""

from __future__ import annotations

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
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            touched = [shown.intersection(part) for part in changed if shown.overlaps(part)]
            if not touched:
                continue
            # The lines of the widget that changed regions cross, whole width (the frame
            # cuts each line where widgets begin and end), handed back as its clip so
            # that the frame places them where they belong.
            top = min(part.y for part in touched)
            bottom = max(part.bottom for part in touched)
            band = Region(shown.x, top, shown.width, bottom - top)
            yield region, band, widget.render_lines(band.translate(-region.offset))
