"""Snapshots of the stage plot and body map widgets, full and compact."""

from __future__ import annotations

from typing import Any

from test_replay_screen import rehearsal_score
from textual.app import App, ComposeResult
from textual.containers import Horizontal

from choreo_tui.pictures.body_map import BodyMap
from choreo_tui.pictures.stage_plot import StagePlot


class Pictures(App[None]):
    """Both pictures side by side for one beat."""

    def __init__(self, beat: int, compact: bool, performer: str | None = None) -> None:
        super().__init__()
        self.beat = beat
        self.compact = compact
        self.performer = performer

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield StagePlot(compact=self.compact)
            yield BodyMap(compact=self.compact)

    def on_mount(self) -> None:
        score = rehearsal_score()
        self.query_one(StagePlot).show(score, self.beat)
        self.query_one(BodyMap).show(score, self.beat, self.performer)


def test_pictures_full_120x36(snap_compare: Any) -> None:
    assert snap_compare(Pictures(3, compact=False), terminal_size=(120, 36))


def test_pictures_compact_80x24(snap_compare: Any) -> None:
    assert snap_compare(Pictures(1, compact=True, performer="ben"), terminal_size=(80, 24))
