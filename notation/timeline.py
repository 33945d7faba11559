"""The replay timeline: when each beat starts, and a playhead that runs through them.

Pure Python, no Textual: the replay screen only feeds it the wall-clock time that
passed and draws what it says. Times are in *scene seconds* (at tempo); the
speed factor turns wall seconds into scene seconds, so a marking run at half
speed takes twice as long without changing any beat's length.

An untimed beat has no length: it sits at one point of the timeline, and a
playing playhead that reaches it waits there for a manual step. A beat whose
timing has both counts and seconds (finding T502) lasts both, one after the
other, so nothing in it is cut short.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Final

from notation.model import Beat, Score

SPEEDS: Final[tuple[float, ...]] = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
"""The speed steps of + and -; 0.5 is the marking run."""
MARKING_SPEED: Final = 0.5
DEFAULT_TEMPO: Final = 60.0


@dataclass(frozen=True)
class Slot:
    """One beat's place on the timeline (0-based ``index``; times in scene seconds)."""

    index: int
    start: float
    length: float | None
    """None for an untimed beat, which waits for a manual step."""
    counts: int | None = None
    tempo: float | None = None
    """Counts per minute, when the beat is counted."""
    seconds: float | None = None

    @property
    def timed(self) -> bool:
        """Whether the beat runs by itself at tempo."""
        return self.length is not None

    @property
    def end(self) -> float:
        """Where the next beat starts (the start itself for an untimed beat)."""
        return self.start + (self.length or 0.0)

    @property
    def count_length(self) -> float | None:
        """Seconds per count, when the beat is counted."""
        if self.counts is None or self.tempo is None:
            return None
        return 60.0 / self.tempo

    def countdown(self, offset: float) -> tuple[int, str]:
        """What is left at ``offset`` seconds into the beat: (value, "counts" or "s").

        Counts tick down when each count begins (8 counts show 8 during the
        first count); seconds round up, so the display reads 1 until the end.
        A beat with both counts and seconds counts its counts first.
        """
        offset = max(0.0, offset)
        per_count = self.count_length
        if per_count is not None and self.counts is not None:
            counted = self.counts * per_count
            if offset < counted or self.seconds is None:
                done = min(self.counts, math.floor(offset / per_count + 1e-9))
                return self.counts - done, "counts"
            offset -= counted
        if self.seconds is not None:
            return max(0, math.ceil(self.seconds - offset - 1e-9)), "s"
        return 0, ""

    def count_at(self, offset: float) -> int | None:
        """The 1-based count playing at ``offset`` seconds into a counted beat."""
        per_count = self.count_length
        if per_count is None or self.counts is None:
            return None
        return min(self.counts, math.floor(max(0.0, offset) / per_count + 1e-9) + 1)


def slot_of(beat: Beat, index: int, start: float, scene_tempo: float) -> Slot:
    """A beat's slot from its timing: counts at its tempo or the scene's, or seconds."""
    timing = beat.timing
    if timing is None or (timing.counts is None and timing.seconds is None):
        return Slot(index, start, None)
    length = 0.0
    tempo: float | None = None
    if timing.counts is not None:
        tempo = timing.tempo or scene_tempo
        length += timing.counts * 60.0 / tempo
    if timing.seconds is not None:
        length += timing.seconds
    return Slot(index, start, length, timing.counts, tempo, timing.seconds)


@dataclass(frozen=True)
class Timeline:
    """Every beat's slot in performance order, and the total length."""

    slots: tuple[Slot, ...]

    @classmethod
    def of(cls, score: Score) -> Timeline:
        """The timeline of a score's beats."""
        return cls.of_beats(score.beats, score.scene.tempo)

    @classmethod
    def of_beats(cls, beats: Iterable[Beat], scene_tempo: float = DEFAULT_TEMPO) -> Timeline:
        """The timeline of beats played at ``scene_tempo`` unless a beat says otherwise."""
        slots: list[Slot] = []
        start = 0.0
        for index, beat in enumerate(beats):
            slot = slot_of(beat, index, start, scene_tempo)
            slots.append(slot)
            start = slot.end
        return cls(tuple(slots))

    def __len__(self) -> int:
        return len(self.slots)

    @property
    def total(self) -> float:
        """The scene's length in scene seconds (untimed beats add nothing)."""
        return self.slots[-1].end if self.slots else 0.0

    @property
    def untimed(self) -> tuple[int, ...]:
        """0-based indexes of the beats that wait for a manual step."""
        return tuple(slot.index for slot in self.slots if not slot.timed)

    def wall_length(self, speed: float = 1.0) -> float:
        """How long the timed beats take on the clock at ``speed``."""
        return self.total / speed

    def beat_at(self, position: float) -> int | None:
        """The 0-based beat playing at ``position`` scene seconds, None with no beats.

        A timed beat owns [start, end): at a boundary the next beat is playing.
        Untimed beats own no time, so a position belongs to one only when no
        timed beat owns it; past the end it is the last beat. Before 0 counts as 0.
        """
        if not self.slots:
            return None
        position = max(0.0, position)
        for slot in self.slots:
            if slot.timed and slot.start <= position < slot.end:
                return slot.index
        started = [slot.index for slot in self.slots if slot.start <= position]
        return started[-1] if started else 0

    def position_of(self, index: int) -> float:
        """Where the beat at 0-based ``index`` starts, in scene seconds."""
        return self.slots[index].start


@dataclass(frozen=True)
class Playhead:
    """Where replay is, as an immutable value: each method returns the next state.

    ``stop_before`` holds the 0-based beats that playback must not run into
    (beats with error findings, by default): reaching one pauses at its start,
    ``stopped_before`` says which. A hold pauses at once and stays until
    released; nothing plays while held.
    """

    timeline: Timeline
    beat: int = 0
    offset: float = 0.0
    playing: bool = False
    held: bool = False
    speed: float = 1.0
    stop_before: frozenset[int] = frozenset()
    stopped_before: int | None = None
    finished: bool = False

    @property
    def slot(self) -> Slot | None:
        """The current beat's slot (None for a score without beats)."""
        return self.timeline.slots[self.beat] if self.timeline.slots else None

    @property
    def waiting(self) -> bool:
        """Playing, and standing on an untimed beat until someone steps on."""
        slot = self.slot
        return self.playing and slot is not None and not slot.timed

    @property
    def position(self) -> float:
        """Where the playhead is on the timeline, in scene seconds."""
        slot = self.slot
        return 0.0 if slot is None else slot.start + self.offset

    def countdown(self) -> tuple[int, str]:
        """What is left of the current beat: (value, "counts" or "s"), or (0, "")."""
        slot = self.slot
        return (0, "") if slot is None else slot.countdown(self.offset)

    def play(self) -> Playhead:
        """Start playing (from the top again after the end); a hold blocks it."""
        if self.held or not self.timeline.slots:
            return self
        if self.finished:
            return replace(
                self, beat=0, offset=0.0, playing=True, finished=False, stopped_before=None
            )
        return replace(self, playing=True, stopped_before=None)

    def pause(self) -> Playhead:
        """Stop where we are."""
        return replace(self, playing=False)

    def toggle(self) -> Playhead:
        """Play if paused, pause if playing."""
        return self.pause() if self.playing else self.play()

    def hold(self) -> Playhead:
        """The self-care cue: stop everything at once, until released."""
        return replace(self, playing=False, held=True)

    def release(self) -> Playhead:
        """Dismiss a hold; replay stays paused until someone plays on."""
        return replace(self, held=False)

    def go(self, index: int) -> Playhead:
        """Jump to the start of a beat (clamped); playing stays as it was, except that
        playing into a beat in ``stop_before`` pauses there, as running into it would."""
        if not self.timeline.slots:
            return self
        index = max(0, min(index, len(self.timeline) - 1))
        moved = replace(self, beat=index, offset=0.0, stopped_before=None, finished=False)
        if self.playing and index != self.beat and index in self.stop_before:
            return replace(moved, playing=False, stopped_before=index)
        return moved

    def step(self, delta: int) -> Playhead:
        """Step ``delta`` beats forward or back (a manual step past an untimed beat)."""
        return self.go(self.beat + delta)

    def at_speed(self, speed: float) -> Playhead:
        """The same place at another speed factor (must be > 0)."""
        if not speed > 0 or not math.isfinite(speed):
            raise ValueError("speed must be a positive number")
        return replace(self, speed=speed)

    def faster(self) -> Playhead:
        """The next speed step up."""
        higher = [s for s in SPEEDS if s > self.speed + 1e-9]
        return self.at_speed(higher[0]) if higher else self

    def slower(self) -> Playhead:
        """The next speed step down."""
        lower = [s for s in SPEEDS if s < self.speed - 1e-9]
        return self.at_speed(lower[-1]) if lower else self

    def with_stops(self, stop_before: Iterable[int]) -> Playhead:
        """The same place with a new set of beats not to run into."""
        return replace(self, stop_before=frozenset(stop_before))

    def advance(self, wall_seconds: float) -> Playhead:
        """Where the playhead is after ``wall_seconds`` on the clock.

        Runs through timed beats at ``speed``; stops at an untimed beat (which
        waits for a step), before a beat in ``stop_before``, and at the end.
        """
        if not self.playing or self.held or wall_seconds <= 0 or self.slot is None:
            return self
        left = wall_seconds * self.speed
        beat, offset = self.beat, self.offset
        slots = self.timeline.slots
        while True:
            slot = slots[beat]
            if slot.length is None:
                return replace(self, beat=beat, offset=0.0)
            if offset + left < slot.length:
                return replace(self, beat=beat, offset=offset + left)
            left -= slot.length - offset
            if beat + 1 >= len(slots):
                return replace(self, beat=beat, offset=slot.length, playing=False, finished=True)
            beat, offset = beat + 1, 0.0
            if beat in self.stop_before:
                return replace(self, beat=beat, offset=0.0, playing=False, stopped_before=beat)
