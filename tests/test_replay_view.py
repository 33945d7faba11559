"""What replay says about a beat: layers, findings, the beat strip, the next beat, the cue."""

from __future__ import annotations

from test_replay_screen import rehearsal_score

from choreo_tui.replay.beat_view import (
    beat_mark,
    beat_text,
    cue_text,
    next_text,
    notice_text,
    status_text,
    strip_text,
)
from choreo_tui.replay.dialogs import checkin_label
from notation import check
from notation.findings import Finding
from notation.model import BeatGarment, Garment
from notation.timeline import Playhead, Timeline


def test_layers_add_story_then_everything() -> None:
    score = rehearsal_score()
    found = check(score)
    touch = beat_text(score, 0, "touch", found).plain
    story = beat_text(score, 0, "story", found).plain
    everything = beat_text(score, 0, "everything", found).plain
    assert "WHO DOES WHAT" in touch and "(no touch in this beat)" in touch
    assert "Cue: on the door slam" in touch
    assert "STORY-LINE" not in touch and "STORY-LINE" in story
    assert "WHERE" not in story and "WHERE" in everything
    assert "Ana Example: downstage right, standing, facing Ben Sample" in everything


def test_findings_show_on_every_layer_and_private_notes_never() -> None:
    score = rehearsal_score()
    found = check(score)
    for layer in ("touch", "story", "everything"):
        text = beat_text(score, 3, layer, found).plain
        assert "✗ B101" in text
        for index in range(len(score.beats)):
            assert "PRIVATE" not in beat_text(score, index, layer, found).plain
    assert "✓ no findings for this beat" in beat_text(score, 1, "touch", found).plain


def test_everything_lists_barriers_garments_and_flags() -> None:
    score = rehearsal_score()
    beat = score.beats[3].model_copy(
        update={
            "simulated": True,
            "placeholder": True,
            "garments": (BeatGarment(kind="modesty_pouch", who="ben"),),
            "bare": {"ana": ("upper_back",)},
        }
    )
    ana = score.performers[0].model_copy(update={"garments": (Garment(kind="pasties"),)})
    score = score.replace(beats=(*score.beats[:3], beat), performers=(ana, score.performers[1]))
    text = beat_text(score, 3, "everything", check(score)).plain
    assert "PLACEHOLDER" in text and "SIMULATED" in text
    assert "bolster between Ana Example and Ben Sample, at the pelvis" in text
    assert "Ben Sample: modesty pouch (covers groin)" in text
    assert "Ana Example: pasties (covers chest) (whole scene)" in text
    assert "BARE" in text and "Ana Example: upper back" in text


def test_broken_beats_say_so() -> None:
    score = rehearsal_score()
    text = beat_text(score, 1, "touch", [], broken=True).plain
    assert "* ✗ A boundary change in this rehearsal broke this beat." in text


def test_beat_marks() -> None:
    found = check(rehearsal_score())
    assert [beat_mark(found, i) for i in range(4)] == ["✓", "✓", "⚠", "✗"]


def test_strip_brackets_the_current_beat_and_marks_broken_ones() -> None:
    found = [Finding(2, "B101", "x")]
    text = strip_text(found, 3, 0, frozenset({1}), 80).plain
    assert text == "[1✓] 2✗* 3✓"


def test_strip_windows_around_the_current_beat_when_too_long() -> None:
    text = strip_text([], 200, 100, frozenset(), 40).plain
    assert text.startswith("…") and text.endswith("…")
    assert "[101✓]" in text
    assert len(text) <= 40
    start = strip_text([], 200, 0, frozenset(), 40).plain
    assert start.startswith("[1✓]") and start.endswith("…")
    assert strip_text([], 0, 0, frozenset(), 40).plain == "(no beats yet)"


def test_next_beat_preview_and_end_of_scene() -> None:
    score = rehearsal_score()
    found = check(score)
    preview = next_text(score, 0, found).plain
    assert "NEXT ▸ beat 2 ✓ · hand on back · 3 s" in preview
    assert "Ben Sample, right hand, holds Ana Example's upper back: light" in preview
    assert "beat 4 ✗" in next_text(score, 2, found).plain
    assert "end of scene" in next_text(score, 3, found).plain


def test_cue_line_names_the_cue_or_says_it_is_missing() -> None:
    score = rehearsal_score()
    assert "“PAUSE”" in cue_text(score, "h").plain
    bare = score.replace(scene=score.scene.model_copy(update={"self_care_cue": "  "}))
    text = cue_text(bare, "h = HOLD").plain
    assert "NO SELF-CARE CUE SET" in text and "h = HOLD" in text


def test_status_and_notice_lines_follow_the_playhead() -> None:
    score = rehearsal_score()
    head = Playhead(Timeline.of(score))
    assert status_text(head, 4, "touch", True, "T") == (
        " REPLAY 1/4 · ❚❚ PAUSED · ×1 · touch only · stop before ✗: on · T"
    )
    assert notice_text(head) == ""
    playing = head.play().at_speed(0.5)
    assert "▶ PLAYING · ×0.5 marking run" in status_text(playing, 4, "story", False, "T")
    assert "■ HELD" in status_text(head.hold(), 4, "everything", True, "T")
    assert notice_text(head.hold()).startswith("■ HOLD")
    assert notice_text(head.hold(), "PAUSE").startswith("■ PAUSE: everything has stopped")
    waiting = head.go(2).play()
    assert "… WAITING" in status_text(waiting, 4, "touch", True, "T")
    assert "Untimed beat" in notice_text(waiting)
    timed = Timeline.of(score.replace(beats=(score.beats[0], score.beats[1], score.beats[3])))
    stopped = Playhead(timed).with_stops([2]).play().advance(10)
    assert notice_text(stopped).startswith("✗ Stopped before beat 3")
    assert "End of scene" in notice_text(head.go(3).play().advance(10))
    assert status_text(Playhead(Timeline.of_beats([])), 0, "touch", True, "T").startswith(
        " REPLAY 0/0"
    )


def test_checkin_labels_say_when_boundaries_were_recorded() -> None:
    ana, ben = rehearsal_score().performers
    assert checkin_label(ana) == "Ana Example (Mara) · boundaries recorded 2026-11-20"
    assert checkin_label(ben.model_copy(update={"boundaries": None})) == (
        "Ben Sample (Tom) · no boundaries recorded"
    )
