"""The replay screen: run the scene beat by beat in rehearsal, at tempo, and stop at once.

The playhead (``notation.timeline``) decides where replay is; this screen only
feeds it the clock and draws it. Every rehearsal-log entry (check-in, hold,
boundary change, closure) builds a new Score and hands it to ``record``, which
the app applies and saves at once; replay carries on with that score, checked
again, with the beats a boundary change broke marked.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Static

from choreo_tui.commands import bindings
from choreo_tui.pictures.body_map import BodyMap
from choreo_tui.pictures.stage_plot import StagePlot
from choreo_tui.replay.beat_panel import BeatPanel
from choreo_tui.replay.beat_view import (
    LAYERS,
    cue_word,
)
from choreo_tui.replay.commands import REPLAY_COMMANDS, name_the_hold
from choreo_tui.replay.dialogs import (
    BoundaryChangeDialog,
    CheckinDialog,
    ClosureDialog,
    HoldDialog,
)
from choreo_tui.replay.drawing import KEY_HINT, ReplayDrawing
from notation import rehearsal_log
from notation.change_effects import broken_beats, error_beats
from notation.checks.incremental import LiveFindings
from notation.describe import and_list
from notation.findings import Finding
from notation.model import Score
from notation.timeline import MARKING_SPEED, Playhead, Timeline

__all__ = ["KEY_HINT", "PICTURES", "TICK", "Clock", "Record", "ReplayScreen"]

Record = Callable[[Score], None]
Clock = Callable[[], float]
TICK = 0.1
"""Seconds between clock ticks: fine enough for a count at 240/min."""
PICTURES: tuple[str, ...] = ("both", "plot", "body", "none")


class ReplayScreen(ReplayDrawing):
    """Step through a score in rehearsal: the current beat large, the next previewed,
    the self-care cue always on screen."""

    HELP = """\
Replay runs the scene beat by beat at tempo. The current beat is large: its number,
the counts or seconds left, who does what in plain words, and its findings (✗ ⚠).
The next beat is previewed at the bottom; the self-care cue is always on the second line.

h or ! calls HOLD: everything stops at once, the hold goes into the rehearsal log with
its beat, and "HOLD: what do you need?" stays until enter or escape.

space plays and pauses; → ← step (→ also moves on from an untimed beat, which waits);
home and end; + and - change speed, m is the marking run at half speed.
Playback stops before a beat with ✗ findings; e turns those stops off and on.
l cycles the layers: touch only, touch + story, everything.
p cycles the pictures (both, stage plot, body map, none); w shows the next performer.
c asks for the check-in again; b records a boundary change on the spot (it is checked
at once and the beats it breaks are marked *); q or escape ends, offering closure.
Private notes never show here: the room can read this screen."""

    DEFAULT_CSS = """
    ReplayScreen { layout: vertical; }
    ReplayScreen #top {
        height: 1;
        background: $primary-background;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ReplayScreen #cue { height: 1; background: $warning-muted; }
    ReplayScreen #strip { height: 1; }
    ReplayScreen #notice { height: 1; color: $warning; }
    ReplayScreen #main { height: 1fr; }
    ReplayScreen #pictures { width: auto; height: 100%; padding: 0 1; overflow-y: auto; }
    ReplayScreen #pictures.side-by-side { layout: horizontal; }
    ReplayScreen #pictures.side-by-side BodyMap { margin-left: 2; }
    ReplayScreen #pictures.stacked BodyMap { margin-top: 1; }
    ReplayScreen #next {
        height: 2;
        background: $boost;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = list(bindings(REPLAY_COMMANDS))
    PALETTE_COMMANDS = REPLAY_COMMANDS
    """What the command palette offers here, before the app-wide commands."""

    def __init__(
        self,
        score: Score,
        start: int = 0,
        record: Record | None = None,
        *,
        checkin: bool = True,
        clock: Clock = time.monotonic,
    ) -> None:
        super().__init__()
        self.score = score
        name_the_hold(self._bindings, cue_word(score))
        self._record = record
        self._ask_checkin = checkin
        self._clock = clock
        self._last = clock()
        self._ready = False
        self.story_layer = "everything"
        self.stop_on_errors = True
        self.pictures = "both"
        self.broken: frozenset[int] = frozenset()
        self._live = LiveFindings(score)  # later, only what a change touches is re-checked
        self.findings: list[Finding] = self._live.findings()
        self.playhead = Playhead(Timeline.of(score)).go(start)
        self._apply_stops()

    # -- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Top line, cue, beat strip, the beat beside its pictures, the next beat, keys."""
        yield Static(id="top", markup=False)  # the scene title is never markup
        yield Static(id="cue")
        yield Static(id="strip")
        yield Static(id="notice", markup=False)
        with Horizontal(id="main"):
            yield BeatPanel(id="beat")
            with Vertical(id="pictures"):
                yield StagePlot(compact=True)
                yield BodyMap(compact=True)
        yield Static(id="next")
        yield Footer()

    def on_mount(self) -> None:
        """Start the clock, draw, and ask for the check-in."""
        self._last = self._clock()
        self._ready = True
        self.set_interval(TICK, self._tick)
        self.pictures = "both" if self.app.size.width >= 110 else "plot"
        self._layout_pictures()
        self._draw_beat()
        if self._ask_checkin and self.score.performers:
            self.app.push_screen(CheckinDialog(self.score, self.action_hold), self._checked_in)

    def on_resize(self) -> None:
        """Lay the pictures out for the new size."""
        self._layout_pictures()

    # -- the clock -------------------------------------------------------------------

    def _tick(self) -> None:
        now = self._clock()
        elapsed, self._last = now - self._last, now
        if self.playhead.playing:
            self.advance(elapsed)

    def advance(self, wall_seconds: float) -> None:
        """Let ``wall_seconds`` of rehearsal pass (the clock's tick calls this)."""
        before = self.playhead
        self.playhead = before.advance(wall_seconds)
        if self.playhead.beat != before.beat:
            self._draw_beat()
        else:
            self._draw_clock()

    # -- actions ---------------------------------------------------------------------

    def action_play_pause(self) -> None:
        """Play or pause."""
        self._last = self._clock()
        self._move(self.playhead.toggle())

    def action_next_beat(self) -> None:
        """Step to the next beat (also the manual step past an untimed beat)."""
        self._move(self.playhead.step(1))

    def action_previous_beat(self) -> None:
        """Step back a beat."""
        self._move(self.playhead.step(-1))

    def action_first_beat(self) -> None:
        """Go to the first beat."""
        self._move(self.playhead.go(0))

    def action_last_beat(self) -> None:
        """Go to the last beat."""
        self._move(self.playhead.go(len(self.score.beats) - 1))

    def action_faster(self) -> None:
        """Speed up one step."""
        self._move(self.playhead.faster())

    def action_slower(self) -> None:
        """Slow down one step."""
        self._move(self.playhead.slower())

    def action_marking_run(self) -> None:
        """A marking run at half speed, or back to tempo."""
        speed = 1.0 if self.playhead.speed == MARKING_SPEED else MARKING_SPEED
        self._move(self.playhead.at_speed(speed))

    def action_layer(self) -> None:
        """Touch only, touch and story, everything."""
        self.story_layer = LAYERS[(LAYERS.index(self.story_layer) + 1) % len(LAYERS)]
        self._draw_beat()

    def action_error_stops(self) -> None:
        """Whether playback stops before beats with error findings."""
        self.stop_on_errors = not self.stop_on_errors
        self._apply_stops()
        self._draw_status()

    def action_cycle_pictures(self) -> None:
        """Both pictures, the stage plot, the body map, or none."""
        self.pictures = PICTURES[(PICTURES.index(self.pictures) + 1) % len(PICTURES)]
        self._layout_pictures()

    def action_whose_body_map(self) -> None:
        """Show the next performer's body map."""
        self.query_one(BodyMap).cycle()

    def action_hold(self) -> None:
        """The self-care cue: stop at once, log it, ask what they need."""
        if self.playhead.held:
            return
        self.playhead = self.playhead.hold()
        self._draw_status()
        beat = self._beat_or_none()
        self._commit(rehearsal_log.hold(self.score, beat))
        self.app.push_screen(HoldDialog(beat, cue_word(self.score)), self._released)

    def action_check_in(self) -> None:
        """Ask for the check-in again (replay pauses while it is asked)."""
        self._move(self.playhead.pause())
        self.app.push_screen(CheckinDialog(self.score, self.action_hold), self._checked_in)

    def action_boundary_change(self) -> None:
        """Record a boundary change on the spot."""
        if not self.score.performers:
            self.notify("This score has no performers.", severity="warning")
            return
        self._move(self.playhead.pause())
        first = self.query_one(BodyMap).performer
        dialog = BoundaryChangeDialog(
            self.score, first, self._contact_area(first), on_hold=self.action_hold
        )
        self.app.push_screen(dialog, self._boundary_changed)

    def action_end_rehearsal(self) -> None:
        """End the rehearsal, offering closure first."""
        self._move(self.playhead.pause())
        self.app.push_screen(ClosureDialog(self.action_hold), self._after_closure)

    # -- answers from the dialogs ----------------------------------------------------

    def _checked_in(self, who: object) -> None:
        if isinstance(who, tuple):
            self._commit(rehearsal_log.checkin(self.score, [str(w) for w in who]))
            self.notify(f"Check-in recorded: {len(who)} of {len(self.score.performers)}.")

    def _released(self, _: object) -> None:
        self.playhead = self.playhead.release()
        self._draw_status()

    def _boundary_changed(self, choice: object) -> None:
        if not isinstance(choice, tuple) or len(choice) != 3:
            return
        who, area, status = choice
        before = self.findings
        changed = rehearsal_log.change_boundary(self.score, who, area, status, self._beat_or_none())
        self._commit(changed)
        newly = broken_beats(before, self.findings)
        self.broken |= newly
        self.query_one(BodyMap).select(who)
        if newly:
            numbers = [str(b + 1) for b in sorted(newly)]
            which = f"beat {numbers[0]}" if len(numbers) == 1 else f"beats {and_list(numbers)}"
            self.notify(f"✗ Boundary change recorded. It breaks {which}.", severity="error")
        else:
            self.notify("✓ Boundary change recorded. No beat breaks it.")
        self._draw_beat()

    def _after_closure(self, answer: object) -> None:
        if answer is None:
            return
        if answer == "closure":
            self._commit(rehearsal_log.closure(self.score, self._beat_or_none()))
        self._leave()

    def _leave(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)
        else:
            self.app.exit()

    # -- state -----------------------------------------------------------------------

    def _contact_area(self, performer: str | None) -> str | None:
        """The first area of ``performer`` in contact in this beat: the likeliest to change."""
        if not self.score.beats:
            return None
        for touch in self.score.beats[self.playhead.beat].touches:
            if touch.to == performer:
                return touch.on
            if touch.by == performer:
                return touch.with_
        return None

    def _beat_or_none(self) -> int | None:
        return self.playhead.beat if self.score.beats else None

    def _commit(self, score: Score) -> None:
        """Carry on with ``score``, checked again, and hand it to ``record``."""
        self.score = score
        self._live.update(score)
        self.findings = self._live.findings()
        self._apply_stops()
        if self._record is not None:
            try:
                self._record(score)
            except Exception as error:  # the app's save failed: say so, never crash the room
                self.notify(
                    f"The rehearsal log could not be saved ({type(error).__name__}).",
                    severity="error",
                )
        self._draw_status()

    def _apply_stops(self) -> None:
        stops = error_beats(self.findings) if self.stop_on_errors else frozenset()
        self.playhead = self.playhead.with_stops(stops)

    def _move(self, playhead: Playhead) -> None:
        changed = playhead.beat != self.playhead.beat
        self.playhead = playhead
        if changed:
            self._draw_beat()
        else:
            self._draw_status()
