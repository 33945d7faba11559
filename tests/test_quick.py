"""The quick-entry grammar: one line of notation gives exactly the touch it says."""

from __future__ import annotations

import pytest
from factories import cast
from hypothesis import given, settings
from hypothesis import strategies as st

from notation.areas import AREA_NAMES
from notation.model import ACTIONS, PRESSURES, Touch
from notation.quick import (
    QuickError,
    area_of,
    complete,
    format_touch,
    parse,
    parse_touch,
    slot_at_end,
)

PEOPLE = cast()


def one(line: str) -> Touch:
    return parse_touch(line, PEOPLE)


def test_the_issue_example_gives_every_field() -> None:
    t = one("ben rhand > ana upper_back press light 2c")
    assert (t.by, t.with_, t.to, t.on) == ("ben", "hand_r", "ana", "upper_back")
    assert (t.action, t.pressure, t.counts, t.over_clothing) == ("press", "light", 2, False)


def test_defaults_are_the_formats() -> None:
    t = one("ben > ana arm")
    assert (t.with_, t.action, t.pressure, t.counts, t.mouth, t.tongue) == (
        "hand",
        "hold",
        "light",
        None,
        None,
        False,
    )


def test_a_kiss_without_with_is_lips_to_lips_area() -> None:
    t = one("ana > ben lips kiss closed 3c")
    assert (t.with_, t.on, t.action, t.mouth, t.counts) == ("lips", "lips", "kiss", "closed", 3)


@pytest.mark.parametrize(
    ("word", "area"),
    [
        ("rhand", "hand_r"),
        ("lhand", "hand_l"),
        ("r.hand", "hand_r"),
        ("l.shoulder", "shoulder_l"),
        ("right_hand", "hand_r"),
        ("left_inner_thigh", "inner_thigh_l"),
        ("hand_r", "hand_r"),
        ("Upper_Back", "upper_back"),
        ("lips", "lips"),
        ("lower_back", "lower_back"),
    ],
)
def test_area_short_forms(word: str, area: str) -> None:
    assert area_of(word) == area


def test_short_forms_never_shadow_a_real_area() -> None:
    for name in AREA_NAMES:
        assert area_of(name) == name


def test_flags_mouth_and_tongue() -> None:
    t = one("ana lips > ben lips kiss open tongue muscle 4c")
    assert (t.mouth, t.tongue, t.pressure) == ("open", True, "muscle")
    assert one("ben > ana waist hold oc").over_clothing is True
    assert one("ben > ana waist over_clothing").over_clothing is True
    assert one("ana > ben lips kiss closed_mouth no_tongue").mouth == "closed"


def test_performers_by_name_any_case() -> None:
    t = one("Ben > ANA arm")
    assert (t.by, t.to) == ("ben", "ana")


def test_several_touches_on_one_line() -> None:
    touches = parse("ben rhand > ana waist; ana lhand > ben shoulder_r 2c", PEOPLE)
    assert [(t.by, t.on) for t in touches] == [("ben", "waist"), ("ana", "shoulder_r")]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("", "empty"),
        ("ben rhand ana upper_back", "'>'"),
        ("ben > > ana arm", "'>'"),
        ("> ana arm", "who touches"),
        ("ben > ana", "who is touched and where"),
        ("bne > ana arm", "did you mean 'ben'"),
        ("ben > ana uper_back", "did you mean 'upper_back'"),
        ("ben rhnd > ana arm", "not a body area"),
        ("ben > ana arm pres", "did you mean 'press'"),
        ("ben > ana arm 2", "'2c'"),
        ("ben > ana arm press hold", "given twice"),
        ("ben > ana arm closed", "kiss"),
        ("ben rhand lhand x > ana arm", "one word too many"),
        ("ben > ana arm 0c", "counts must be at least 1"),
        ("ben > ana arm -3c", "counts cannot be negative"),
        ("ben > ana arm 2.5c", "counts must be whole counts, not a fraction"),
        ("ben > ana arm 12345c", "at most 9999"),
        ("ben > ana arm @0", "start count must be at least 1"),
        ("ben > ana arm @-2", "start count cannot be negative"),
        ("ben > ana arm @1.5", "start count must be whole counts"),
        ("ben > ana arm @", "start count needs a whole number; write e.g. '@2'"),
        ("ben > ana arm 2c @2 @3", "given twice"),
    ],
)
def test_bad_lines_say_what_is_wrong(line: str, words: str) -> None:
    with pytest.raises(QuickError) as caught:
        parse(line, PEOPLE)
    assert words in caught.value.message


def test_a_start_count_says_on_which_count_the_touch_begins() -> None:
    assert one("ben rhand > ana upper_back press 2c @3").start == 3
    assert one("ben rhand > ana upper_back").start == 1
    assert format_touch(one("ben > ana arm @4")).endswith("@4")


def test_no_performers_points_to_the_cast() -> None:
    with pytest.raises(QuickError, match="cast"):
        parse("ben > ana arm", ())


touches = st.builds(
    Touch,
    by=st.sampled_from(["ana", "ben"]),
    with_=st.sampled_from(sorted(AREA_NAMES)),
    to=st.sampled_from(["ana", "ben"]),
    on=st.sampled_from(sorted(AREA_NAMES)),
    action=st.sampled_from(ACTIONS),
    pressure=st.sampled_from(PRESSURES),
    over_clothing=st.booleans(),
    counts=st.none() | st.integers(1, 9999),
    start=st.integers(1, 9999),
)


@settings(max_examples=150)
@given(touches, st.sampled_from([None, "closed", "open"]), st.booleans())
def test_format_then_parse_round_trips(t: Touch, mouth: str | None, tongue: bool) -> None:
    if t.action == "kiss":
        t = t.model_copy(update={"mouth": mouth, "tongue": tongue})
    assert one(format_touch(t)) == t


def test_slots_for_completion() -> None:
    assert slot_at_end("be").kind == "performer"
    assert slot_at_end("ben rh").kind == "area"
    assert slot_at_end("ben rhand > a").kind == "performer"
    assert slot_at_end("ben rhand > ana up").kind == "area"
    assert slot_at_end("ben rhand > ana upper_back pr") == slot_at_end("x > y z pr")
    assert slot_at_end("ben > ana arm; a").kind == "performer"


def test_completion_of_performers_areas_and_words() -> None:
    assert complete("be", PEOPLE) == "ben"
    assert complete("ben > ana upper_b", PEOPLE) == "ben > ana upper_back"
    assert complete("ben > ana arm pre", PEOPLE) == "ben > ana arm press"
    assert complete("ben > ana upper_a", PEOPLE) == "ben > ana upper_arm"
    assert complete("ben rha", PEOPLE) == "ben rhand"
    assert complete("ben linn", PEOPLE) == "ben linner_thigh"


def test_completion_never_guesses() -> None:
    assert complete("", PEOPLE) is None
    assert complete("ben ", PEOPLE) is None
    assert complete("ben > ana upper", PEOPLE) == "ben > ana upper_"
    assert complete("ben > ana upper_", PEOPLE) is None
    assert complete("zz", PEOPLE) is None
