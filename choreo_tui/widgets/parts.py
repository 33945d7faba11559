"""The parts of the selected beat in one table: touches, placements, barriers, garments
and bare areas, each in plain words, with the mark of any finding on a touch.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from choreo_tui.widgets.line_table import LineTable
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


class PartsTable(LineTable):
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

    LABELS = ("Part", "What")
    FIRST_WIDTH = 10

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[tuple[str, str, str]] | None = None
        """The rows shown, as ``part_rows`` gave them (None before the first)."""

    def show(
        self,
        score: Score,
        beat: Beat | None,
        findings: list[Finding],
        index: int | None = None,
    ) -> None:
        """Show ``beat``'s parts (none when there is no beat); with its ``index``, also
        the placements it inherits from earlier beats."""
        rows = part_rows(score, beat, findings, index) if beat is not None else []
        if rows == self._shown:
            return  # the same rows: nothing to draw again
        self._shown = rows
        self.set_rows([(key, kind, safe_line(words)) for key, kind, words in rows], self.cursor_row)

    def highlighted_key(self) -> str | None:
        """The key of the highlighted part, if any."""
        keys = self.row_keys()
        return keys[self.cursor_row] if keys else None

    def select_key(self, key: str) -> None:
        """Highlight the part with ``key`` when it is shown (a part that is gone is not)."""
        keys = self.row_keys()
        if key in keys:
            self._move(keys.index(key))

    def select_kind(self, kind: str) -> None:
        """Highlight the first part of ``kind`` (``bare``, ``barrier``...), when there is one."""
        for index, key in enumerate(self.row_keys()):
            if key.startswith(f"{kind}:"):
                self._move(index)
                return

    def action_add_part(self) -> None:
        """Ask the editor to add a part."""
        self.post_message(self.Request("add", None))

    def action_remove_part(self) -> None:
        """Ask the editor to remove the highlighted part."""
        key = self.highlighted_key()
        if key is not None:
            self.post_message(self.Request("remove", key))

    def selected(self, key: str) -> None:
        """Enter (or a click) on a part edits it."""
        self.post_message(self.Request("edit", key))
