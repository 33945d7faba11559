"""B104 never says a performer marked an area when nothing was recorded for them."""

from __future__ import annotations

from factories import beat, bounds, performer, score, touch

from notation import Score, check


def _b104(s: Score) -> list[str]:
    return [f.message for f in check(s) if f.code == "B104"]


def test_no_boundaries_on_record_is_said_plainly() -> None:
    people = (performer("ana", boundaries=None), performer("ben"))
    messages = _b104(score(beat(touch(by="ben", to="ana", on="upper_back")), performers=people))
    assert messages, "every area of a performer with no boundaries is 'ask'"
    assert all("has no recorded boundaries" in m and "marked" not in m for m in messages)


def test_a_recorded_ask_says_it_was_marked() -> None:
    people = (performer("ana", boundaries=bounds("yes", upper_back="ask")), performer("ben"))
    messages = _b104(score(beat(touch(by="ben", to="ana", on="upper_back")), performers=people))
    assert len(messages) == 1
    assert "marked upper back 'ask first'" in messages[0]
