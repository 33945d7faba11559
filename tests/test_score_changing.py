"""``Score.replace`` takes already-made models as they are (the quick way) and gives
exactly what full validation gives, refusing what it refuses."""

from __future__ import annotations

from typing import Any

import pytest
from factories import beat, performer, score, touch
from pydantic import ValidationError

from notation import check, dumps, loads
from notation.changing import replaced
from notation.model import Score


def _validated(base: Score, **changes: Any) -> Score:
    data = {name: getattr(base, name) for name in Score.model_fields}
    data.update(changes)
    return Score.model_validate(data)


def _base() -> Score:
    return score(
        beat(touch("ana", "ben", "neck")),
        beat(title="two"),
        performers=(performer("ana"), performer("ben")),
    )


def test_models_as_they_are_give_what_validation_gives() -> None:
    base = _base()
    cases: list[dict[str, Any]] = [
        {"performers": tuple(reversed(base.performers))},
        {"beats": base.beats[:1]},
        {"beats": (), "log": ()},
        {"scene": base.scene.model_copy(update={"title": "other"})},
    ]
    for changes in cases:
        quick = base.replace(**changes)
        slow = _validated(base, **changes)
        assert quick == slow
        assert dumps(quick) == dumps(slow)
        assert [f.message for f in check(quick)] == [f.message for f in check(slow)]
        assert quick.by_id.keys() == slow.by_id.keys()
        assert changes.keys() <= quick.model_fields_set


def test_derived_values_of_the_old_score_do_not_follow_a_change() -> None:
    base = _base()
    assert set(base.by_id) == {"ana", "ben"}  # worked out, and kept on the old score
    fewer = base.replace(performers=base.performers[:1])
    assert set(fewer.by_id) == {"ana"}
    assert set(base.by_id) == {"ana", "ben"}, "the old score is untouched"


def test_the_quick_way_refuses_a_repeated_id_as_validation_does() -> None:
    base = _base()
    with pytest.raises(ValidationError, match="share the id 'ana'"):
        base.replace(performers=(base.performers[0], base.performers[0]))


def test_anything_not_already_a_model_is_validated() -> None:
    base = _base()
    changed = base.replace(performers=({"id": "cy", "name": "Cy"},))
    assert changed.performers[0].name == "Cy"
    with pytest.raises(ValidationError):
        base.replace(beats=("not a beat",))
    listed = base.replace(performers=[base.performers[0]])  # validation makes it a tuple
    assert isinstance(listed.performers, tuple)
    with pytest.raises(ValidationError):
        replaced(base, None, {"scene": {"title": 3}})


def test_file_lines_are_dropped_unless_kept() -> None:
    text = 'format = "choreo-score"\nversion = 1\n[scene]\ntitle = "t"\n\n[[beats]]\ntitle = "a"\n'
    read = loads(text)
    assert read.line_of("beats", 0) == 6
    assert read.replace(beats=read.beats).line_of("beats", 0) is None
    kept = read.replace(beats=read.beats, lines=read.source_lines)
    assert kept.line_of("beats", 0) == 6
    assert read.line_of("beats", 0) == 6


def test_a_repeated_id_is_refused_in_a_score_and_in_a_production_cast() -> None:
    from notation import LoadError
    from notation.production import loads_production

    twice = '[[performers]]\nid = "ana"\nname = "A"\n\n[[performers]]\nid = "ana"\nname = "B"\n'
    with pytest.raises(LoadError, match="performer 2 has the same id as performer 1"):
        loads('format = "choreo-score"\nversion = 1\n[scene]\ntitle = "t"\n\n' + twice)
    head = 'format = "choreo-production"\nversion = 1\n[production]\ntitle = "p"\n\n'
    with pytest.raises(LoadError, match="performer 2 has the same id as performer 1") as caught:
        loads_production(head + twice)
    assert caught.value.line is not None
