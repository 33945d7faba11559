"""Fast paths taken for speed answer exactly what the plain implementations answer."""

from __future__ import annotations

import tomllib
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from notation.lines import LineMap, _ValueScanner, table_lines

# Pieces of TOML chosen to trip a line scanner: brackets and triple quotes inside
# strings and comments, multi-line strings whose lines look like headers,
# multi-line arrays whose lines start with "[", quoted and spaced dotted keys.
HEADERS = (
    "[scene]",
    "[[beats]]",
    "[[beats]]",
    '[["beats"]]  # quoted',
    "[beats.timing]",
    "[[beats.touches]]",
    "[[beats.touches]]",
    "[[ beats . touches ]]",
    '[["beats".touches]]',
    "[beats.touches]",
    "[[beats.placements]]",
    "  [[ beats . placements ]]  # indented, spaced",
    '[beats."agreed"]',
    "[[performers]]",
    "[performers.boundaries]",
    "[performers.boundaries.areas]",
    "[[log]]",
)
# Numbered so that no key is defined twice in one table (which TOML refuses).
KEYS = ("a{}", "title{}", '"quoted key {}"', "x{}.y", "c-d{}")
VALUES = (
    '"plain"',
    '"with [ bracket"',
    '\'literal """ triple\'',
    "\"it'''s\"",
    "42",
    "true",
    "2026-11-20",
    '["x", "y"]',
    '{ status = "no", only = ["light"] }',
    '"""\n[[beats]]\nnot a header\n"""',
    "'''\n[scene]\n'''",
    '"""\n  [[beats.touches]]\n"""',
    '"""a \\""" b\nc\\\\\n"""',
    '"""first \\\n  second [x]"""',
    "'''it''s\n[[beats]]'''",
    '"""one line"""',
    '"""ends with quotes"" """',
    '[\n  ["a", "b"],\n  [1],\n]',
    "[\n# [comment]\n  1,\n]",
    '"escaped \\" [ quote"',
    '"line\u2028separator and next\x85line"',
)
COMMENTS = ("# plain", '# """ not a string', "# [not a header]", "")


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A TOML document of headers, keys and comments (not always valid)."""
    lines = ['format = "choreo-score"', "version = 1"]
    for number in range(draw(st.integers(0, 25))):
        kind = draw(st.sampled_from(("header", "key", "key", "comment", "blank")))
        if kind == "header":
            lines.append(draw(st.sampled_from(HEADERS)))
        elif kind == "key":
            key = draw(st.sampled_from(KEYS)).format(number)
            value = draw(st.sampled_from(VALUES))
            indent = draw(st.sampled_from(("", "  ", "\t")))
            lines.append(f"{indent}{key} = {value}{draw(st.sampled_from(('', '  # c')))}")
        elif kind == "comment":
            lines.append(draw(st.sampled_from(COMMENTS)))
        else:
            lines.append("")
    text = "\n".join(lines) + draw(st.sampled_from(("", "\n")))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(documents(), st.lists(st.integers(0, 40), max_size=6))
def test_a_line_map_answers_every_lookup_as_the_full_scan_does(
    text: str, probes: list[int]
) -> None:
    """Lookups of tables, keys and absent paths, in any order, match table_lines."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assume(False)
    full = table_lines(text)
    lines = LineMap(text)
    known = sorted(full, key=repr)
    asked = [known[i % len(known)] for i in probes] if known else []
    beats = [("beats", i) for i in range(-1, 4)] + [
        ("beats", i, "touches", j) for i in range(3) for j in range(-1, 3)
    ]
    # A bare string too: a key of the wrong shape is simply absent, as for a dict.
    absent: list[Any] = [("beats", 99), ("nowhere",), ("beats", 0, "timing"), ("beats",), "beats"]
    for key in [*beats, *absent, *known]:
        # A fresh map for each key, so every lookup is answered by the quick pass
        # when it can be, not by a full scan an earlier lookup made.
        assert (key in LineMap(text)) == (key in full)
        assert LineMap(text).get(key) == full.get(key)
    for key in [*asked, *beats, *absent]:
        assert (key in lines) == (key in full)
        assert lines.get(key) == full.get(key)
    assert dict(lines) == full


def _reference_feed(self: Any, line: str, i: int = 0) -> None:
    """The scanner's feed as first written, a character at a time: the reference."""
    n = len(line)
    while i < n:
        if self.multiline is not None:
            delim = self.multiline
            if delim == '"""' and line[i] == "\\":
                i += 2
                continue
            if line.startswith(delim, i):
                i += 3
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


@settings(max_examples=150, deadline=None)
@given(documents())
def test_the_scanner_jumps_through_strings_to_the_same_state(text: str) -> None:
    """Skipping ahead inside multi-line strings maps every line as reading each character."""
    fast = table_lines(text)
    original = _ValueScanner.feed
    _ValueScanner.feed = _reference_feed  # type: ignore[method-assign]
    try:
        slow = table_lines(text)
    finally:
        _ValueScanner.feed = original  # type: ignore[method-assign]
    assert fast == slow


def test_lines_are_counted_at_newlines_only_as_the_full_scan_counts_them() -> None:
    """A line separator, next-line mark or lone CR inside a string starts no line."""
    text = (
        'format = "choreo-score"\nversion = 1\nnote = "a\u2028b\x85c\rd"\n'
        '[scene]\ntitle = "x"\n[[beats]]\n[[beats.touches]]\n'
    )
    lines = LineMap(text)
    assert lines[("beats", 0)] == 6
    assert lines[("beats", 0, "touches", 0)] == 7
    assert dict(lines) == table_lines(text)


def test_a_big_score_needs_no_full_scan_for_its_findings() -> None:
    """The lines findings ask for come from the quick pass; the text is kept for later."""
    text = "\n".join(
        ['format = "choreo-score"', "version = 1", "[scene]", 'title = "x"']
        + ["[[beats]]", 'title = "b"', "[[beats.touches]]", 'on = "arm"'] * 50
    )
    lines = LineMap(text)
    assert lines.get(("beats", 49, "touches", 0)) == table_lines(text)[("beats", 49, "touches", 0)]
    assert ("beats", 50) not in lines
    assert lines._full is None
