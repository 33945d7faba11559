"""The stage as a grid, as the house sees it: cells, who stands in which, and their marks.

Both pictures of a beat draw from here: the terminal's stage plot
(``choreo_tui.pictures.plot``, which only lays out and styles text) and the exported
SVG (``notation.sharing.stage_plot``, which only draws). Upstage is at the top and
stage right on the viewer's left; downstage faces the audience (theatre) or the
camera (film, tv), as on a stage manager's plot.
"""

from __future__ import annotations

from dataclasses import dataclass

from notation.model import Beat, Placement, Score

ROWS: tuple[tuple[str, str, str], ...] = (
    ("USR", "USC", "USL"),
    ("CSR", "CS", "CSL"),
    ("DSR", "DSC", "DSL"),
)
"""The grid as the house sees it: upstage at the top, stage right on the left."""

CELL: dict[str, tuple[int, int]] = {
    area: (r, c) for r, row in enumerate(ROWS) for c, area in enumerate(row)
}
"""Each stage area's (row, column) in ``ROWS``; ``off`` has no cell."""

OFF = "off"

FACING_STEPS: dict[str, tuple[int, int]] = {
    "DS": (1, 0),
    "US": (-1, 0),
    "SR": (0, -1),
    "SL": (0, 1),
}
"""Each stage direction as a (row, column) step on the grid."""

FACING_ARROWS: dict[str, str] = {"DS": "↓", "US": "↑", "SR": "←", "SL": "→"}
NO_FACING = "·"
DELTA_ARROWS: dict[tuple[int, int], str] = {
    (-1, 0): "↑",
    (1, 0): "↓",
    (0, -1): "←",
    (0, 1): "→",
    (-1, -1): "↖",
    (-1, 1): "↗",
    (1, -1): "↙",
    (1, 1): "↘",
}
"""The arrow toward a partner in another cell, by the (row, column) signs of the step."""

LEVEL_WORDS: dict[str, str] = {
    "standing": "stand",
    "kneeling": "kneel",
    "seated": "sit",
    "lying": "lie",
    "lifted": "lift",
}
LEVEL_LETTERS: dict[str, str] = {
    "standing": "s",
    "kneeling": "k",
    "seated": "t",
    "lying": "l",
    "lifted": "f",
}
BARRIER_MARK = "≡"


def side_word(medium: str) -> str:
    """Which side downstage faces: the AUDIENCE in theatre, the CAMERA on film or tv."""
    return "AUDIENCE" if medium == "theatre" else "CAMERA"


def standing(beat: Beat) -> dict[str, Placement]:
    """Where each placed performer is drawn: their first placement in the beat, in order.

    A beat may place someone twice (on two set pieces, say); a picture shows each
    person once, where the first of those placements puts them.
    """
    where: dict[str, Placement] = {}
    for placement in beat.placements:
        where.setdefault(placement.who, placement)
    return where


def by_area(beat: Beat) -> dict[str, list[Placement]]:
    """The placements drawn in each stage area (``off`` included), in placement order."""
    cells: dict[str, list[Placement]] = {}
    for placement in standing(beat).values():
        cells.setdefault(placement.area, []).append(placement)
    return cells


def labels(score: Score) -> dict[str, str]:
    """A short unique marker for each performer: an initial, else initials, else id.

    Used by both terminal pictures, so the same person has the same mark everywhere.
    """
    result: dict[str, str] = {}
    firsts = [(p.name.strip()[:1] or p.id[:1]).upper() for p in score.performers]
    for performer, first in zip(score.performers, firsts, strict=True):
        if firsts.count(first) == 1:
            result[performer.id] = first
            continue
        initials = "".join(word[:1].upper() for word in performer.name.split()[:2])
        taken = set(result.values())
        if len(initials) == 2 and initials not in taken:
            result[performer.id] = initials
        else:
            result[performer.id] = next(
                f"{first}{n}" for n in range(1, 100) if f"{first}{n}" not in taken
            )
    return result


@dataclass(frozen=True)
class Marker:
    """One performer on the plot: label, facing arrow and level."""

    who: str
    label: str
    arrow: str
    level: str

    def text(self, compact: bool) -> str:
        """``R↓kneel`` (full) or ``R↓k`` (compact)."""
        level = LEVEL_LETTERS[self.level] if compact else LEVEL_WORDS[self.level]
        return f"{self.label}{self.arrow}{level}"


def _sign(n: int) -> int:
    return (n > 0) - (n < 0)


def _arrow(placement: Placement, where: dict[str, Placement], order: list[str]) -> str:
    facing = placement.facing
    if facing is None:
        return NO_FACING
    if facing in FACING_ARROWS:
        return FACING_ARROWS[facing]
    other = where.get(facing)
    if other is None or other.area == OFF or placement.area == OFF:
        return NO_FACING
    (r1, c1), (r2, c2) = CELL[placement.area], CELL[other.area]
    if (r1, c1) == (r2, c2):
        # Same cell: markers are laid out left to right in placement order.
        return "→" if order.index(facing) > order.index(placement.who) else "←"
    return DELTA_ARROWS[(_sign(r2 - r1), _sign(c2 - c1))]


def markers(score: Score, beat: Beat) -> dict[str, list[Marker]]:
    """The beat's markers by stage area (``off`` included), in placement order."""
    marks = labels(score)
    where = standing(beat)
    order = list(where)
    cells: dict[str, list[Marker]] = {}
    for area, placed in by_area(beat).items():
        for placement in placed:
            who = placement.who
            arrow = _arrow(placement, where, order)
            marker = Marker(who, marks.get(who, who[:2]), arrow, placement.level)
            cells.setdefault(area, []).append(marker)
    return cells
