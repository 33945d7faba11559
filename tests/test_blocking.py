"""Placements carry forward: what is in force in each beat, and everything that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import beat, placed, score, touch

from choreo_tui.cli import main
from choreo_tui.pictures.plot import render_plot
from choreo_tui.replay.beat_view import beat_text
from notation import save
from notation.blocking import in_force, in_force_words, placements_in_force
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
