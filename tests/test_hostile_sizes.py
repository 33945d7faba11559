"""Numbers and sizes beyond sane limits are load errors, and checking stays linear.

Issue 11, item 4. Timings live in ``benchmarks/hostile_sizes.py``; here only
behaviour (refused with a line, never a traceback) and a count of passes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from factories import beat as make_beat
from factories import performer, score, touch

from notation import LoadError, check, loads
from notation.limits import MAX_BEATS, MAX_DIGITS

HEAD = 'format = "choreo-score"\nversion = 1\n[scene]\ntitle = "x"\n'
BIG = "9" * (MAX_DIGITS + 1)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f'format = "choreo-score"\nversion = {BIG}\n', 2),
        (HEAD + f"[[beats]]\ntitle = 'b'\ntiming = {{ counts = {BIG} }}\n", 7),
        (HEAD + f"[[beats]]\ntitle = 'b'\ntiming = {{ counts = {'9_' * MAX_DIGITS}9 }}\n", 7),
        (HEAD + f"[[beats]]\ntitle = 'b'\ncue = -{BIG}\n", 7),
    ],
    ids=["version", "counts", "underscored", "negative"],
)
def test_a_number_too_long_for_python_is_a_load_error_with_its_line(text: str, line: int) -> None:
    with pytest.raises(LoadError) as caught:
        loads(text)
    assert caught.value.line == line
    assert "digits" in caught.value.render()


def test_a_long_number_in_the_command_line_exits_2_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "big.score.toml"
    path.write_text(HEAD + f"[[beats]]\ntitle = 'b'\ntiming = {{ counts = {BIG} }}\n")
    done = subprocess.run(
        [sys.executable, "-m", "choreo_tui", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"{path}:7: error:" in done.stderr


def test_more_beats_than_the_limit_are_refused_before_validating() -> None:
    with pytest.raises(LoadError, match="beats"):
        loads(HEAD + "[[beats]]\n" * (MAX_BEATS + 1))


def test_a_million_marks_are_refused_before_parsing() -> None:
    with pytest.raises(LoadError, match="keys, list items and tables"):
        loads(HEAD + "notes = '" + "," * 1_000_001 + "'\n")


def test_a_score_at_the_beat_limit_still_loads() -> None:
    assert len(loads(HEAD + "[[beats]]\n" * MAX_BEATS).beats) == MAX_BEATS


class _CountedTouches(list[Any]):
    """A touch list that counts how often it is walked from the start."""

    walks = 0

    def __iter__(self) -> Any:
        type(self).walks += 1
        return super().__iter__()


def test_unknown_ids_are_found_in_one_pass_over_the_touches() -> None:
    # T505 once scanned every touch again for each unknown id: 20,000 took 38 s.
    unknown = [touch(by=f"x{i}", to="ana") for i in range(50)]
    beat = make_beat(*unknown)
    counted = _CountedTouches(beat.touches)
    beat = beat.model_construct(**{**dict(beat), "touches": counted})
    the_score = score(beat, performers=[performer("ana", "Ana Ruiz")])
    _CountedTouches.walks = 0
    found = [f for f in check(the_score) if f.code == "T505"]
    assert len(found) == 50
    assert sorted(f.touch or 0 for f in found) == list(range(50))
    assert _CountedTouches.walks <= 10  # a few rules walk them; never one walk per id


@pytest.mark.parametrize("value", ["1", '"many"', "{ title = 'b' }", "true"])
def test_beats_that_are_not_a_list_get_validations_message_not_a_crash(value: str) -> None:
    """The size limits run before validation: ``beats = 1`` once raised a TypeError there."""
    with pytest.raises(LoadError) as caught:
        loads(HEAD.replace("[scene]", f"beats = {value}\n[scene]"))
    assert "beats" in caught.value.render()
