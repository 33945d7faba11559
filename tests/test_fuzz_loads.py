"""Fuzz ``loads`` with mutated valid scores: a ``LoadError`` or a score, never anything else.

Mutations work on the text (lines deleted, duplicated, swapped, cut short,
characters replaced, tricky lines inserted) and on the structure (a value
replaced by any TOML value, a key dropped or added) of the bundled samples. A
score that loads must also save, load back equal and pass through the checker;
a load error must render, with lines inside the file, and never echo a value
from the file. ``stress/fuzz_loads.py`` runs the same properties much longer.
"""

from __future__ import annotations

import importlib
import pkgutil
import tomllib
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parser_fixtures import every_parser  # noqa: F401
from pydantic import BaseModel

import notation
import notation.model
from notation import LoadError, check, dumps, loads
from notation.reading import loads_bytes

pytestmark = pytest.mark.usefixtures("every_parser")

SAMPLES = Path(__file__).resolve().parent.parent / "sample_scenes"
SEEDS: tuple[str, ...] = tuple(
    path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.score.toml"))
)
CANARY = "ZqxCanary"
"""Put in every string value the structural fuzz writes; no message may repeat it."""

EXAMPLES = 120
"""Modest here (two shared cores); stress/fuzz_loads.py raises it."""

TRICKY_LINES = (
    "[[beats]]",
    "[[beats.touches]]",
    "[scene]",
    "[performers.boundaries.areas]",
    "[[performers]]",
    "[beats.bare]",
    "[beats.agreed]",
    "version = 2",
    "version = 0",
    'version = "1"',
    'format = "choreo-score"',
    'on = "nose"',
    'on = "groin"',
    "counts = -1",
    "counts = 0",
    "counts = 99999999999999999999",
    "tempo = nan",
    "tempo = inf",
    "tempo = -0.0",
    "seconds = 1e400",
    "at = 2026-11-27T19:30:00",
    "at = 2026-11-27",
    "recorded = 2026-02-30",
    "recorded = 10:30:00",
    'by = "ZqxCanary"',
    'by = "Ana Reyes"',
    'between = ["ana", "ana"]',
    'between = ["ana"]',
    'kind = "other"',
    'status = "maybe"',
    'neck = { status = "no", only = ["sometimes"] }',
    "x = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "y = " + "[" * 400 + "]" * 400,
    'name = """',
    "name = '''unterminated",
    'title = "\\uD800"',
    "= 1",
    'a."b".c = 1',
    "\ufeff",
    "\x00",
    "#" + "\u202e" * 3,
)

CHAR_POOL = st.sampled_from(list("[]{}=\"'.,#\n\\ -_0123456789abcdefTFxyz\t\r")) | st.characters()


@st.composite
def text_mutants(draw: st.DrawFn) -> str:
    """A sample score with a few line- and character-level mutations."""
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "dup", "swap", "insert", "char", "cut", "value"]))
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "dup":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            lines.insert(i, draw(st.sampled_from(TRICKY_LINES)))
        elif kind == "char" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:k] + draw(CHAR_POOL) + lines[i][k + 1 :]
        elif kind == "cut":
            k = draw(st.integers(0, len(lines[i])))
            lines = [*lines[:i], lines[i][:k]]
        elif kind == "value" and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            tricky = draw(st.sampled_from(TRICKY_LINES))
            lines[i] = key + "=" + (tricky.split("=", 1)[1] if "=" in tricky else tricky)
    return "\n".join(lines)


def _toml_values(strings: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        strings,
        st.integers(-(2**63), 2**63 - 1),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.dates(),
        st.datetimes(),
        st.datetimes(timezones=st.just(UTC)),
        st.times(),
        st.sampled_from(["yes", "no", "ask", "pelvis", "groin", "kiss", "ana", "ben", "DS"]),
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["status", "only", "by", "on", "x"]), inner, max_size=3
            )
        ),
        max_leaves=6,
    )


CANARY_STRINGS = st.text(max_size=8).map(lambda s: f"{CANARY}{s}")
KEYS = st.sampled_from(
    ["title", "by", "to", "on", "with", "counts", "areas", "neck", "only", "who", "zzz", "tempo"]
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*prefix, index)))
    return found


def _at(root: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        root = root[part]
    return root


@st.composite
def structure_mutants(draw: st.DrawFn) -> str:
    """A sample score re-dumped after a few value-level edits; new strings carry the canary."""
    data = tomllib.loads(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent, last = _at(data, path[:-1]), path[-1]
        kind = draw(st.sampled_from(["replace", "drop", "add"]))
        if kind == "replace":
            parent[last] = draw(_toml_values(CANARY_STRINGS))
        elif kind == "drop":
            del parent[last]
        elif isinstance(parent, dict):
            parent[draw(KEYS)] = draw(_toml_values(CANARY_STRINGS))
        else:
            parent.append(draw(_toml_values(CANARY_STRINGS)))
    return tomli_w.dumps(data)


def _holds_for(text: str, *, no_echo: bool = False) -> None:
    """The property: a LoadError that renders sanely, or a score that saves and checks."""
    try:
        score = loads(text, path="fuzz.score.toml")
    except LoadError as error:
        assert error.problems, "a LoadError lists at least one problem"
        rendered = error.render()
        assert rendered.startswith("fuzz.score.toml")
        last_line = text.count("\n") + 2
        for problem in error.problems:
            assert problem.message
            assert problem.line is None or 1 <= problem.line <= last_line
        if no_echo:
            assert CANARY not in rendered, rendered
        return
    saved = dumps(score)
    again = loads(saved)
    assert again == score
    assert dumps(again) == saved
    check(score)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_mutants())
def test_text_mutants_load_or_fail_cleanly(text: str) -> None:
    _holds_for(text)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structure_mutants())
def test_structure_mutants_load_or_fail_without_echoing_values(text: str) -> None:
    _holds_for(text, no_echo=True)


@st.composite
def byte_mutants(draw: st.DrawFn) -> bytes:
    """A sample score's bytes with a few bytes overwritten (bad UTF-8 included)."""
    raw = bytearray(draw(st.sampled_from(SEEDS)).encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
    return bytes(raw)


def _bytes_hold_for(raw: bytes) -> None:
    """Bytes read from disk: a LoadError that renders, or a score."""
    try:
        loads_bytes(raw, "fuzz.score.toml")
    except LoadError as error:
        assert error.render()


@settings(max_examples=EXAMPLES // 2, deadline=None)
@given(byte_mutants())
def test_byte_flips_load_or_fail_cleanly(raw: bytes) -> None:
    _bytes_hold_for(raw)


def test_the_seeds_themselves_load() -> None:
    assert len(SEEDS) >= 3
    for seed in SEEDS:
        _holds_for(seed)


def _all_models() -> list[type[BaseModel]]:
    """Every pydantic model defined anywhere in notation or choreo_tui."""
    import choreo_tui

    for package in (notation, choreo_tui):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not module.name.endswith("__main__"):  # that one runs the command
                importlib.import_module(module.name)
    found: set[type[BaseModel]] = set()
    stack = list(BaseModel.__subclasses__())
    while stack:
        model = stack.pop()
        if model not in found:
            found.add(model)
            stack.extend(model.__subclasses__())
    ours = [m for m in found if m.__module__.startswith(("notation", "choreo_tui"))]
    return sorted(ours, key=lambda m: m.__name__)


def test_every_model_hides_input_in_errors() -> None:
    models = _all_models()
    assert {"Score", "Performer", "Beat", "Touch", "Boundaries", "Rider"} <= {
        m.__name__ for m in models
    }
    for model in models:
        assert model.model_config.get("hide_input_in_errors") is True, model.__name__


def test_a_validation_error_never_shows_the_input() -> None:
    import pydantic

    try:
        notation.model.Performer.model_validate({"id": f"Bad {CANARY}", "name": 7})
    except pydantic.ValidationError as error:
        assert CANARY not in str(error)
        assert CANARY not in repr(error.errors(include_input=False))
    else:
        raise AssertionError("an invalid id must not validate")


def test_odd_but_valid_numbers_save_to_the_same_value() -> None:
    seed = next(s for s in SEEDS if "\ntempo = " in s)
    line = next(x for x in seed.split("\n") if x.startswith("tempo = "))
    for value in (1e-300, 0.1 + 0.2, 1e21, 2.5e-7, 7):
        _holds_for(seed.replace(line, f"tempo = {value!r}", 1))
