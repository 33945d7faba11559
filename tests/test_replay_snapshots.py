"""Snapshots of the replay screen at 80x24 and 120x36 (update with --snapshot-update)."""

from __future__ import annotations

from typing import Any

from test_replay_screen import Rehearsal, rehearsal_score


def test_replay_80x24(snap_compare: Any) -> None:
    app = Rehearsal(rehearsal_score(), start=1, checkin=False)
    assert snap_compare(app, terminal_size=(80, 24))


def test_replay_120x36_error_beat(snap_compare: Any) -> None:
    app = Rehearsal(rehearsal_score(), start=3, checkin=False)
    assert snap_compare(app, terminal_size=(120, 36))


def test_replay_hold_80x24(snap_compare: Any) -> None:
    app = Rehearsal(rehearsal_score(), start=1, checkin=False)
    assert snap_compare(app, press=["h"], terminal_size=(80, 24))


def test_replay_checkin_120x36(snap_compare: Any) -> None:
    app = Rehearsal(rehearsal_score())
    assert snap_compare(app, press=["space"], terminal_size=(120, 36))
