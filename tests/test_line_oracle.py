"""The line finders against an oracle that shares no code with them.

``notation.lines`` finds lines by scanning the text. The oracle here never
scans: it parses growing prefixes of the text with a TOML parser, line by line,
and notes the line at which each table or key first exists. For a path that
appears where a prefix could not be parsed (a multi-line value), it is the
first line after the last prefix that parsed: where that value's key starts.
Both the full scan (``table_lines``) and a fresh ``LineMap`` (the quick header
pass, for tables) must answer what the oracle says.
"""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from conftest import SAMPLES
from factories import beat, dumps, performer, score, touch

from notation.lines import LineMap, Path, table_lines


def _paths(value: Any, prefix: Path = ()) -> set[Path]:
    """Every table, array-of-tables entry and key path in a parsed document."""
    found: set[Path] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            found.add((*prefix, key))
            found |= _paths(inner, (*prefix, key))
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for index, inner in enumerate(value):
            found.add((*prefix, index))
            found |= _paths(inner, (*prefix, index))
    return found


def oracle(text: str) -> dict[Path, int]:
    """Each path's line, from parsing prefixes of ``text`` (never from scanning it)."""
    lines = text.split("\n")
    known: dict[Path, int] = {}
    seen: set[Path] = set()
    last_parsed = 0  # lines 1..last_parsed parse as TOML
    for number in range(1, len(lines) + 1):
        try:
            data = tomllib.loads("\n".join(lines[:number]))
        except tomllib.TOMLDecodeError:
            continue
        now = _paths(data)
        for path in now - seen:
            known[path] = last_parsed + 1
        seen = now
        last_parsed = number
    return known


def _texts() -> list[tuple[str, str]]:
    made = score(
        beat(touch(), touch(on="arm", counts=2), title="with\nnewline [[beats]]"),
        beat(),
        beat(touch(by="ana", to="ben", on="hand")),
        performers=(performer("ana", "Ana"), performer("ben", 'Ben "[x]"')),
    )
    texts = [("made", dumps(made))]
    for sample in sorted(SAMPLES.glob("*.score.toml"))[:3]:
        texts.append((sample.name, sample.read_text(encoding="utf-8")))
    return texts


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[n for n, _ in _texts()])
def test_the_full_scan_finds_every_line_the_oracle_finds(name: str, text: str) -> None:
    expected = oracle(text)
    full = table_lines(text)
    assert full, name
    for path, line in full.items():
        assert expected[path] == line, (name, path)
    # What the scan leaves out lies inside an inline table or list it maps (on that
    # value's line), or is the parent of a dotted key it maps.
    for path in expected.keys() - full.keys():
        inside = any(
            path[:n] in full and full[path[:n]] == expected[path] for n in range(1, len(path))
        )
        parent = any(p[: len(path)] == path and len(p) > len(path) for p in full)
        assert inside or parent, (name, path)


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[n for n, _ in _texts()])
def test_the_quick_pass_finds_each_table_the_oracle_finds(name: str, text: str) -> None:
    expected = oracle(text)
    data = tomllib.loads(text)
    tables: list[Path] = [("scene",)]
    tables += [("performers", i) for i in range(len(data.get("performers", [])))]
    for i, b in enumerate(data.get("beats", [])):
        tables.append(("beats", i))
        tables += [("beats", i, "touches", j) for j in range(len(b.get("touches", [])))]
    for path in tables:
        assert LineMap(text)[path] == expected[path], (name, path)
