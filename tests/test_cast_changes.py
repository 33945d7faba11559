"""Cast edits on whole scores and the re-check summary, without the screen."""

from __future__ import annotations

from datetime import UTC, datetime

from cast_fixtures import orchard

from choreo_tui.cast.changes import (
    beats_naming,
    boundaries_changed,
    boundary_change,
    id_problem,
    put_performer,
    recheck,
    remove_performer,
)
from choreo_tui.cast.tables import clear, node_status, set_default, set_status, toggle_condition
from notation import check
from notation.model import Performer


def test_beats_naming_counts_every_mention() -> None:
    score = orchard()
    assert beats_naming(score, "ana") == [1, 2, 3, 4]
    assert beats_naming(score, "nobody") == []


def test_remove_keeping_beats_leaves_t505() -> None:
    after = remove_performer(orchard(), "ana", purge=False)
    assert [p.id for p in after.performers] == ["ben"]
    assert {f.beat for f in check(after) if f.code == "T505"} == {1, 2, 3, 4}


def test_remove_with_purge_takes_their_part_out() -> None:
    after = remove_performer(orchard(), "ben", purge=True)
    assert all(not beat.touches for beat in after.beats)
    # ana's placement stays, but no longer faces someone who is gone.
    assert after.beats[2].placements[0].facing is None
    assert not [f for f in check(after) if f.code == "T505"]


def test_renaming_an_id_follows_into_the_beats() -> None:
    score = orchard()
    renamed = score.performers[1].model_copy(update={"id": "benedict"})
    after = put_performer(score, 1, renamed)
    assert after.beats[0].touches[0].by == "benedict"
    assert after.beats[2].placements[0].facing == "benedict"
    assert not [f for f in check(after) if f.code == "T505"]


def test_id_problems() -> None:
    score = orchard()
    assert id_problem(score, None, "") is not None
    assert "starts with a lower-case letter" in (id_problem(score, None, "Ana") or "")
    assert "already" in (id_problem(score, None, "ben") or "")
    assert id_problem(score, 1, "ben") is None  # a performer keeps their own id
    assert id_problem(score, None, "cleo_2") is None


def test_recheck_names_the_beats_a_boundary_change_breaks() -> None:
    score = orchard()
    ana = score.performers[0]
    table = set_status(ana.boundaries, "boundaries", "neck", "no")
    table = set_status(table, "boundaries", "nape", "no")
    after = put_performer(score, 0, ana.model_copy(update={"boundaries": table}))
    lines = recheck(score, after)
    assert lines[0] == "✗ 2 beats now cross a boundary: 2, 4"
    assert lines[1].startswith("✓ 2 beats no longer need")
    assert lines[-1].startswith("Whole score: ✗ 2 errors")


def test_boundaries_changed_and_the_log_entry() -> None:
    score = orchard()
    ana = score.performers[0]
    table = set_status(ana.boundaries, "boundaries", "neck", "no")
    after = put_performer(score, 0, ana.model_copy(update={"boundaries": table}))
    newcomer = Performer(id="cleo", name="Cleo")
    after = put_performer(after, None, newcomer)
    assert boundaries_changed(score, after) == ["ana"]
    at = datetime(2026, 11, 27, 19, 30, tzinfo=UTC)
    logged = boundary_change(after, ["ana"], "asked after run", at)
    entry = logged.log[-1]
    assert (entry.event, entry.who, entry.note, entry.at) == (
        "boundary_change",
        ("ana",),
        "asked after run",
        at,
    )


def test_node_status_says_where_a_status_comes_from() -> None:
    table = orchard().performers[0].boundaries
    assert node_status(table, "boundaries", "forearm_r").source == "from arm"
    assert node_status(table, "boundaries", "hand_l").source == "set here"
    assert node_status(table, "boundaries", "neck").source == "default"
    arm_l = node_status(table, "boundaries", "arm_l")
    assert (arm_l.status, arm_l.source) == ("no", "mixed")
    arm = node_status(table, "boundaries", "arm")
    assert (arm.status, arm.source) == ("no", "set here, parts differ")
    assert node_status(None, "will_touch", "groin").words() == "✓ yes · default"
    assert node_status(None, "boundaries", "groin").words() == "? ask · default"


def test_conditions_toggle_and_keep_the_status() -> None:
    table = orchard().performers[0].boundaries
    assert table is not None
    on = toggle_condition(table, "boundaries", "neck", "over_clothing")
    assert on.areas["neck"].status == "ask"  # the status it had, never looser
    assert on.areas["neck"].only == ("over_clothing",)
    off = toggle_condition(on, "boundaries", "neck", "over_clothing")
    assert off.areas["neck"].only == ()
    assert clear(off, "neck") == table.model_copy(update={"areas": {**table.areas}})


def test_absent_tables_stay_absent_until_they_say_something() -> None:
    assert set_default(None, "boundaries", "ask") is None
    assert set_default(None, "will_touch", "yes") is None
    made = set_default(None, "will_touch", "no")
    assert made is not None and made.default == "no"


def test_finding_an_area_by_name_prefix_or_words() -> None:
    from choreo_tui.cast.area_picker import best_match
    from notation.areas import ALIASES, NODES

    names = [*NODES, *ALIASES]
    assert best_match("hand", names) == "hand"  # the exact name wins over hand_l
    assert best_match("upper_b", names) == "upper_back"
    assert best_match("left hand", names) == "hand_l"
    assert best_match("thigh_r", names) == "thigh_r"
    assert best_match("", names) is None
    assert best_match("elbow", names) is None
    assert best_match("/but", names) == "buttocks"


def test_every_cast_binding_has_an_id_a_description_and_a_help_line() -> None:
    from textual.binding import Binding
    from textual.dom import DOMNode

    from choreo_tui.cast import area_picker, dialogs, garments, performer_form, screen

    classes: list[type[DOMNode]] = [
        area_picker.AreaTree,
        area_picker.AreaFilter,
        dialogs.Choice,
        dialogs.LeaveCast,
        garments.GarmentList,
        performer_form.PerformerForm,
        screen.CastScreen,
    ]
    seen = 0
    for cls in classes:
        for binding in cls.BINDINGS:
            assert isinstance(binding, Binding)
            assert binding.id and binding.id.startswith("cast."), binding
            assert binding.description and binding.tooltip, binding
            seen += 1
    assert seen >= 25
