"""Scrolling widgets whose size is fixed by CSS: a change of content repaints them
without re-laying out the screen.

A widget's virtual size (the size of what it scrolls over) is a layout reactive in
Textual: every change asks for a layout pass of the whole screen, and the re-render
of everything that pass touches. The beat form's notes areas and parts table get new
content on every move to another beat, and that pass was the largest part of a key
press on a big score. Their own size is set by CSS, so the pass places nothing
differently; all it does for them is fit their scrollbars to the new content. This
module does that by itself, and asks for a layout pass only when a scrollbar has to
appear or go (which does change what is placed where).

A widget opts in with a class attribute
``virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)`` and a
``watch_virtual_size`` that calls ``follow_content``.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


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
