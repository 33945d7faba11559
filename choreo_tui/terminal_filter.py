"""The app's last guard: no control or bidi character reaches the terminal raw.

Screens show score text through ``notation.terminal.safe_line`` so that each
such character is *seen* escaped (``\\x1b``). This line filter, applied by
Textual to every line of every widget, is the net under that: whatever text a
widget forgot to escape, a notification, a dialog or a widget added later, the
characters are dropped before the line is written. They are all zero cells
wide, so dropping them never shifts the layout.
"""

from __future__ import annotations

import re
from typing import Final

from rich.segment import Segment
from rich.text import Text
from textual.color import Color
from textual.filter import LineFilter

from notation.terminal import safe

_UNSAFE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class TerminalSafety(LineFilter):
    """Drops control and bidi characters from the text of every drawn line."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The line with every unsafe character removed from its text segments."""
        # One search over the joined line: this runs for every line drawn.
        if not _UNSAFE.search("".join([segment.text for segment in segments])):
            return segments
        return [
            segment if segment.control else Segment(_UNSAFE.sub("", segment.text), segment.style)
            for segment in segments
        ]


def escaped(text: str | Text) -> Text:
    """``text`` as Rich Text (never read as markup) with unsafe characters shown escaped.

    Styles stay on the characters they covered: for text built from pieces
    (a title in bold, a name in colour) before it is shown.
    """
    if isinstance(text, str):
        return Text(safe(text))
    plain = text.plain
    if not _UNSAFE.search(plain):
        return text
    # Where each old offset lands once every unsafe character before it is escaped.
    starts = [0]
    pieces = []
    for char in plain:
        piece = safe(char) if char not in "\n\t" else char
        pieces.append(piece)
        starts.append(starts[-1] + len(piece))
    out = Text("".join(pieces), style=text.style, justify=text.justify, no_wrap=text.no_wrap)
    out.overflow = text.overflow
    for span in text.spans:
        out.stylize(span.style, starts[span.start], starts[span.end])
    return out
