"""B101-B105: every touch against both performers' boundaries and will_touch.

Each case is a function of ``trigger``: with True it must give the code, with
False (one small change) it must not. A missed B1xx means a performer touched
where they said no, so the near-misses matter as much as the hits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from factories import (
    agreed_by,
    beat,
    bounds,
    cast,
    codes,
    dumps,
    line_of,
    performer,
    reread,
    score,
    touch,
    will,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from notation import check, loads
from notation.areas import leaves_of
from notation.model import ACTIONS, CONDITIONS, PRESSURES, Agreed, Performer, Score, Timing, Touch

Case = Callable[[bool], Score]


def pair(ana: object = None, ben: object = None, **ben_fields: object) -> tuple[Performer, ...]:
    """Ana and Ben (Ben touches Ana) with the given boundaries, green when None."""
    a = performer("ana", "Ana Ruiz", **({"boundaries": ana} if ana is not None else {}))
    b_fields = {"boundaries": ben} if ben is not None else {}
    b = performer("ben", "Ben Okafor", **b_fields, **ben_fields)
    return (a, b)


# -- B101: the receiver's 'no' --------------------------------------------------


def b101_red_area(trigger: bool) -> Score:
    on = "neck" if trigger else "nape"
    return score(beat(touch(on=on)), performers=pair(ana=bounds("yes", neck="no")))


def b101_group_area_partly_red(trigger: bool) -> Score:
    # on = "torso" reaches the chest, which Ana marked 'no'; "back" does not.
    on = "torso" if trigger else "back"
    return score(beat(touch(on=on)), performers=pair(ana=bounds("yes", chest="no")))


def b101_sided_key_wins_over_alias(trigger: bool) -> Score:
    on = "hand_l" if trigger else "hand_r"
    return score(beat(touch(on=on)), performers=pair(ana=bounds("no", hand="yes", hand_l="no")))


def b101_alias_covers_both_sides(trigger: bool) -> Score:
    ana = bounds("yes", shoulder="no") if trigger else bounds("yes", shoulder_l="no")
    return score(beat(touch(on="shoulder_r")), performers=pair(ana=ana))


def b101_default_applies(trigger: bool) -> Score:
    ana = bounds("no", neck="yes") if trigger else bounds("ask", neck="yes")
    agreed = agreed_by(beat(touch(on="forearm")), "ana")
    return score(agreed, performers=pair(ana=ana))


def b101_group_key_covers_leaves(trigger: bool) -> Score:
    on = "lips" if trigger else "neck"
    return score(beat(touch(on=on)), performers=pair(ana=bounds("yes", face="no")))


def b101_self_touch_not_checked(trigger: bool) -> Score:
    # Ana's own hand on her own neck is staging, not a partner's touch.
    by = "ben" if trigger else "ana"
    return score(beat(touch(by=by, on="neck")), performers=pair(ana=bounds("yes", neck="no")))


# -- B102: the giver's own contact surface ------------------------------------


def b102_own_surface_red(trigger: bool) -> Score:
    with_ = "hand" if trigger else "forearm"
    return score(beat(touch(with_=with_)), performers=pair(ben=bounds("yes", hand="no")))


def b102_kiss_touches_both_mouths(trigger: bool) -> Score:
    ben = bounds("yes", lips="no") if trigger else bounds("yes", cheek="no")
    kiss = touch(with_="lips", on="cheek_l", action="kiss", mouth="closed", counts=2)
    return score(beat(kiss), performers=pair(ben=ben))


def b102_one_side_of_an_alias_surface(trigger: bool) -> Score:
    with_ = "hand" if trigger else "hand_r"
    return score(beat(touch(with_=with_)), performers=pair(ben=bounds("yes", hand_l="no")))


# -- B103: what the giver will touch ------------------------------------------


def b103_will_not_touch(trigger: bool) -> Score:
    on = "chest" if trigger else "upper_back"
    return score(beat(touch(on=on)), performers=pair(will_touch=will(chest="no")))


def b103_group_area_reaches_a_refused_leaf(trigger: bool) -> Score:
    on = "torso" if trigger else "back"
    return score(beat(touch(on=on)), performers=pair(will_touch=will(chest="no")))


def b103_default_no(trigger: bool) -> Score:
    table = will("no", upper_back="yes")
    on = "nape" if trigger else "upper_back"
    return score(beat(touch(on=on)), performers=pair(will_touch=table))


def b103_will_touch_default_is_yes(trigger: bool) -> Score:
    table = will(chest="no") if trigger else will()
    return score(beat(touch(on="chest")), performers=pair(will_touch=table))


def b103_self_touch_not_checked(trigger: bool) -> Score:
    to = "ana" if trigger else "ben"
    return score(beat(touch(to=to, on="chest")), performers=pair(will_touch=will(chest="no")))


# -- B104: 'ask' without agreement --------------------------------------------


def b104_receiver_ask(trigger: bool) -> Score:
    b = beat(touch(on="neck"))
    return score(
        b if trigger else agreed_by(b, "ana"), performers=pair(ana=bounds("yes", neck="ask"))
    )


def b104_agreed_by_the_wrong_performer(trigger: bool) -> Score:
    b = beat(touch(on="neck"))
    return score(
        agreed_by(b, "ben" if trigger else "ana", *(() if trigger else ("ben",))),
        performers=pair(ana=bounds("yes", neck="ask")),
    )


def b104_stale_agreement_does_not_count(trigger: bool) -> Score:
    agreed = agreed_by(beat(touch(on="neck")), "ana")
    if trigger:
        # The choreography changed after Ana agreed: her agreement lapses.
        agreed = agreed.model_copy(update={"timing": Timing(counts=8)})
    return score(agreed, performers=pair(ana=bounds("yes", neck="ask")))


def b104_digest_missing(trigger: bool) -> Score:
    agreed = agreed_by(beat(touch(on="neck")), "ana")
    if trigger:
        agreed = agreed.model_copy(update={"agreed": Agreed(by=("ana",))})
    return score(agreed, performers=pair(ana=bounds("yes", neck="ask")))


def b104_no_boundaries_means_ask(trigger: bool) -> Score:
    b = beat(touch(on="upper_back"))
    ana = performer("ana", "Ana Ruiz", boundaries=None)
    return score(b if trigger else agreed_by(b, "ana"), performers=(ana, performer("ben")))


def b104_group_area_with_an_ask_leaf(trigger: bool) -> Score:
    on = "face" if trigger else "forehead"
    return score(beat(touch(on=on)), performers=pair(ana=bounds("yes", lips="ask")))


def b104_giver_own_surface_ask(trigger: bool) -> Score:
    b = beat(touch(with_="lips", on="cheek", action="kiss", mouth="closed", counts=2))
    return score(
        b if trigger else agreed_by(b, "ben"), performers=pair(ben=bounds("yes", lips="ask"))
    )


def b104_will_touch_ask(trigger: bool) -> Score:
    b = beat(touch(on="chest"))
    return score(
        b if trigger else agreed_by(b, "ben"), performers=pair(will_touch=will(chest="ask"))
    )


def b104_default_ask(trigger: bool) -> Score:
    ana = bounds("ask", neck="yes")
    return score(beat(touch(on="nape" if trigger else "neck")), performers=pair(ana=ana))


# -- B105: conditions ---------------------------------------------------------


def only(status: str, *conditions: str) -> dict[str, object]:
    return {"status": status, "only": list(conditions)}


def b105_over_clothing(trigger: bool) -> Score:
    ana = bounds("yes", chest=only("yes", "over_clothing"))
    return score(beat(touch(on="chest", over_clothing=not trigger)), performers=pair(ana=ana))


def b105_light(trigger: bool) -> Score:
    ana = bounds("yes", upper_back=only("yes", "light"))
    pressure = "firm" if trigger else "light"
    return score(beat(touch(pressure=pressure)), performers=pair(ana=ana))


def b105_light_muscle_is_not_light(trigger: bool) -> Score:
    ana = bounds("yes", upper_back=only("yes", "light"))
    pressure = "muscle" if trigger else "light"
    return score(beat(touch(pressure=pressure)), performers=pair(ana=ana))


def _kiss(**fields: Any) -> Touch:
    fields.setdefault("counts", 2)
    return touch(with_="lips", on="lips", action="kiss", **fields)


def b105_closed_mouth_unsaid(trigger: bool) -> Score:
    ana = bounds("yes", lips=only("yes", "closed_mouth"))
    kiss = _kiss() if trigger else _kiss(mouth="closed")
    return score(beat(kiss), performers=pair(ana=ana))


def b105_closed_mouth_open(trigger: bool) -> Score:
    ana = bounds("yes", lips=only("yes", "closed_mouth"))
    kiss = _kiss(mouth="open" if trigger else "closed")
    return score(beat(kiss), performers=pair(ana=ana))


def b105_closed_mouth_tongue(trigger: bool) -> Score:
    ana = bounds("yes", lips=only("yes", "closed_mouth"))
    kiss = _kiss(mouth="closed", tongue=trigger)
    return score(beat(kiss), performers=pair(ana=ana))


def b105_closed_mouth_non_kiss_meets_it(trigger: bool) -> Score:
    ana = bounds("yes", lips=only("yes", "closed_mouth"))
    t = _kiss() if trigger else touch(with_="hand", on="lips", action="brush")
    return score(beat(t), performers=pair(ana=ana))


def b105_closed_mouth_on_the_givers_lips(trigger: bool) -> Score:
    ben = bounds("yes", lips=only("yes", "closed_mouth"))
    kiss = touch(
        with_="lips", on="cheek", action="kiss", counts=2, mouth="open" if trigger else "closed"
    )
    return score(beat(kiss), performers=pair(ben=ben))


def b105_hands_only_receiver(trigger: bool) -> Score:
    ana = bounds("yes", upper_back=only("yes", "hands_only"))
    with_ = "forearm" if trigger else "hand_l"
    return score(beat(touch(with_=with_)), performers=pair(ana=ana))


def b105_hands_only_receiver_group_surface(trigger: bool) -> Score:
    # `arm` includes the hands, but also the forearms: not hands only.
    ana = bounds("yes", upper_back=only("yes", "hands_only"))
    with_ = "arm" if trigger else "hand"
    return score(beat(touch(with_=with_)), performers=pair(ana=ana))


def b105_hands_only_giver_surface(trigger: bool) -> Score:
    # Ben's lips only on a partner's hand: `on` must be a hand.
    ben = bounds("yes", lips=only("yes", "hands_only"))
    on = "cheek" if trigger else "hand_r"
    kiss = touch(with_="lips", on=on, action="kiss", mouth="closed", counts=2)
    return score(beat(kiss), performers=pair(ben=ben))


def b105_hands_only_will_touch(trigger: bool) -> Score:
    table = will(chest=only("yes", "hands_only"))
    with_ = "forearm" if trigger else "hand"
    return score(beat(touch(on="chest", with_=with_)), performers=pair(will_touch=table))


def b105_over_clothing_will_touch(trigger: bool) -> Score:
    table = will(chest=only("yes", "over_clothing"))
    return score(
        beat(touch(on="chest", over_clothing=not trigger)), performers=pair(will_touch=table)
    )


def b105_light_on_giver_surface(trigger: bool) -> Score:
    ben = bounds("yes", hand=only("yes", "light"))
    return score(beat(touch(pressure="firm" if trigger else "light")), performers=pair(ben=ben))


def b105_condition_on_an_ask_area_still_applies(trigger: bool) -> Score:
    ana = bounds("yes", upper_back=only("ask", "light"))
    b = agreed_by(beat(touch(pressure="firm" if trigger else "light")), "ana")
    return score(b, performers=pair(ana=ana))


def b105_condition_from_an_ancestor(trigger: bool) -> Score:
    ana = bounds("yes", back=only("yes", "over_clothing"))
    return score(beat(touch(on="lower_back", over_clothing=not trigger)), performers=pair(ana=ana))


def b105_group_area_with_one_conditioned_leaf(trigger: bool) -> Score:
    ana = bounds("yes", chest=only("yes", "over_clothing"))
    on = "torso" if trigger else "back"
    return score(beat(touch(on=on)), performers=pair(ana=ana))


def b105_self_touch_not_checked(trigger: bool) -> Score:
    ana = bounds("yes", chest=only("yes", "over_clothing"))
    by = "ben" if trigger else "ana"
    return score(beat(touch(by=by, on="chest")), performers=pair(ana=ana))


CASES: list[tuple[str, Case]] = [
    ("B101", b101_red_area),
    ("B101", b101_group_area_partly_red),
    ("B101", b101_sided_key_wins_over_alias),
    ("B101", b101_alias_covers_both_sides),
    ("B101", b101_default_applies),
    ("B101", b101_group_key_covers_leaves),
    ("B101", b101_self_touch_not_checked),
    ("B102", b102_own_surface_red),
    ("B102", b102_kiss_touches_both_mouths),
    ("B102", b102_one_side_of_an_alias_surface),
    ("B103", b103_will_not_touch),
    ("B103", b103_group_area_reaches_a_refused_leaf),
    ("B103", b103_default_no),
    ("B103", b103_will_touch_default_is_yes),
    ("B103", b103_self_touch_not_checked),
    ("B104", b104_receiver_ask),
    ("B104", b104_agreed_by_the_wrong_performer),
    ("B104", b104_stale_agreement_does_not_count),
    ("B104", b104_digest_missing),
    ("B104", b104_no_boundaries_means_ask),
    ("B104", b104_group_area_with_an_ask_leaf),
    ("B104", b104_giver_own_surface_ask),
    ("B104", b104_will_touch_ask),
    ("B104", b104_default_ask),
    ("B105", b105_over_clothing),
    ("B105", b105_light),
    ("B105", b105_light_muscle_is_not_light),
    ("B105", b105_closed_mouth_unsaid),
    ("B105", b105_closed_mouth_open),
    ("B105", b105_closed_mouth_tongue),
    ("B105", b105_closed_mouth_non_kiss_meets_it),
    ("B105", b105_closed_mouth_on_the_givers_lips),
    ("B105", b105_hands_only_receiver),
    ("B105", b105_hands_only_receiver_group_surface),
    ("B105", b105_hands_only_giver_surface),
    ("B105", b105_hands_only_will_touch),
    ("B105", b105_over_clothing_will_touch),
    ("B105", b105_light_on_giver_surface),
    ("B105", b105_condition_on_an_ask_area_still_applies),
    ("B105", b105_condition_from_an_ancestor),
    ("B105", b105_group_area_with_one_conditioned_leaf),
    ("B105", b105_self_touch_not_checked),
]

IDS = [case.__name__ for _, case in CASES]


@pytest.mark.parametrize(("code", "case"), CASES, ids=IDS)
def test_case_triggers_its_code(code: str, case: Case) -> None:
    assert (1, code) in codes(case(True))


@pytest.mark.parametrize(("code", "case"), CASES, ids=IDS)
def test_near_miss_does_not(code: str, case: Case) -> None:
    assert code not in {c for _, c in codes(case(False))}


@pytest.mark.parametrize(("code", "case"), CASES, ids=IDS)
def test_boundary_findings_are_errors_except_b104(code: str, case: Case) -> None:
    expected = "warning" if code == "B104" else "error"
    found = [f for f in check(case(True)) if f.code == code]
    assert found and all(f.severity == expected for f in found)
    assert all(f.touch == 0 for f in found)


# -- the finer points ---------------------------------------------------------


def test_a_red_area_is_not_also_reported_as_ask() -> None:
    s = score(beat(touch(on="neck")), performers=pair(ana=bounds("ask", neck="no")))
    assert codes(s) == {(1, "B101")}


def test_red_and_ask_leaves_of_one_area_give_both() -> None:
    s = score(beat(touch(on="face")), performers=pair(ana=bounds("yes", lips="no", chin="ask")))
    assert {"B101", "B104"} <= {c for _, c in codes(s)}


def test_a_condition_on_a_red_leaf_does_not_hide_the_no() -> None:
    ana = bounds("yes", chest=only("no", "over_clothing"))
    found = {c for _, c in codes(score(beat(touch(on="chest")), performers=pair(ana=ana)))}
    assert "B101" in found


def test_all_three_checks_fire_on_one_touch() -> None:
    people = pair(
        ana=bounds("yes", chest="no"), ben=bounds("yes", hand="no"), will_touch=will(chest="no")
    )
    assert codes(score(beat(touch(on="chest")), performers=people)) >= {
        (1, "B101"),
        (1, "B102"),
        (1, "B103"),
    }


def test_agreement_by_the_receiver_does_not_cover_the_givers_ask() -> None:
    people = pair(ana=bounds("yes", neck="ask"), ben=bounds("yes", hand="ask"))
    b = agreed_by(beat(touch(on="neck")), "ana")
    messages = [f.message for f in check(score(b, performers=people)) if f.code == "B104"]
    assert len(messages) == 1 and "Ben Okafor" in messages[0]
    assert not any(f.code == "B104" for f in check(score(agreed_by(b, "ben"), performers=people)))


def test_only_the_violating_touch_and_beat_are_reported() -> None:
    s = score(
        beat(touch(on="upper_back")),
        beat(touch(on="upper_back"), touch(on="neck")),
        performers=pair(ana=bounds("yes", neck="no")),
    )
    found = [f for f in check(s) if f.code == "B101"]
    assert [(f.beat, f.touch) for f in found] == [(2, 1)]


def test_finding_line_is_the_touch_table_line() -> None:
    s = reread(
        score(
            beat(touch(on="upper_back")),
            beat(touch(on="upper_back"), touch(on="neck")),
            performers=pair(ana=bounds("yes", neck="no")),
        )
    )
    text = dumps(s)
    (found,) = [f for f in check(s) if f.code == "B101"]
    assert found.line == line_of(text, "[[beats.touches]]", 3)


def test_a_touch_naming_an_unknown_performer_is_not_a_boundary_crash() -> None:
    s = score(
        beat(touch(by="zed", to="ana", on="neck")), performers=pair(ana=bounds("yes", neck="no"))
    )
    found = {c for _, c in codes(s)}
    assert "T505" in found and "B101" in found


def test_messages_name_performers_and_keep_private_notes_out() -> None:
    secret = "PRIVATE-7f3a-never-shown"
    ana = performer("ana", "Ana Ruiz", boundaries=bounds("yes", neck="no"), private_notes=secret)
    ben = performer("ben", "Ben Okafor", private_notes=secret)
    b = beat(touch(on="neck"), private_notes=secret, notes=secret)
    found = check(score(b, performers=(ana, ben), private_notes=secret))
    (b101,) = [f for f in found if f.code == "B101"]
    assert "Ana Ruiz" in b101.message and "Ben Okafor" in b101.message
    assert "'ana'" not in b101.message
    assert all(secret not in f.message for f in found)


def test_default_cast_is_clean() -> None:
    assert codes(score(beat(touch()))) == set()
    assert cast()[0].name == "Ana Ruiz"


FILE_HEAD = """format = "choreo-score"
version = 1

[scene]
title = "Defaults"
self_care_cue = "hold"

[[performers]]
id = "ana"
name = "Ana Ruiz"

[performers.boundaries.areas]
upper_back = "yes"

[[performers]]
id = "ben"
name = "Ben Okafor"

[performers.boundaries]
default = "yes"

[performers.will_touch.areas]
chest = "no"

[[beats]]
timing = { counts = 4 }
"""


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("upper_back", set()),
        ("nape", {"B104"}),  # Ana's table has no default: 'ask'
        ("chest", {"B103", "B104"}),  # Ben's will_touch says no; Ana's chest is 'ask'
    ],
)
def test_defaults_as_read_from_a_file(on: str, expected: set[str]) -> None:
    text = FILE_HEAD + f'\n[[beats.touches]]\nby = "ben"\nto = "ana"\non = "{on}"\n'
    assert {c for _, c in codes(loads(text))} == expected


def test_inline_rule_with_conditions_from_a_file() -> None:
    text = FILE_HEAD.replace(
        'upper_back = "yes"', 'upper_back = { status = "yes", only = ["light", "over_clothing"] }'
    )
    touch_text = '\n[[beats.touches]]\nby = "ben"\nto = "ana"\non = "upper_back"\n'
    found = [f for f in check(loads(text + touch_text)) if f.code == "B105"]
    assert len(found) == 1 and "over clothing" in found[0].message
    ok = touch_text + "over_clothing = true\n"
    assert not any(f.code == "B105" for f in check(loads(text + ok)))


def spec_met(condition: str, t: Touch, other_surface: str) -> bool:
    """Whether a touch meets a condition, as docs/format.md words it."""
    if condition == "over_clothing":
        return t.over_clothing
    if condition == "light":
        return t.pressure == "light"
    if condition == "closed_mouth":
        return t.action != "kiss" or (t.mouth == "closed" and not t.tongue)
    return leaves_of(other_surface) <= {"hand_l", "hand_r"}


CONDITION_LISTS = st.lists(st.sampled_from(CONDITIONS), min_size=1, max_size=4, unique=True)
TOUCHES = st.builds(
    touch,
    with_=st.sampled_from(["hand", "hand_l", "forearm", "lips", "arm", "cheek"]),
    on=st.sampled_from(["lips", "upper_back", "hand_r", "face", "chest"]),
    action=st.sampled_from(ACTIONS),
    pressure=st.sampled_from(PRESSURES),
    over_clothing=st.booleans(),
    mouth=st.none() | st.sampled_from(["closed", "open"]),
    tongue=st.booleans(),
    counts=st.just(2),
)


@settings(max_examples=150, deadline=None)
@given(only=CONDITION_LISTS, t=TOUCHES, where=st.sampled_from(["receiver", "giver", "will"]))
def test_b105_agrees_with_the_spec(only: list[str], t: Touch, where: str) -> None:
    rule = {"status": "yes", "only": only}
    if where == "receiver":
        people = pair(ana=bounds("yes", body=rule))
        other = t.with_
    elif where == "giver":
        people = pair(ben=bounds("yes", body=rule))
        other = t.on
    else:
        people = pair(will_touch=will("yes", body=rule))
        other = t.with_
    found = {f.code for f in check(score(beat(t), performers=people))}
    assert ("B105" in found) == (not all(spec_met(c, t, other) for c in only))
