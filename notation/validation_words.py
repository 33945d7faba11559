"""Pydantic's validation errors in plain words: what is wrong, on which line, and what
would be valid, without ever quoting a value from the file.

Used by score reading (``reading``) and production reading alike.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from notation.areas import suggest
from notation.model import Score

MAX_PROBLEMS = 20


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (line, when known) and what."""

    message: str
    line: int | None = None


_TABLE_WORDS = {
    "beats": "beat",
    "performers": "performer",
    "touches": "touch",
    "placements": "placement",
    "barriers": "barrier",
    "garments": "garment",
    "log": "log entry",
}


def _where(loc: Sequence[int | str]) -> str:
    """Plain words for a location: ('beats', 2, 'touches', 0, 'on') -> beat 3, touch 1, `on`."""
    words: list[str] = []
    index = 0
    while index < len(loc):
        part = loc[index]
        nxt = loc[index + 1] if index + 1 < len(loc) else None
        if isinstance(part, str) and part in _TABLE_WORDS and isinstance(nxt, int):
            words.append(f"{_TABLE_WORDS[part]} {nxt + 1}")
            index += 2
            continue
        if part == "[key]":
            index += 1
            continue
        words.append(_shown(part) if isinstance(part, str) else f"item {part + 1}")
        index += 1
    return ", ".join(words) if words else "the top level"


_KEY_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


def _shown(key: str) -> str:
    """A key from the file, quoted, only when it has the shape of a format word.

    A mistyped key (`presure`) is worth showing; a quoted key holding free text
    (a name written where an id belongs) could be personal data, so it is not.
    """
    return f"`{key}`" if _KEY_SHAPE.match(key) else "a key"


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation like ``tuple[Touch, ...] | None``."""
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current
        origin = typing.get_origin(current)
        if origin is typing.Annotated:
            stack.append(typing.get_args(current)[0])
        elif origin in (tuple, list, typing.Union, types.UnionType):
            stack.extend(typing.get_args(current))
        elif origin is dict:
            stack.append(typing.get_args(current)[1])
    return None


def _model_at(loc: Sequence[int | str], root: type[BaseModel] = Score) -> type[BaseModel] | None:
    """The model class whose table ``loc`` points into, from the file's ``root`` model."""
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = next((f for name, f in model.model_fields.items() if part in (name, f.alias)), None)
        if field is None:
            # A dict key (an area or a performer id) keeps us in the same value type.
            continue
        model = _unwrap(field.annotation)
    return model


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


_TYPE_WORDS = {
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "float_type": "must be a number",
    "string_type": 'must be text in quotes, e.g. "..."',
    "date_type": "must be a date, e.g. 2026-11-20",
    "datetime_type": "must be a date and time with an offset, e.g. 2026-11-27T19:30:00+00:00",
    "tuple_type": "must be a list, e.g. [...]",
    "list_type": "must be a list, e.g. [...]",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
    "greater_than": "must be greater than 0",
    "string_pattern_mismatch": (
        "must be an id: a lowercase letter, then lowercase letters, digits, _ or -"
    ),
    "string_too_short": "must not be empty",
    "too_short": "has too few items",
    "too_long": "has too many items",
    "finite_number": "must be a finite number",
}


def _problem(error: Any, lines: Mapping[Any, int], root: type[BaseModel] = Score) -> Problem:
    loc: tuple[int | str, ...] = tuple(error["loc"])
    kind: str = error["type"]
    line = _line_for(loc, lines)
    where = _where(loc[:-1]) if loc else "the top level"
    key = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1], root)
        valid = _keys_of(model) if model else []
        hint = suggest(str(key), valid) if valid else None
        tip = f"; did you mean `{hint}`?" if hint else ""
        listing = f" Valid keys here: {', '.join(valid)}." if valid else ""
        if listing and not hint:
            tip = "."
        shown = _shown(str(key))
        what = f"unknown key {shown}" if shown != "a key" else "an unknown key"
        return Problem(f"{what} in {where}{tip}{listing}", line)
    if kind == "missing" and isinstance(key, int):
        # A fixed-length list (a barrier's `between`) given too few items.
        return Problem(f"{where} has too few items", line)
    if kind == "missing":
        return Problem(f"{where} is missing the required key `{key}`", line)
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        valid = re.findall(r"'([^']*)'", expected)
        given = error.get("input")
        hint = suggest(given, valid) if isinstance(given, str) and valid else None
        tip = f"; did you mean '{hint}'?" if hint else ""
        return Problem(f"{_where(loc)} must be one of: {', '.join(valid)}{tip}", line)
    if kind in ("value_error", "assertion_error"):
        message = str(error.get("msg", "")).removeprefix("Value error, ")
        return Problem(f"{_where(loc)}: {message}", line)
    words = _TYPE_WORDS.get(kind, "is not valid here")
    return Problem(f"{_where(loc)} {words}", line)


def _line_for(loc: tuple[int | str, ...], lines: Mapping[Any, int]) -> int | None:
    key = tuple(part for part in loc if part != "[key]")
    top = key[:1]
    while key:
        if key in lines:
            return lines[key]
        key = key[:-1]
    # A table made only implicitly (`[[beats.touches]]` with no `[[beats]]`): its first line.
    under = [number for path, number in lines.items() if top and path[:1] == top]
    return min(under) if under else None


def _problems(
    error: ValidationError, lines: Mapping[Any, int], root: type[BaseModel] = Score
) -> list[Problem]:
    """Every validation error as a ``Problem`` with its line, hints taken from ``root``'s keys.

    ``root`` is the model of the whole file: a score by default, or a production's.
    """
    problems: list[Problem] = []
    seen: set[tuple[int | None, str]] = set()
    for item in error.errors(include_url=False):
        problem = _problem(item, lines, root)
        if (problem.line, problem.message) not in seen:
            seen.add((problem.line, problem.message))
            problems.append(problem)
    problems.sort(key=lambda p: p.line or 0)
    if len(problems) > MAX_PROBLEMS:
        rest = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], Problem(f"... and {rest} more problems")]
    return problems
