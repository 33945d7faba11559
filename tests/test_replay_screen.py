"""The replay screen with Pilot: play, pause, step, hold, check-in, boundary change, closure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from conftest import sync as pilot
from textual.app import App
from textual.widgets import OptionList, Static

from choreo_tui.pictures.body_map import BodyMap
from choreo_tui.replay.beat_panel import BeatPanel
from choreo_tui.replay.dialogs import (
    BoundaryChangeDialog,
    CheckinDialog,
    ClosureDialog,
    HoldDialog,
    area_options,
)
from choreo_tui.replay.screen import ReplayScreen
from notation import loads
from notation.model import Score

REHEARSAL = """
format = "choreo-score"
version = 1

[scene]
title = "Act 1, Scene 2: the kitchen"
medium = "theatre"
self_care_cue = "pause"
tempo = 60

[[performers]]
id = "ana"
name = "Ana Example"
character = "Mara"
private_notes = "PRIVATE-PERFORMER-NOTE"
[performers.boundaries]
recorded = 2026-11-20
default = "ask"
[performers.boundaries.areas]
hand = "yes"
arm = "yes"
upper_back = "yes"
neck = "no"

[[performers]]
id = "ben"
name = "Ben Sample"
character = "Tom"
[performers.boundaries]
recorded = 2026-11-20
default = "ask"
[performers.boundaries.areas]
hand = "yes"
arm = "yes"

[[beats]]
title = "the look"
notes = "STORY-LINE: Mara sees Tom at the door."
private_notes = "PRIVATE-BEAT-NOTE"
[beats.timing]
counts = 4
cue = "on the door slam"
[[beats.placements]]
who = "ana"
area = "DSR"
level = "standing"
facing = "ben"
[[beats.placements]]
who = "ben"
area = "USC"
level = "standing"
facing = "DS"

[[beats]]
title = "hand on back"
[beats.timing]
seconds = 3
[[beats.touches]]
by = "ben"
with = "hand_r"
to = "ana"
on = "upper_back"
[[beats.placements]]
who = "ana"
area = "CS"
level = "seated"
facing = "DS"
[[beats.placements]]
who = "ben"
area = "CS"
level = "kneeling"
facing = "ana"

[[beats]]
title = "the wait"

[[beats]]
title = "too close"
[beats.timing]
counts = 2
[[beats.touches]]
by = "ben"
with = "hand_l"
to = "ana"
on = "neck"
[[beats.placements]]
who = "ana"
area = "CS"
level = "seated"
[[beats.placements]]
who = "ben"
area = "CS"
level = "standing"
[[beats.barriers]]
kind = "bolster"
between = ["ana", "ben"]
"""


def rehearsal_score() -> Score:
    """A small theatre score: counted, seconds, untimed and error beats."""
    return loads(REHEARSAL)


class FakeClock:
    """A clock that moves only when told, so no test depends on real time."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Rehearsal(App[None]):
    """A tiny app that opens the replay screen and keeps every recorded score."""

    def __init__(
        self,
        score: Score,
        start: int = 0,
        record: Callable[[Score], None] | None = None,
        **options: Any,
    ) -> None:
        super().__init__()
        self.record = record
        self.score = score
        self.start = start
        self.options = options
        self.recorded: list[Score] = []
        self.clock = FakeClock()

    def on_mount(self) -> None:
        self.push_screen(
            ReplayScreen(
                self.score,
                self.start,
                self.record or self.recorded.append,
                clock=self.clock,
                **self.options,
            )
        )

    @property
    def replay(self) -> ReplayScreen:
        screen = next(s for s in self.screen_stack if isinstance(s, ReplayScreen))
        return screen


def text_of(app: Rehearsal, selector: str) -> str:
    if selector == "#words":
        return app.replay.query_one(BeatPanel).words.plain
    return str(app.replay.query_one(selector, Static).render())


@pilot
async def test_checkin_is_asked_first_and_logged() -> None:
    app = Rehearsal(rehearsal_score())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        await pilot.press("space")  # tick the first performer
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        assert len(app.recorded) == 1
        entry = app.recorded[-1].log[-1]
        assert (entry.event, entry.who, entry.note) == ("checkin", ("ana",), "")
        assert app.replay.score is app.recorded[-1]


@pilot
async def test_checkin_everyone_and_skip() -> None:
    app = Rehearsal(rehearsal_score())
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("a", "enter")
        await pilot.pause()
        assert app.recorded[-1].log[-1].who == ("ana", "ben")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.recorded) == 1


@pilot
async def test_play_pause_and_countdown() -> None:
    app = Rehearsal(rehearsal_score(), checkin=False)
    async with app.run_test() as pilot:
        screen = app.replay
        await pilot.press("space")
        assert screen.playhead.playing
        assert "PLAYING" in text_of(app, "#top")
        screen.advance(1.5)
        assert screen.playhead.beat == 0
        assert "count 2 of 4" in text_of(app, "#count-info")
        screen.advance(3.0)  # past the 4 counts at 60/min: into the 3-second beat
        assert screen.playhead.beat == 1
        assert "hand on back" in text_of(app, "#title")
        await pilot.press("space")
        assert not screen.playhead.playing
        assert "PAUSED" in text_of(app, "#top")
        screen.advance(10)
        assert screen.playhead.beat == 1


@pilot
async def test_untimed_beat_waits_for_a_step() -> None:
    app = Rehearsal(rehearsal_score(), checkin=False)
    async with app.run_test() as pilot:
        screen = app.replay
        await pilot.press("space")
        screen.advance(20)
        assert (screen.playhead.beat, screen.playhead.waiting) == (2, True)
        assert "Untimed beat" in text_of(app, "#notice")
        await pilot.press("right")  # the next beat has an error finding: stop before it
        assert (screen.playhead.beat, screen.playhead.playing) == (3, False)
        assert screen.playhead.stopped_before == 3
        assert "Stopped before beat 4" in text_of(app, "#notice")


@pilot
async def test_turning_stops_off_plays_through_error_beats() -> None:
    score = rehearsal_score()
    score = score.replace(beats=(score.beats[0], score.beats[1], score.beats[3]))
    app = Rehearsal(score, checkin=False)
    async with app.run_test() as pilot:
        screen = app.replay
        assert screen.playhead.stop_before == {2}
        await pilot.press("e")
        assert screen.playhead.stop_before == frozenset()
        assert "stop before ✗: off" in text_of(app, "#top")
        await pilot.press("space")
        screen.advance(8)  # 4 counts + 3 seconds, then 1 second into the error beat
        assert (screen.playhead.beat, screen.playhead.playing) == (2, True)
        assert screen.playhead.stopped_before is None
        await pilot.press("e")
        assert screen.playhead.stop_before == {2}


@pilot
async def test_stop_before_error_beat_while_playing() -> None:
    score = rehearsal_score()
    # Drop the untimed beat so playback runs straight into the error beat.
    score = score.replace(beats=(score.beats[0], score.beats[1], score.beats[3]))
    app = Rehearsal(score, checkin=False)
    async with app.run_test() as pilot:
        screen = app.replay
        await pilot.press("space")
        screen.advance(30)
        assert (screen.playhead.beat, screen.playhead.playing) == (2, False)
        assert "Stopped before beat 3" in text_of(app, "#notice")
        assert "[3✗]" in text_of(app, "#strip")


@pilot
async def test_steps_home_end() -> None:
    app = Rehearsal(rehearsal_score(), start=1, checkin=False)
    async with app.run_test() as pilot:
        screen = app.replay
        assert screen.playhead.beat == 1
        await pilot.press("right")
        assert screen.playhead.beat == 2
        await pilot.press("left", "left", "left")
        assert screen.playhead.beat == 0
        await pilot.press("end")
        assert screen.playhead.beat == 3
        assert "end of scene" in text_of(app, "#next")
        await pilot.press("home")
        assert screen.playhead.beat == 0
        assert "beat 2" in text_of(app, "#next")


@pilot
async def test_speed_keys_and_marking_run() -> None:
    app = Rehearsal(rehearsal_score(), checkin=False)
    async with app.run_test() as pilot:
        screen = app.replay
        await pilot.press("minus")
        assert screen.playhead.speed == 0.75
        await pilot.press("plus", "plus")
        assert screen.playhead.speed == 1.25
        await pilot.press("m")
        assert screen.playhead.speed == 0.5
        assert "marking run" in text_of(app, "#top")
        await pilot.press("m")
        assert screen.playhead.speed == 1.0


@pytest.mark.parametrize("key", ["h", "exclamation_mark"])
@pilot
async def test_hold_stops_at_once_logs_and_waits(key: str) -> None:
    app = Rehearsal(rehearsal_score(), start=1, checkin=False)
    async with app.run_test() as pilot:
        screen = app.replay
        await pilot.press("space")
        screen.advance(1)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HoldDialog)
        assert not screen.playhead.playing and screen.playhead.held
        assert "PAUSE: what do you need?" in str(app.screen.query_one("#hold-question").render())
        entry = app.recorded[-1].log[-1]
        assert (entry.event, entry.beat) == ("hold", 2)
        await pilot.press("space")  # nothing plays while held
        assert not screen.playhead.playing
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        assert not screen.playhead.held and not screen.playhead.playing
        assert len(app.recorded) == 1


@pilot
async def test_hold_works_from_inside_the_checkin() -> None:
    app = Rehearsal(rehearsal_score())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, HoldDialog)
        assert app.recorded[-1].log[-1].event == "hold"


@pilot
async def test_closure_is_offered_and_logged() -> None:
    app = Rehearsal(rehearsal_score(), start=2, checkin=False)
    async with app.run_test() as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ClosureDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        assert app.recorded == []
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        entry = app.recorded[-1].log[-1]
        assert (entry.event, entry.beat) == ("closure", 3)
        assert not any(isinstance(s, ReplayScreen) for s in app.screen_stack)


@pilot
async def test_ending_without_closure_logs_nothing() -> None:
    app = Rehearsal(rehearsal_score(), checkin=False)
    async with app.run_test() as pilot:
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.recorded == []
        assert not any(isinstance(s, ReplayScreen) for s in app.screen_stack)


@pilot
async def test_boundary_change_rechecks_and_marks_broken_beats() -> None:
    app = Rehearsal(rehearsal_score(), start=1, checkin=False)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.replay
        await pilot.press("b")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BoundaryChangeDialog)
        # Opens on the performer shown and the area in contact in this beat.
        assert dialog.choice() == ("ana", "upper_back", "no")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        changed = app.recorded[-1]
        table = changed.by_id["ana"].boundaries
        assert table is not None and table.areas["upper_back"].status == "no"
        entry = changed.log[-1]
        assert (entry.event, entry.who, entry.beat) == ("boundary_change", ("ana",), 2)
        assert entry.note == "upper back: yes -> no"
        assert screen.broken == {1}
        assert 1 in screen.playhead.stop_before
        assert "[2✗*]" in text_of(app, "#strip")
        assert "broke this beat" in text_of(app, "#words")


@pilot
async def test_boundary_change_can_pick_any_performer_area_and_status() -> None:
    app = Rehearsal(rehearsal_score(), checkin=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BoundaryChangeDialog)
        await pilot.press("down")  # Ben
        await pilot.press("tab")
        names = [name for name, _ in area_options()]
        dialog.query_one("#boundary-area", OptionList).highlighted = names.index("lips")
        await pilot.press("tab", "down", "down")  # status: yes
        assert dialog.choice() == ("ben", "lips", "yes")
        await pilot.press("enter")
        await pilot.pause()
        table = app.recorded[-1].by_id["ben"].boundaries
        assert table is not None and table.areas["lips"].status == "yes"
        assert app.replay.broken == frozenset()


@pilot
async def test_layers_cycle_and_private_notes_never_show() -> None:
    app = Rehearsal(rehearsal_score(), checkin=False)
    async with app.run_test(size=(120, 36)) as pilot:
        words = text_of(app, "#words")
        assert "STORY-LINE" in words and "WHERE" in words
        await pilot.press("l")
        words = text_of(app, "#words")
        assert "WHO DOES WHAT" in words and "STORY-LINE" not in words and "WHERE" not in words
        assert "touch only" in text_of(app, "#top")
        await pilot.press("l")
        words = text_of(app, "#words")
        assert "STORY-LINE" in words and "WHERE" not in words
        for _ in range(4):
            await pilot.press("right")
            assert "PRIVATE" not in text_of(app, "#words")


@pilot
async def test_cue_always_on_screen_and_missing_cue_said_plainly() -> None:
    app = Rehearsal(rehearsal_score(), checkin=False)
    async with app.run_test() as pilot:
        assert "“PAUSE”" in text_of(app, "#cue")
        await pilot.press("right")
        assert "“PAUSE”" in text_of(app, "#cue")
    score = rehearsal_score()
    bare = score.replace(scene=score.scene.model_copy(update={"self_care_cue": ""}))
    app = Rehearsal(bare, checkin=False)
    async with app.run_test():
        assert "NO SELF-CARE CUE SET" in text_of(app, "#cue")


@pilot
async def test_pictures_cycle_and_whose_body_map() -> None:
    app = Rehearsal(rehearsal_score(), start=1, checkin=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.replay
        assert screen.pictures == "plot"
        body = screen.query_one(BodyMap)
        assert not body.display
        await pilot.press("p")
        assert screen.pictures == "body" and body.display
        assert body.performer == "ana"
        await pilot.press("w")
        assert body.performer == "ben"
        await pilot.press("p")
        assert screen.pictures == "none"
        assert not screen.query_one("#pictures").display
        await pilot.press("p")
        assert screen.pictures == "both" and body.display


@pilot
async def test_a_failing_record_never_crashes_replay() -> None:
    def broken_save(_: Score) -> None:
        raise OSError("disk full")

    app = Rehearsal(rehearsal_score(), record=broken_save, checkin=False)
    async with app.run_test() as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HoldDialog)
        assert app.replay.score.log[-1].event == "hold"


@pilot
async def test_a_score_without_beats_or_performers() -> None:
    empty = loads('format = "choreo-score"\nversion = 1\n[scene]\ntitle = "new"\n')
    app = Rehearsal(empty)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)  # no one to check in
        await pilot.press("space", "right", "left", "end", "home", "b")
        assert "No beats yet" in text_of(app, "#title")
        await pilot.press("h")
        await pilot.pause()
        assert app.recorded[-1].log[-1].beat is None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)


@pilot
async def test_a_keymap_can_move_the_hold_key() -> None:
    app = Rehearsal(rehearsal_score(), checkin=False)
    async with app.run_test() as pilot:
        assert "h or ! = PAUSE" in text_of(app, "#cue")
        app.set_keymap({"replay.hold": "f9"})
        await pilot.pause()
        await pilot.press("right")  # any redraw
        assert "f9 = PAUSE" in text_of(app, "#cue")
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, HoldDialog)
        assert app.recorded[-1].log[-1].event == "hold"


@pilot
async def test_markup_like_text_in_a_score_is_shown_as_written() -> None:
    nasty = "[/b] [red]x[/red] [link=y]"
    score = rehearsal_score()
    score = score.replace(
        scene=score.scene.model_copy(update={"title": nasty, "self_care_cue": nasty}),
        performers=tuple(
            p.model_copy(update={"name": f"{nasty} {p.id}", "character": nasty})
            for p in score.performers
        ),
        beats=tuple(b.model_copy(update={"title": nasty, "notes": nasty}) for b in score.beats),
    )
    app = Rehearsal(score)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        await pilot.press("a", "enter")
        await pilot.pause()
        assert nasty in text_of(app, "#top")
        for key in ("right", "right", "right", "b"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, BoundaryChangeDialog)
        await pilot.press("escape", "h")
        await pilot.pause()
        await pilot.press("enter", "q")
        await pilot.pause()
        assert isinstance(app.screen, ClosureDialog)


@pilot
async def test_a_touch_is_called_on_the_count_it_starts() -> None:
    """'on 3, his hand to her waist': replay says so when count 3 comes."""
    score = rehearsal_score()
    late = score.beats[3].touches[0].model_copy(update={"on": "arm", "start": 2})
    timing = score.beats[3].timing
    assert timing is not None
    beat = score.beats[3].model_copy(update={"touches": (late,)})
    score = score.replace(beats=(*score.beats[:3], beat))
    app = Rehearsal(score, start=3, checkin=False)
    async with app.run_test() as pilot:
        screen = app.replay
        await pilot.press("space")
        screen.advance(0.5)
        assert "count 1 of 2" in text_of(app, "#count-info")
        assert "▶" not in text_of(app, "#count-info")
        screen.advance(0.7)
        info = text_of(app, "#count-info")
        assert "count 2 of 2" in info
        assert "▶ on 2: Ben Sample's left hand on Ana Example's arm" in info
        assert "from count 2" in screen.query_one(BeatPanel).words.plain


@pilot
async def test_the_footer_names_the_hold_key_by_the_scenes_cue_word() -> None:
    app = Rehearsal(rehearsal_score(), checkin=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        shown = {b.binding.id: b.binding.description for b in app.screen.active_bindings.values()}
        assert shown["replay.hold"] == "PAUSE", "the scene's cue is 'pause'"
        assert "HOLD" not in shown.values()
    bare = rehearsal_score()
    bare = bare.replace(scene=bare.scene.model_copy(update={"self_care_cue": ""}))
    app = Rehearsal(bare, checkin=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        shown = {b.binding.id: b.binding.description for b in app.screen.active_bindings.values()}
        assert shown["replay.hold"] == "HOLD", "no cue set: replay's own word"


@pilot
async def test_a_touch_starting_with_its_beat_is_not_called_on_count_1() -> None:
    """Every touch starts on count 1 unless it says otherwise (``start`` defaults to 1):
    '▶ on 1' under 'count 1 of 2' told the room nothing. Only later counts are called."""
    score = rehearsal_score()
    first = score.beats[3].touches[0]
    late = first.model_copy(update={"on": "arm", "start": 2})
    beat = score.beats[3].model_copy(update={"touches": (first, late)})
    score = score.replace(beats=(*score.beats[:3], beat))
    app = Rehearsal(score, start=3, checkin=False)
    async with app.run_test() as pilot:
        screen = app.replay
        await pilot.press("space")
        screen.advance(0.5)
        info = text_of(app, "#count-info")
        assert "count 1 of 2" in info
        assert "▶" not in info and "on 1" not in info
        screen.advance(0.7)
        info = text_of(app, "#count-info")
        assert "▶ on 2: Ben Sample's left hand on Ana Example's arm" in info
        assert "neck" not in info, "the touch that began with the beat is not called again"
