"""Wording: counts agree with their numbers, and an unknown id never reads 'juls''s."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import beat, score, touch

from choreo_tui.cli import main
from notation import check, save
from notation.describe import counted, possessive, timing_words, touch_words
from notation.model import Timing


def test_counted_and_possessive() -> None:
    assert counted(1, "error") == "1 error"
    assert counted(0, "error") == "0 errors"
    assert counted(2, "entry", "entries") == "2 entries"
    assert possessive("Ben") == "Ben's"
    assert possessive("'juls'") == "juls's"


def test_an_unknown_id_reads_plainly_in_messages_and_words() -> None:
    s = score(beat(touch(by="juls", to="ana", on="lips", action="kiss", counts=1)))
    messages = " ".join(f.message for f in check(s))
    assert "''s" not in messages and "juls's hand" in messages
    assert "''s" not in touch_words(s, touch(by="ben", to="juls", on="arm"))


def test_one_count_is_singular() -> None:
    s = score(beat(timing=Timing(counts=1)))
    assert timing_words(s.beats[0], 60) == "1 count at 60/min"


def test_check_summary_counts_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "one.score.toml"
    save(score(beat(touch(by="juls"))), path)
    main(["check", str(path)])
    summary = capsys.readouterr().err
    assert "1 file checked: 1 error, 0 warnings, 0 notes" in summary, summary
