"""Quick entry: one line of notation for a touch, as fast as it can be said.

    ben rhand > ana upper_back press light 2c
    ana lips > ben lips kiss closed 3c; ben rhand > ana waist hold oc

The grammar (also shown in the editor's help screen and the README):

    line    := touch (";" touch)*
    touch   := BY [WITH] ">" TO ON word*
    word    := ACTION | PRESSURE | COUNTS | START | "oc" | MOUTH | "tongue" | "no_tongue"

- BY and TO are performers: an id (``ben``) or a name, case-insensitive (``Ben``).
- WITH and ON are body areas: any name of the area tree (``upper_back``, ``hand_r``,
  ``hand``), or a sided short form: ``rhand``, ``lhand``, ``r.hand``, ``l.hand``,
  ``right_hand``, ``left_hand`` (the performer's own right and left).
- WITH may be left out: it is ``hand``, or ``lips`` for a kiss.
- ACTION is one of placeholder, hold, press, caress, brush, embrace, kiss, lean, lift,
  grip (default hold). PRESSURE is light, muscle or firm (default light).
- COUNTS is a whole number followed by ``c``: ``2c`` is two counts.
- START is ``@`` and a whole number: ``@3`` starts the touch on count 3 of its beat
  (default: count 1).
- ``oc`` (or ``over_clothing``) means over clothing.
- MOUTH is ``closed`` or ``open`` (also ``closed_mouth``, ``open_mouth``); ``tongue``
  marks a kiss with tongue. Mouth and tongue only make sense for a kiss.

Each word may appear once. Pure functions: nothing here imports the UI.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from notation.areas import ALIASES, AREA_NAMES, suggest
from notation.model import ACTIONS, PRESSURES, Performer, Touch

GRAMMAR = """\
BY [WITH] > TO ON [words...]      several touches: separate them with ;
  BY, TO    performer id or name: ben, Ana
  WITH, ON  body area: upper_back, hand_r, hand, rhand, l.hand, left_hand
            WITH defaults to hand (lips for a kiss)
  action    placeholder hold press caress brush embrace kiss lean lift grip
  pressure  light muscle firm
  2c        lasts 2 counts        @3  starts on count 3 (default 1)
  oc        over clothing
  closed / open   mouth, for a kiss;  tongue / no_tongue
e.g.  ben rhand > ana upper_back press light 2c
      ana lips > ben lips kiss closed 3c @5
"""
"""The grammar in a dozen lines, for the help screen."""

MOUTH_WORDS = {"closed": "closed", "open": "open", "closed_mouth": "closed", "open_mouth": "open"}
FLAG_WORDS = {"oc": "over_clothing", "over_clothing": "over_clothing"}
TONGUE_WORDS = {"tongue": True, "no_tongue": False}
COUNTS_PATTERN = re.compile(r"^([1-9][0-9]{0,3})c$")
START_PATTERN = re.compile(r"^@([1-9][0-9]{0,3})$")
# What was meant as a count but cannot be one: 0c, -3c, 2.5c, 12345c; @0, @-1, @2.5.
NEAR_COUNT = re.compile(r"^[-+]?[0-9]*(?:[.,][0-9]*)?c$")
NEAR_START = re.compile(r"^@.*$")
OPTION_WORDS: tuple[str, ...] = (
    *ACTIONS,
    *PRESSURES,
    *MOUTH_WORDS,
    *FLAG_WORDS,
    *TONGUE_WORDS,
)


class QuickError(ValueError):
    """A line that does not parse: a plain message and the word it concerns."""

    def __init__(self, message: str, word: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.word = word


def area_of(word: str) -> str | None:
    """The area a quick-entry word names (``rhand`` -> ``hand_r``), or None."""
    word = word.lower()
    if word in AREA_NAMES:
        return word
    for prefix, side in (
        ("right_", "r"),
        ("left_", "l"),
        ("r.", "r"),
        ("l.", "l"),
        ("r", "r"),
        ("l", "l"),
    ):
        rest = word[len(prefix) :]
        if word.startswith(prefix) and rest in ALIASES:
            return f"{rest}_{side}"
    return None


def performer_of(word: str, performers: Sequence[Performer]) -> str | None:
    """The id of the performer a word names (id or name, any case), or None."""
    low = word.lower()
    for performer in performers:
        if low == performer.id:
            return performer.id
    for performer in performers:
        name = performer.name.lower()
        if low == name or low == name.split()[0]:
            return performer.id
    return None


def _performer(word: str, performers: Sequence[Performer], role: str) -> str:
    found = performer_of(word, performers)
    if found is not None:
        return found
    known = [p.id for p in performers]
    if not known:
        raise QuickError("there are no performers yet: add them in the cast first (key c)", word)
    hint = suggest(word.lower(), known)
    tip = f"did you mean '{hint}'?" if hint else f"performers are: {', '.join(known)}"
    raise QuickError(f"'{word}' ({role}) is not a performer; {tip}", word)


def _area(word: str, role: str) -> str:
    found = area_of(word)
    if found is not None:
        return found
    hint = suggest(word.lower(), AREA_NAMES)
    tip = f"did you mean '{hint}'?" if hint else "see the body-area tree in the help (F1)"
    raise QuickError(f"'{word}' ({role}) is not a body area; {tip}", word)


def _options(words: list[str]) -> dict[str, object]:
    fields: dict[str, object] = {}

    def put(key: str, value: object, word: str) -> None:
        if key in fields:
            raise QuickError(f"'{word}': the {key.replace('_', ' ')} is given twice", word)
        fields[key] = value

    for word in words:
        low = word.lower()
        counts = COUNTS_PATTERN.match(low)
        start = START_PATTERN.match(low)
        if low in ACTIONS:
            put("action", low, word)
        elif low in PRESSURES:
            put("pressure", low, word)
        elif counts:
            put("counts", int(counts.group(1)), word)
        elif start:
            put("start", int(start.group(1)), word)
        elif NEAR_COUNT.match(low) and low != "c":
            raise QuickError(_count_problem(word, low[:-1], "the number of counts", "{}c"), word)
        elif NEAR_START.match(low):
            raise QuickError(_count_problem(word, low[1:], "the start count", "@{}"), word)
        elif low in FLAG_WORDS:
            put(FLAG_WORDS[low], True, word)
        elif low in MOUTH_WORDS:
            put("mouth", MOUTH_WORDS[low], word)
        elif low in TONGUE_WORDS:
            put("tongue", TONGUE_WORDS[low], word)
        elif low.isdigit():
            raise QuickError(f"'{word}': write counts with a c, e.g. '{low}c'", word)
        else:
            hint = suggest(low, OPTION_WORDS)
            tip = f"did you mean '{hint}'?" if hint else "see the grammar in the help (F1)"
            raise QuickError(f"'{word}' is not an action, pressure, count or flag; {tip}", word)
    if ("mouth" in fields or fields.get("tongue")) and fields.get("action") != "kiss":
        raise QuickError("mouth and tongue describe a kiss: add the word 'kiss'")
    return fields


def _count_problem(word: str, number: str, what: str, shape: str) -> str:
    """Why ``number`` cannot be a count, in words, with a valid example."""
    example = shape.format(2)
    if not number or not number.lstrip("+-").replace(".", "").replace(",", "").isdigit():
        why = "needs a whole number"
    elif number.startswith("-"):
        why = "cannot be negative"
    elif "." in number or "," in number:
        why = "must be whole counts, not a fraction"
    elif int(number) == 0:
        why = "must be at least 1"
    else:
        why = "must be at most 9999"
    return f"'{word}': {what} {why}; write e.g. '{example}'"


def parse_touch(text: str, performers: Sequence[Performer]) -> Touch:
    """One touch from ``BY [WITH] > TO ON words...``; raises QuickError."""
    if text.count(">") != 1:
        raise QuickError(
            "write who touches, then '>', then who is touched: e.g. 'ben rhand > ana upper_back'"
        )
    left_text, right_text = text.split(">")
    left, right = left_text.split(), right_text.split()
    if not left:
        raise QuickError("who touches? Start with a performer, e.g. 'ben rhand > ana arm'")
    if len(left) > 2:
        raise QuickError(
            f"before '>' write a performer and at most one area; '{left[2]}' is one word too many",
            left[2],
        )
    if len(right) < 2:
        raise QuickError("after '>' write who is touched and where, e.g. '> ana upper_back'")
    fields = _options(right[2:])
    fields["by"] = _performer(left[0], performers, "who touches")
    fields["to"] = _performer(right[0], performers, "who is touched")
    fields["on"] = _area(right[1], "where")
    if len(left) == 2:
        fields["with"] = _area(left[1], "touching with")
    elif fields.get("action") == "kiss":
        fields["with"] = "lips"
    try:
        return Touch.model_validate(fields)
    except ValidationError as error:  # pragma: no cover - every field is checked above
        raise QuickError(f"not a valid touch: {error.errors()[0]['msg']}") from None


def parse(line: str, performers: Sequence[Performer]) -> list[Touch]:
    """Every touch on a quick-entry line (``;`` separates touches); raises QuickError."""
    parts = [part for part in line.split(";") if part.strip()]
    if not parts:
        raise QuickError("the line is empty: e.g. 'ben rhand > ana upper_back press light 2c'")
    return [parse_touch(part, performers) for part in parts]


def format_touch(touch: Touch) -> str:
    """A touch as one quick-entry line; ``parse`` gives the same touch back."""
    words = [touch.by, touch.with_, ">", touch.to, touch.on, touch.action, touch.pressure]
    if touch.counts is not None:
        words.append(f"{touch.counts}c")
    if touch.start != 1:
        words.append(f"@{touch.start}")
    if touch.over_clothing:
        words.append("oc")
    if touch.mouth is not None:
        words.append(touch.mouth)
    if touch.tongue:
        words.append("tongue")
    return " ".join(words)


@dataclass(frozen=True)
class Slot:
    """What the word being typed stands for: a performer, an area or an option word."""

    kind: str
    """"performer", "area" or "option"."""
    prefix: str


def slot_at_end(line: str) -> Slot:
    """The slot of the last (partly typed) word of a line, for completion."""
    current = line.split(";")[-1]
    ends_with_space = current[-1:].isspace() or current.endswith(">")
    if ">" in current:
        right = current.split(">", 1)[1].split()
        index = len(right) if ends_with_space else len(right) - 1
        prefix = "" if ends_with_space or not right else right[-1]
        kind = "performer" if index <= 0 else "area" if index == 1 else "option"
        return Slot(kind, prefix)
    left = current.split()
    index = len(left) if ends_with_space else len(left) - 1
    prefix = "" if ends_with_space or not left else left[-1]
    return Slot("performer" if index <= 0 else "area", prefix)


def _choices(kind: str, performers: Sequence[Performer]) -> list[str]:
    if kind == "performer":
        return [p.id for p in performers]
    if kind == "area":
        short = [f"{side}{alias}" for alias in ALIASES for side in "rl"]
        return sorted(AREA_NAMES) + sorted(short)
    return list(OPTION_WORDS)


def complete(line: str, performers: Sequence[Performer]) -> str | None:
    """The line with its last word completed, or None when nothing fits.

    Only a word actually begun is completed, and only when its completion is
    unique among the names longer than it, so a suggestion never guesses.
    """
    if not line or line[-1].isspace() or line.endswith((">", ";")):
        return None
    slot = slot_at_end(line)
    if not slot.prefix:
        return None
    low = slot.prefix.lower()
    matches = [c for c in _choices(slot.kind, performers) if c.startswith(low) and c != low]
    if not matches:
        return None
    # Complete to the longest common prefix, so 'upper_' offers 'upper_a' or 'upper_b' no further.
    common = matches[0]
    for match in matches[1:]:
        while not match.startswith(common):
            common = common[:-1]
    if len(common) <= len(low):
        return None
    return line + common[len(low) :]
