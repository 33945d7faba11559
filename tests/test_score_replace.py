"""One way to change a score: ``Score.replace`` never mutates, validates what changed, and
drops file lines unless told they still hold; ``with_lines`` gives a copy."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from notation import loads
from notation.model import Beat, Performer, Scene, Score

TEXT = """\
format = "choreo-score"
version = 1

[scene]
title = "t"

[[performers]]
id = "ana"
name = "Ana"

[[beats]]
title = "one"

[[beats]]
title = "two"
"""


def test_replace_gives_a_new_score_and_leaves_the_old_one_alone() -> None:
    score = loads(TEXT)
    lines_before = score.line_of("beats", 1)
    changed = score.replace(beats=(score.beats[1],))
    assert changed is not score
    assert [b.title for b in score.beats] == ["one", "two"]
    assert [b.title for b in changed.beats] == ["two"]
    assert score.line_of("beats", 1) == lines_before is not None


def test_replace_drops_file_lines_unless_they_still_hold() -> None:
    score = loads(TEXT)
    assert score.replace(beats=score.beats[::-1]).line_of("beats", 0) is None
    kept = score.replace(performers=score.performers, lines=score.source_lines)
    assert kept.line_of("beats", 0) == score.line_of("beats", 0)


def test_replace_validates_what_changed() -> None:
    score = loads(TEXT)
    with pytest.raises(ValidationError):
        score.replace(performers=(*score.performers, Performer(id="ana", name="Twin")))
    with pytest.raises(ValidationError):
        score.replace(beats=({"title": "x", "simulated": "yes please"},))
    from_dict = score.replace(beats=({"title": "x"},))
    assert isinstance(from_dict.beats[0], Beat)


def test_model_copy_with_an_update_is_replace() -> None:
    score = loads(TEXT)
    copied = score.model_copy(update={"beats": ()})
    assert copied.beats == () and copied.line_of("beats", 0) is None
    assert score.line_of("beats", 0) is not None
    with pytest.raises(ValidationError):
        score.model_copy(update={"performers": (score.performers[0], score.performers[0])})


def test_cached_lookups_follow_the_new_fields() -> None:
    score = loads(TEXT)
    assert set(score.by_id) == {"ana"}
    changed = score.replace(performers=(Performer(id="ben", name="Ben"),))
    assert set(changed.by_id) == {"ben"} and set(score.by_id) == {"ana"}


def test_with_lines_gives_a_copy() -> None:
    score = Score(scene=Scene(title="t"))
    lined = score.with_lines({("scene",): 3})
    assert lined is not score
    assert lined.line_of("scene") == 3
    assert score.line_of("scene") is None
    assert lined == score
