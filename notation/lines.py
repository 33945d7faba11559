"""Where each table and key of a TOML text starts, for messages that name a line.

``tomllib`` gives values but no positions. This scanner reads the text once,
line by line, and maps every concrete path (``("beats", 2, "touches", 0)``) to
the line of its header, and every ``key = value`` to the line of the key. It
understands strings (basic, literal and their multi-line forms), comments and
multi-line arrays, so a ``[`` inside a value is never taken for a header. It
never recurses, so pathological nesting cannot exhaust the stack.

A 5,000-beat score has some 170,000 such lines, and reading them all costs
about as much as parsing the TOML. ``LineMap`` (what ``loads`` attaches to a
score) therefore works lazily: findings only need the lines of tables, which a
quick pass over header lines gives; the full scan runs only when a key's line
is asked for (a load error). Both answer exactly as ``table_lines`` does.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping

Path = tuple[str | int, ...]

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def _parse_key(text: str, i: int) -> tuple[list[str], int]:
    """Parse a dotted key at ``text[i:]``; return its parts and the index after it."""
    parts: list[str] = []
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] in "\"'":
            quote = text[i]
            j = i + 1
            chunk: list[str] = []
            while j < n and text[j] != quote:
                if quote == '"' and text[j] == "\\" and j + 1 < n:
                    chunk.append(text[j : j + 2])
                    j += 2
                    continue
                chunk.append(text[j])
                j += 1
            parts.append("".join(chunk))
            i = j + 1
        else:
            j = i
            while j < n and text[j] in _BARE:
                j += 1
            if j == i:
                break
            parts.append(text[i:j])
            i = j
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == ".":
            i += 1
            continue
        break
    return parts, i


class _ValueScanner:
    """Tracks string and bracket state across the lines of a value."""

    def __init__(self) -> None:
        self.depth = 0
        self.multiline: str | None = None

    @property
    def idle(self) -> bool:
        """Whether the scanner is between values, where a header or key may start."""
        return self.depth == 0 and self.multiline is None

    def feed(self, line: str, i: int = 0) -> None:
        """Consume ``line[i:]``, updating the state."""
        n = len(line)
        while i < n:
            if self.multiline is not None:
                delim = self.multiline
                # Jump to the next backslash (in a basic string) or delimiter: the
                # characters between change nothing.
                close = line.find(delim, i)
                escape = line.find("\\", i) if delim == '"""' else -1
                if escape >= 0 and (close < 0 or escape < close):
                    i = escape + 2
                    continue
                if close < 0:
                    return
                i = close + 3
                # Up to two quotes right before the closing delimiter belong to the string.
                extra = 0
                while i < n and line[i] == delim[0] and extra < 2:
                    i += 1
                    extra += 1
                self.multiline = None
                continue
            ch = line[i]
            if ch == "#":
                return
            if ch in "\"'":
                triple = ch * 3
                if line.startswith(triple, i):
                    self.multiline = triple
                    i += 3
                    continue
                i += 1
                while i < n and line[i] != ch:
                    if ch == '"' and line[i] == "\\":
                        i += 1
                    i += 1
                i += 1
                continue
            if ch in "[{":
                self.depth += 1
            elif ch in "]}":
                self.depth = max(0, self.depth - 1)
            i += 1


_HEADERS_SEEN: dict[str, tuple[bool, list[str]]] = {}
"""Header lines already parsed: a score repeats a handful of headers thousands of times."""


def _parsed(stripped: str) -> tuple[bool, list[str]]:
    """Whether a header line opens an array of tables, and its dotted key's parts."""
    parsed = _HEADERS_SEEN.get(stripped)
    if parsed is None:
        is_aot = stripped.startswith("[[")
        parts, _ = _parse_key(stripped, 2 if is_aot else 1)
        parsed = _HEADERS_SEEN[stripped] = (is_aot, parts)
        if len(_HEADERS_SEEN) > 4096:
            _HEADERS_SEEN.clear()
    return parsed


class _Scan:
    """The state of one pass over a text: where each path was seen, and where we are."""

    def __init__(self, keys: bool = True) -> None:
        self.lines: dict[Path, int] = {}
        self.aot_counts: dict[Path, int] = {}
        self.current: Path = ()
        self.scanner = _ValueScanner()
        self.keys = keys
        """Whether ``key = value`` lines are recorded, or only table headers."""

    def line(self, number: int, line: str) -> bool:
        """Take in one line; whether it was a table header."""
        scanner = self.scanner
        if not scanner.idle:
            scanner.feed(line)
            return False
        stripped = line.lstrip()
        if not stripped or stripped[0] == "#":
            return False
        offset = len(line) - len(stripped)
        if stripped[0] == "[":
            self.header(number, stripped)
            return True
        parts, after = _parse_key(line, offset)
        if parts and self.keys:
            self.lines.setdefault((*self.current, *parts), number)
        equals = line.find("=", after)
        if equals >= 0:
            scanner.feed(line, equals + 1)
        return False

    def header(self, number: int, stripped: str) -> None:
        """Take in a ``[table]`` or ``[[array.of.tables]]`` header line."""
        is_aot, parts = _parsed(stripped)
        if not parts:
            return
        lines, aot_counts = self.lines, self.aot_counts
        concrete: Path = ()
        for part in parts[:-1]:
            concrete = (*concrete, part)
            if concrete in aot_counts:
                concrete = (*concrete, aot_counts[concrete] - 1)
        concrete = (*concrete, parts[-1])
        if is_aot:
            index = aot_counts.get(concrete, 0)
            aot_counts[concrete] = index + 1
            lines.setdefault(concrete, number)
            concrete = (*concrete, index)
        lines[concrete] = number
        self.current = concrete


def table_lines(text: str) -> dict[Path, int]:
    """Map each table header and key of ``text`` to its 1-based line number."""
    scan = _Scan()
    # Lines are counted at "\n" as TOML, tomllib and editors count them, never at the
    # other breaks str.splitlines() honours (U+2028, U+0085...), which TOML text may hold.
    for number, line in enumerate((s.removesuffix("\r") for s in text.split("\n")), start=1):
        scan.line(number, line)
    return scan.lines


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


def _prologue(text: str) -> tuple[dict[Path, int], int, int]:
    """The keys before the first header, with their lines; the number of lines
    before that header and the position where its line starts (or the text ends)."""
    scan = _Scan()
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
        scan = _Scan(keys=False)
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
        scan = _Scan(keys=False)
        inside, count = self.regions.inside, text.count
        # ``at`` is the start of a line whose number is ``number``: the first header's.
        at, number = position, number + 1
        for start, stripped in matches:
            if inside(start):
                continue
            if self.crlf:
                stripped = stripped.removesuffix("\r")
            is_aot, parts = _parsed(stripped)
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
                is_aot, parts = _parsed(stripped)
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


def header_lines(text: str) -> dict[Path, int]:
    """The lines findings ask for, from the quick pass: every key before the first
    header, the scene's and performers' tables, each beat and each of its touches.

    Each entry equals ``table_lines(text)``'s; ``text`` must be valid TOML.
    """
    lines, number, position = _prologue(text)
    index = _Index(text, number, position)
    lines.update(index.tables)
    for beat, (_, line) in enumerate(index.beats):
        lines[("beats", beat)] = line
        for touch, touch_line in enumerate(index.touches(beat)):
            lines[("beats", beat, "touches", touch)] = touch_line
    return lines


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
