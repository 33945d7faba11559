"""Reading scores: ``loads`` and ``load``, with messages that name file and line.

Every way a file can be wrong ends in one ``LoadError`` listing its problems:
what is wrong, where (line), and what would be valid. Values from the file are
never put in a message, except vocabulary the format itself defines (a key
name, an area or an enum token), so a message can be shown or logged safely.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from notation import collector, limits, parsing
from notation.areas import suggest
from notation.lines import LineMap
from notation.model import FORMAT, VERSION, Score
from notation.validation_words import MAX_PROBLEMS, Problem, _line_for, _problems

MAX_BYTES = 64 * 1024 * 1024
"""Larger files are refused: a whole production's score is a few megabytes."""

__all__ = ["MAX_BYTES", "MAX_PROBLEMS", "LoadError", "Problem", "load", "loads", "loads_bytes"]


class LoadError(Exception):
    """A score could not be read. ``problems`` says every reason found, with lines."""

    def __init__(self, path: str, problems: Sequence[Problem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        super().__init__(self.render())

    @property
    def line(self) -> int | None:
        """The line of the first problem, when known."""
        return self.problems[0].line if self.problems else None

    def render(self) -> str:
        """Every problem as ``PATH:LINE: error: message``, one per line."""
        return "\n".join(
            f"{self.path}:{p.line}: error: {p.message}"
            if p.line
            else f"{self.path}: error: {p.message}"
            for p in self.problems
        )


def load(path: str | Path) -> Score:
    """Read a score file. Raises ``LoadError`` (never anything else) if it cannot."""
    return loads_bytes(read_bytes(path, "score file", missing="no such file"), str(path))


def read_bytes(path: str | Path, what: str, *, missing: str | None = None) -> bytes:
    """The bytes of a file (at most one past ``MAX_BYTES``), or ``LoadError`` in plain
    words naming ``what`` it should be (never another exception)."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise LoadError(name, [Problem(missing or f"no such {what}")]) from None
    except IsADirectoryError:
        raise LoadError(name, [Problem(f"this is a folder, not a {what}")]) from None
    except PermissionError:
        raise LoadError(name, [Problem("permission denied: cannot read this file")]) from None
    except OSError as error:
        raise LoadError(name, [Problem(f"cannot read the file ({error.strerror})")]) from None
    except ValueError:
        # open() refuses a name holding a NUL character with ValueError, not OSError.
        raise LoadError(name, [Problem("not a usable file name")]) from None


def decoded(data: bytes, path: str) -> str:
    """File bytes as text: refused past ``MAX_BYTES`` or where they are not UTF-8."""
    if len(data) > MAX_BYTES:
        raise LoadError(path, [Problem(f"the file is larger than {MAX_BYTES // 2**20} MiB")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problem = Problem("this line is not valid UTF-8; save the file as UTF-8 text", line)
        raise LoadError(path, [problem]) from None


def loads_bytes(data: bytes, path: str = "<score>") -> Score:
    """Read a score from raw bytes, checking the encoding first."""
    return loads(decoded(data, path), path)


_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)|\(at end of document\)")


def loads(text: str, path: str = "<score>") -> Score:
    """Read a score from TOML text. Raises ``LoadError`` if it is not a valid score."""
    if text.startswith("\ufeff"):
        text = text[1:]
    _refuse_excess(limits.before_parsing(text), path)
    with collector.paused():
        return _loads(text, path)


def _loads(text: str, path: str) -> Score:
    try:
        data = parsing.parse(text)
    except parsing.DecodeErrors as error:
        raise LoadError(path, [_syntax_problem(str(error), text)]) from None
    except RecursionError:
        problem = Problem("values are nested too deeply; a score nests a few levels at most")
        raise LoadError(path, [problem]) from None
    # Lines are worked out when first asked for: a table's line by a quick pass over
    # headers (for findings), a key's by the full scan (for load errors).
    lines = LineMap(text)
    _check_header(data, path, lines)
    _check_unique_ids(data, path, lines)
    _refuse_excess(limits.after_parsing(data), path)
    try:
        score = Score.model_validate(data)
    except ValidationError as error:
        raise LoadError(path, _problems(error, lines)) from None
    except RecursionError:
        problem = Problem("values are nested too deeply; a score nests a few levels at most")
        raise LoadError(path, [problem]) from None
    return score.with_lines(lines)


def check_version(data: dict[str, Any], path: str, lines: Mapping[Any, int], kind: str) -> None:
    """Refuse a missing, malformed, newer or impossible ``version`` of a ``kind`` file
    ("score", "production"): a newer one is never opened and re-saved lower."""
    version = data.get("version")
    line = lines.get(("version",))
    if "version" not in data:
        raise LoadError(path, [Problem(f"no `version`; this Choreo reads version = {VERSION}")])
    if isinstance(version, bool) or not isinstance(version, int):
        raise LoadError(path, [Problem("`version` must be a whole number, e.g. version = 1", line)])
    if version > VERSION:
        raise LoadError(
            path,
            [
                Problem(
                    f"this {kind} is format version {version}, written by a newer Choreo; "
                    f"this Choreo reads version {VERSION}. Update Choreo to open it "
                    "(the file is left untouched)",
                    line,
                )
            ],
        )
    if version < VERSION:
        raise LoadError(
            path, [Problem(f"format version {version} never existed; the first is 1", line)]
        )


def _refuse_excess(excess: limits.Excess | None, path: str) -> None:
    if excess is not None:
        raise LoadError(path, [Problem(excess.message, excess.line)])


def _syntax_problem(message: str, text: str) -> Problem:
    match = _TOML_POSITION.search(message)
    line: int | None = None
    if match and match.group(1):
        line = int(match.group(1))
    elif match:
        line = text.count("\n") + 1
    what = _TOML_POSITION.sub("", message).strip().rstrip(".")
    if line is not None and "twice" in what:
        misnamed = _misnamed_header(text, line)
        if misnamed is not None:
            return misnamed
    return Problem(f"not valid TOML: {what[:1].lower()}{what[1:]}", line)


_TOP_TABLES = ("scene", "performers", "beats", "log")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"' -]+?)\s*(\]\]?)\s*(?:#.*)?$")


def _misnamed_header(text: str, at: int) -> Problem | None:
    """A sub-table declared twice (``[beats.timing]``) is most often the sign of a
    misspelt array header above it (``[[beat]]``): its sub-tables then fall to the
    beat before. Point at that header, not at the innocent line TOML stopped on."""
    lines = text.split("\n")
    for number in range(min(at, len(lines)) - 1, 0, -1):
        match = _HEADER.match(lines[number - 1])
        if match is None:
            continue
        name = match.group(2).strip()
        if "." in name or name in _TOP_TABLES:
            continue
        brackets = "[[" if match.group(1) == "[[" else "["
        closing = "]]" if brackets == "[[" else "]"
        hint = suggest(name.lower(), list(_TOP_TABLES))
        tip = f"did you mean `{brackets}{hint}{closing}`? " if hint else ""
        return Problem(
            f"`{brackets}{name}{closing}` is not a table of a score; {tip}A score has "
            f"[scene], [[performers]], [[beats]] and [[log]]. (Misnamed, it leaves the tables "
            f"under it, such as line {at}'s, to the entry before, which has them already.)",
            number,
        )
    return None


def _check_header(data: dict[str, Any], path: str, lines: Mapping[Any, int]) -> None:
    if not data:
        raise LoadError(
            path,
            [
                Problem(
                    f'the file is empty; a score begins with format = "{FORMAT}" and version = 1'
                )
            ],
        )
    if data.get("format") != FORMAT:
        line = lines.get(("format",))
        what = "has no `format` key" if "format" not in data else "has the wrong `format`"
        raise LoadError(
            path, [Problem(f'not a Choreo score: it {what}; expected format = "{FORMAT}"', line)]
        )
    check_version(data, path, lines, "score")


def _check_unique_ids(data: dict[str, Any], path: str, lines: Mapping[Any, int]) -> None:
    # Checked here, not only by Score's validator, so the message can name the
    # duplicate's own [[performers]] line.
    performers = data.get("performers")
    if not isinstance(performers, list):
        return
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for index, performer in enumerate(performers):
        pid = performer.get("id") if isinstance(performer, dict) else None
        if not isinstance(pid, str):
            continue
        if pid in first:
            problems.append(
                Problem(
                    f"performer {index + 1} has the same id as performer {first[pid] + 1}; "
                    "each performer needs an id of their own",
                    _line_for(("performers", index), lines),
                )
            )
        first.setdefault(pid, index)
    if problems:
        raise LoadError(path, problems)
