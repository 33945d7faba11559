"""Who a production scene's editor holds, and which cast changes are asked about
(notation.production.roster), without Textual."""

from __future__ import annotations

from factories import performer, score

from notation.model import AreaRule, Boundaries
from notation.production.roster import asks, changed_performers, with_cast

CAST = (performer("ana", "Ana"), performer("ben", "Ben"), performer("cy", "Cy"))


def test_with_cast_puts_everyone_in_cast_order_keeping_the_scenes_own_records() -> None:
    scenes_ben = performer("ben", "Ben (scene)")
    day_player = performer("dee", "Dee")
    scene = score(performers=(day_player, scenes_ben))
    full = with_cast(scene, CAST)
    assert [p.id for p in full.performers] == ["ana", "ben", "cy", "dee"]
    assert full.by_id["ben"].name == "Ben (scene)"
    assert [p.id for p in scene.performers] == ["dee", "ben"]  # the scene is untouched


def test_changed_performers_are_new_or_different_in_order() -> None:
    before = score(performers=CAST)
    edited = CAST[2].model_copy(update={"name": "Cyrus"})
    after = score(performers=(CAST[0], CAST[1], edited, performer("dee", "Dee")))
    assert [p.id for p in changed_performers(before, after)] == ["cy", "dee"]


def test_only_consent_records_are_asked_about() -> None:
    before = score(performers=CAST)
    renamed = CAST[0].model_copy(update={"name": "Ana R."})
    bounded = CAST[0].model_copy(
        update={"boundaries": Boundaries(areas={"neck": AreaRule(status="no")})}
    )
    assert not asks(before, renamed)
    assert asks(before, bounded)
    assert asks(before, performer("dee", "Dee"))  # someone new is always asked about
