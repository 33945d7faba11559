"""The cast's table edits and the re-check summary, without the screen (whole-score cast
edits are in test_cast_edits.py)."""

from __future__ import annotations

from cast_fixtures import orchard

from choreo_tui.cast.tables import clear, node_status, set_default, set_status, toggle_condition
from notation.cast_edits import put_performer
from notation.change_effects import recheck


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
