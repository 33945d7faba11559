"""S302 counts only a barrier placed where it keeps pelvises apart."""

from __future__ import annotations

import pytest
from factories import POUCH, beat, has, performer, score, touch

from notation.model import Barrier, Rider, Score


def _sim_score(at: str) -> Score:
    people = [
        performer("ana", rider=Rider(may_expose=("body",), simulated_sex=True), garments=(POUCH,)),
        performer("ben", rider=Rider(may_expose=("body",), simulated_sex=True), garments=(POUCH,)),
    ]
    barrier = Barrier(kind="yoga_block", between=("ana", "ben"), at=at)
    b = beat(touch(on="upper_back"), simulated=True, barriers=(barrier,))
    return score(b, performers=people)


@pytest.mark.parametrize(
    ("at", "flagged"),
    [("pelvis", False), ("groin", False), ("body", False), ("knee", True), ("shoulder_l", True)],
)
def test_barrier_must_sit_at_the_pelvis(at: str, flagged: bool) -> None:
    assert has(_sim_score(at), "S302") is flagged
