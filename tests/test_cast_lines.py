"""The cast list's rows: two lines a performer, score text escaped field by field."""

from __future__ import annotations

from choreo_tui.cast.screen import performer_line
from notation.model import Performer


def test_a_row_is_two_lines_and_hostile_text_is_shown_escaped() -> None:
    # Escaping the whole row once showed its own line break as '\x0a' in the list.
    performer = Performer(id="ana", name="Ana\x1b]0;pwned\x07", character="Lise\u202e\nx")
    row = performer_line(performer)
    first, second = row.split("\n")
    assert "\\x1b]0;pwned\\x07" in first and "\\u202e\\x0ax" in first
    assert "\x1b" not in row and "\u202e" not in row
    assert "no boundaries recorded" in second and "\\x0a" not in second
