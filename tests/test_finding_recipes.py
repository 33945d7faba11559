"""Message recipes and beat findings: the cheap forms a check builds give the same
words and lines as the plain ones, and leave nothing young for the collector."""

from __future__ import annotations

import gc

import pytest
from conftest import SAMPLES

from notation import Finding, check, load
from notation.findings import BeatFinding


def _words(name: str, beat: int) -> str:
    return f"{name} on beat {beat}"


def test_a_recipe_is_built_once_when_read_and_compares_as_its_words() -> None:
    calls: list[str] = []

    def build(name: str) -> str:
        calls.append(name)
        return _words(name, 2)

    lazy = Finding(2, "B101", (build, "Ana"), 5)
    assert calls == []
    assert lazy == Finding(2, "B101", "Ana on beat 2", 5)
    assert lazy.message == "Ana on beat 2"
    assert calls == ["Ana"]


def test_a_beat_finding_finds_the_same_line_as_a_locator() -> None:
    score = load(SAMPLES / "problems-demo.score.toml")
    for f in check(score):
        if f.beat is None:
            continue
        assert isinstance(f, BeatFinding)
        path: tuple[str | int, ...] = ("beats", f.beat - 1)
        if f.touch is not None:
            path += ("touches", f.touch)
        assert f.line == score.line_of(*path)
        with pytest.raises(AttributeError):
            f.beat = 1


def test_a_check_leaves_its_findings_old_and_the_collector_as_it_was() -> None:
    score = load(SAMPLES / "problems-demo.score.toml")
    big = score.replace(beats=score.beats * 400)
    # An editor test earlier in the session may have frozen its score (heap.settle),
    # and a check leaves frozen objects alone.
    gc.unfreeze()
    was = gc.isenabled()
    found = check(big)
    assert len(found) > 1000
    assert gc.isenabled() == was
    assert gc.get_freeze_count() == 0
    young = {id(o) for o in (*gc.get_objects(generation=0), *gc.get_objects(generation=1))}
    assert not any(id(f) in young for f in found)


def test_a_beat_finding_refuses_every_change_once_made() -> None:
    # BeatFinding is writable only inside its own __init__ (see its docstring):
    # every finding a caller holds must refuse changes, slot by slot.
    score = load(SAMPLES / "problems-demo.score.toml")
    found = [f for f in check(score) if f.beat is not None]
    made = BeatFinding(1, "T501", "words", None, score.line_of)
    assert found
    for finding in (*found, made):
        assert isinstance(finding, BeatFinding)
        for name in ("beat", "code", "touch", "order", "_message", "_line", "_locate", "other"):
            with pytest.raises(AttributeError):
                setattr(finding, name, 1)
    assert made.line == score.line_of("beats", 0)
    assert made == Finding(1, "T501", "words", score.line_of("beats", 0))
