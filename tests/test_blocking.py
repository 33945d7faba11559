"""Placements carry forward: what is in force in each beat, and everything that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import beat, placed, score, touch
from hypothesis import HealthCheck, given, settings
from test_incremental import scores as incremental_scores

from choreo_tui.cli import main
from choreo_tui.pictures.plot import render_plot
from choreo_tui.replay.beat_view import beat_text
from notation import save
from notation.blocking import (
    areas_in_force,
    areas_in_force_at,
    carry_areas,
    in_force,
    in_force_words,
    placements_in_force,
)
from notation.model import Score
from notation.sharing.html_page import render_html
from notation.sharing.markdown import render_markdown


def staged() -> Score:
    """Beat 1 places both; beat 2 moves Ana only; beat 3 places nobody."""
    return score(
        beat(placements=(placed("ana", "CS"), placed("ben", "USL"))),
        beat(touch(), placements=(placed("ana", "DSR"),)),
        beat(),
    )


def test_a_performer_stays_where_the_latest_beat_placed_them() -> None:
    s = staged()
    assert [(p.who, p.area) for p in placements_in_force(s, 0)] == [("ana", "CS"), ("ben", "USL")]
    # The beat's own first, then those carried, each saying where it was set.
    assert [(e.placement.who, e.placement.area, e.since) for e in in_force(s, 1)] == [
        ("ana", "DSR", 1),
        ("ben", "USL", 0),
    ]
    assert [(e.placement.who, e.since) for e in in_force(s, 2)] == [("ben", 0), ("ana", 1)]


def test_a_later_placement_replaces_every_earlier_placement_of_that_performer() -> None:
    s = score(
        beat(placements=(placed("ana", "CS"), placed("ana", "DSC"))),
        beat(placements=(placed("ana", "USR"),)),
    )
    assert [p.area for p in placements_in_force(s, 0)] == ["CS", "DSC"]
    assert [p.area for p in placements_in_force(s, 1)] == ["USR"]


def test_never_placed_is_unplaced_and_out_of_range_is_empty() -> None:
    s = score(beat(), beat(placements=(placed("ana"),)))
    assert placements_in_force(s, 0) == ()
    assert placements_in_force(s, 5) == ()


def test_words_say_where_a_carried_placement_comes_from() -> None:
    words = in_force_words(staged(), 2)
    assert words[0].endswith("(from beat 1)") and "Ben Okafor" in words[0]
    assert words[1].endswith("(from beat 2)")


def test_the_stage_plot_draws_everyone_in_force() -> None:
    text = render_plot(staged(), 2).plain
    assert "OFF: nobody" in text
    assert "(no placements in this beat)" not in text and "(nobody placed yet)" not in text
    assert "Ana Ruiz: downstage right" in text and "Ben Okafor: upstage left" in text


def test_exports_and_replay_list_the_placements_in_force() -> None:
    s = staged()
    assert "Ben Okafor: upstage left, standing (from beat 1)" in render_markdown(s)
    assert "(from beat 2)" in render_html(s)
    assert "(from beat 1)" in beat_text(s, 2, "everything", []).plain


def test_show_lists_placements_in_force_and_beat_notes_not_private_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # one line per placement, to read it whole
    s = staged()
    noted = s.beats[0].model_copy(update={"notes": "She crosses", "private_notes": "SECRET"})
    s = s.replace(beats=(noted, *s.beats[1:]))
    path = tmp_path / "staged.score.toml"
    save(s, path)
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "She crosses" in out and "SECRET" not in out
    assert "upstage left" in out and "from beat" in out


def _areas_by_in_force(s: Score, index: int) -> dict[str, frozenset[str]]:
    """What T503 reads, worked out from ``in_force``: each placed performer's areas."""
    found: dict[str, set[str]] = {}
    for entry in in_force(s, index):
        found.setdefault(entry.placement.who, set()).add(entry.placement.area)
    return {who: frozenset(areas) for who, areas in found.items()}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(s=incremental_scores())
def test_areas_in_force_are_the_areas_of_the_placements_in_force(s: Score) -> None:
    assert [dict(areas_in_force_at(s, i)) for i in range(len(s.beats))] == [
        _areas_by_in_force(s, i) for i in range(len(s.beats))
    ]
    assert dict(areas_in_force_at(s, len(s.beats))) == {}


def test_an_edit_that_moves_nobody_carries_the_areas_and_one_that_moves_someone_does_not() -> None:
    s = staged()
    first = areas_in_force(s)
    retitled = s.replace(beats=(s.beats[0].model_copy(update={"title": "x"}), *s.beats[1:]))
    carry_areas(s, retitled)
    assert areas_in_force(retitled) is first
    moved = s.replace(beats=(s.beats[0], s.beats[1], beat(placements=(placed("ben", "DSR"),))))
    carry_areas(s, moved)
    assert areas_in_force(moved) is not first
    assert [dict(areas_in_force_at(moved, i)) for i in range(3)] == [
        _areas_by_in_force(moved, i) for i in range(3)
    ]
    assert areas_in_force_at(moved, 2)["ben"] == {"DSR"}
