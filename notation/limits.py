"""Sane limits on what a score file may hold, checked around parsing.

A score is a few hundred beats; a hostile or broken file can be far bigger than
any real one. Python refuses to turn more than 4,300 digits into a whole number
(with a ValueError that is not a TOML error), and every table costs hundreds of
bytes once parsed and validated, so 14 MiB of empty ``[[beats]]`` took 2.3 GB.
These checks refuse such files early, with the line where that is known, so
that reading any file Choreo accepts stays linear and well under 1 GiB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

MAX_DIGITS: Final = 4300
"""Longest run of digits anywhere (Python's own limit for a whole number)."""

MAX_VALUES: Final = 1_000_000
"""Most keys, list items and tables (counted as ``=``, ``,``, ``[`` and ``{``)."""

MAX_BEATS: Final = 10_000
"""Most beats in one score; a long scene has a few hundred."""

MAX_TOUCHES: Final = 100_000
"""Most touches in one score, all beats together."""

MAX_PERFORMERS: Final = 1_000
"""Most performers in one score's cast."""

# Only from the start of a run, so that each run is scanned once (linear time).
_LONG_RUN: Final = re.compile(rf"(?<![\d_])\d[\d_]{{{MAX_DIGITS},}}")
_VALUE_MARKS: Final = "=,[{"
# Every 430th character: a run of more than MAX_DIGITS digits (a match of _LONG_RUN,
# 4,301 characters at least) holds ten consecutive ones of them, so a text whose
# sample has no ten digits or underscores in a row has no such run. Reading the
# sample is a slice and a search over a few thousand characters, where _LONG_RUN
# tries every position of the text (a tenth of a second for a 5,000-beat score).
_SAMPLE_STEP: Final = 430
_SAMPLED_RUN: Final = re.compile(rf"[\d_]{{{(MAX_DIGITS + 1) // _SAMPLE_STEP}}}")


@dataclass(frozen=True)
class Excess:
    """What is beyond a limit, and the line where it starts when known."""

    message: str
    line: int | None = None


def before_parsing(text: str) -> Excess | None:
    """The first limit ``text`` goes past, judged without parsing it, or None."""
    long_runs = _LONG_RUN.finditer(text) if _SAMPLED_RUN.search(text[::_SAMPLE_STEP]) else ()
    for match in long_runs:
        if sum(c != "_" for c in match.group()) > MAX_DIGITS:
            return Excess(
                f"a number with more than {MAX_DIGITS:,} digits; counts, seconds and "
                "versions are small numbers",
                text.count("\n", 0, match.start()) + 1,
            )
    # Counting marks over-counts (a comma in a note counts too), which only errs
    # on the side of refusing a file no real score comes near.
    if sum(text.count(mark) for mark in _VALUE_MARKS) > MAX_VALUES:
        return Excess(
            f"the file holds more than {MAX_VALUES:,} keys, list items and tables; "
            "a score holds a few thousand"
        )
    return None


def _length(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    return len(value) if isinstance(value, list) else 0


def after_parsing(data: dict[str, Any]) -> Excess | None:
    """The first limit the parsed ``data`` goes past, before it is validated, or None."""
    beats = data.get("beats")
    if _length(data, "beats") > MAX_BEATS:
        return Excess(f"the score has more than {MAX_BEATS:,} beats; a long scene has hundreds")
    if _length(data, "performers") > MAX_PERFORMERS:
        return Excess(f"the score has more than {MAX_PERFORMERS:,} performers")
    # Not yet validated: ``beats = 1`` must reach validation's clear message, not a TypeError.
    listed = beats if isinstance(beats, list) else []
    touches = sum(_length(beat, "touches") for beat in listed if isinstance(beat, dict))
    if touches > MAX_TOUCHES:
        return Excess(f"the score has more than {MAX_TOUCHES:,} touches in all")
    return None
