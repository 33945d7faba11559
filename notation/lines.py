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
                if delim == '"""' and line[i] == "\\":
                    i += 2
                    continue
                if line.startswith(delim, i):
                    i += 3
                    # Up to two quotes right before the closing delimiter belong to the string.
                    extra = 0
                    while i < n and line[i] == delim[0] and extra < 2:
                        i += 1
                        extra += 1
                    self.multiline = None
                    continue
                i += 1
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
        parsed = _HEADERS_SEEN.get(stripped)
        if parsed is None:
            is_aot = stripped.startswith("[[")
            parts, _ = _parse_key(stripped, 2 if is_aot else 1)
            parsed = _HEADERS_SEEN[stripped] = (is_aot, parts)
            if len(_HEADERS_SEEN) > 4096:
                _HEADERS_SEEN.clear()
        is_aot, parts = parsed
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
# no value with [ or { is a key whose value closes on that line: a pass over
# headers may skip it. These find the lines it must read.
_HEADER = re.compile(r"^[^\S\n]*(\[[^\n]*)", re.M)
_OPENS = re.compile(r"\"\"\"|\'\'\'|=[ \t]*[\[{]")


def header_lines(text: str) -> dict[Path, int]:
    """What ``table_lines`` gives for every table header, and for every key before the
    first header, without reading the other keys' lines.

    Only for text that ``tomllib`` accepted: in valid TOML, a line that is not
    a header and opens no multi-line string or value leaves the scanner idle,
    so skipping it changes nothing but the key it would have recorded.
    """
    crlf = "\r" in text
    scan = _Scan()
    size = len(text)
    position = number = 0
    while position < size:
        # Up to the first header, every line is read, keys included.
        end = text.find("\n", position)
        end = size if end < 0 else end
        number += 1
        header = scan.line(number, text[position:end].removesuffix("\r"))
        position = end + 1
        if header:
            break
    scan.keys = False
    headers = {m.start(): (m.end(), m.group(1)) for m in _HEADER.finditer(text, position)}
    opens = {text.rfind("\n", 0, m.start()) + 1 for m in _OPENS.finditer(text, position)}
    opens.difference_update(headers)
    starts = sorted(headers.keys() | opens) if opens else list(headers)
    count, find, take_header, take_line = text.count, text.find, scan.header, scan.line
    for start in starts:
        if start < position:
            continue
        number += count("\n", position, start) + 1
        found = headers.get(start)
        if found is not None and scan.scanner.idle:
            end, stripped = found
            take_header(number, stripped.removesuffix("\r") if crlf else stripped)
            position = end + 1
            continue
        end = find("\n", start)
        end = size if end < 0 else end
        take_line(number, text[start:end].removesuffix("\r"))
        while not scan.scanner.idle and end < size:
            # Inside a multi-line string or value: read on, line by line, until it closes.
            following = find("\n", end + 1)
            following = size if following < 0 else following
            number += 1
            take_line(number, text[end + 1 : following].removesuffix("\r"))
            end = following
        position = end + 1
    return scan.lines


class LineMap(Mapping[Path, int]):
    """``table_lines(text)``, worked out only as far as it is asked.

    Findings need the lines of tables (a beat, a touch, a performer), which a
    quick pass over headers gives; load errors need the lines of keys, which
    need the full scan. The first lookup of a table makes the quick pass; the
    first lookup of anything else makes the full scan. Lookups always answer
    exactly what ``table_lines(text)`` would. ``text`` must be valid TOML.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._headers: dict[Path, int] | None = None
        self._full: dict[Path, int] | None = None

    def _quick(self) -> dict[Path, int]:
        if self._headers is None:
            self._headers = header_lines(self._text)
        return self._headers

    def _all(self) -> dict[Path, int]:
        if self._full is None:
            self._full = table_lines(self._text)
            # The full map answers everything now; the text (score contents) can go.
            self._headers = self._full
            self._text = ""
        return self._full

    def __getitem__(self, key: Path) -> int:
        quick = self._quick()
        if key in quick:
            return quick[key]
        return self._all()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._quick() or key in self._all()

    def __iter__(self) -> Iterator[Path]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())
