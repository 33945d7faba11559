"""Beat.ids names every performer id a beat holds, wherever it sits, read either way.

T505 (an id that names no performer) and C404 (a minor in nudity or simulated sex)
rest on it: an id it missed would be a performer the checker never looked at.
The checker's context hands it the touches' fields it has read already; that
path must answer exactly what reading the touches anew answers.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from notation.checks.cast import Cast
from notation.checks.context import BeatContext
from notation.model import Agreed, Barrier, Beat, BeatGarment, Placement, Scene, Score, Touch
from notation.vocabulary import DIRECTIONS

IDS = ("ana", "ben", "cai", "dee", "eli", "x-1", "y_2")
ids = st.sampled_from(IDS)


def plainly(beat: Beat) -> set[str]:
    """Every id the beat names, read attribute by attribute: the reference."""
    found: set[str] = set()
    for touch in beat.touches:
        found |= {touch.by, touch.to}
    for placement in beat.placements:
        found.add(placement.who)
        if placement.facing is not None and placement.facing not in DIRECTIONS:
            found.add(placement.facing)
    for barrier in beat.barriers:
        found |= set(barrier.between)
    found |= {garment.who for garment in beat.garments}
    found |= set(beat.bare)
    if beat.agreed is not None:
        found |= set(beat.agreed.by)
    return found


@st.composite
def beats(draw: st.DrawFn) -> Beat:
    """A beat naming ids in every place a beat can name one."""
    touches = draw(st.lists(st.builds(Touch, by=ids, to=ids, on=st.just("arm")), max_size=4))
    placements = draw(
        st.lists(
            st.builds(
                Placement,
                who=ids,
                area=st.just("CS"),
                facing=st.none() | st.sampled_from(DIRECTIONS) | ids,
            ),
            max_size=3,
        )
    )
    pairs = st.tuples(ids, ids).filter(lambda pair: pair[0] != pair[1])
    barriers = draw(st.lists(st.builds(Barrier, kind=st.just("pillow"), between=pairs), max_size=2))
    garments = draw(
        st.lists(st.builds(BeatGarment, kind=st.just("modesty_pouch"), who=ids), max_size=2)
    )
    bare = draw(st.dictionaries(ids, st.just(("chest",)), max_size=2))
    agreed = draw(
        st.none()
        | st.builds(Agreed, by=st.lists(ids, max_size=3).map(tuple), on=st.just(date(2026, 1, 2)))
    )
    return Beat(
        touches=tuple(touches),
        placements=tuple(placements),
        barriers=tuple(barriers),
        garments=tuple(garments),
        bare=bare,
        agreed=agreed,
    )


@settings(max_examples=300, deadline=None)
@given(beats())
def test_ids_names_every_id_the_beat_holds(beat: Beat) -> None:
    assert beat.ids() == plainly(beat)


@settings(max_examples=300, deadline=None)
@given(beats())
def test_the_checkers_ids_from_its_touch_fields_are_the_beats_ids(beat: Beat) -> None:
    score = Score(scene=Scene(title="t"), beats=(beat,))
    ctx = BeatContext(score, Cast(score), 0, beat)
    assert ctx.ids == plainly(beat)
    assert beat.ids([touch.__dict__ for touch in beat.touches]) == plainly(beat)


def test_a_receiver_named_only_by_a_touch_is_named() -> None:
    # The touches' fields are the only place "cai" appears: dropping the receivers
    # read from them (or reading the wrong key) fails here.
    beat = Beat(touches=(Touch(by="ana", to="cai", on="arm"),))
    score = Score(scene=Scene(title="t"), beats=(beat,))
    assert BeatContext(score, Cast(score), 0, beat).ids == {"ana", "cai"}
