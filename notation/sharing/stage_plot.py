"""A beat's stage plot as inline SVG: who stands where, at what level, facing where.

The plot is drawn from the audience (or camera): downstage at the bottom, so
stage left is on the right of the drawing, as on a director's ground plan. Each
performer is a marker with their initials, a shape and a word for their level,
and an arrow for their facing; barriers are drawn between the two performers
they separate. Colour is decoration only: every marker carries words. The grid and
who stands in which cell come from ``notation.stage_grid``, as for the terminal's plot.
"""

from __future__ import annotations

import math
from html import escape

from notation.describe import STAGE_WORDS
from notation.model import DIRECTIONS, Beat, Placement, Score
from notation.stage_grid import CELL, FACING_STEPS, OFF, by_area, side_word, standing

WIDTH, HEIGHT = 420, 330
LEFT, TOP, CELL_W, CELL_H = 30, 44, 120, 78
OFF_Y = 20

ARROWS: dict[str, tuple[float, float]] = {
    direction: (float(step[1]), float(step[0])) for direction, step in FACING_STEPS.items()
}
"""Each stage direction as an (x, y) vector on the drawing."""


def initials(name: str) -> str:
    """Up to two initials of a name, for a marker: "Rosa Testwell" -> "RT"."""
    letters = [word[0] for word in name.split() if word[:1].isalnum()]
    return ("".join(letters[:1] + letters[-1:]) if len(letters) > 1 else "".join(letters)) or "?"


def _positions(beat: Beat) -> dict[str, tuple[float, float]]:
    """Marker centre for each placed performer; offstage ones along the top strip."""
    where: dict[str, tuple[float, float]] = {}
    for area, placed in by_area(beat).items():
        for index, placement in enumerate(placed):
            if area == OFF:
                where[placement.who] = (LEFT + 150 + 40 * index, OFF_Y)
                continue
            row, col = CELL[area]
            # Spread across the whole cell so markers, arrows and barriers stay apart.
            share = 0.5 if len(placed) == 1 else index / (len(placed) - 1)
            x = LEFT + col * CELL_W + 22 + (CELL_W - 44) * share
            where[placement.who] = (x, TOP + row * CELL_H + CELL_H / 2 - 2)
    return where


def _shape(level: str, x: float, y: float) -> str:
    """A shape per level; the level is also written under the marker."""
    if level == "lying":
        return f'<ellipse class="body" cx="{x:.1f}" cy="{y:.1f}" rx="20" ry="10"/>'
    if level == "seated":
        return (
            f'<rect class="body" x="{x - 12:.1f}" y="{y - 12:.1f}" width="24" height="24" rx="5"/>'
        )
    if level == "kneeling":
        return (
            f'<polygon class="body" points="{x:.1f},{y - 14:.1f} {x + 14:.1f},{y + 11:.1f} '
            f'{x - 14:.1f},{y + 11:.1f}"/>'
        )
    ring = f'<circle class="lift" cx="{x:.1f}" cy="{y:.1f}" r="17"/>' if level == "lifted" else ""
    return ring + f'<circle class="body" cx="{x:.1f}" cy="{y:.1f}" r="13"/>'


def _arrow(x: float, y: float, dx: float, dy: float) -> str:
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    x1, y1 = x + ux * 16, y + uy * 16
    x2, y2 = x + ux * 26, y + uy * 26
    # The head is a small triangle drawn by hand: marker ids would clash between beats.
    px, py = -uy * 4.5, ux * 4.5
    head = (
        f"{x2 + ux * 6:.1f},{y2 + uy * 6:.1f} {x2 + px:.1f},{y2 + py:.1f} "
        f"{x2 - px:.1f},{y2 - py:.1f}"
    )
    return (
        f'<line class="facing" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>'
        f'<polygon class="facing-head" points="{head}"/>'
    )


def _facing_vector(
    placement: Placement, where: dict[str, tuple[float, float]]
) -> tuple[float, float] | None:
    facing = placement.facing
    if facing is None or placement.area == "off":
        return None
    if facing in DIRECTIONS:
        return ARROWS[facing]
    if facing in where and facing != placement.who:
        (x, y), (tx, ty) = where[placement.who], where[facing]
        return (tx - x, ty - y) if (tx, ty) != (x, y) else None
    return None


def _marker(score: Score, placement: Placement, where: dict[str, tuple[float, float]]) -> str:
    x, y = where[placement.who]
    name = score.name_of(placement.who)
    facing = placement.facing or ""
    if facing and facing not in DIRECTIONS:
        facing_words = f"facing {score.name_of(facing)}"
    else:
        facing_words = f"facing {facing}" if facing else "facing not set"
    label = f"{name}: {STAGE_WORDS[placement.area]}, {placement.level}, {facing_words}" + (
        f", on {placement.on}" if placement.on else ""
    )
    parts = [
        f'<g class="performer" data-who="{escape(placement.who)}" '
        f'data-area="{escape(placement.area)}" data-level="{escape(placement.level)}" '
        f'data-facing="{escape(facing)}">',
        f"<title>{escape(label)}</title>",
        _shape(placement.level, x, y),
        f'<text class="initials" x="{x:.1f}" y="{y + 4:.1f}">{escape(initials(name))}</text>',
    ]
    vector = _facing_vector(placement, where)
    if placement.area != "off":
        # The level word goes below the marker, or above when the arrow points down.
        down = vector is not None and vector[1] > abs(vector[0])
        level_y = y - 21 if down else y + 27
        parts.append(
            f'<text class="level" x="{x:.1f}" y="{level_y:.1f}">{escape(placement.level)}</text>'
        )
    if vector is not None:
        parts.append(_arrow(x, y, *vector))
    parts.append("</g>")
    return "".join(parts)


def _barrier(score: Score, beat: Beat, where: dict[str, tuple[float, float]]) -> list[str]:
    out = []
    for barrier in beat.barriers:
        a, b = barrier.between
        if a not in where or b not in where:
            continue
        (ax, ay), (bx, by) = where[a], where[b]
        mx, my = (ax + bx) / 2, (ay + by) / 2
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy) or 1.0
        # A short bar across the line joining the two performers.
        px, py = -dy / length * 14, dx / length * 14
        kind = barrier.kind.replace("_", " ")
        title = f"{kind} between {score.name_of(a)} and {score.name_of(b)}"
        out.append(
            f'<g class="barrier" data-kind="{escape(barrier.kind)}">'
            f"<title>{escape(title)}</title>"
            f'<line x1="{mx - px:.1f}" y1="{my - py:.1f}" x2="{mx + px:.1f}" y2="{my + py:.1f}"/>'
            f'<text x="{mx:.1f}" y="{my - 16:.1f}">{escape(kind)}</text></g>'
        )
    return out


def _grid(medium: str) -> list[str]:
    out = ['<g class="grid">']
    for area, (row, col) in CELL.items():
        x, y = LEFT + col * CELL_W, TOP + row * CELL_H
        out.append(
            f'<rect x="{x}" y="{y}" width="{CELL_W}" height="{CELL_H}"/>'
            f'<text class="area" x="{x + 5}" y="{y + 13}">{area}</text>'
        )
    out.append("</g>")
    side = side_word(medium)
    bottom = TOP + 3 * CELL_H
    out.append(
        f'<g class="house" data-side="{side.lower()}">'
        f'<rect x="{LEFT}" y="{bottom + 10}" width="{3 * CELL_W}" height="22"/>'
        f'<text x="{LEFT + 1.5 * CELL_W}" y="{bottom + 25}">{side} (downstage)</text></g>'
        f'<text class="side" x="{LEFT - 6}" y="{TOP + 1.5 * CELL_H}" '
        f'transform="rotate(-90 {LEFT - 6} {TOP + 1.5 * CELL_H})">stage right</text>'
        f'<text class="side" x="{LEFT + 3 * CELL_W + 14}" y="{TOP + 1.5 * CELL_H}" '
        f'transform="rotate(90 {LEFT + 3 * CELL_W + 14} {TOP + 1.5 * CELL_H})">stage left</text>'
        f'<text class="area" x="{LEFT}" y="{OFF_Y + 4}">offstage:</text>'
    )
    return out


def stage_plot(score: Score, beat: Beat, number: int) -> str:
    """The beat's stage plot as one ``<svg>`` element, every text escaped."""
    where = _positions(beat)
    placed = ", ".join(score.name_of(p.who) for p in beat.placements) or "nobody placed"
    parts = [
        f'<svg class="stage-plot" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="plot-title-{number}">',
        f'<title id="plot-title-{number}">Stage plot, beat {number}: {escape(placed)}</title>',
        *_grid(score.scene.medium),
        *_barrier(score, beat, where),
        *(_marker(score, p, where) for p in standing(beat).values()),
        "</svg>",
    ]
    return "".join(parts)
