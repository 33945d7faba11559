"""The stage plot and body map as text: placement, facing, barriers, sides, statuses, contact."""

from __future__ import annotations

from pathlib import Path

import pytest

from choreo_tui.pictures.body import (
    _COMPACT_CODES,
    BACK,
    BACK_COMPACT,
    FIGURE_CODES,
    FRONT,
    FRONT_COMPACT,
    contact_leaves,
    default_performer,
    render_body,
)
from choreo_tui.pictures.plot import render_plot
from notation import load
from notation.areas import LEAVES
from notation.model import (
    AreaRule,
    Barrier,
    Beat,
    Boundaries,
    Performer,
    Placement,
    Scene,
    Score,
    Touch,
)
from notation.stage_grid import labels, markers


def cast(medium: str = "theatre") -> Score:
    ana = Performer(
        id="ana",
        name="Ana Example",
        character="Nell",
        boundaries=Boundaries(
            default="ask",
            areas={
                "upper_back": AreaRule(status="yes"),
                "neck": AreaRule(status="no"),
                "hand": AreaRule(status="yes", only=("light",)),
            },
        ),
    )
    ben = Performer(id="ben", name="Ben Sample")
    beat = Beat(
        title="close",
        touches=(Touch(by="ben", with_="hand_r", to="ana", on="upper_back"),),
        placements=(
            Placement(who="ana", area="DSR", level="kneeling", facing="DS"),
            Placement(who="ben", area="CS", level="standing", facing="ana"),
        ),
        barriers=(Barrier(kind="bolster", between=("ana", "ben")),),
    )
    return Score(
        scene=Scene(title="t", medium=medium),
        performers=(ana, ben),
        beats=(beat, Beat(placements=(Placement(who="ana", area="off"),))),
    )


def grid_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("│")]


def test_labels_are_unique_initials() -> None:
    score = cast()
    assert labels(score) == {"ana": "A", "ben": "B"}
    twins = score.replace(
        performers=(
            Performer(id="a1", name="Ana One"),
            Performer(id="a2", name="Ana Two"),
            Performer(id="a3", name="Ana Oak"),
        )
    )
    marks = labels(twins)
    assert len(set(marks.values())) == 3
    assert marks["a1"] == "AO"


@pytest.mark.parametrize("compact", [False, True])
def test_plot_places_markers_as_the_house_sees_them(compact: bool) -> None:
    text = render_plot(cast(), 0, compact=compact).plain
    rows = grid_rows(text)
    per_cell = 2 if compact else 3
    downstage = rows[2 * per_cell]
    centre = rows[per_cell]
    # Stage right is the viewer's left: DSR is the first cell of the bottom row.
    first_cell = downstage.split("│")[1]
    assert ("A↓k" if compact else "A↓kneel") in first_cell
    # Ben in CS faces Ana, who is downstage and to stage right: down-left.
    assert ("B↙s" if compact else "B↙stand") in centre.split("│")[2]
    assert "UPSTAGE" in text.splitlines()[0]
    assert "AUDIENCE" in text
    assert "CAMERA" not in text


def test_plot_marks_the_camera_side_on_film_and_draws_barriers() -> None:
    full = render_plot(cast("film"), 0).plain
    assert "▼ CAMERA ▼" in full
    assert "AUDIENCE" not in full
    assert "≡bolster:A|B" in full
    assert "bolster between Ana Example and Ben Sample" in full
    compact = render_plot(cast("tv"), 0, compact=True).plain
    assert "≡A|B" in compact
    assert "≡ barrier" in compact


def test_plot_lists_offstage_and_empty_beats() -> None:
    text = render_plot(cast(), 1).plain
    assert "OFF: A·stand" in text
    empty = render_plot(cast(), None).plain
    assert "OFF: nobody" in empty
    assert "nobody placed yet" in empty
    assert render_plot(cast(), 99).plain == empty


def test_compact_plot_fits_a_side_panel() -> None:
    text = render_plot(cast(), 0, compact=True)
    assert max(len(line) for line in text.plain.splitlines()) <= 30
    assert len(text.plain.splitlines()) <= 16
    full = render_plot(cast(), 0)
    assert max(len(line) for line in full.plain.splitlines()) <= 80


def test_facing_a_partner_in_the_same_cell_points_at_them() -> None:
    beat = Beat(
        placements=(
            Placement(who="ana", area="CS", facing="ben"),
            Placement(who="ben", area="CS", facing="ana"),
        )
    )
    cells = markers(cast(), beat)
    assert [m.arrow for m in cells["CS"]] == ["→", "←"]


def test_markers_without_facing_use_a_dot() -> None:
    beat = Beat(placements=(Placement(who="ana", area="USL", level="lying"),))
    assert markers(cast(), beat)["USL"][0].text(True) == "A·l"


@pytest.mark.parametrize(
    ("front", "back", "codes"),
    [(FRONT, BACK, FIGURE_CODES), (FRONT_COMPACT, BACK_COMPACT, _COMPACT_CODES)],
)
def test_figures_cover_every_leaf_and_are_rectangular(
    front: tuple[str, ...], back: tuple[str, ...], codes: dict[str, str]
) -> None:
    drawn = {codes[c] for row in front + back for c in row if c in codes}
    assert drawn == set(LEAVES)
    assert len({len(row) for row in front + back}) == 1
    # Every non-space character of a figure is an area code.
    assert all(c == " " or c in codes for row in front + back for c in row)


def test_body_map_marks_status_without_colour() -> None:
    text = render_body(cast(), 0, "ana").plain
    assert "Ana Example (Nell)" in text
    assert "✓░ yes" in text and "?▒ ask first" in text and "✗▓ no" in text
    lines = text.splitlines()
    neck_row = lines[2 + FRONT.index("       nnn       ")]  # after the title and FRONT/BACK
    assert neck_row.strip().startswith("✗▓▓")


def test_body_map_marks_contact_on_both_performers() -> None:
    score = cast()
    ana = render_body(score, 0, "ana").plain
    assert "● ✓ upper back" in ana
    assert ana.count("●") >= 3  # legend, the back figure, the list
    ben = render_body(score, 0, "ben").plain
    assert "no boundaries recorded" in ben
    assert "● ? right hand" in ben
    assert "no contact" in render_body(score, 1, "ana").plain


def test_body_map_lists_conditions_of_touched_areas() -> None:
    score = cast()
    beat = Beat(touches=(Touch(by="ben", to="ana", on="hand_l"),))
    text = render_body(score.replace(beats=(beat,)), 0, "ana").plain
    assert "● ✓ left hand (light)" in text


def test_body_map_without_performers() -> None:
    empty = Score(scene=Scene(title="t"))
    assert "no performer" in render_body(empty, None, None).plain
    assert default_performer(empty, None) is None


def test_contact_and_default_performer() -> None:
    score = cast()
    assert contact_leaves(score.beats[0], "ben") == {"hand_r"}
    assert contact_leaves(score.beats[0], "ana") == {"upper_back"}
    assert default_performer(score, 0) == "ana"
    assert default_performer(score, 1) == "ana"


def test_compact_body_map_fits_80x24() -> None:
    text = render_body(cast(), 0, "ana", compact=True).plain
    lines = text.splitlines()
    assert len(lines) <= 17
    assert max(len(line) for line in lines[:-1]) <= 30


def test_every_sample_beat_renders_within_its_width(samples: Path) -> None:
    for path in sorted(samples.glob("*.score.toml")):
        score = load(path)
        for index in [None, *range(len(score.beats))]:
            for compact, plot_width, body_width in ((True, 28, 22), (False, 58, 36)):
                plot = render_plot(score, index, compact=compact).plain.splitlines()
                grid = [line for line in plot if line[:1] in "┌│├└"]
                assert all(len(line) == plot_width for line in grid)
                for performer in score.performers:
                    body = render_body(score, index, performer.id, compact=compact).plain
                    figure = body.splitlines()[1:-2]
                    assert all(
                        len(line) <= body_width
                        for line in figure
                        if "✓" in line or "?" in line or "✗" in line
                    )


def test_blank_names_still_get_a_label() -> None:
    score = cast().replace(performers=(Performer(id="zed", name=" "),))
    assert labels(score) == {"zed": "Z"}
