"""The incremental checker: after any sequence of edits it says exactly what check() says."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notation import check, dumps, loads
from notation.agreement import agree
from notation.checks.incremental import LiveFindings
from notation.model import (
    Agreed,
    AreaRule,
    Barrier,
    Beat,
    BeatGarment,
    Boundaries,
    Garment,
    Performer,
    Placement,
    Rider,
    Scene,
    Score,
    Timing,
    Touch,
    WillTouch,
)

IDS = ("ana", "ben", "cai", "dee")
NAMES = ("Ana", "Ben", "Cai", "Dee", "Eve")
# "zed" is never in the cast, so T505 and unknown-id paths stay exercised, now and then.
NAMED = ("ana", "ben", "cai", "ana", "ben", "cai", "dee", "zed")
AREAS = (
    "lips",
    "face",
    "neck",
    "upper_back",
    "hand",
    "hand_l",
    "chest",
    "groin",
    "pelvis",
    "buttocks",
    "arm",
    "thigh_l",
    "body",
)
CONDITIONS = ("over_clothing", "light", "closed_mouth", "hands_only")

statuses = st.sampled_from(("yes", "ask", "no"))
rules = st.builds(
    AreaRule,
    status=statuses,
    only=st.lists(st.sampled_from(CONDITIONS), max_size=2, unique=True).map(tuple),
)
area_maps = st.dictionaries(st.sampled_from(AREAS), rules, max_size=4)
boundaries = st.none() | st.builds(Boundaries, default=statuses, areas=area_maps)
will_touch = st.none() | st.builds(WillTouch, default=statuses, areas=area_maps)
riders = st.none() | st.builds(
    Rider,
    may_expose=st.lists(st.sampled_from(AREAS), max_size=3, unique=True).map(tuple),
    simulated_sex=st.booleans(),
)
garment_kinds = st.sampled_from(("strapless_thong", "modesty_pouch", "pasties", "shapewear"))


def performer(pid: str) -> st.SearchStrategy[Performer]:
    """A performer with the given id and arbitrary boundaries, rider and garments."""
    return st.builds(
        Performer,
        id=st.just(pid),
        name=st.sampled_from(NAMES),
        minor=st.booleans(),
        guardian=st.sampled_from(("", "Gil")),
        boundaries=boundaries,
        will_touch=will_touch,
        rider=riders,
        garments=st.lists(st.builds(Garment, kind=garment_kinds), max_size=2).map(tuple),
    )


touches = st.builds(
    Touch,
    by=st.sampled_from(NAMED),
    with_=st.sampled_from(AREAS),
    to=st.sampled_from(NAMED),
    on=st.sampled_from(AREAS),
    action=st.sampled_from(("hold", "kiss", "caress")),
    pressure=st.sampled_from(("light", "firm")),
    over_clothing=st.booleans(),
    mouth=st.sampled_from((None, "closed", "open")),
    tongue=st.booleans(),
    counts=st.sampled_from((None, 2)),
)
timings = st.sampled_from(
    (None, Timing(), Timing(counts=4), Timing(seconds=3.0), Timing(counts=2, seconds=2.0))
)
placements = st.builds(
    Placement, who=st.sampled_from(NAMED), area=st.sampled_from(("CS", "DSL", "off"))
)
barriers = st.lists(st.sampled_from(NAMED), min_size=2, max_size=2, unique=True).map(
    lambda pair: Barrier(kind="pillow", between=(pair[0], pair[1]))
)
beat_garments = st.builds(BeatGarment, kind=garment_kinds, who=st.sampled_from(NAMED))
bares = st.dictionaries(
    st.sampled_from(NAMED),
    st.lists(st.sampled_from(AREAS), max_size=2, unique=True).map(tuple),
    max_size=2,
)


@st.composite
def beats(draw: st.DrawFn) -> Beat:
    """A beat of up to three touches, often with findings, sometimes agreed."""
    beat = Beat(
        title=draw(st.sampled_from(("", "the approach"))),
        simulated=draw(st.booleans()),
        timing=draw(timings),
        touches=tuple(draw(st.lists(touches, max_size=3))),
        placements=tuple(draw(st.lists(placements, max_size=2))),
        barriers=tuple(draw(st.lists(barriers, max_size=1))),
        garments=tuple(draw(st.lists(beat_garments, max_size=1))),
        bare=draw(bares),
    )
    agreement = draw(st.sampled_from(("none", "current", "stale", "undigested")))
    if agreement == "current":
        who = draw(st.lists(st.sampled_from(NAMED), min_size=1, max_size=2, unique=True))
        beat = agree(beat, who, date(2026, 11, 20))
    elif agreement == "stale":
        beat = beat.model_copy(
            update={"agreed": Agreed(by=("ana",), on=date(2026, 11, 1), digest="sha256:0")}
        )
    elif agreement == "undigested":
        beat = beat.model_copy(update={"agreed": Agreed(by=("ben",))})
    return beat


scenes = st.builds(
    Scene,
    title=st.just("Act 1"),
    medium=st.sampled_from(("theatre", "film", "tv", "film")),
    closed_set=st.sampled_from((False, False, True)),
    self_care_cue=st.sampled_from(("", "hold")),
)


@st.composite
def scores(draw: st.DrawFn) -> Score:
    """A score of up to three performers and six beats, sometimes read from a file."""
    ids = draw(st.lists(st.sampled_from(IDS), min_size=2, max_size=4, unique=True))
    score = Score(
        scene=draw(scenes),
        performers=tuple(draw(performer(pid)) for pid in ids),
        beats=tuple(draw(st.lists(beats(), max_size=6))),
    )
    if draw(st.booleans()):
        # Read back from text, so findings carry lines until the first edit.
        score = loads(dumps(score))
    return score


def apply_edit(data: st.DataObject, score: Score, live: LiveFindings) -> Score:
    """Draw one edit, apply it to ``score`` and report it to ``live``; the new score."""
    kind = data.draw(
        st.sampled_from(("edit", "insert", "remove", "move", "performer", "drop", "scene"))
    )
    tell = data.draw(st.sampled_from(("exact", "update")))
    n = len(score.beats)
    beat_list = list(score.beats)
    report: Callable[[], list[int]]
    if kind == "edit" and n:
        index = data.draw(st.integers(0, n - 1))
        beat_list[index] = data.draw(beats())
        new = score.replace(beats=tuple(beat_list))
        report = lambda: live.beat_edited(new, index)  # noqa: E731
    elif kind == "insert":
        index = data.draw(st.integers(0, n))
        added = data.draw(st.lists(beats(), min_size=1, max_size=2))
        # A duplicated beat may be the very same object twice.
        if n and data.draw(st.booleans()):
            added.append(beat_list[data.draw(st.integers(0, n - 1))])
        beat_list[index:index] = added
        new = score.replace(beats=tuple(beat_list))
        report = lambda: live.beats_inserted(new, index, len(added))  # noqa: E731
    elif kind == "remove" and n:
        index = data.draw(st.integers(0, n - 1))
        count = data.draw(st.integers(1, n - index))
        del beat_list[index : index + count]
        new = score.replace(beats=tuple(beat_list))
        report = lambda: live.beats_removed(new, index, count)  # noqa: E731
    elif kind == "move" and n:
        source = data.draw(st.integers(0, n - 1))
        target = data.draw(st.integers(0, n - 1))
        beat_list.insert(target, beat_list.pop(source))
        new = score.replace(beats=tuple(beat_list))
        report = lambda: live.beat_moved(new, source, target)  # noqa: E731
    elif kind == "performer":
        pid = data.draw(st.sampled_from(IDS))
        changed = data.draw(performer(pid))
        others = [p for p in score.performers if p.id != pid]
        position = data.draw(st.integers(0, len(others)))
        others.insert(position, changed)
        new = score.replace(performers=tuple(others))
        report = lambda: live.performer_changed(new, pid)  # noqa: E731
    elif kind == "drop" and score.performers:
        gone = data.draw(st.sampled_from([p.id for p in score.performers]))
        new = score.replace(performers=tuple(p for p in score.performers if p.id != gone))
        report = lambda: live.performer_changed(new, gone)  # noqa: E731
    elif kind == "scene":
        new = score.replace(scene=data.draw(scenes))
        report = lambda: live.scene_changed(new)  # noqa: E731
    else:
        return score
    if tell == "exact":
        report()
    else:
        live.update(new)
    return new


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(score=scores(), data=st.data())
def test_incremental_findings_equal_a_full_check_after_any_edits(
    score: Score, data: st.DataObject
) -> None:
    """Whatever is edited and however it is reported, the findings are check()'s."""
    live = LiveFindings(score)
    assert live.findings() == check(score)
    for _ in range(data.draw(st.integers(1, 8))):
        score = apply_edit(data, score, live)
        assert live.findings() == check(score)
        for index in range(len(score.beats)):
            expected = [f for f in check(score) if f.beat == index + 1]
            assert live.beat_findings(index) == expected


def _two_performers(**ana: object) -> Score:
    fields: dict[str, object] = {
        "id": "ana",
        "name": "Ana",
        "boundaries": Boundaries(default="yes"),
    }
    cast = (
        Performer.model_validate({**fields, **ana}),
        Performer(id="ben", name="Ben", boundaries=Boundaries(default="yes")),
    )
    kiss = Touch.model_validate({"by": "ben", "with": "lips", "to": "ana", "on": "neck"})
    hold = Touch.model_validate({"by": "ben", "to": "ben", "on": "arm"})
    beats_ = (
        Beat(timing=Timing(counts=4), touches=(kiss,)),
        Beat(timing=Timing(counts=4), touches=(hold,)),
        Beat(timing=Timing(counts=4), touches=(kiss,)),
    )
    return Score(scene=Scene(title="Orchard", self_care_cue="hold"), performers=cast, beats=beats_)


def test_a_boundary_change_rechecks_only_beats_naming_that_performer() -> None:
    """Marking Ana's neck 'no' re-checks the two beats she is in, and finds B101 in both."""
    score = _two_performers()
    live = LiveFindings(score)
    assert live.findings() == []
    red_neck = Boundaries(default="yes", areas={"neck": AreaRule(status="no")})
    ana = score.performers[0].model_copy(update={"boundaries": red_neck})
    score = score.replace(performers=(ana, score.performers[1]))
    assert live.performer_changed(score, "ana") == [0, 2]
    assert [(f.beat, f.code) for f in live.findings()] == [(1, "B101"), (3, "B101")]
    assert live.findings() == check(score)


def test_a_scene_change_rechecks_only_beats_with_nudity_or_simulated_sex() -> None:
    """Moving to film re-checks the bare beat alone, which then needs a closed set."""
    score = _two_performers(rider=Rider(may_expose=("upper_back",)))
    bare = score.beats[1].model_copy(update={"bare": {"ana": ("upper_back",)}})
    score = score.replace(beats=(score.beats[0], bare, score.beats[2]))
    live = LiveFindings(score)
    score = score.replace(scene=score.scene.model_copy(update={"medium": "film"}))
    assert live.scene_changed(score) == [1]
    assert [(f.beat, f.code) for f in live.findings()] == [(2, "N203")]


def test_an_edit_reported_wrongly_falls_back_to_a_full_check() -> None:
    """A caller that says 'edited' when a beat was removed still gets check()'s findings."""
    score = _two_performers(boundaries=Boundaries(areas={"neck": AreaRule(status="no")}))
    live = LiveFindings(score)
    score = score.replace(beats=score.beats[1:])
    assert live.beat_edited(score, 0) == [0, 1]
    assert live.findings() == check(score)


def test_lines_follow_the_beats_when_beats_move_in_a_score_read_from_a_file() -> None:
    """Findings keep naming the line of their touch's table as beats are renumbered."""
    red_neck = Boundaries(areas={"neck": AreaRule(status="no")})
    score = loads(dumps(_two_performers(boundaries=red_neck)))
    live = LiveFindings(score)
    assert all(f.line for f in live.findings() if f.beat)
    moved = score.model_copy(update={"beats": (score.beats[2], score.beats[0], score.beats[1])})
    live.beat_moved(moved, 2, 0)
    assert live.findings() == check(moved)


def test_worst_by_beat_gives_each_beats_most_severe_finding() -> None:
    """One entry per beat: 'error' for the B101 beats, None for the clean one."""
    score = _two_performers(boundaries=Boundaries(areas={"neck": AreaRule(status="no")}))
    assert LiveFindings(score).worst_by_beat() == ["error", None, "error"]


def _placed(*where: tuple[str, str]) -> tuple[Placement, ...]:
    return tuple(Placement(who=who, area=area) for who, area in where)


def test_moving_a_performer_early_rechecks_later_beats_that_inherit_the_placement() -> None:
    """Placements carry forward: moving Ben in beat 1 changes T503 of beat 3, which
    places nobody itself."""
    score = _two_performers()
    first = score.beats[0].model_copy(update={"placements": _placed(("ana", "CS"), ("ben", "CS"))})
    score = score.replace(beats=(first, *score.beats[1:]))
    live = LiveFindings(score)
    assert live.findings() == check(score) == []
    apart = first.model_copy(update={"placements": _placed(("ana", "CS"), ("ben", "USL"))})
    score = score.replace(beats=(apart, *score.beats[1:]))
    assert live.beat_edited(score, 0) == [0, 2]
    assert [(f.beat, f.code) for f in live.findings()] == [(1, "T503"), (3, "T503")]
    assert live.findings() == check(score)
    # Removing the beat that placed them leaves beat 3 with nobody placed.
    score = score.replace(beats=score.beats[1:])
    assert live.beats_removed(score, 0) == [1]
    assert live.findings() == check(score) == []


def test_inserting_a_move_or_moving_a_beat_rechecks_what_inherits_from_it() -> None:
    """A new beat that moves Ben apart reaches the beats after it; so does reordering."""
    score = _two_performers()
    together = score.beats[0].model_copy(
        update={"placements": _placed(("ana", "CS"), ("ben", "CS"))}
    )
    score = score.replace(beats=(together, *score.beats[1:]))
    live = LiveFindings(score)
    apart = Beat(timing=Timing(counts=4), placements=_placed(("ben", "DSR")))
    score = score.replace(beats=(score.beats[0], apart, *score.beats[1:]))
    assert live.beats_inserted(score, 1) == [1, 3]
    assert live.findings() == check(score)
    assert (4, "T503") in {(f.beat, f.code) for f in live.findings()}
    # Beat 4 (the kiss) moved before the move: together again.
    beats = list(score.beats)
    beats.insert(1, beats.pop(3))
    score = score.replace(beats=tuple(beats))
    live.beat_moved(score, 3, 1)
    assert live.findings() == check(score) == []


def test_the_same_beat_twice_is_checked_where_it_stands_after_any_edit() -> None:
    # One beat object at beats 1 and 3: matched by identity, their entries could swap,
    # and beat 1 then showed the T503 that belongs to beat 3 (where Ana's placement from
    # beat 2 is in force). Found by the property test above.
    twice = Beat(
        timing=Timing(counts=2),
        touches=(Touch(by="ana", to="ben", on="arm"),),
        placements=(Placement(who="ben", area="DSL"),),
    )
    move = Beat(timing=Timing(counts=2), placements=(Placement(who="ana", area="CS"),))
    score = Score(
        scene=Scene(title="t", self_care_cue="hold"),
        performers=(Performer(id="ana", name="Ana"), Performer(id="ben", name="Ben")),
        beats=(twice, move, twice),
    )
    live = LiveFindings(score)
    assert live.findings() == check(score)
    edited = score.replace(scene=score.scene.model_copy(update={"title": "u"}))
    live.update(edited)
    assert live.findings() == check(edited)
    assert [f.beat for f in live.findings() if f.code == "T503"] == [3]
