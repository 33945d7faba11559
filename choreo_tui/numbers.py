"""Reading numbers typed into forms: refuse what a field cannot hold, and say why.

A form field never filters keystrokes (a filtered ``2.5`` used to become ``25``
without a word); the text is read when applied, and a refusal names the field,
what is wrong and what would be valid. Pure: no Textual.
"""

from __future__ import annotations

import math


class NumberRefused(ValueError):
    """Typed text a number field cannot hold, with a message in plain words."""


def _number(text: str, label: str, example: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise NumberRefused(f"{label}: '{text}' is not a number; write e.g. {example}") from None
    if not math.isfinite(value):
        raise NumberRefused(f"{label}: '{text}' is not a number; write e.g. {example}")
    if value < 0:
        raise NumberRefused(f"{label}: {text} is negative; write more than 0, e.g. {example}")
    if value == 0:
        raise NumberRefused(f"{label}: must be more than 0; write e.g. {example}")
    return value


def read_whole(text: str, label: str, example: str = "4") -> int | None:
    """A whole number above 0 from ``text`` (None when empty); refuses fractions,
    zero, negatives and words with a message."""
    text = text.strip()
    if not text:
        return None
    value = _number(text, label, example)
    if value != int(value):
        raise NumberRefused(f"{label}: {text} is not a whole number (e.g. {example})")
    if value > 9999:
        raise NumberRefused(f"{label}: {text} is too large; at most 9999")
    return int(value)


def read_positive(text: str, label: str, example: str = "2.5") -> float | None:
    """A number above 0 from ``text`` (None when empty); refuses zero, negatives and words."""
    text = text.strip()
    if not text:
        return None
    return _number(text, label, example)
