"""Where each table and key of a TOML text starts, for messages that name a line.

Two ways to find a line, and only two. The full scan (``notation.line_scan``)
maps every table and key; a 5,000-beat score has some 170,000 such lines, and
reading them all costs about 0.6x of parsing the TOML with tomllib. Findings need
only the lines of tables, which one pass over header lines finds in under a
tenth of that: without it, ``choreo check`` on a big score would miss its goal
(a whole process within 1.5x of one that only parses the file). ``LineMap``
(what ``loads`` attaches to a score) therefore works lazily: keys before the
first header from reading just those lines, tables from the header pass, and
anything else (a load error's key) from the full scan. Every lookup answers
exactly as ``table_lines`` does; ``tests/test_line_oracle.py`` checks both
against an oracle that uses no scanner at all, only a TOML parser.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from typing import TypeVar, overload

from notation.line_scan import Path, Scan, ValueScanner, parsed_header, table_lines

_ValueScanner = ValueScanner  # the name the scanner's tests know it by

__all__ = ["LineMap", "Path", "table_lines"]

# In valid TOML a line that is not a header, opens no multi-line string and opens
# no value with [ or { is a key whose value closes on that line, so a pass over
# headers may skip it. These find the lines it must read. Each header match starts
# at the newline before its line: searching without MULTILINE is twice as fast.
_HEADER = re.compile(r"\n[^\S\n]*(\[[^\n]*)")
_FIRST_HEADER = re.compile(r"[^\S\n]*(\[[^\n]*)")
# The beats' own tables in the layout Choreo writes: the pass over the whole text
# need not even look at them (a beat's touches are read from its span when asked).
_OWN_TABLES = (
    r"(?!\[beats\.(?:touches|placements|barriers|garments)\]\]"
    r"|beats\.(?:timing|agreed|bare)\])"
)
_TABLE_HEADER = re.compile(r"\n[^\S\n]*(\[" + _OWN_TABLES + r"[^\n]*)")
# A value opening with [ or {, unless it is a list of plain strings closed on its line
# (by = ["ana", "ben"]), which leaves the scanner idle.
_PLAIN_LIST_AFTER_BRACKET = (
    r"(?:[ \t]*\"[^\"\\\n]*\"[ \t]*,)*(?:[ \t]*\"[^\"\\\n]*\")?"
    r"[ \t]*\][ \t]*(?:#[^\n]*)?(?=\n|\Z)"
)
_OPENS_VALUE = re.compile(r"=[ \t]*(?:\{|\[(?!" + _PLAIN_LIST_AFTER_BRACKET + r"))")
_BEATS, _TOUCHES = ["beats"], ["beats", "touches"]
T = TypeVar("T")


def _prologue(text: str) -> tuple[dict[Path, int], int, int]:
    """The keys before the first header, with their lines; the number of lines
    before that header and the position where its line starts (or the text ends)."""
    scan = Scan()
    size = len(text)
    position = number = 0
    while position < size:
        end = text.find("\n", position)
        end = size if end < 0 else end
        line = text[position:end].removesuffix("\r")
        if scan.scanner.idle and line.lstrip().startswith("["):
            break
        number += 1
        scan.line(number, line)
        position = end + 1
    return scan.lines, number, min(position, size)


class _Regions:
    """The lines inside multi-line strings and values, where a "[" starts no header."""

    def __init__(self, text: str, position: int, headers: set[int]) -> None:
        starts = {text.rfind("\n", 0, m.start()) + 1 for m in _OPENS_VALUE.finditer(text, position)}
        for quotes in ('"""', "'''"):
            at = text.find(quotes, position)
            while at >= 0:
                starts.add(text.rfind("\n", 0, at) + 1)
                at = text.find(quotes, at + 3)
        self.starts: list[int] = []
        self.ends: list[int] = []
        size, covered = len(text), position
        scan = Scan(keys=False)
        for start in sorted(starts - headers):
            if start < covered:
                continue
            # The scanner is idle here, as the full scan's is: read the line as it would.
            end = text.find("\n", start)
            end = size if end < 0 else end
            scan.line(0, text[start:end].removesuffix("\r"))
            inside = end + 1
            while not scan.scanner.idle and end < size:
                following = text.find("\n", end + 1)
                following = size if following < 0 else following
                scan.line(0, text[end + 1 : following].removesuffix("\r"))
                end = following
            if inside <= end:
                self.starts.append(inside)
                self.ends.append(end)
            covered = end + 1

    def inside(self, position: int) -> bool:
        """Whether the line starting at ``position`` lies inside a multi-line value."""
        at = bisect.bisect_right(self.starts, position) - 1
        return at >= 0 and position <= self.ends[at]


class _Index:
    """Table lines from one pass over header lines, without the beats' own tables.

    ``beats`` holds each ``[[beats]]`` header's (position, line); ``tables`` every
    other header outside ``beats``, exactly as the full scan maps them. A beat's
    ``[[beats.touches]]`` are found when first asked for, in that beat's span.
    """

    def __init__(self, text: str, number: int, position: int) -> None:
        self.text = text
        self.crlf = "\r" in text
        matches = [(m.start() + 1, m.group(1)) for m in _TABLE_HEADER.finditer(text, position - 1)]
        first = _FIRST_HEADER.match(text, 0) if position == 0 and text else None
        if first is not None:
            matches.insert(0, (0, first.group(1)))
        self.regions = _Regions(text, position, {start for start, _ in matches})
        self.beats: list[tuple[int, int]] = []
        scan = Scan(keys=False)
        inside, count = self.regions.inside, text.count
        # ``at`` is the start of a line whose number is ``number``: the first header's.
        at, number = position, number + 1
        for start, stripped in matches:
            if inside(start):
                continue
            if self.crlf:
                stripped = stripped.removesuffix("\r")
            is_aot, parts = parsed_header(stripped)
            if parts and parts[0] == "beats":
                # The beats' own tables are left to the full scan (touches to ``touches``);
                # their paths hang off the beat count kept here, not the scan's.
                if is_aot and parts == _BEATS:
                    number += count("\n", at, start)
                    at = start
                    self.beats.append((start, number))
                continue
            number += count("\n", at, start)
            at = start
            scan.header(number, stripped)
        self.tables = scan.lines
        self._touches: dict[int, list[int]] = {}

    def touches(self, beat: int) -> list[int]:
        """The lines of beat ``beat``'s ``[[beats.touches]]`` headers, in order."""
        found = self._touches.get(beat)
        if found is None:
            found = []
            start, number = self.beats[beat]
            end = self.beats[beat + 1][0] if beat + 1 < len(self.beats) else len(self.text)
            at = start
            for m in _HEADER.finditer(self.text, start, end):
                line_start = m.start() + 1
                if self.regions.inside(line_start):
                    continue
                stripped = m.group(1).removesuffix("\r") if self.crlf else m.group(1)
                is_aot, parts = parsed_header(stripped)
                if is_aot and parts == _TOUCHES:
                    number += self.text.count("\n", at, line_start)
                    at = line_start
                    found.append(number)
            self._touches[beat] = found
        return found

    def answer(self, key: Path) -> tuple[bool, int | None]:
        """(True, line or None) when this index knows for sure, else (False, None)."""
        if len(key) >= 2 and key[0] == "beats" and isinstance(key[1], int):
            # Only [[beats]] and [[beats.touches]] headers make these paths.
            beat, known = key[1], 0 <= key[1] < len(self.beats)
            if len(key) == 2:
                return True, self.beats[beat][1] if known else None
            if len(key) == 4 and key[2] == "touches" and isinstance(key[3], int):
                touches = self.touches(beat) if known else []
                return True, touches[key[3]] if 0 <= key[3] < len(touches) else None
            return False, None
        if key in self.tables:
            return True, self.tables[key]
        return False, None


class LineMap(Mapping[Path, int]):
    """``table_lines(text)``, worked out only as far as it is asked.

    Findings need the lines of a few tables (the scene, a performer, a beat, a
    touch); load errors need the lines of keys. Keys before the first header
    (``format``, ``version``) come from reading just those lines; tables from
    one pass over header lines (a beat's touches from that beat's span, when
    asked); anything else from the full scan. Every lookup answers exactly what
    ``table_lines(text)`` would. ``text`` must be valid TOML.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._head: dict[Path, int] | None = None
        self._start: tuple[int, int] = (0, 0)
        self._index: _Index | None = None
        self._full: dict[Path, int] | None = None

    def _known(self, key: object) -> tuple[bool, int | None]:
        if self._full is not None:
            return True, self._full.get(key)  # type: ignore[call-overload]
        if self._head is None:
            head, number, position = _prologue(self._text)
            # _start before _head: another thread that sees _head may read _start.
            self._start = (number, position)
            self._head = head
        if key in self._head:
            return True, self._head[key]
        if not isinstance(key, tuple):
            return True, None
        if self._index is None:
            self._index = _Index(self._text, *self._start)
        return self._index.answer(key)

    def _all(self) -> dict[Path, int]:
        if self._full is None:
            # The text and index stay: another thread may be reading them right now.
            self._full = table_lines(self._text)
        return self._full

    @overload
    def get(self, key: Path, /) -> int | None: ...
    @overload
    def get(self, key: Path, /, default: int | T) -> int | T: ...
    def get(self, key: Path, /, default: object = None) -> object:
        """``Mapping.get`` without its detour through ``__getitem__`` and ``KeyError``:
        a finding's line is one of these, and ``choreo check`` prints thousands."""
        known, line = self._known(key)
        if not known:
            return self._all().get(key, default)
        return default if line is None else line

    def __getitem__(self, key: Path) -> int:
        known, line = self._known(key)
        if not known:
            return self._all()[key]
        if line is None:
            raise KeyError(key)
        return line

    def __contains__(self, key: object) -> bool:
        known, line = self._known(key)
        return line is not None if known else key in self._all()

    def __iter__(self) -> Iterator[Path]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def longest_prefix(
    lines: Mapping[tuple[str | int, ...], int], path: tuple[str | int, ...]
) -> int | None:
    """The line of the longest prefix of ``path`` that ``lines`` knows (``Score.line_of``)."""
    key = path
    while key:
        # One lookup per prefix (line numbers are never None).
        line = lines.get(key)
        if line is not None:
            return line
        key = key[:-1]
    return None
