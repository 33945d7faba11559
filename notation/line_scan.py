"""The full scan: where each table and key of a TOML text starts.

``tomllib`` and ``tomli`` give values but no positions. This scanner reads the
text once, line by line, and maps every concrete path (``("beats", 2,
"touches", 0)``) to the line of its header, and every ``key = value`` to the
line of the key. It understands strings (basic, literal and their multi-line
forms), comments and multi-line arrays, so a ``[`` inside a value is never taken
for a header. It never recurses, so pathological nesting cannot exhaust the
stack. ``notation.lines`` answers most lookups without it (see there).
"""

from __future__ import annotations

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


class ValueScanner:
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


def parsed_header(stripped: str) -> tuple[bool, list[str]]:
    """Whether a header line opens an array of tables, and its dotted key's parts."""
    parsed = _HEADERS_SEEN.get(stripped)
    if parsed is None:
        is_aot = stripped.startswith("[[")
        parts, _ = _parse_key(stripped, 2 if is_aot else 1)
        parsed = _HEADERS_SEEN[stripped] = (is_aot, parts)
        if len(_HEADERS_SEEN) > 4096:
            _HEADERS_SEEN.clear()
    return parsed


class Scan:
    """The state of one pass over a text: where each path was seen, and where we are."""

    def __init__(self, keys: bool = True) -> None:
        self.lines: dict[Path, int] = {}
        self.aot_counts: dict[Path, int] = {}
        self.current: Path = ()
        self.scanner = ValueScanner()
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
        is_aot, parts = parsed_header(stripped)
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
    scan = Scan()
    # Lines are counted at "\n" as TOML, tomllib and editors count them, never at the
    # other breaks str.splitlines() honours (U+2028, U+0085...), which TOML text may hold.
    for number, line in enumerate((s.removesuffix("\r") for s in text.split("\n")), start=1):
        scan.line(number, line)
    return scan.lines
