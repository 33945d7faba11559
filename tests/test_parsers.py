"""tomli and tomllib read every score the same: same scores, same load errors.

The bulk of the proof is the load-error, fuzz and round-trip modules, which run
under both parsers (``parser_fixtures.every_parser``); these tests check the
switch itself and compare the two directly on the samples and broken variants.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES

import notation
from notation import parsing

BROKEN = (
    "a = ",
    "format = 'choreo-score'\nversion = 1\nversion = 2\n",
    "[scene\n",
    'format = "choreo-score\n',
    "a = [1,",
    "a = {b=1",
    "a = 1 2",
    "[[a]]\n[a]",
    "a = 1979-05-27T",
    'a = "\\q"',
    "x.y = 1\nx = 2",
    'a = """abc',
    "a = 1\n\n[t]\nb = tru",
    "a = " + "[" * 3000 + "]" * 3000,
)


def _read(name: str, text: str) -> object:
    before = parsing.use(name)
    try:
        score = notation.loads(text, "x.score.toml")
    except notation.LoadError as error:
        return ("error", error.render())
    finally:
        parsing.use(before)
    return ("score", score, notation.dumps(score))


def _variants(text: str) -> list[str]:
    return [
        text,
        text.replace("\n", "\r\n"),
        text.replace("[scene]", "[scene", 1),
        text.replace('on = "', 'on = "elbow', 1),
        text.replace("[scene]\n", "[scene]\ncolour = 1\n", 1),
        text.replace("version = 1", "version = 9", 1),
        text[: len(text) // 2],
    ]


needs_tomli = pytest.mark.skipif("tomli" not in parsing.PARSERS, reason="tomli not installed")


@needs_tomli
@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.score.toml")))
def test_both_parsers_read_each_sample_and_its_broken_variants_alike(sample: str) -> None:
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    for variant in _variants(text):
        assert _read("tomli", variant) == _read("tomllib", variant)


@needs_tomli
@pytest.mark.parametrize("text", BROKEN)
def test_both_parsers_report_a_syntax_error_alike(text: str) -> None:
    tomli, tomllib = _read("tomli", text), _read("tomllib", text)
    assert tomli == tomllib
    assert isinstance(tomli, tuple) and tomli[0] == "error"


def test_use_switches_the_parser_and_refuses_an_unknown_one() -> None:
    before = parsing.use("tomllib")
    try:
        assert parsing.current() == "tomllib"
        with pytest.raises(KeyError):
            parsing.use("toml-of-my-own")
        assert parsing.current() == "tomllib"
    finally:
        parsing.use(before)


@needs_tomli
def test_the_compiled_parser_is_the_default() -> None:
    code = "from notation import parsing; print(parsing.current())"
    env = {k: v for k, v in os.environ.items() if k != "CHOREO_TOML_PARSER"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "tomli"


def test_the_environment_can_force_the_fallback() -> None:
    code = "from notation import parsing; print(parsing.current())"
    env = {**os.environ, "CHOREO_TOML_PARSER": "tomllib"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "tomllib"


def test_loading_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    import gc

    text = (SAMPLES / sorted(p.name for p in SAMPLES.glob("*.score.toml"))[0]).read_text()
    assert gc.isenabled()
    notation.loads(text)
    assert gc.isenabled()
    with pytest.raises(notation.LoadError):
        notation.loads("[scene")
    assert gc.isenabled()
    gc.disable()
    try:
        notation.loads(text)
        assert not gc.isenabled()
    finally:
        gc.enable()
