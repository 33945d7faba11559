"""T501-T506: a score must be repeatable and name only performers in the cast."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from factories import (
    RIDER_ALL,
    barrier,
    beat,
    beat_garment,
    check,
    codes,
    dumps,
    line_of,
    performer,
    placed,
    reread,
    score,
    touch,
)

from notation.model import Agreed, Beat, Score, Timing

Case = Callable[[bool], Score]


def people() -> list[Any]:
    cara = performer("cara", "Cara Lind")
    return [performer("ana", "Ana Ruiz"), performer("ben", "Ben Okafor"), cara]


def one(*touches: Any, **fields: Any) -> Score:
    return score(beat(*(touches or (touch(),)), **fields), performers=people())


# -- T501 / T502: timing -------------------------------------------------------


def t501_no_timing(trigger: bool) -> Score:
    return one(timing=None if trigger else Timing(counts=4))


def t501_empty_timing(trigger: bool) -> Score:
    return one(timing=Timing() if trigger else Timing(seconds=2.5))


def t501_cue_and_tempo_are_not_timing(trigger: bool) -> Score:
    extra: dict[str, Any] = {} if trigger else {"counts": 8}
    return one(timing=Timing(cue="lights down", tempo=90, **extra))


def t502_counts_and_seconds(trigger: bool) -> Score:
    return one(timing=Timing(counts=4, seconds=3 if trigger else None))


def t502_seconds_only_is_fine(trigger: bool) -> Score:
    return one(timing=Timing(counts=4 if trigger else None, seconds=3))


# -- T503: placed apart -----------------------------------------------------


def t503_disjoint_areas(trigger: bool) -> Score:
    return one(placements=(placed("ana", "CS"), placed("ben", "DSL" if trigger else "CS")))


def t503_one_off(trigger: bool) -> Score:
    return one(placements=(placed("ana", "off" if trigger else "DSC"), placed("ben", "DSC")))


def t503_both_off(trigger: bool) -> Score:
    area = "off" if trigger else "USR"
    return one(placements=(placed("ana", area), placed("ben", area)))


def t503_unplaced_is_not_checked(trigger: bool) -> Score:
    placements = (placed("ana", "CS"), placed("ben", "DSL")) if trigger else (placed("ana", "CS"),)
    return one(placements=placements)


def t503_only_pairs_in_contact(trigger: bool) -> Score:
    # Cara is far away, but she touches no one unless the case says so.
    t = touch(by="cara", to="ana") if trigger else touch()
    return one(t, placements=(placed("ana", "CS"), placed("ben", "CS"), placed("cara", "USR")))


def t503_self_touch_is_not_contact(trigger: bool) -> Score:
    t = touch(by="ben", to="ana") if trigger else touch(by="ana", to="ana")
    return one(t, placements=(placed("ana", "CS"), placed("ben", "USL")))


def two(first: Beat, second: Beat) -> Score:
    return score(first, second, performers=people())


def t503_carried_forward_apart(trigger: bool) -> Score:
    # Beat 1 places them; beat 2 moves only Ben. Before carry-forward, beat 2 saw
    # Ana unplaced and said nothing.
    return two(
        beat(touch(), placements=(placed("ana", "CS"), placed("ben", "CS"))),
        beat(touch(), placements=(placed("ben", "DSL" if trigger else "CS"),)),
    )


def t503_carried_forward_both(trigger: bool) -> Score:
    return two(
        beat(placements=(placed("ana", "CS"), placed("ben", "USL" if trigger else "CS"))),
        beat(touch()),
    )


def t503_a_later_placement_replaces_all_of_an_earlier_one(trigger: bool) -> Score:
    # Ana stood in CS and DSL in beat 1; beat 2 places her in USR only (or in DSL).
    return two(
        beat(placements=(placed("ana", "CS"), placed("ana", "DSL"), placed("ben", "DSL"))),
        beat(touch(), placements=(placed("ana", "USR" if trigger else "DSL"),)),
    )


# -- T504: kisses ----------------------------------------------------------------


def kiss(**fields: Any) -> Any:
    return touch(with_="lips", on="cheek", action="kiss", **fields)


def t504_no_mouth(trigger: bool) -> Score:
    return one(kiss(counts=2, mouth=None if trigger else "closed"))


def t504_no_counts(trigger: bool) -> Score:
    return one(kiss(mouth="open", counts=None if trigger else 3))


def t504_only_kisses(trigger: bool) -> Score:
    t = kiss() if trigger else touch(with_="lips", on="cheek", action="brush")
    return one(t)


# -- T506: a touch runs past its beat's counts ----------------------------------


def t506_counts_past_the_end(trigger: bool) -> Score:
    # 4-count beat: starting on 3 for 2 counts ends on 4; for 3 counts, on 5.
    return one(touch(start=3, counts=3 if trigger else 2))


def t506_start_past_the_end(trigger: bool) -> Score:
    return one(touch(start=5 if trigger else 4))


def t506_default_start_is_count_one(trigger: bool) -> Score:
    return one(touch(counts=5 if trigger else 4))


def t506_only_beats_timed_in_counts(trigger: bool) -> Score:
    timing = Timing(counts=2) if trigger else Timing(seconds=2)
    return one(touch(start=2, counts=4), timing=timing)


# -- T505: unknown ids -----------------------------------------------------------


def t505_touch_by(trigger: bool) -> Score:
    return one(touch(by="zed" if trigger else "cara"))


def t505_touch_to(trigger: bool) -> Score:
    return one(touch(to="zed" if trigger else "cara"))


def t505_placement_who(trigger: bool) -> Score:
    return one(placements=(placed("zed" if trigger else "cara"),))


def t505_placement_facing(trigger: bool) -> Score:
    return one(placements=(placed("ana", facing="zed" if trigger else "ben"),))


def t505_facing_direction_is_not_an_id(trigger: bool) -> Score:
    return one(placements=(placed("ana", facing="zed" if trigger else "US"),))


def t505_barrier(trigger: bool) -> Score:
    return one(barriers=(barrier("ana", "zed" if trigger else "cara"),))


def t505_barrier_first(trigger: bool) -> Score:
    return one(barriers=(barrier("zed" if trigger else "cara", "ana"),))


def t505_garment(trigger: bool) -> Score:
    return one(garments=(beat_garment("zed" if trigger else "cara"),))


def t505_bare(trigger: bool) -> Score:
    s = one(bare={"zed" if trigger else "cara": ("upper_back",)})
    return s.replace(performers=[p.model_copy(update={"rider": RIDER_ALL}) for p in s.performers])


def t505_agreed(trigger: bool) -> Score:
    return one(agreed=Agreed(by=("ana", "zed" if trigger else "cara")))


CASES: list[tuple[str, Case]] = [
    ("T501", t501_no_timing),
    ("T501", t501_empty_timing),
    ("T501", t501_cue_and_tempo_are_not_timing),
    ("T502", t502_counts_and_seconds),
    ("T502", t502_seconds_only_is_fine),
    ("T503", t503_disjoint_areas),
    ("T503", t503_one_off),
    ("T503", t503_both_off),
    ("T503", t503_unplaced_is_not_checked),
    ("T503", t503_only_pairs_in_contact),
    ("T503", t503_self_touch_is_not_contact),
    ("T503", t503_carried_forward_apart),
    ("T503", t503_carried_forward_both),
    ("T503", t503_a_later_placement_replaces_all_of_an_earlier_one),
    ("T504", t504_no_mouth),
    ("T504", t504_no_counts),
    ("T504", t504_only_kisses),
    ("T505", t505_touch_by),
    ("T505", t505_touch_to),
    ("T505", t505_placement_who),
    ("T505", t505_placement_facing),
    ("T505", t505_facing_direction_is_not_an_id),
    ("T505", t505_barrier),
    ("T505", t505_barrier_first),
    ("T505", t505_garment),
    ("T505", t505_bare),
    ("T505", t505_agreed),
    ("T506", t506_counts_past_the_end),
    ("T506", t506_start_past_the_end),
    ("T506", t506_default_start_is_count_one),
    ("T506", t506_only_beats_timed_in_counts),
]
IDS = [case.__name__ for _, case in CASES]
CONTRACT_SEVERITY = {
    "T501": "warning",
    "T502": "error",
    "T503": "warning",
    "T504": "warning",
    "T505": "error",
    "T506": "warning",
}


@pytest.mark.parametrize(("code", "case"), CASES, ids=IDS)
def test_case_triggers_its_code(code: str, case: Case) -> None:
    s = case(True)
    assert (len(s.beats), code) in codes(s)


@pytest.mark.parametrize(("code", "case"), CASES, ids=IDS)
def test_near_miss_does_not(code: str, case: Case) -> None:
    assert code not in {c for _, c in codes(case(False))}


@pytest.mark.parametrize(("code", "case"), CASES, ids=IDS)
def test_severity_matches_the_contract(code: str, case: Case) -> None:
    found = [f for f in check(case(True)) if f.code == code]
    assert found and {f.severity for f in found} == {CONTRACT_SEVERITY[code]}


def test_t502_is_not_also_t501() -> None:
    assert codes(t502_counts_and_seconds(True)) == {(1, "T502")}


def test_t503_mentions_both_names() -> None:
    (t503,) = [f for f in check(t503_disjoint_areas(True)) if f.code == "T503"]
    assert "Ana Ruiz" in t503.message and "Ben Okafor" in t503.message


def test_t503_a_performer_in_two_areas_meeting_the_other_is_fine() -> None:
    s = one(placements=(placed("ana", "CS"), placed("ana", "DSC"), placed("ben", "DSC")))
    assert "T503" not in {c for _, c in codes(s)}


def test_t506_says_which_count_it_ends_on() -> None:
    (t506,) = [f for f in check(t506_counts_past_the_end(True)) if f.code == "T506"]
    assert "count 3" in t506.message and "count 5" in t506.message and "4 counts" in t506.message


def test_t503_carried_forward_names_where_they_stand() -> None:
    (t503,) = [f for f in check(t503_carried_forward_apart(True)) if f.code == "T503"]
    assert t503.beat == 2 and "(CS)" in t503.message and "(DSL)" in t503.message


def test_touch_start_one_is_not_written_and_other_starts_round_trip() -> None:
    plain = one(touch())
    assert "start" not in dumps(plain)
    later = one(touch(start=3))
    assert "start = 3" in dumps(later)
    assert reread(later) == later


def test_t505_names_the_unknown_id_and_still_checks_the_rest() -> None:
    s = one(touch(by="zed"), timing=None)
    found = check(s)
    (t505,) = [f for f in found if f.code == "T505"]
    assert "'zed'" in t505.message
    assert (1, "T501") in codes(s)


def test_t505_one_finding_per_unknown_id() -> None:
    s = one(touch(by="zed"), placements=(placed("zed"), placed("yan")))
    assert sorted(f.message.split("'")[1] for f in check(s) if f.code == "T505") == ["yan", "zed"]


def test_lines_touch_else_beat() -> None:
    s = reread(
        score(
            beat(touch()),
            beat(touch(), kiss(), placements=(placed("zed"),), timing=Timing(counts=2, seconds=1)),
            performers=people(),
        )
    )
    text = dumps(s)
    found = {f.code: f for f in check(s)}
    assert found["T504"].beat == 2
    assert found["T504"].line == line_of(text, "[[beats.touches]]", 3)
    assert found["T505"].line == line_of(text, "[[beats]]", 2)
    assert found["T502"].line == line_of(text, "[[beats]]", 2)
    t505_touch = reread(score(beat(touch(), touch(to="zed")), performers=people()))
    (f,) = [f for f in check(t505_touch) if f.code == "T505"]
    assert f.line == line_of(dumps(t505_touch), "[[beats.touches]]", 2)


def test_beat_without_touches_is_fine_when_timed() -> None:
    assert codes(score(beat(), performers=people())) == set()
    assert codes(score(beat(timing=None), performers=people())) == {(1, "T501")}


def test_every_rule_code_has_a_trigger_and_a_near_miss() -> None:
    import test_rules_boundaries
    import test_rules_protocol

    covered = {code for code, _ in CASES}
    covered |= {code for code, _ in test_rules_boundaries.CASES}
    covered |= {code for code, _, _ in test_rules_protocol.CASES}
    contract = {
        *(f"B10{n}" for n in range(1, 6)),
        *(f"N20{n}" for n in range(1, 4)),
        *(f"S30{n}" for n in range(1, 4)),
        *(f"C40{n}" for n in range(1, 6)),
        *(f"T50{n}" for n in range(1, 7)),
    }
    assert len(contract) == 22
    assert covered == contract
    from notation.findings import SEVERITY

    # P601/P602 need a production: their triggers and near-misses are in test_production_core.
    assert set(SEVERITY) == contract | {"P601", "P602"}


def _all_cases() -> list[Case]:
    import test_rules_boundaries
    import test_rules_protocol

    return [
        *(case for _, case in CASES),
        *(case for _, case in test_rules_boundaries.CASES),
        *(case for _, _, case in test_rules_protocol.CASES),
    ]


def test_messages_use_names_not_ids_for_known_performers() -> None:
    for case in _all_cases():
        s = case(True)
        for finding in check(s):
            for performer_ in s.performers:
                assert f"'{performer_.id}'" not in finding.message, (case.__name__, finding)
            assert finding.message.strip() and finding.message[0].isupper(), finding
