"""Beat-list edits are pure, and the history gives back exactly the earlier values."""

from __future__ import annotations

from datetime import UTC, datetime

from factories import agreed_by, beat, score, touch

from notation import check, dumps, loads
from notation.agreement import is_current
from notation.edits import (
    History,
    add_beat,
    add_touches,
    agree_beat,
    delete_beat,
    duplicate_beat,
    insert_beat,
    move_beat,
    replace_scene,
    update_beat,
)
from notation.model import Beat, Score

NOON = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def three() -> tuple[Beat, ...]:
    return tuple(beat(title=t) for t in ("one", "two", "three"))


def titles(s: Score) -> list[str]:
    return [b.title for b in s.beats]


def test_add_after_and_insert_before() -> None:
    s = score(*three())
    added, at = add_beat(s, 0)
    assert (titles(added), at) == (["one", "", "two", "three"], 1)
    inserted, at = insert_beat(s, 0)
    assert (titles(inserted), at) == (["", "one", "two", "three"], 0)
    empty, at = add_beat(score(), None)
    assert (len(empty.beats), at) == (1, 0)
    assert titles(s) == ["one", "two", "three"], "the original is untouched"


def test_duplicate_is_not_agreed() -> None:
    s = score(agreed_by(beat(touch(), title="one"), "ana", "ben"))
    copied, at = duplicate_beat(s, 0)
    assert at == 1
    assert copied.beats[1].agreed is None
    assert copied.beats[1].touches == s.beats[0].touches
    assert is_current(copied.beats[0])


def test_delete_and_move() -> None:
    s = score(*three())
    gone, at = delete_beat(s, 2)
    assert (titles(gone), at) == (["one", "two"], 1)
    moved, at = move_beat(s, 0, 1)
    assert (titles(moved), at) == (["two", "one", "three"], 1)
    same, at = move_beat(s, 0, -1)
    assert same is s and at == 0


def test_editing_an_agreed_beat_lapses_the_agreement() -> None:
    s = score(agreed_by(beat(touch()), "ana"))
    edited = add_touches(s, 0, [touch(on="arm")])
    assert not is_current(edited.beats[0])
    assert any(f.code == "C401" for f in check(edited))
    retitled = update_beat(s, 0, title="renamed")
    assert is_current(retitled.beats[0]), "the title is not choreography"


def test_agree_writes_the_digest_and_a_log_entry() -> None:
    s = score(beat(touch()))
    agreed = agree_beat(s, 0, ["ana", "ben"], NOON)
    assert is_current(agreed.beats[0])
    assert agreed.beats[0].agreed is not None and agreed.beats[0].agreed.by == ("ana", "ben")
    assert [(e.event, e.beat, e.who) for e in agreed.log] == [("agreed", 1, ("ana", "ben"))]
    assert loads(dumps(agreed)) == agreed


def test_edits_drop_stale_file_lines() -> None:
    s = loads(dumps(score(*three())))
    assert s.line_of("beats", 1) is not None
    moved, _ = move_beat(s, 0, 1)
    assert moved.line_of("beats", 1) is None


def test_undo_redo_and_dirty() -> None:
    s = score(beat(title="one"))
    history = History.start(s)
    assert not history.dirty
    assert history.push(add_beat(history.score, 0)[0], "add beat")
    assert history.dirty and len(history.score.beats) == 2
    assert history.undo() == "add beat"
    assert history.score is s and not history.dirty
    assert history.redo() == "add beat"
    assert len(history.score.beats) == 2
    assert history.redo() is None
    history.mark_saved()
    assert not history.dirty
    assert history.undo() == "add beat" and history.dirty
    assert history.undo() is None


def test_a_new_edit_clears_redo_and_no_op_edits_are_not_recorded() -> None:
    history = History.start(score(beat()), saved=False)
    assert history.dirty
    assert not history.push(history.score, "nothing")
    history.push(add_beat(history.score, 0)[0], "add")
    history.undo()
    history.push(insert_beat(history.score, 0, Beat(title="x"))[0], "insert")
    assert history.redo() is None
    assert titles(history.score)[0] == "x"


def test_undo_never_removes_a_log_entry() -> None:
    history = History.start(score(beat(touch())))
    history.push(agree_beat(history.score, 0, ["ana"], NOON), "agree")
    history.undo()
    assert history.score.beats[0].agreed is None
    assert len(history.score.log) == 1, "the agreement given in the room stays in the log"
    history.redo()
    assert is_current(history.score.beats[0]) and len(history.score.log) == 1


def test_history_is_bounded() -> None:
    history = History.start(score(), saved=True)
    history.limit = 5
    for _ in range(20):
        history.push(add_beat(history.score, None)[0], "add")
    assert len(history.past) == 5


def test_replace_scene_validates() -> None:
    s = score(beat())
    cued = replace_scene(s, s.scene.model_copy(update={"self_care_cue": "button"}))
    assert cued.scene.self_care_cue == "button" and cued.beats == s.beats
