"""Numbers typed into forms: refused with a reason, never silently changed."""

from __future__ import annotations

import pytest

from choreo_tui.numbers import NumberRefused, read_positive, read_whole


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2.5", "not a whole number"),
        ("-2", "negative"),
        ("0", "more than 0"),
        ("four", "not a number"),
        ("nan", "not a number"),
        ("12345", "too large"),
    ],
)
def test_whole_numbers_refuse_with_a_reason(text: str, words: str) -> None:
    with pytest.raises(NumberRefused, match=words) as caught:
        read_whole(text, "Counts")
    assert str(caught.value).startswith("Counts: ")


def test_whole_and_positive_numbers_read() -> None:
    assert read_whole(" 4 ", "Counts") == 4
    assert read_whole("", "Counts") is None
    assert read_positive("2,5", "Secs") == 2.5
    with pytest.raises(NumberRefused, match="negative"):
        read_positive("-1", "Tempo")
    with pytest.raises(NumberRefused, match="not a number"):
        read_positive("inf", "Tempo")
