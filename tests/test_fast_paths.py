"""Fast paths taken for speed answer exactly what the plain implementations answer."""

from __future__ import annotations

import tomllib

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from notation.lines import LineMap, _Scan, header_lines, table_lines

# Pieces of TOML chosen to trip a line scanner: brackets and triple quotes inside
# strings and comments, multi-line strings whose lines look like headers,
# multi-line arrays whose lines start with "[", quoted and spaced dotted keys.
HEADERS = (
    "[scene]",
    "[[beats]]",
    "[beats.timing]",
    "[[beats.touches]]",
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


def _reference_headers(text: str) -> dict[tuple[str | int, ...], int]:
    """The full scan, keeping keys only before the first header: what header_lines promises."""
    scan = _Scan()
    for number, line in enumerate((s.removesuffix("\r") for s in text.split("\n")), start=1):
        if scan.line(number, line):
            scan.keys = False
    return scan.lines


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(documents())
def test_the_quick_header_pass_equals_the_full_scan_on_valid_toml(text: str) -> None:
    """Every header line the quick pass gives is the full scan's, and it misses none."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assume(False)
    full = table_lines(text)
    quick = header_lines(text)
    assert quick == _reference_headers(text)
    assert all(full[key] == line for key, line in quick.items())


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
    for key in [*asked, ("beats", 99), ("nowhere",), *known]:
        assert (key in lines) == (key in full)
        assert lines.get(key) == full.get(key)
    assert dict(lines) == full


def test_lines_are_counted_at_newlines_only_as_the_full_scan_counts_them() -> None:
    """A line separator, next-line mark or lone CR inside a string starts no line."""
    text = (
        'format = "choreo-score"\nversion = 1\nnote = "a\u2028b\x85c\rd"\n'
        '[scene]\ntitle = "x"\n[[beats]]\n'
    )
    assert header_lines(text) == _reference_headers(text)
    assert header_lines(text)[("beats", 0)] == 6
