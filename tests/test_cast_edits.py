"""Cast edits on whole scores (notation.cast_edits), without the cast screen or Textual."""

from __future__ import annotations

from cast_fixtures import orchard

from notation import check
from notation.cast_edits import (
    beats_naming,
    boundaries_changed,
    id_problem,
    put_performer,
    remove_performer,
)
from notation.model import AreaRule, Performer


def test_beats_naming_counts_every_mention() -> None:
    score = orchard()
    assert beats_naming(score, "ana") == [1, 2, 3, 4]
    assert beats_naming(score, "nobody") == []


def test_remove_keeping_beats_leaves_t505() -> None:
    after = remove_performer(orchard(), "ana", purge=False)
    assert [p.id for p in after.performers] == ["ben"]
    assert {f.beat for f in check(after) if f.code == "T505"} == {1, 2, 3, 4}


def test_remove_with_purge_takes_their_part_out() -> None:
    after = remove_performer(orchard(), "ben", purge=True)
    assert all(not beat.touches for beat in after.beats)
    # ana's placement stays, but no longer faces someone who is gone.
    assert after.beats[2].placements[0].facing is None
    assert not [f for f in check(after) if f.code == "T505"]
    assert all("ben" not in beat.ids() for beat in after.beats)


def test_remove_leaves_the_score_it_was_given_alone() -> None:
    score = orchard()
    remove_performer(score, "ben", purge=True)
    assert score == orchard()


def test_renaming_an_id_follows_into_the_beats() -> None:
    score = orchard()
    renamed = score.performers[1].model_copy(update={"id": "benedict"})
    after = put_performer(score, 1, renamed)
    assert after.beats[0].touches[0].by == "benedict"
    assert after.beats[2].placements[0].facing == "benedict"
    assert all("ben" not in beat.ids() for beat in after.beats)
    assert not [f for f in check(after) if f.code == "T505"]


def test_adding_a_performer_puts_them_last() -> None:
    after = put_performer(orchard(), None, Performer(id="cleo", name="Cleo"))
    assert [p.id for p in after.performers] == ["ana", "ben", "cleo"]


def test_id_problems() -> None:
    score = orchard()
    assert id_problem(score, None, "") is not None
    assert "starts with a lower-case letter" in (id_problem(score, None, "Ana") or "")
    assert "already" in (id_problem(score, None, "ben") or "")
    assert id_problem(score, 1, "ben") is None  # a performer keeps their own id
    assert id_problem(score, None, "cleo_2") is None


def test_boundaries_changed_names_changed_tables_and_new_performers_with_tables() -> None:
    score = orchard()
    ana = score.performers[0]
    assert ana.boundaries is not None
    table = ana.boundaries.model_copy(
        update={"areas": {**ana.boundaries.areas, "neck": AreaRule(status="no")}}
    )
    after = put_performer(score, 0, ana.model_copy(update={"boundaries": table}))
    after = put_performer(after, None, Performer(id="cleo", name="Cleo"))
    assert boundaries_changed(score, after) == ["ana"]
    with_table = Performer(id="dee", name="Dee", boundaries=table)
    assert boundaries_changed(score, put_performer(score, None, with_table)) == ["dee"]
