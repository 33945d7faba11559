"""Drawing the replay screen from its state: the beat, the clock, the status lines and
where the pictures go. It reads the playhead, the score and the findings; it never
changes them (``replay.screen`` does).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from choreo_tui.pictures.body_map import BodyMap
from choreo_tui.pictures.stage_plot import StagePlot
from choreo_tui.replay.beat_panel import BeatPanel
from choreo_tui.replay.beat_view import (
    cue_text,
    cue_word,
    next_text,
    notice_text,
    status_text,
    strip_text,
)
from choreo_tui.replay.commands import Hold
from choreo_tui.terminal_filter import escaped
from notation.findings import Finding
from notation.model import Score
from notation.timeline import Playhead

KEY_HINT = "←→ step  +- speed  m marking  l layer  p pics  w whose  e stops  c check-in"
"""Shown on the notice line when replay has nothing more pressing to say."""


class ReplayDrawing(Screen[None]):
    """The replay screen's drawing: what it shows for the state it is in."""

    score: Score
    playhead: Playhead
    findings: list[Finding]
    broken: frozenset[int]
    story_layer: str
    stop_on_errors: bool
    pictures: str
    _ready: bool

    def _draw_beat(self) -> None:
        if not self._ready:
            return
        index = self.playhead.beat
        self.query_one(BeatPanel).show_beat(
            self.score, index, self.story_layer, self.findings, index in self.broken
        )
        if self.score.beats:
            next_words = next_text(self.score, index, self.findings)
            self.query_one("#next", Static).update(escaped(next_words))
        shown = index if self.score.beats else None
        self.query_one(StagePlot).show(self.score, shown)
        self.query_one(BodyMap).show(self.score, shown)
        self._draw_status()

    def _draw_clock(self) -> None:
        self.query_one(BeatPanel).show_clock(self.playhead)

    def _draw_status(self) -> None:
        if not self._ready:
            return
        head = self.playhead
        total = len(self.score.beats)
        top = status_text(
            head, total, self.story_layer, self.stop_on_errors, self.score.scene.title
        )
        self.query_one("#top", Static).update(escaped(top))
        self.query_one("#cue", Static).update(escaped(cue_text(self.score, self._hold_keys())))
        width = max(20, self.app.size.width)
        self.query_one("#strip", Static).update(
            strip_text(self.findings, total, head.beat, self.broken, width)
        )
        self.query_one("#notice", Static).update(
            notice_text(head, cue_word(self.score)) or KEY_HINT
        )
        self._draw_clock()

    def _hold_keys(self) -> str:
        """ "h or ! = HOLD", from the keys in force, so a keymap change shows here too."""
        keys = [
            self.app.get_key_display(Binding(key, ""))
            for key, active in self.active_bindings.items()
            if active.binding.action == Hold.action()
        ]
        word = cue_word(self.score)
        return " or ".join(keys) + f" = {word}" if keys else word

    def _layout_pictures(self) -> None:
        if not self._ready:
            return
        panel = self.query_one("#pictures", Vertical)
        wide = self.app.size.width >= 110
        panel.set_class(wide, "side-by-side")
        panel.set_class(not wide, "stacked")
        panel.display = self.pictures != "none"
        self.query_one(StagePlot).display = self.pictures in ("both", "plot")
        self.query_one(BodyMap).display = self.pictures in ("both", "body")
