"""One stage grid (notation.stage_grid) behind both pictures: the terminal plot and the SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from notation.model import Beat, Performer, Placement, Scene, Score
from notation.sharing.stage_plot import stage_plot
from notation.stage_grid import CELL, ROWS, by_area, markers, side_word, standing

SVG = "{http://www.w3.org/2000/svg}"
SCORE = Score(
    scene=Scene(title="t"),
    performers=(Performer(id="ana", name="Ana"), Performer(id="ben", name="Ben")),
)
TWICE = Beat(
    placements=(
        Placement(who="ana", area="CS", on="bed"),
        Placement(who="ben", area="CS"),
        Placement(who="ana", area="DSL", on="chair"),
    )
)


def test_the_grid_is_seen_from_the_house() -> None:
    assert ROWS[0] == ("USR", "USC", "USL") and ROWS[-1] == ("DSR", "DSC", "DSL")
    assert CELL["USR"] == (0, 0) and CELL["DSL"] == (2, 2) and "off" not in CELL
    assert side_word("theatre") == "AUDIENCE"
    assert side_word("film") == side_word("tv") == "CAMERA"


def test_someone_placed_twice_is_drawn_once_where_their_first_placement_puts_them() -> None:
    assert standing(TWICE)["ana"].area == "CS"
    assert {area: [p.who for p in placed] for area, placed in by_area(TWICE).items()} == {
        "CS": ["ana", "ben"]
    }
    assert {area: [m.who for m in found] for area, found in markers(SCORE, TWICE).items()} == {
        "CS": ["ana", "ben"]
    }


def test_the_svg_agrees_with_the_terminal_plot_on_who_stands_where() -> None:
    svg = ET.fromstring(stage_plot(SCORE, TWICE, 1))
    drawn = [
        (g.attrib["data-who"], g.attrib["data-area"])
        for g in svg.iter(f"{SVG}g")
        if g.attrib.get("class") == "performer"
    ]
    # Before the grid was shared, the SVG drew Ana twice, both at the spot of her
    # last placement (one marker saying CS inside the DSL cell).
    assert drawn == [("ana", "CS"), ("ben", "CS")]
