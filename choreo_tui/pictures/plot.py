"""The stage plot as text: the nine stage areas plus off, drawn as the house sees them.

Pure (rich Text only, no Textual), so it is unit-tested line by line. The grid,
who stands in which cell and each performer's marker (a letter, an arrow for
their facing and their level) come from ``notation.stage_grid``, shared with the
exported SVG; this module lays them out in text and styles them. A barrier is
drawn with ``≡`` in the cell of the first of its pair.
"""

from __future__ import annotations

from rich.text import Text

from notation.blocking import blocked
from notation.describe import barrier_words, placement_words
from notation.model import Beat, Score
from notation.stage_grid import (
    BARRIER_MARK,
    LEVEL_LETTERS,
    LEVEL_WORDS,
    ROWS,
    Marker,
    labels,
    markers,
    side_word,
)


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
    side = f"▼ {side_word(score.scene.medium)} ▼"
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
