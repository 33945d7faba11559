"""The cast list's rows: two lines a performer, score text escaped field by field, laid
out at the list's width and broken only between parts."""

from __future__ import annotations

from pathlib import Path

import pytest
from cast_fixtures import orchard
from test_cast_screen import CastHost, drive
from textual.pilot import Pilot
from textual.widgets import OptionList

from choreo_tui.cast.cast_row import MARKS, fill
from choreo_tui.cast.screen import boundaries_at_a_glance, performer_line
from notation.model import AreaRule, Performer, Score
from notation.production import ProductionScene, open_score

SAMPLES = Path(__file__).parent.parent / "sample_scenes"


def test_a_row_is_two_lines_and_hostile_text_is_shown_escaped() -> None:
    # Escaping the whole row once showed its own line break as '\x0a' in the list.
    performer = Performer(id="ana", name="Ana\x1b]0;pwned\x07", character="Lise\u202e\nx")
    row = performer_line(performer)
    first, second = row.split("\n")
    assert "\\x1b]0;pwned\\x07" in first and "\\u202e\\x0ax" in first
    assert "\x1b" not in row and "\u202e" not in row
    assert "no boundaries recorded" in second and "\\x0a" not in second


def _long_record() -> Score:
    # At 120 columns this row's second line once ended in "no rider" with its "✗"
    # alone at the start of the next line, under the ids.
    score = orchard()
    ana = score.performers[0]
    table = ana.boundaries
    assert table is not None
    areas = {
        **table.areas,
        "neck": AreaRule(status="no"),
        "lips": AreaRule(status="ask", only=("closed_mouth",)),
        "cheek": AreaRule(status="ask"),
    }
    ana = ana.model_copy(update={"boundaries": table.model_copy(update={"areas": areas})})
    return score.replace(performers=(ana, *score.performers[1:]))


def _list_lines(score: Score, size: tuple[int, int]) -> list[str]:
    """The cast list's lines as drawn, without its border."""
    shown: list[str] = []

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        listing = app.screen.query_one("#performers", OptionList)
        shown.extend(listing.render_line(y).text.rstrip() for y in range(listing.size.height))

    drive(steps, score, size)
    return shown


@pytest.mark.parametrize("columns", [80, 100, 120])
def test_a_long_row_breaks_between_its_parts_never_leaving_a_mark_alone(columns: int) -> None:
    score = _long_record()
    ana = score.performers[0]
    lines = _list_lines(score, (columns, 30))
    row = lines[: next(i for i, line in enumerate(lines) if line.startswith("ben"))]
    assert len(row) > 2, "the row is long enough to be broken here"
    assert not [line for line in row if line.strip() in MARKS]
    # Each part whole on one line, every line after the first under the names.
    for part in boundaries_at_a_glance(ana).split(" · "):
        assert any(part in line for line in row), part
    assert all(line.startswith(" " * 11) and line[11] != " " for line in row[1:])
    # Nothing lost: the same words as the unbroken row.
    words = [w for w in " ".join(row).split() if w != "·"]
    assert words == [w for w in performer_line(ana).split() if w != "·"]


def test_a_part_wider_than_a_line_breaks_at_its_spaces_with_each_mark_on_its_words() -> None:
    lines = fill(["✗ no: neck, hair, nape", "no rider ✗"], "", 2, 12)
    assert lines == ["✗ no: neck,", "  hair,", "  nape ·", "  no rider ✗"]
    assert fill(["x", "no rider ✗"], "", 2, 9) == ["x ·", "  no", "  rider ✗"]


def test_a_row_keeps_its_last_line_when_a_resize_brings_the_scrollbar() -> None:
    # The rows were measured at the list's width; a scrollbar that came with a smaller
    # terminal narrowed it under them, and Mara's last line ("no rider ✗") was cut.
    scene = open_score(SAMPLES / "northern-light" / "ep4-sc09-bedroom.score.toml")
    assert isinstance(scene, ProductionScene)
    score = scene.score.replace(performers=scene.production.performers)
    shown: list[str] = []

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        listing = app.screen.query_one("#performers", OptionList)
        shown.extend(listing.render_line(y).text for y in range(listing.size.height))

    drive(steps, score, (80, 24))
    mara = shown[: next(i for i, line in enumerate(shown) if line.startswith("oren"))]
    assert "no rider ✗" in mara[-1]
