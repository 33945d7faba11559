"""The benchmark's score generator: deterministic, valid and realistic."""

from __future__ import annotations

import importlib.util
import stat
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from notation import check, dumps, load, loads

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    """benchmarks/generate.py, imported by path (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    return module


def test_the_same_seed_gives_the_same_bytes(generator: ModuleType) -> None:
    """Anyone re-running the benchmark measures the very same score."""
    first = dumps(generator.generate(beats=60, seed=3))
    assert dumps(generator.generate(beats=60, seed=3)) == first
    assert dumps(generator.generate(beats=60, seed=4)) != first


def test_a_generated_score_reads_back_as_the_same_score(generator: ModuleType) -> None:
    """The text it writes is a valid format-1 score that loads to the same value."""
    score = generator.generate(beats=120)
    assert loads(dumps(score)) == score
    assert len(score.beats) == 120
    assert len(score.performers) == 6


def test_findings_are_a_realistic_minority_of_several_kinds(generator: ModuleType) -> None:
    """Most beats are clean; those that are not cross boundaries, timing and agreement."""
    score = generator.generate(beats=400)
    findings = check(score)
    beats_with = {f.beat for f in findings if f.beat is not None}
    assert 0.03 * 400 < len(beats_with) < 0.3 * 400
    codes = Counter(f.code for f in findings)
    assert {"B101", "B104", "B105", "T503", "C401"} <= codes.keys()


def test_the_score_has_every_kind_of_part(generator: ModuleType) -> None:
    """Touches, kisses, placements, timing, barriers, garments, bare areas and agreements."""
    score = generator.generate(beats=400)
    beats = score.beats
    assert all(b.touches and b.placements for b in beats)
    assert any(t.action == "kiss" for b in beats for t in b.touches)
    assert any(b.barriers for b in beats) and any(b.garments for b in beats)
    assert any(b.bare for b in beats) and any(b.agreed for b in beats)
    assert any(b.simulated for b in beats) and any("\n" in b.private_notes for b in beats)
    assert any(p.rider for p in score.performers) and any(p.minor for p in score.performers)


def test_write_puts_a_private_file_in_the_folder_given(
    generator: ModuleType, tmp_path: Path
) -> None:
    """The file is readable by its owner only, and loads."""
    path = generator.write(beats=5, out=tmp_path / "out")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(load(path).beats) == 5
