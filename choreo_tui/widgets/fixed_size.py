"""Scrolling widgets whose size is fixed by CSS: a change of content repaints them
without re-laying out the screen.

A widget's virtual size (the size of what it scrolls over) is a layout reactive in
Textual: every change asks for a layout pass of the whole screen, and the re-render
of everything that pass touches. The beat form's notes areas get new content on every
move to another beat, and that pass was the largest part of a key press on a big
score (the parts table, once also here, now draws its own scrollbar: ``line_rows``).
Their own size is set by CSS, so the pass places nothing differently; all it does for
them is fit their scrollbars to the new content. This module does that by itself, and
asks for a layout pass only when a scrollbar has to appear or go (which does change
what is placed where).

A widget opts in with a class attribute
``virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)`` and a
``watch_virtual_size`` that calls ``follow_content``, and a ``vertical_scrollbar``
property that returns ``vertical_scrollbar(self)``.
"""

from __future__ import annotations

from typing import Self

from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.widget import Widget


class FittedScrollBar(ScrollBar):
    """A vertical scrollbar that never asks for a layout pass of its own.

    Where a scrollbar goes is decided by its owner, whose own request (showing or
    hiding the bar) already lays the screen out. The bar's requests came after that
    pass and cost a second pass and a second frame that placed nothing differently:
    its virtual size (its height, set by the pass that shows it) is a layout reactive
    in Textual, and so is its ``display``, which the owner sets when the bar goes.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """Repaint (the owner lays out)."""
        return super().refresh(*regions, repaint=repaint, recompose=recompose)


def vertical_scrollbar(widget: Widget) -> ScrollBar:
    """``widget``'s vertical scrollbar, made as Textual makes it but a ``FittedScrollBar``."""
    bar = widget._vertical_scrollbar
    if bar is None:
        bar = FittedScrollBar(
            vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical
        )
        bar.display = False
        widget._vertical_scrollbar = bar
        widget.app._start_widget(widget, bar)
    return bar


def _needs(overflow: str, content: int, room: int, shown: bool) -> bool:
    if overflow == "auto":
        return content > room
    return overflow == "scroll" or (overflow != "hidden" and shown)


def follow_content(widget: Widget, size: Size) -> None:
    """After ``widget``'s virtual size became ``size``: size its scrollbars' thumbs, keep
    its scroll offset in range, and ask for a layout pass only if a scrollbar must
    appear or go."""
    if not widget.is_mounted or not widget.container_size:
        return
    styles = widget.styles
    width, height = widget.container_size
    vertical = _needs(str(styles.overflow_y), size.height, height, widget.show_vertical_scrollbar)
    horizontal = _needs(str(styles.overflow_x), size.width, width, widget.show_horizontal_scrollbar)
    if vertical != widget.show_vertical_scrollbar:
        # A scrollbar appears or goes: that is a layout pass (these are layout
        # reactives), but one, with the scrollbar already decided; left to the pass, it
        # would decide it there and ask for a second pass and frame.
        widget.show_vertical_scrollbar = vertical
        widget.vertical_scrollbar.display = vertical
    if horizontal != widget.show_horizontal_scrollbar:
        widget.show_horizontal_scrollbar = horizontal
        widget.horizontal_scrollbar.display = horizontal
    if vertical:
        widget.vertical_scrollbar.window_virtual_size = size.height
    if horizontal:
        widget.horizontal_scrollbar.window_virtual_size = size.width
    widget.scroll_x = widget.validate_scroll_x(widget.scroll_x)
    widget.scroll_y = widget.validate_scroll_y(widget.scroll_y)
    widget.refresh()
