"""Findings look their lines up only when read: a full check never scans the file for them."""

from __future__ import annotations

import pytest
from conftest import SAMPLES

from notation import Finding, check, load
from notation.lines import LineMap


def test_check_does_not_scan_for_lines_until_one_is_read() -> None:
    score = load(SAMPLES / "problems-demo.score.toml")
    lines = score._lines
    assert isinstance(lines, LineMap)
    found = check(score)
    assert found
    assert lines._index is None and lines._full is None
    assert found[0].line is not None
    assert all(isinstance(f.line, int) for f in found)


def test_a_finding_is_immutable_and_compares_by_its_line() -> None:
    early = Finding(3, "B101", "x", 12, 0)
    late = Finding(3, "B101", "x", touch=0, locate=lambda: 12)
    assert early == late and hash(early) == hash(late)
    assert Finding(3, "B101", "x", touch=0, locate=lambda: 13) != early
    with pytest.raises(AttributeError):
        early.code = "B102"
