"""Copies written beside a score (``notation.copies``): the coordinator's own copy after a
change on disk, and the director's copy. Free names, 0600, never over another file."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from notation import SaveError, load
from notation.copies import (
    copy_name,
    export_name,
    free_export_name,
    free_name,
    save_copy,
    write_export,
)
from notation.model import Beat, Performer, Scene, Score, Timing

SECRET = "knee injury from the fall"


def _score(beats: int = 1) -> Score:
    return Score(
        scene=Scene(title="The orchard", self_care_cue="hold", private_notes=SECRET),
        performers=(Performer(id="ana", name="Ana Reyes", private_notes=SECRET),),
        beats=tuple(Beat(title=f"beat {i + 1}", timing=Timing(counts=4)) for i in range(beats)),
    )


def test_a_copy_goes_beside_the_score_under_a_new_name(tmp_path: Path) -> None:
    path = tmp_path / "orchard.score.toml"
    when = datetime(2026, 11, 27, 19, 30)
    assert copy_name(path, when).name == "orchard.copy-20261127-1930.score.toml"
    first = save_copy(path, _score(2))
    second = save_copy(path, _score(3))
    assert first != second
    assert first.parent == second.parent == tmp_path
    assert load(first) == _score(2)
    assert load(second) == _score(3)
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert not path.exists(), "the score itself is never touched"


def test_a_copy_of_a_file_not_named_score_toml_keeps_its_ending(tmp_path: Path) -> None:
    when = datetime(2026, 11, 27, 19, 30)
    assert copy_name(tmp_path / "scene.toml", when).name == "scene.copy-20261127-1930.toml"


def test_a_copy_name_taken_in_the_same_minute_counts_up(tmp_path: Path) -> None:
    when = datetime(2026, 11, 27, 19, 30)
    (tmp_path / "orchard.copy-20261127-1930.score.toml").touch()
    (tmp_path / "scene.copy-20261127-1930").touch()
    taken = copy_name(tmp_path / "orchard.score.toml", when)
    assert taken.name == "orchard.copy-20261127-1930-2.score.toml"
    assert copy_name(tmp_path / "scene", when).name == "scene.copy-20261127-1930-2"


def test_a_copy_that_cannot_be_written_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "orchard.score.toml"

    def full(source: str | Path, target: str | Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(SaveError, match="No space left"):
        save_copy(path, _score())
    assert list(tmp_path.iterdir()) == [], "neither the copy's name nor a temp file is left"


def test_free_name_counts_up_before_the_ending(tmp_path: Path) -> None:
    assert free_name(tmp_path, "orchard.score.toml") == tmp_path / "orchard.score.toml"
    (tmp_path / "orchard.score.toml").write_text("")
    (tmp_path / "orchard-2.score.toml").write_text("")
    assert free_name(tmp_path, "orchard.score.toml") == tmp_path / "orchard-3.score.toml"
    (tmp_path / "a.director.html").write_text("")
    assert free_name(tmp_path, "a.director.html", ".html") == tmp_path / "a.director-2.html"


def test_an_export_is_named_after_the_score_and_its_format(tmp_path: Path) -> None:
    source = tmp_path / "orchard.score.toml"
    assert export_name(source, "html").name == "orchard.director.html"
    assert export_name(source, "md").name == "orchard.director.md"
    assert export_name(source, "toml").name == "orchard.director.score.toml"
    assert export_name(tmp_path / "scene.toml", "md").name == "scene.director.md"
    (tmp_path / "orchard.director.score.toml").write_text("")
    assert free_export_name(source, "toml").name == "orchard.director-2.score.toml"


def test_an_export_is_private_never_replaces_a_copy_and_holds_no_private_notes(
    tmp_path: Path,
) -> None:
    source = tmp_path / "orchard.score.toml"
    first = write_export(_score(2), source, "md", with_boundaries=False)
    second = write_export(_score(2), source, "md", with_boundaries=False)
    assert (first.name, second.name) == ("orchard.director.md", "orchard.director-2.md")
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert "beat 2" in first.read_text()
    assert SECRET not in first.read_text()
    assert not source.exists()


def test_an_export_holds_the_lock_and_takes_a_name_freed_under_it(tmp_path: Path) -> None:
    source = tmp_path / "orchard.score.toml"
    held: list[Path] = []

    @contextlib.contextmanager
    def hold(target: Path) -> Iterator[None]:
        held.append(target)
        # Another writer took the name between choosing it and taking the lock.
        target.write_text("theirs")
        yield

    written = write_export(_score(), source, "html", with_boundaries=False, hold=hold)
    assert held == [tmp_path / "orchard.director.html"]
    assert (tmp_path / "orchard.director.html").read_text() == "theirs"
    assert written.name == "orchard.director-2.html"
