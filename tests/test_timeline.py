"""The replay timeline: beat starts from timing, beat at a position, speed, untimed beats, holds."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notation.model import Beat, Scene, Score, Timing
from notation.timeline import MARKING_SPEED, SPEEDS, Playhead, Timeline


def beat(
    counts: int | None = None, seconds: float | None = None, tempo: float | None = None
) -> Beat:
    if counts is None and seconds is None:
        return Beat()
    return Beat(timing=Timing(counts=counts, seconds=seconds, tempo=tempo))


def score(*beats: Beat, tempo: float = 60.0) -> Score:
    return Score(scene=Scene(title="t", tempo=tempo), beats=beats)


def test_counts_at_scene_tempo() -> None:
    line = Timeline.of(score(beat(8), beat(4), tempo=120))
    assert [s.start for s in line.slots] == [0.0, 4.0]
    assert [s.length for s in line.slots] == [4.0, 2.0]
    assert line.total == 6.0


def test_beat_tempo_overrides_scene_tempo() -> None:
    line = Timeline.of(score(beat(8, tempo=30), beat(8), tempo=60))
    assert line.slots[0].length == 16.0
    assert line.slots[0].tempo == 30
    assert line.slots[1].start == 16.0
    assert line.slots[1].tempo == 60


def test_seconds() -> None:
    line = Timeline.of(score(beat(seconds=2.5), beat(seconds=4)))
    assert [s.start for s in line.slots] == [0.0, 2.5]
    assert line.total == 6.5
    assert line.slots[0].counts is None


def test_counts_and_seconds_both_last() -> None:
    # T502 is an error, but replay must still not cut either part short.
    line = Timeline.of(score(beat(4, seconds=3)))
    assert line.total == 7.0
    assert line.slots[0].countdown(0) == (4, "counts")
    assert line.slots[0].countdown(4.5) == (3, "s")


def test_untimed_beats_take_no_time_and_are_listed() -> None:
    line = Timeline.of(score(beat(4), beat(), beat(seconds=2), Beat(timing=Timing(cue="x"))))
    assert [s.timed for s in line.slots] == [True, False, True, False]
    assert line.slots[1].start == line.slots[2].start == 4.0
    assert line.untimed == (1, 3)
    assert line.total == 6.0


def test_empty_score() -> None:
    line = Timeline.of(score())
    assert line.total == 0.0
    assert line.beat_at(3) is None
    head = Playhead(line)
    assert head.slot is None
    assert head.play() == head
    assert head.advance(5) == head
    assert head.countdown() == (0, "")


@pytest.mark.parametrize(
    ("position", "expected"),
    [(-1, 0), (0, 0), (3.999, 0), (4, 1), (5.999, 1), (6, 2), (8.9, 2), (9, 2), (100, 2)],
)
def test_beat_at_boundaries(position: float, expected: int) -> None:
    line = Timeline.of(score(beat(4), beat(seconds=2), beat(seconds=3)))
    assert line.beat_at(position) == expected


def test_beat_at_prefers_the_timed_beat_sharing_a_start() -> None:
    line = Timeline.of(score(beat(4), beat(), beat(seconds=2)))
    assert line.beat_at(4) == 2
    line = Timeline.of(score(beat(4), beat()))
    assert line.beat_at(4) == 1


def test_countdown_counts_down_per_count() -> None:
    slot = Timeline.of(score(beat(4, tempo=120))).slots[0]
    assert slot.count_length == 0.5
    assert [slot.countdown(t)[0] for t in (0, 0.49, 0.5, 1.0, 1.6, 2.0)] == [4, 4, 3, 2, 1, 0]
    assert [slot.count_at(t) for t in (0, 0.5, 1.9, 2.0)] == [1, 2, 4, 4]


def test_countdown_seconds_round_up() -> None:
    slot = Timeline.of(score(beat(seconds=2.5))).slots[0]
    assert [slot.countdown(t) for t in (0, 0.4, 0.6, 2.4, 2.5)] == [
        (3, "s"),
        (3, "s"),
        (2, "s"),
        (1, "s"),
        (0, "s"),
    ]
    assert slot.count_at(1) is None


def test_play_advances_through_beats_at_tempo() -> None:
    head = Playhead(Timeline.of(score(beat(4), beat(4), beat(4)))).play()
    head = head.advance(5)
    assert (head.beat, head.offset, head.playing) == (1, 1.0, True)
    head = head.advance(3)
    assert (head.beat, head.offset) == (2, 0.0)


def test_paused_playhead_does_not_move() -> None:
    head = Playhead(Timeline.of(score(beat(4), beat(4))))
    assert head.advance(10) == head
    head = head.play().advance(1).pause()
    assert head.advance(10) == head


def test_speed_scales_wall_time_not_beat_length() -> None:
    line = Timeline.of(score(beat(4), beat(4)))
    half = Playhead(line).at_speed(MARKING_SPEED).play().advance(4)
    assert (half.beat, half.offset) == (0, 2.0)
    double = Playhead(line).at_speed(2).play().advance(3)
    assert (double.beat, double.offset) == (1, 2.0)
    assert line.wall_length(0.5) == 16.0
    assert line.slots[0].length == 4.0


def test_speed_steps_include_marking_run_and_clamp() -> None:
    assert MARKING_SPEED in SPEEDS
    head = Playhead(Timeline.of(score(beat(4))))
    assert head.slower().speed == 0.75
    assert head.slower().slower().speed == MARKING_SPEED
    slowest = head
    for _ in range(10):
        slowest = slowest.slower()
    assert slowest.speed == SPEEDS[0]
    fastest = head
    for _ in range(10):
        fastest = fastest.faster()
    assert fastest.speed == SPEEDS[-1]
    with pytest.raises(ValueError):
        head.at_speed(0)


def test_untimed_beat_waits_for_a_manual_step() -> None:
    head = Playhead(Timeline.of(score(beat(2), beat(), beat(2)))).play().advance(10)
    assert (head.beat, head.playing, head.waiting) == (1, True, True)
    assert head.advance(100).beat == 1
    head = head.step(1)
    assert (head.beat, head.waiting, head.playing) == (2, False, True)
    assert head.advance(1).offset == 1.0


def test_playback_stops_before_a_marked_beat_and_plays_on() -> None:
    line = Timeline.of(score(beat(2), beat(2), beat(2)))
    head = Playhead(line, stop_before=frozenset({1})).play().advance(3)
    assert (head.beat, head.offset, head.playing, head.stopped_before) == (1, 0.0, False, 1)
    head = head.play()
    assert head.stopped_before is None
    assert head.advance(1).beat == 1
    assert head.advance(1).offset == 1.0
    assert Playhead(line).with_stops([]).play().advance(3).beat == 1


def test_end_of_scene_finishes_and_play_restarts() -> None:
    head = Playhead(Timeline.of(score(beat(2), beat(2)))).play().advance(99)
    assert (head.beat, head.playing, head.finished) == (1, False, True)
    assert head.countdown() == (0, "counts")
    again = head.play()
    assert (again.beat, again.offset, again.playing) == (0, 0.0, True)


def test_hold_stops_at_once_and_blocks_play_until_released() -> None:
    head = Playhead(Timeline.of(score(beat(8)))).play().advance(2).hold()
    assert (head.playing, head.held, head.offset) == (False, True, 2.0)
    assert head.play().playing is False
    assert head.toggle().playing is False
    assert head.advance(5).offset == 2.0
    released = head.release()
    assert (released.held, released.playing) == (False, False)
    assert released.play().advance(1).offset == 3.0


def test_stepping_into_a_marked_beat_while_playing_stops_before_it() -> None:
    line = Timeline.of(score(beat(2), beat(), beat(2), beat(2)))
    head = Playhead(line, stop_before=frozenset({2})).play().advance(5)
    assert head.waiting and head.beat == 1
    stepped = head.step(1)
    assert (stepped.beat, stepped.playing, stepped.stopped_before) == (2, False, 2)
    # Paused, a step is just a step; playing on from the marked beat is allowed.
    assert head.pause().step(1).stopped_before is None
    assert stepped.play().advance(1).offset == 1.0
    assert Playhead(line, stop_before=frozenset({0})).play().go(0).playing


def test_step_home_end_clamp() -> None:
    head = Playhead(Timeline.of(score(beat(2), beat(2), beat(2)))).play().advance(1)
    assert head.step(1).beat == 1
    assert head.step(1).offset == 0.0
    assert head.step(-5).beat == 0
    assert head.go(99).beat == 2
    assert head.step(1).playing is True


@settings(max_examples=60, deadline=None)
@given(
    lengths=st.lists(
        st.one_of(st.none(), st.integers(1, 16), st.floats(0.5, 20)), min_size=1, max_size=8
    ),
    position=st.floats(-5, 200, allow_nan=False),
)
def test_beat_at_agrees_with_slots(lengths: list[int | float | None], position: float) -> None:
    beats = [
        beat() if n is None else beat(n) if isinstance(n, int) else beat(seconds=n) for n in lengths
    ]
    line = Timeline.of_beats(beats)
    index = line.beat_at(position)
    assert index is not None
    slot = line.slots[index]
    clamped = max(0.0, position)
    if slot.timed and clamped < line.total:
        assert slot.start <= clamped < slot.end
    # Starts are non-decreasing and each timed beat starts where the previous ended.
    for before, after in zip(line.slots, line.slots[1:], strict=False):
        assert after.start == pytest.approx(before.end)


@settings(max_examples=60, deadline=None)
@given(
    counts=st.lists(st.integers(1, 8), min_size=1, max_size=6),
    steps=st.lists(st.floats(0.01, 3), min_size=1, max_size=20),
)
def test_advancing_in_pieces_equals_advancing_at_once(
    counts: list[int], steps: list[float]
) -> None:
    line = Timeline.of_beats([beat(n) for n in counts])
    pieces = Playhead(line).play()
    for dt in steps:
        pieces = pieces.advance(dt)
    whole = Playhead(line).play().advance(sum(steps))
    assert pieces.position == pytest.approx(whole.position)
    # Float sums may land either side of a boundary; away from one, the beat must agree.
    if all(abs(whole.position - slot.start) > 1e-6 for slot in line.slots):
        assert pieces.beat == whole.beat


def test_timeline_and_pure_replay_modules_never_import_textual() -> None:
    code = (
        "import sys, notation.timeline, notation.rehearsal_log, choreo_tui.replay.beat_view\n"
        "import choreo_tui.pictures.plot, choreo_tui.pictures.body\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(0, 10)),
        st.tuples(
            st.sampled_from(["play", "pause", "hold", "release", "faster", "slower"]),
            st.just(0.0),
        ),
        st.tuples(st.just("step"), st.sampled_from([-1.0, 1.0])),
    ),
    max_size=30,
)


@settings(max_examples=80, deadline=None)
@given(
    lengths=st.lists(st.one_of(st.none(), st.integers(1, 8)), min_size=1, max_size=6),
    stops=st.sets(st.integers(0, 5), max_size=3),
    operations=OPERATIONS,
)
def test_playhead_invariants_under_any_keys(
    lengths: list[int | None], stops: set[int], operations: list[tuple[str, float]]
) -> None:
    line = Timeline.of_beats([beat() if n is None else beat(n) for n in lengths])
    head = Playhead(line, stop_before=frozenset(stops))
    for name, value in operations:
        before = head
        if name == "advance":
            head = head.advance(value)
        elif name == "step":
            head = head.step(int(value))
        else:
            head = getattr(head, name)()
        slot = head.slot
        assert slot is not None
        assert 0 <= head.beat < len(line)
        assert 0.0 <= head.offset <= (slot.length or 0.0)
        assert not (head.held and head.playing)
        if before.held and name in ("advance", "play"):
            assert head == before  # a hold stops everything until released
        if name == "advance" and head.beat > before.beat:
            # Running never skips past a beat it must stop before.
            skipped = set(range(before.beat + 1, head.beat))
            assert not skipped & stops
            assert not any(not line.slots[i].timed for i in skipped)
