"""N201-N203, S301-S303 and C401-C405: riders, simulated sex, agreement, safeguarding.

Each case is a function of ``trigger``: True must give the code, False (one
small change) must not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from factories import (
    POUCH,
    RIDER_ALL,
    agreed_by,
    barrier,
    beat,
    beat_garment,
    bounds,
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
from hypothesis import given, settings
from hypothesis import strategies as st

from notation.areas import leaves_of
from notation.model import DEFAULT_COVERS, Agreed, Beat, Garment, Performer, Rider, Score, Timing

Case = Callable[[bool], Score]


def protected(pid: str, name: str, **fields: Any) -> Performer:
    """A performer with a full rider and a modesty pouch: clean for any protocol rule."""
    fields.setdefault("rider", RIDER_ALL)
    fields.setdefault("garments", (POUCH,))
    return performer(pid, name, **fields)


def people(ana: dict[str, Any] | None = None, ben: dict[str, Any] | None = None) -> list[Performer]:
    return [
        protected("ana", "Ana Ruiz", **(ana or {})),
        protected("ben", "Ben Okafor", **(ben or {})),
    ]


def sim_beat(*touches: Any, **fields: Any) -> Beat:
    """A simulated beat with a pillow between Ana and Ben."""
    fields.setdefault("barriers", (barrier(),))
    return beat(*(touches or (touch(on="upper_back"),)), simulated=True, **fields)


def nude(who: str = "ana", *areas: str, **fields: Any) -> Beat:
    return beat(touch(on="upper_back"), bare={who: areas or ("upper_back",)}, **fields)


# -- N201: bare beyond the rider ---------------------------------------------


def n201_outside_rider(trigger: bool) -> Score:
    rider = Rider(may_expose=("upper_back",))
    return score(
        nude("ana", "chest" if trigger else "upper_back"), performers=people({"rider": rider})
    )


def n201_group_bare_partly_outside(trigger: bool) -> Score:
    # "back" is upper_back and lower_back; the rider lists only one of them.
    exposable = ("upper_back",) if trigger else ("upper_back", "lower_back")
    rider = Rider(may_expose=exposable)
    return score(nude("ana", "back"), performers=people({"rider": rider}))


def n201_rider_alias_covers_both_sides(trigger: bool) -> Score:
    rider = Rider(may_expose=("thigh_l",) if trigger else ("thigh",))
    return score(nude("ana", "thigh"), performers=people({"rider": rider}))


def n201_rider_group_covers_leaf(trigger: bool) -> Score:
    rider = Rider(may_expose=("back",))
    return score(
        nude("ana", "chest" if trigger else "lower_back"), performers=people({"rider": rider})
    )


def n201_empty_may_expose(trigger: bool) -> Score:
    rider = Rider(may_expose=() if trigger else ("buttocks",))
    return score(nude("ana", "buttocks"), performers=people({"rider": rider}))


# -- N202: bare with no rider ------------------------------------------------


def n202_no_rider(trigger: bool) -> Score:
    rider = None if trigger else Rider(may_expose=("upper_back",))
    return score(nude("ana", "upper_back"), performers=people({"rider": rider}))


def n202_empty_bare_list_is_not_nudity(trigger: bool) -> Score:
    b = nude("ana", "upper_back") if trigger else beat(touch(), bare={"ana": ()})
    return score(b, performers=people({"rider": None}))


# -- N203: closed set ----------------------------------------------------------


def n203_film_nudity(trigger: bool) -> Score:
    return score(nude(), performers=people(), medium="film", closed_set=not trigger)


def n203_tv_nudity(trigger: bool) -> Score:
    return score(nude(), performers=people(), medium="tv", closed_set=not trigger)


def n203_only_film_and_tv(trigger: bool) -> Score:
    return score(nude(), performers=people(), medium="film" if trigger else "theatre")


def n203_simulated(trigger: bool) -> Score:
    return score(sim_beat(), performers=people(), medium="film", closed_set=not trigger)


def n203_groin_touch(trigger: bool) -> Score:
    b = beat(touch(on="groin" if trigger else "hip_l"), barriers=(barrier(),))
    return score(b, performers=people(), medium="tv")


def n203_only_for_nudity_or_simulated(trigger: bool) -> Score:
    b = nude() if trigger else beat(touch())
    return score(b, performers=people(), medium="film")


# -- S301: the rider agrees to simulated sex ----------------------------------


def s301_simulated_without_consent(trigger: bool) -> Score:
    rider = Rider(simulated_sex=not trigger)
    return score(sim_beat(), performers=people({"rider": rider}))


def s301_simulated_no_rider(trigger: bool) -> Score:
    return score(sim_beat(), performers=people(ben={"rider": None if trigger else RIDER_ALL}))


def s301_groin_touch(trigger: bool) -> Score:
    b = beat(touch(on="groin" if trigger else "hip_r"), barriers=(barrier(),))
    return score(b, performers=people({"rider": Rider()}))


def s301_pelvis_includes_groin(trigger: bool) -> Score:
    b = beat(touch(on="pelvis" if trigger else "buttocks"), barriers=(barrier(),))
    return score(b, performers=people({"rider": Rider()}))


def s301_groin_as_contact_surface(trigger: bool) -> Score:
    b = beat(touch(with_="groin" if trigger else "hip_l", on="hip_l"), barriers=(barrier(),))
    return score(b, performers=people(ben={"rider": Rider()}))


def s301_not_simulated(trigger: bool) -> Score:
    b = sim_beat() if trigger else beat(touch(on="upper_back"), barriers=(barrier(),))
    return score(b, performers=people({"rider": None}))


# -- S302: a barrier between performers in contact ----------------------------


def s302_no_barrier(trigger: bool) -> Score:
    b = sim_beat(barriers=() if trigger else (barrier("ana", "ben"),))
    return score(b, performers=people())


def s302_barrier_either_order(trigger: bool) -> Score:
    b = sim_beat(barriers=() if trigger else (barrier("ben", "ana"),))
    return score(b, performers=people())


def s302_barrier_with_someone_else(trigger: bool) -> Score:
    cara = protected("cara", "Cara Lind")
    other = barrier("ana", "cara") if trigger else barrier("ben", "ana")
    return score(sim_beat(barriers=(other,)), performers=[*people(), cara])


def s302_groin_touch(trigger: bool) -> Score:
    b = beat(touch(on="groin"), barriers=() if trigger else (barrier(),))
    return score(b, performers=people())


# -- S303: a garment covering the groin ---------------------------------------


def s303_no_garment(trigger: bool) -> Score:
    return score(sim_beat(), performers=people({"garments": () if trigger else (POUCH,)}))


def s303_beat_garment_with_who(trigger: bool) -> Score:
    # Ana has no scene-wide garment; the beat's garment must name her, not Ben.
    b = sim_beat(garments=(beat_garment("ben" if trigger else "ana"),))
    return score(b, performers=people({"garments": ()}))


def s303_bodysuit_covers_groin_via_pelvis(trigger: bool) -> Score:
    kind = "pasties" if trigger else "bodysuit"
    return score(sim_beat(), performers=people({"garments": (Garment(kind=kind),)}))


def s303_kinds_by_default(trigger: bool) -> Score:
    kind = "nipple_covers" if trigger else "skin_tone_underwear"
    return score(sim_beat(), performers=people({"garments": (Garment(kind=kind),)}))


def s303_other_must_say_groin(trigger: bool) -> Score:
    covers = ("chest",) if trigger else ("groin",)
    return score(
        sim_beat(), performers=people({"garments": (Garment(kind="other", covers=covers),)})
    )


def s303_bare_groin_defeats_garment(trigger: bool) -> Score:
    bare = {"ana": ("groin",)} if trigger else {"ana": ("buttocks",)}
    return score(sim_beat(bare=bare), performers=people())


def s303_groin_touch(trigger: bool) -> Score:
    b = beat(touch(on="groin" if trigger else "hip_l"), barriers=(barrier(),))
    return score(b, performers=people({"garments": ()}))


# -- C401: the agreement lapsed -----------------------------------------------


def c401_changed_after_agreement(trigger: bool) -> Score:
    b = agreed_by(beat(touch()), "ana", "ben")
    if trigger:
        b = b.model_copy(update={"timing": Timing(counts=6)})
    return score(b, performers=people())


def c401_missing_digest(trigger: bool) -> Score:
    b = agreed_by(beat(touch()), "ana")
    if trigger:
        b = b.model_copy(update={"agreed": Agreed(by=("ana",))})
    return score(b, performers=people())


def c401_title_edit_keeps_it(trigger: bool) -> Score:
    b = agreed_by(beat(touch()), "ana")
    update = {"pressure": "firm"} if trigger else {}
    b = b.model_copy(update={"title": "renamed", "touches": (touch(**update),)})
    return score(b, performers=people())


# -- C402, C403: scene-level --------------------------------------------------


def c402_blank_cue(trigger: bool) -> Score:
    return score(beat(touch()), performers=people(), self_care_cue="" if trigger else "hold")


def c402_whitespace_cue(trigger: bool) -> Score:
    return score(beat(touch()), performers=people(), self_care_cue="  \t" if trigger else "button")


def c403_minor_without_guardian(trigger: bool) -> Score:
    kid = protected("kid", "Kit Young", minor=True, guardian="" if trigger else "Jo Young")
    return score(beat(touch()), performers=[*people(), kid])


def c403_blank_guardian(trigger: bool) -> Score:
    kid = protected("kid", "Kit Young", minor=True, guardian=" " if trigger else "Jo Young")
    return score(beat(touch()), performers=[*people(), kid])


def c403_adults_need_none(trigger: bool) -> Score:
    kid = protected("kid", "Kit Young", minor=trigger)
    return score(beat(touch()), performers=[*people(), kid])


# -- C404: a minor in a beat with nudity or simulated sex ---------------------


def _kid() -> Performer:
    return protected("kid", "Kit Young", minor=True, guardian="Jo Young")


def c404_minor_bare(trigger: bool) -> Score:
    b = nude("kid") if trigger else beat(touch(to="kid"))
    return score(b, performers=[*people(), _kid()])


def c404_minor_placed_in_a_nude_beat(trigger: bool) -> Score:
    b = nude("ana", placements=(placed("kid"),) if trigger else ())
    return score(b, performers=[*people(), _kid()])


def c404_minor_facing_in_a_simulated_beat(trigger: bool) -> Score:
    b = sim_beat(placements=(placed("ana", facing="kid" if trigger else "DS"),))
    return score(b, performers=[*people(), _kid()])


def c404_minor_in_agreed_of_a_nude_beat(trigger: bool) -> Score:
    b = nude("ana")
    b = b.model_copy(update={"agreed": Agreed(by=("kid",) if trigger else ("ana",))})
    return score(b, performers=[*people(), _kid()])


def c404_minor_in_a_barrier_of_a_nude_beat(trigger: bool) -> Score:
    b = nude("ana", barriers=(barrier("ben", "kid" if trigger else "ana"),))
    return score(b, performers=[*people(), _kid()])


def c404_minor_garment_in_a_nude_beat(trigger: bool) -> Score:
    b = nude("ana", garments=(beat_garment("kid" if trigger else "ben"),))
    return score(b, performers=[*people(), _kid()])


def c404_minor_touched_in_a_simulated_beat(trigger: bool) -> Score:
    b = sim_beat(touch(to="kid"), barriers=(barrier("ben", "kid"),))
    return score(b, performers=[*people(), _kid().model_copy(update={"minor": trigger})])


def c404_minor_in_a_groin_touch_beat(trigger: bool) -> Score:
    b = beat(
        touch(on="groin" if trigger else "hip_l"),
        placements=(placed("kid"),),
        barriers=(barrier(),),
    )
    return score(b, performers=[*people(), _kid()])


# -- C405: touched with no recorded boundaries --------------------------------


def c405_no_boundaries(trigger: bool) -> Score:
    b = agreed_by(beat(touch()), "ana")
    return score(b, performers=people({"boundaries": None if trigger else bounds("yes")}))


def c405_only_the_touched(trigger: bool) -> Score:
    # Ben touches Ana; Ben's own missing boundaries matter only if he is touched.
    t = touch(by="ana", to="ben") if trigger else touch(by="ben", to="ana")
    b = agreed_by(beat(t), "ben")
    return score(b, performers=people(ben={"boundaries": None}))


def c405_self_touch_is_not_being_touched(trigger: bool) -> Score:
    t = touch(by="ben", to="ana") if trigger else touch(by="ana", to="ana")
    b = agreed_by(beat(t), "ana")
    return score(b, performers=people({"boundaries": None}))


CASES: list[tuple[str, int | None, Case]] = [
    ("N201", 1, n201_outside_rider),
    ("N201", 1, n201_group_bare_partly_outside),
    ("N201", 1, n201_rider_alias_covers_both_sides),
    ("N201", 1, n201_rider_group_covers_leaf),
    ("N201", 1, n201_empty_may_expose),
    ("N202", 1, n202_no_rider),
    ("N202", 1, n202_empty_bare_list_is_not_nudity),
    ("N203", 1, n203_film_nudity),
    ("N203", 1, n203_tv_nudity),
    ("N203", 1, n203_only_film_and_tv),
    ("N203", 1, n203_simulated),
    ("N203", 1, n203_groin_touch),
    ("N203", 1, n203_only_for_nudity_or_simulated),
    ("S301", 1, s301_simulated_without_consent),
    ("S301", 1, s301_simulated_no_rider),
    ("S301", 1, s301_groin_touch),
    ("S301", 1, s301_pelvis_includes_groin),
    ("S301", 1, s301_groin_as_contact_surface),
    ("S301", 1, s301_not_simulated),
    ("S302", 1, s302_no_barrier),
    ("S302", 1, s302_barrier_either_order),
    ("S302", 1, s302_barrier_with_someone_else),
    ("S302", 1, s302_groin_touch),
    ("S303", 1, s303_no_garment),
    ("S303", 1, s303_beat_garment_with_who),
    ("S303", 1, s303_bodysuit_covers_groin_via_pelvis),
    ("S303", 1, s303_kinds_by_default),
    ("S303", 1, s303_other_must_say_groin),
    ("S303", 1, s303_bare_groin_defeats_garment),
    ("S303", 1, s303_groin_touch),
    ("C401", 1, c401_changed_after_agreement),
    ("C401", 1, c401_missing_digest),
    ("C401", 1, c401_title_edit_keeps_it),
    ("C402", None, c402_blank_cue),
    ("C402", None, c402_whitespace_cue),
    ("C403", None, c403_minor_without_guardian),
    ("C403", None, c403_blank_guardian),
    ("C403", None, c403_adults_need_none),
    ("C404", 1, c404_minor_bare),
    ("C404", 1, c404_minor_placed_in_a_nude_beat),
    ("C404", 1, c404_minor_facing_in_a_simulated_beat),
    ("C404", 1, c404_minor_in_agreed_of_a_nude_beat),
    ("C404", 1, c404_minor_in_a_barrier_of_a_nude_beat),
    ("C404", 1, c404_minor_garment_in_a_nude_beat),
    ("C404", 1, c404_minor_touched_in_a_simulated_beat),
    ("C404", 1, c404_minor_in_a_groin_touch_beat),
    ("C405", None, c405_no_boundaries),
    ("C405", None, c405_only_the_touched),
    ("C405", None, c405_self_touch_is_not_being_touched),
]

IDS = [case.__name__ for _, _, case in CASES]
CONTRACT_SEVERITY = {
    "N201": "error", "N202": "error", "N203": "error",
    "S301": "error", "S302": "error", "S303": "error",
    "C401": "warning", "C402": "error", "C403": "error", "C404": "error", "C405": "info",
}  # fmt: skip


@pytest.mark.parametrize(("code", "number", "case"), CASES, ids=IDS)
def test_case_triggers_its_code(code: str, number: int | None, case: Case) -> None:
    assert (number, code) in codes(case(True))


@pytest.mark.parametrize(("code", "number", "case"), CASES, ids=IDS)
def test_near_miss_does_not(code: str, number: int | None, case: Case) -> None:
    assert code not in {c for _, c in codes(case(False))}


@pytest.mark.parametrize(("code", "number", "case"), CASES, ids=IDS)
def test_severity_matches_the_contract(code: str, number: int | None, case: Case) -> None:
    found = [f for f in check(case(True)) if f.code == code]
    assert found and {f.severity for f in found} == {CONTRACT_SEVERITY[code]}


# -- counts and who is named --------------------------------------------------


def test_baseline_simulated_beat_is_clean() -> None:
    assert codes(score(sim_beat(), performers=people())) == set()
    assert codes(score(sim_beat(), performers=people(), medium="film", closed_set=True)) == set()


def test_s301_names_every_involved_performer() -> None:
    s = score(sim_beat(), performers=people({"rider": None}, {"rider": Rider()}))
    messages = [f.message for f in check(s) if f.code == "S301"]
    assert len(messages) == 2
    assert any("Ana Ruiz" in m for m in messages) and any("Ben Okafor" in m for m in messages)


def test_s303_names_each_performer_without_a_garment() -> None:
    s = score(sim_beat(), performers=people({"garments": ()}, {"garments": ()}))
    messages = [f.message for f in check(s) if f.code == "S303"]
    assert len(messages) == 2
    assert any("Ana Ruiz" in m for m in messages) and any("Ben Okafor" in m for m in messages)


def test_s303_beat_garment_counts_only_for_its_wearer() -> None:
    s = score(
        sim_beat(garments=(beat_garment("ben"),)),
        performers=people({"garments": ()}, {"garments": ()}),
    )
    (s303,) = [f for f in check(s) if f.code == "S303"]
    assert "Ana Ruiz" in s303.message and "Ben Okafor" not in s303.message


def test_n203_once_per_beat_and_for_each_beat() -> None:
    both = sim_beat(bare={"ana": ("upper_back",)})
    s = score(both, beat(touch()), nude(), performers=people(), medium="film")
    n203 = [f.beat for f in check(s) if f.code == "N203"]
    assert n203 == [1, 3]


def test_c405_once_per_performer_scene_level() -> None:
    b = agreed_by(beat(touch(), touch(on="nape")), "ana")
    s = score(b, b, performers=people({"boundaries": None}))
    c405 = [f for f in check(s) if f.code == "C405"]
    assert len(c405) == 1 and c405[0].beat is None and "Ana Ruiz" in c405[0].message


def test_c404_named_minor_and_severity() -> None:
    s = c404_minor_bare(True)
    (c404,) = [f for f in check(s) if f.code == "C404"]
    assert "Kit Young" in c404.message


def test_minor_in_a_plain_beat_is_fine() -> None:
    s = score(
        beat(touch(to="kid"), placements=(placed("kid"), placed("ben"))),
        performers=[*people(), _kid()],
    )
    assert codes(s) == set()


def test_b104_is_suppressed_only_while_the_digest_matches() -> None:
    b = agreed_by(beat(touch(on="neck")), "ana")
    ana = {"boundaries": bounds("yes", neck="ask")}
    current = score(b, performers=people(ana))
    assert not {"B104", "C401"} & {c for _, c in codes(current)}
    stale = score(
        b.model_copy(update={"simulated": True, "barriers": (barrier(),)}), performers=people(ana)
    )
    assert {(1, "B104"), (1, "C401")} <= codes(stale)


# -- lines ------------------------------------------------------------------


def test_lines_point_at_the_table_concerned() -> None:
    kid = protected("kid", "Kit Young", minor=True)
    s = reread(
        score(
            beat(touch()),
            beat(touch(), touch(on="groin"), bare={"ana": ("chest",)}),
            performers=[*people({"rider": Rider(may_expose=("upper_back",))}), kid],
            self_care_cue="",
        )
    )
    text = dumps(s)
    found = {(f.code, f.beat): f.line for f in check(s)}
    assert found[("C402", None)] == line_of(text, "[scene]")
    assert found[("C403", None)] == line_of(text, "[[performers]]", 3)
    assert found[("N201", 2)] == line_of(text, "[[beats]]", 2)
    assert found[("S301", 2)] == line_of(text, "[[beats.touches]]", 3)
    # S302 concerns the pair: it may point at either of the pair's touches in beat 2.
    assert found[("S302", 2)] in {line_of(text, "[[beats.touches]]", n) for n in (2, 3)}


def test_findings_without_a_file_have_no_line() -> None:
    assert all(f.line is None for f in check(c402_blank_cue(True)))


def test_no_message_contains_private_notes() -> None:
    secret = "SECRET-c0ffee-private"
    kid = protected("kid", "Kit Young", minor=True, private_notes=secret)
    ana = {"rider": None, "private_notes": secret, "garments": (), "boundaries": None}
    b = sim_beat(
        touch(on="groin"),
        bare={"ana": ("chest",), "kid": ("chest",)},
        barriers=(),
        private_notes=secret,
        notes=secret,
        title=secret,
    )
    b = b.model_copy(update={"agreed": Agreed(by=("ana",), digest="stale")})
    s = score(
        b,
        performers=[*people(ana), kid],
        medium="tv",
        private_notes=secret,
        notes=secret,
        self_care_cue="",
    )
    found = check(s)
    assert {"N202", "N203", "S301", "S302", "S303", "C401", "C402", "C403", "C404", "C405"} <= {
        f.code for f in found
    }
    assert all(secret not in f.message for f in found)


def test_more_lines_beat_and_performer_tables() -> None:
    kid = _kid()
    stale = beat(touch()).model_copy(update={"agreed": Agreed(by=("ana",), digest="old")})
    s = reread(
        score(
            stale,
            nude("kid"),
            performers=[*people({"boundaries": None}), kid],
            medium="film",
        )
    )
    text = dumps(s)
    found = {(f.code, f.beat): f.line for f in check(s)}
    assert found[("C405", None)] == line_of(text, "[[performers]]", 1)
    assert found[("C401", 1)] == line_of(text, "[[beats]]", 1)
    assert found[("N203", 2)] == line_of(text, "[[beats]]", 2)
    assert found[("C404", 2)] == line_of(text, "[[beats]]", 2)


# -- an oracle over generated beats ------------------------------------------------

ORACLE_IDS = ["ana", "ben", "kid"]
SOME_AREAS = st.sampled_from(
    ["groin", "pelvis", "chest", "back", "upper_back", "hip", "body", "hand"]
)
KINDS = st.sampled_from(
    ["modesty_pouch", "pasties", "bodysuit", "shapewear", "skin_tone_underwear"]
)


def leaves(areas: tuple[str, ...] | list[str]) -> set[str]:
    return set().union(*(leaves_of(a) for a in areas)) if areas else set()


@st.composite
def protocol_scores(draw: st.DrawFn) -> Score:
    cast_ = []
    for pid in ORACLE_IDS:
        rider = draw(
            st.none()
            | st.builds(
                Rider,
                may_expose=st.lists(SOME_AREAS, max_size=3).map(tuple),
                simulated_sex=st.booleans(),
            )
        )
        garments = tuple(Garment(kind=k) for k in draw(st.lists(KINDS, max_size=2)))
        extra = {"minor": True, "guardian": "Jo"} if pid == "kid" else {}
        cast_.append(performer(pid, pid.title() + " Test", rider=rider, garments=garments, **extra))
    pid_ = st.sampled_from(ORACLE_IDS)
    touches = draw(
        st.lists(st.builds(touch, by=pid_, to=pid_, on=SOME_AREAS, with_=SOME_AREAS), max_size=3)
    )
    pairs = st.lists(st.sampled_from([("ana", "ben"), ("ben", "kid"), ("kid", "ana")]), max_size=2)
    b = beat(
        *touches,
        simulated=draw(st.booleans()),
        barriers=tuple(barrier(a, c) for a, c in draw(pairs)),
        garments=tuple(
            beat_garment(w, k) for w, k in draw(st.lists(st.tuples(pid_, KINDS), max_size=2))
        ),
        bare=draw(st.dictionaries(pid_, st.lists(SOME_AREAS, max_size=2).map(tuple), max_size=2)),
    )
    return score(
        b,
        performers=cast_,
        medium=draw(st.sampled_from(["theatre", "film", "tv"])),
        closed_set=draw(st.booleans()),
    )


def expected_protocol_codes(s: Score) -> set[str]:
    """N201-N203, S301-S303 and C404 for beat 1, straight from docs/format.md."""
    b, people_ = s.beats[0], s.by_id
    codes_: set[str] = set()
    nude_ = any(areas for areas in b.bare.values())
    for who, areas in b.bare.items():
        rider = people_[who].rider
        if areas and rider is None:
            codes_.add("N202")
        elif areas and rider is not None and not leaves(areas) <= leaves(rider.may_expose):
            codes_.add("N201")
    groin_touches = [t for t in b.touches if "groin" in leaves((t.on, t.with_))]
    sexual = b.simulated or bool(groin_touches)
    if s.scene.medium in ("film", "tv") and not s.scene.closed_set and (nude_ or sexual):
        codes_.add("N203")
    in_sex = {p for t in (b.touches if b.simulated else groin_touches) for p in (t.by, t.to)}
    if any(people_[p].rider is None or not people_[p].rider.simulated_sex for p in in_sex):  # type: ignore[union-attr]
        codes_.add("S301")
    if sexual:
        shielded = {frozenset(x.between) for x in b.barriers if "groin" in leaves_of(x.at)}
        if any(t.by != t.to and frozenset((t.by, t.to)) not in shielded for t in b.touches):
            codes_.add("S302")
        for p in {q for t in b.touches for q in (t.by, t.to)}:
            worn = [*people_[p].garments, *(g for g in b.garments if g.who == p)]
            covered = any("groin" in leaves(g.covers or DEFAULT_COVERS[g.kind]) for g in worn)
            if not covered or "groin" in leaves(b.bare.get(p, ())):
                codes_.add("S303")
    if (nude_ or sexual) and "kid" in b.ids():
        codes_.add("C404")
    return codes_


PROTOCOL = {"N201", "N202", "N203", "S301", "S302", "S303", "C404"}


@settings(max_examples=150, deadline=None)
@given(protocol_scores())
def test_protocol_rules_agree_with_the_spec(s: Score) -> None:
    found = {f.code for f in check(s) if f.code in PROTOCOL}
    assert found == expected_protocol_codes(s)
