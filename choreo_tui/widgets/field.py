"""A one-line text field of fixed size that never re-lays out the screen as its text changes.

Textual's ``Input`` sets its virtual size to the width of its text on every
change of value, and a widget's virtual size is a layout-changing reactive: so
each value set re-lays out the whole screen. The beat form sets seven fields on
every move to another beat, and on a 5,000-beat score that layout pass (and the
re-render of every widget it touched) was most of a key press. A field whose
size is fixed by CSS places nothing differently when its text changes; it only
repaints, and it still scrolls its text as an ``Input`` does.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class Field(Input):
    """An ``Input`` whose text changes repaint it without a layout pass."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
