"""Snapshots at 80x24 of the unreadable-file screen and the dialogs that protect work."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen

from choreo_tui.recovery import Recovered
from choreo_tui.screens.external_change import ExternalChangeScreen
from choreo_tui.screens.restore import RestoreScreen
from choreo_tui.screens.unreadable import UnreadableScreen
from notation import LoadError, load
from notation.model import Beat, Performer, Scene, Score, Timing
from notation.stamp import DiskState

BROKEN = """\
format = "choreo-score"
version = 1

[scene]
title = "The orchard"

[[beats]]
title = "the approach"

[[beats.touches]]
by = "ana"
to = "ben"
onn = "upper_back"
"""


class Host(App[None]):
    """Shows one screen."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.shown = screen

    def on_mount(self) -> None:
        """Push the screen at once."""
        self.push_screen(self.shown)


def _score(beats: int) -> Score:
    return Score(
        scene=Scene(title="The orchard", self_care_cue="hold"),
        performers=(Performer(id="ana", name="Ana Reyes"), Performer(id="ben", name="Ben Cole")),
        beats=tuple(Beat(title=f"beat {i + 1}", timing=Timing(counts=4)) for i in range(beats)),
    )


def test_unreadable_screen_80x24(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("orchard.score.toml").write_text(BROKEN)
    with pytest.raises(LoadError) as caught:
        load("orchard.score.toml")
    assert snap_compare(Host(UnreadableScreen(caught.value)), terminal_size=(80, 24))


def test_restore_dialog_80x24(snap_compare: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("choreo_tui.screens.restore.when_words", lambda moment: "14:02 today")
    recovered = Recovered(_score(3), written=datetime.now() - timedelta(minutes=5), base=None)
    screen = RestoreScreen(recovered, _score(2), disk_moved_on=True)
    assert snap_compare(Host(screen), terminal_size=(80, 24))


def test_external_change_dialog_80x24(snap_compare: Any) -> None:
    screen = ExternalChangeScreen(
        Path("orchard.score.toml"), DiskState.CHANGED, _score(3), _score(2)
    )
    assert snap_compare(Host(screen), terminal_size=(80, 24))
