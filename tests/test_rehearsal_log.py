"""The rehearsal log as score edits (check-in, hold, closure, boundary changes, agreement)
and the beats a change breaks, all without Textual."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from notation import check, clock, dumps, loads, rehearsal_log
from notation.change_effects import broken_beats, error_beats
from notation.checks.cast import Cast
from notation.model import AreaRule, Beat, Boundaries, Performer, Scene, Score, Timing, Touch

AT = datetime(2026, 11, 27, 19, 30, tzinfo=UTC)


def score() -> Score:
    ana = Performer(
        id="ana",
        name="Ana Example",
        boundaries=Boundaries(
            default="ask",
            areas={
                "arm": AreaRule(status="yes"),
                "hand_l": AreaRule(status="no"),
                "hand_r": AreaRule(status="yes", only=("light",)),
            },
        ),
    )
    ben = Performer(id="ben", name="Ben Sample")
    beats = (
        Beat(
            timing=Timing(counts=4),
            touches=(Touch(by="ben", to="ana", on="upper_arm_l"),),
        ),
        Beat(timing=Timing(counts=4), touches=(Touch(by="ben", to="ana", on="hand_r"),)),
    )
    return Score(scene=Scene(title="t", self_care_cue="hold"), performers=(ana, ben), beats=beats)


def test_checkin_logs_only_known_performers_in_cast_order() -> None:
    after = rehearsal_log.checkin(score(), ["ben", "nobody", "ana"], at=AT)
    entry = after.log[-1]
    assert (entry.event, entry.who, entry.beat, entry.note) == ("checkin", ("ana", "ben"), None, "")
    assert entry.at == AT


def test_hold_and_closure_carry_their_beat_one_based() -> None:
    after = rehearsal_log.hold(score(), 1, at=AT)
    assert (after.log[-1].event, after.log[-1].beat) == ("hold", 2)
    after = rehearsal_log.closure(after, 0, at=AT)
    assert [e.event for e in after.log] == ["hold", "closure"]
    assert after.log[-1].beat == 1
    assert rehearsal_log.hold(score(), None, at=AT).log[-1].beat is None


def test_log_entries_survive_a_round_trip_with_only_contract_fields() -> None:
    after = rehearsal_log.change_boundary(
        rehearsal_log.hold(rehearsal_log.checkin(score(), ["ana"], at=AT), 0, at=AT),
        "ana",
        "arm",
        "no",
        1,
        AT,
    )
    text = dumps(after)
    again = loads(text)
    assert again.log == after.log
    for entry in again.log:
        assert set(entry.model_dump(exclude_defaults=True)) <= {
            "at",
            "event",
            "beat",
            "who",
            "note",
        }


def test_now_has_an_offset() -> None:
    assert clock.now().tzinfo is not None


def test_boundary_change_updates_the_table_and_logs_privately() -> None:
    after = rehearsal_log.change_boundary(score(), "ana", "neck", "no", beat=0, at=AT)
    table = after.by_id["ana"].boundaries
    assert table is not None
    assert table.areas["neck"] == AreaRule(status="no")
    assert table.recorded == AT.date()
    entry = after.log[-1]
    assert (entry.event, entry.who, entry.beat) == ("boundary_change", ("ana",), 1)
    assert entry.note == "neck: ask -> no"
    # Nothing else of the performer changed.
    assert after.by_id["ben"] == score().by_id["ben"]


def test_stricter_change_drops_looser_finer_rules() -> None:
    after = rehearsal_log.change_boundary(score(), "ana", "arm", "no", at=AT)
    view = Cast(after).get("ana")
    assert view is not None
    arm_leaves = ("upper_arm_l", "forearm_r", "hand_l", "hand_r")
    assert all(view.boundaries[leaf].status == "no" for leaf in arm_leaves)
    table = after.by_id["ana"].boundaries
    assert table is not None
    assert "hand_r" not in table.areas
    assert table.areas["hand_l"].status == "no"


def test_looser_change_never_loosens_finer_rules() -> None:
    after = rehearsal_log.change_boundary(score(), "ana", "arm", "yes", at=AT)
    view = Cast(after).get("ana")
    assert view is not None
    assert view.boundaries["hand_l"].status == "no"
    assert view.boundaries["hand_r"].only == ("light",)


def test_change_for_a_performer_without_boundaries_starts_a_table() -> None:
    after = rehearsal_log.change_boundary(score(), "ben", "lips", "no", at=AT)
    table = after.by_id["ben"].boundaries
    assert table is not None
    assert table.default == "ask"
    assert table.areas == {"lips": AreaRule(status="no")}


def test_change_for_an_unknown_performer_is_refused() -> None:
    with pytest.raises(KeyError):
        rehearsal_log.change_boundary(score(), "zed", "lips", "no", at=AT)


def test_broken_beats_are_the_beats_a_change_breaks() -> None:
    before = score()
    after = rehearsal_log.change_boundary(before, "ana", "hand_r", "no", at=AT)
    broken = broken_beats(check(before), check(after))
    assert broken == {1}
    assert error_beats(check(after)) == {1}
    assert broken_beats(check(after), check(after)) == frozenset()


def test_a_beat_already_in_error_still_counts_as_broken_by_a_new_crossing() -> None:
    before = score()
    beat = before.beats[1].model_copy(
        update={"touches": (*before.beats[1].touches, Touch(by="ben", to="ana", on="neck"))}
    )
    before = before.replace(
        performers=(
            before.by_id["ana"].model_copy(
                update={
                    "boundaries": Boundaries(
                        areas={"neck": AreaRule(status="no"), "hand": AreaRule(status="yes")}
                    )
                }
            ),
            before.by_id["ben"],
        ),
        beats=(before.beats[0], beat),
    )
    assert 1 in error_beats(check(before))
    after = rehearsal_log.change_boundary(before, "ana", "hand_r", "no", at=AT)
    assert broken_beats(check(before), check(after)) == {1}


def test_a_boundary_change_from_the_cast_screen_is_logged_with_its_note() -> None:
    after = rehearsal_log.boundary_change(score(), ["ana"], "asked after run", AT)
    entry = after.log[-1]
    assert (entry.event, entry.who, entry.note, entry.at, entry.beat) == (
        "boundary_change",
        ("ana",),
        "asked after run",
        AT,
        None,
    )
    assert after.performers == score().performers  # only the log changed


def test_agreement_dates_the_beat_and_logs_it_one_based() -> None:
    before = score()
    after = rehearsal_log.agreed(before, 1, ["ben", "ana"], AT)
    agreed = after.beats[1].agreed
    assert agreed is not None
    assert (agreed.by, agreed.on) == (("ben", "ana"), AT.date())
    entry = after.log[-1]
    assert (entry.event, entry.beat, entry.who, entry.at) == ("agreed", 2, ("ben", "ana"), AT)
    assert before.beats[1].agreed is None and not before.log  # the old score is untouched


def test_entries_made_without_a_time_carry_an_offset() -> None:
    after = rehearsal_log.closure(rehearsal_log.hold(score(), 0), None)
    assert all(entry.at.tzinfo is not None for entry in after.log)
    assert rehearsal_log.agreed(score(), 0, ["ana"]).log[-1].at.tzinfo is not None
