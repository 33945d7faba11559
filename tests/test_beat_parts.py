"""A beat's parts by key (notation.beat_parts): found, put and dropped, without Textual."""

from __future__ import annotations

from notation.beat_parts import carried_placement, current_part, drop_part, put_part, split_key
from notation.model import Barrier, Beat, Placement, Scene, Score, Touch

TOUCH = Touch(by="ben", to="ana", on="upper_back")
OTHER = Touch(by="ana", to="ben", on="arm")


def beat() -> Beat:
    return Beat(
        touches=(TOUCH, OTHER),
        placements=(Placement(who="ana", area="CS"),),
        barriers=(Barrier(kind="pillow", between=("ana", "ben")),),
        bare={"ana": ("upper_back",), "ben": ("chest",)},
    )


def test_keys_split_into_kind_and_which() -> None:
    assert split_key("touch:1") == ("touch", "1")
    assert split_key("bare:ana") == ("bare", "ana")


def test_current_part_finds_listed_and_bare_parts_and_none_when_gone() -> None:
    assert current_part(beat(), "touch:1") == OTHER
    assert current_part(beat(), "barrier:0") == beat().barriers[0]
    assert current_part(beat(), "bare:ben") == ("ben", ("chest",))
    assert current_part(beat(), "touch:2") is None
    assert current_part(beat(), "bare:cy") is None


def test_drop_part_takes_out_only_that_part() -> None:
    before = beat()
    after = drop_part(before, "touch:0")
    assert after.touches == (OTHER,)
    assert after.placements == before.placements and after.bare == before.bare
    assert drop_part(before, "bare:ana").bare == {"ben": ("chest",)}
    assert drop_part(before, "barrier:0").barriers == ()
    assert before == beat()  # the beat it was given is unchanged


def test_put_part_adds_or_replaces() -> None:
    moved = Placement(who="ben", area="DSL")
    assert put_part(beat(), "placement", None, moved).placements[-1] == moved
    assert put_part(beat(), "touch", "touch:0", OTHER).touches == (OTHER, OTHER)
    rebared = put_part(beat(), "bare", "bare:ana", ("cy", ("arm",)))
    assert rebared.bare == {"ben": ("chest",), "cy": ("arm",)}


def test_carried_placement_names_an_earlier_beats_placement() -> None:
    score = Score(scene=Scene(title="t"), beats=(beat(), Beat()))
    assert carried_placement(score, "carried:0:ana") == beat().placements[0]
    assert carried_placement(score, "carried:0:ben") is None
    assert carried_placement(score, "carried:7:ana") is None
    assert carried_placement(score, "carried:x:ana") is None
