"""The stage plot: drawn from the audience, one marker per placed performer, well-formed SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from notation import loads
from notation.model import Barrier, Beat, Placement, Score
from notation.sharing.stage_plot import initials, stage_plot

SVG = "{http://www.w3.org/2000/svg}"
SCORE = loads(
    """format = "choreo-score"
version = 1
[scene]
title = "Plot"
medium = "tv"
[[performers]]
id = "ana"
name = "Ana <b>Alvarez</b>"
[[performers]]
id = "ben"
name = "Ben Brook"
[[performers]]
id = "cy"
name = "Cy"
"""
)


def plot(
    *placements: Placement, barriers: tuple[Barrier, ...] = (), score: Score = SCORE
) -> ET.Element:
    beat = Beat(title="t", placements=placements, barriers=barriers)
    return ET.fromstring(stage_plot(score, beat, 1))


def markers(svg: ET.Element) -> dict[str, ET.Element]:
    return {
        g.attrib["data-who"]: g for g in svg.iter(f"{SVG}g") if g.attrib.get("class") == "performer"
    }


def centre(marker: ET.Element) -> tuple[float, float]:
    text = next(t for t in marker.iter(f"{SVG}text") if t.attrib["class"] == "initials")
    return float(text.attrib["x"]), float(text.attrib["y"])


def test_stage_left_draws_on_the_right_and_downstage_at_the_bottom() -> None:
    svg = plot(
        Placement(who="ana", area="CSL"),
        Placement(who="ben", area="CSR"),
        Placement(who="cy", area="DSC"),
    )
    found = markers(svg)
    (ax, ay), (bx, by), (cx, cy) = (centre(found[w]) for w in ("ana", "ben", "cy"))
    assert ax > cx > bx
    assert cy > ay == by
    house = next(g for g in svg.iter(f"{SVG}g") if g.attrib.get("class") == "house")
    assert house.attrib["data-side"] == "camera"


def test_markers_carry_level_and_facing_in_words_and_arrows() -> None:
    svg = plot(
        Placement(who="ana", area="CS", level="kneeling", facing="ben"),
        Placement(who="ben", area="CS", level="lying", facing="DS"),
        Placement(who="cy", area="off"),
    )
    found = markers(svg)
    assert found["ana"].attrib["data-level"] == "kneeling"
    levels = {
        w: [t.text for t in g.iter(f"{SVG}text") if t.attrib["class"] == "level"]
        for w, g in found.items()
    }
    assert levels == {"ana": ["kneeling"], "ben": ["lying"], "cy": []}
    title = found["ana"].find(f"{SVG}title")
    assert title is not None and title.text == (
        "Ana <b>Alvarez</b>: centre stage, kneeling, facing Ben Brook"
    )
    arrows = {w: len(list(g.iter(f"{SVG}line"))) for w, g in found.items()}
    assert arrows == {"ana": 1, "ben": 1, "cy": 0}
    # Offstage performers sit in the strip above the stage.
    assert centre(found["cy"])[1] < centre(found["ana"])[1]


def test_a_barrier_is_drawn_between_two_placed_performers_only() -> None:
    both = plot(
        Placement(who="ana", area="CS"),
        Placement(who="ben", area="CS"),
        barriers=(Barrier(kind="yoga_block", between=("ana", "ben")),),
    )
    kinds = [
        g.attrib["data-kind"] for g in both.iter(f"{SVG}g") if g.attrib.get("class") == "barrier"
    ]
    assert kinds == ["yoga_block"]
    one = plot(
        Placement(who="ana", area="CS"),
        barriers=(Barrier(kind="pillow", between=("ana", "ben")),),
    )
    assert not [g for g in one.iter(f"{SVG}g") if g.attrib.get("class") == "barrier"]


def test_unknown_ids_and_markup_in_names_stay_well_formed() -> None:
    svg = plot(Placement(who="zed", area="USL", facing="nobody"))
    assert list(markers(svg)) == ["zed"]
    assert ET.tostring(svg)  # parsed, so every value was escaped


def test_initials() -> None:
    assert initials("Rosa Testwell") == "RT"
    assert initials("Cy") == "C"
    assert initials("Mary Ann de Vries") == "MV"
    assert initials("'zed'") == "?"
