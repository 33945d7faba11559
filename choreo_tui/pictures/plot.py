"""The stage plot as text: the nine stage areas plus off, drawn as the house sees them.

Pure (rich Text only, no Textual), so it is unit-tested line by line. Stage
right is on the viewer's left and downstage is at the bottom, toward the
audience (theatre) or the camera (film, tv), as on a stage manager's plot.
Each performer is a marker: a letter, an arrow for their facing and their
level; a barrier is drawn with ``≡`` in the cell of the first of its pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from notation.blocking import blocked
from notation.describe import barrier_words, placement_words
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


def side_word(score: Score) -> str:
    """Which side downstage faces: the audience in theatre, the camera on film or tv."""
    return "AUDIENCE" if score.scene.medium == "theatre" else "CAMERA"


def labels(score: Score) -> dict[str, str]:
    """A short unique marker for each performer: an initial, else initials, else id.

    Used by both pictures, so the same person has the same mark everywhere.
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


def _arrow(placement: Placement, where: dict[str, Placement], order: list[str]) -> str:
    facing = placement.facing
    if facing is None:
        return NO_FACING
    if facing in FACING_ARROWS:
        return FACING_ARROWS[facing]
    other = where.get(facing)
    if other is None or other.area == "off" or placement.area == "off":
        return NO_FACING
    (r1, c1), (r2, c2) = CELL[placement.area], CELL[other.area]
    if (r1, c1) == (r2, c2):
        # Same cell: markers are laid out left to right in placement order.
        return "→" if order.index(facing) > order.index(placement.who) else "←"
    return DELTA_ARROWS[(_sign(r2 - r1), _sign(c2 - c1))]


def _sign(n: int) -> int:
    return (n > 0) - (n < 0)


def markers(score: Score, beat: Beat) -> dict[str, list[Marker]]:
    """The beat's markers by stage area (``off`` included), in placement order."""
    marks = labels(score)
    where: dict[str, Placement] = {}
    for placement in beat.placements:
        where.setdefault(placement.who, placement)
    order = list(where)
    cells: dict[str, list[Marker]] = {}
    for who, placement in where.items():
        label = marks.get(who, who[:2])
        marker = Marker(who, label, _arrow(placement, where, order), placement.level)
        cells.setdefault(placement.area, []).append(marker)
    return cells


def _wrap(tokens: list[tuple[str, str]], width: int, height: int) -> list[list[tuple[str, str]]]:
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for text, style in tokens:
        need = len(text) + (1 if lines[-1] else 0)
        if lines[-1] and used + need > width:
            lines.append([])
            used, need = 0, len(text)
        lines[-1].append((text[:width], style))
        used += need
    if len(lines) > height:
        lines = lines[:height]
        last = lines[-1]
        last[-1] = (last[-1][0][: max(0, len(last[-1][0]) - 1)] + "…", last[-1][1])
    return lines + [[] for _ in range(height - len(lines))]


def _cell_line(tokens: list[tuple[str, str]], width: int) -> Text:
    line = Text()
    for n, (text, style) in enumerate(tokens):
        if n:
            line.append(" ")
        line.append(text, style)
    line.pad_right(width - line.cell_len)
    line.truncate(width)
    return line


def render_plot(score: Score, index: int | None, *, compact: bool = False) -> Text:
    """The stage plot of the beat at 0-based ``index`` (None or out of range: empty stage)."""
    in_range = index is not None and 0 <= index < len(score.beats)
    # Blocking carries forward: draw everyone where they stand now, not only who moved.
    beat = blocked(score, index) if index is not None and in_range else Beat()
    width, height = (8, 2) if compact else (18, 3)
    cells = markers(score, beat)
    marks = labels(score)
    barrier_cells: dict[str, list[str]] = {}
    for barrier in beat.barriers:
        placed = [cells_of for cells_of in _areas_of(beat, barrier.between) if cells_of != "off"]
        pair = "|".join(marks.get(who, who[:2]) for who in barrier.between)
        token = f"{BARRIER_MARK}{pair}" if compact else f"{BARRIER_MARK}{barrier.kind}:{pair}"
        if placed:
            barrier_cells.setdefault(placed[0], []).append(token)

    total = 3 * width + 4
    out = Text()
    left, right = ("SR", "SL") if compact else ("STAGE RIGHT", "STAGE LEFT")
    head = "UPSTAGE"
    gap = total - len(left) - len(right) - len(head)
    out.append(left, "bold")
    out.append(" " * (gap // 2) + head + " " * (gap - gap // 2), "dim")
    out.append(right + "\n", "bold")
    rule = "─" * width
    out.append(f"┌{rule}┬{rule}┬{rule}┐\n")
    for r, row in enumerate(ROWS):
        wrapped = []
        for area in row:
            tokens: list[tuple[str, str]] = [] if compact else [(area, "dim")]
            tokens += [(m.text(compact), "bold") for m in cells.get(area, [])]
            tokens += [(b, "italic") for b in barrier_cells.get(area, [])]
            wrapped.append(_wrap(tokens, width, height))
        for line_no in range(height):
            out.append("│")
            for cell in wrapped:
                out.append_text(_cell_line(cell[line_no], width))
                out.append("│")
            out.append("\n")
        out.append(f"├{rule}┼{rule}┼{rule}┤\n" if r < 2 else f"└{rule}┴{rule}┴{rule}┘\n")
    side = f"▼ {side_word(score)} ▼"
    out.append(side.center(total).rstrip() + "\n", "bold reverse" if not compact else "bold")
    off = cells.get("off", [])
    out.append("OFF: ", "bold")
    out.append(" ".join(m.text(compact) for m in off) or "nobody")
    out.append_text(_legend(score, beat, cells, compact, total))
    return out


def _areas_of(beat: Beat, who: tuple[str, ...]) -> list[str]:
    where = {p.who: p.area for p in beat.placements}
    return [where[w] for w in who if w in where]


def _legend(
    score: Score, beat: Beat, cells: dict[str, list[Marker]], compact: bool, width: int
) -> Text:
    marks = labels(score)
    placed = [m for area in cells.values() for m in area]
    legend = Text()
    if not beat.placements:
        legend.append("\n(nobody placed yet)", "italic")
    if compact:
        names = [f"{marks[p.id]} {p.name.split()[0]}" for p in score.performers]
        legend.append("\n" + _fit("  ".join(names), width))
        levels = sorted({m.level for m in placed}, key=list(LEVEL_LETTERS).index)
        if levels:
            keys = "  ".join(f"{LEVEL_LETTERS[lv]} {LEVEL_WORDS[lv]}" for lv in levels)
            legend.append("\n" + _fit(keys, width), "dim")
        if beat.barriers:
            legend.append("\n" + _fit(f"{BARRIER_MARK} barrier", width), "dim")
        return legend
    for placement in beat.placements:
        legend.append(f"\n{marks.get(placement.who, '?'):<3}")
        legend.append(placement_words(score, placement))
    for barrier in beat.barriers:
        legend.append(f"\n{BARRIER_MARK:<3}")
        legend.append(barrier_words(score, barrier))
    return legend


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
