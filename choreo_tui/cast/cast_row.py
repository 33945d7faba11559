"""A cast list row laid out at the list's width: it breaks between its parts, never inside one.

A row is lines of parts ("✗ no: neck, hair", "else ask", "no rider ✗") joined by
" · ". Textual wraps text at any space, so a long row left a mark alone at the start
of its next line, or split "yes with / conditions", and the wrapped lines started at
the left edge under the ids. ``CastRow`` fills each line part by part at the width it
is drawn at: a part that does not fit moves to the next line whole, the line it left
ends in " ·", and every continued line is indented under the names. Only a part wider
than a whole line is broken, at its spaces, with a mark kept to its word.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

SEPARATOR = " · "
MARKS = frozenset({"✗", "⚠", "✓", "?", "ℹ"})
"""Marks that say what a part means: each stays beside its word."""


def _words(part: str) -> list[str]:
    """A part's words, each mark joined to its word: the next one when the part starts
    with it ("✗ no:"), else the one before ("rider ✗")."""
    words: list[str] = []
    glue_next = False
    for word in part.split(" "):
        if glue_next:
            words[-1] += " " + word
            glue_next = False
        elif word in MARKS and not words:
            words.append(word)
            glue_next = True
        elif word in MARKS:
            words[-1] += " " + word
        else:
            words.append(word)
    return words


def fill(parts: Sequence[str], first: str, indent: int, width: int) -> list[str]:
    """``parts`` joined by " · " in lines at most ``width`` cells wide where they fit:
    the first line starts with ``first``, the others with ``indent`` spaces."""
    indent = max(0, min(indent, width // 3))
    lines: list[str] = []
    line = first
    empty = True  # nothing of ``parts`` on this line yet
    for index, part in enumerate(parts):
        # Room for the " ·" that ends the line if the next part moves on.
        tail = 0 if index == len(parts) - 1 else 2
        if not empty and cell_len(line + SEPARATOR + part) + tail > width:
            lines.append(line + SEPARATOR.rstrip())
            line, empty = " " * indent, True
        if not empty:
            line += SEPARATOR + part
        elif cell_len(line + part) + tail <= width:
            line += part
        else:
            # Wider than a line: break it at its spaces, never leaving a mark alone.
            words = _words(part)
            for number, word in enumerate(words, 1):
                room = width - (tail if number == len(words) else 0)
                if line.strip() and cell_len(line + " " + word) > room:
                    lines.append(line)
                    line = " " * indent + word
                else:
                    line += (" " if line.strip() else "") + word
        empty = False
    lines.append(line)
    return lines


class CastRow(Visual):
    """One performer's row in the cast list: ``lines`` of parts, laid out at its width.

    The first part of the first line starts the row at the left edge; every other
    line, and every continued one, starts ``indent`` cells in.
    """

    def __init__(self, lines: Sequence[Sequence[str]], indent: int) -> None:
        self.lines = tuple(tuple(parts) for parts in lines)
        self.indent = indent
        # The list asks for a row's height and then draws it: lay it out once per width.
        self._at: dict[int, Content] = {}

    def __str__(self) -> str:
        return "\n".join(
            (" " * self.indent if number else "") + SEPARATOR.join(parts)
            for number, parts in enumerate(self.lines)
        )

    def laid_out(self, width: int) -> Content:
        """The row's text at ``width`` cells, broken only between parts."""
        width = max(1, width)
        if width not in self._at:
            text: list[str] = []
            for number, parts in enumerate(self.lines):
                first = "" if number == 0 else " " * self.indent
                text += fill(parts, first, self.indent, width)
            self._at[width] = Content("\n".join(text))
        return self._at[width]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        """Draw the row laid out at ``width`` (Visual protocol)."""
        return self.laid_out(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """The widest line unbroken (Visual protocol)."""
        return max(cell_len(line) for line in str(self).split("\n"))

    def get_minimal_width(self, rules: RulesMap) -> int:
        """The widest single word (Visual protocol)."""
        return Content(str(self)).get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        """How many lines the row takes at ``width`` (Visual protocol)."""
        return self.laid_out(width).get_height(rules, width)
