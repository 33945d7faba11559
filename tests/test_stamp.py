"""The file fingerprint taken at open says whether a score changed on disk since."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from notation import LoadError, Score, dumps
from notation.model import Scene
from notation.stamp import DiskState, Stamp, load_stamped


@pytest.fixture
def score_file(tmp_path: Path) -> Path:
    path = tmp_path / "orchard.score.toml"
    path.write_text(dumps(Score(scene=Scene(title="The orchard"))), encoding="utf-8")
    return path


def test_load_stamped_reads_the_score_and_stamps_its_bytes(score_file: Path) -> None:
    score, stamp = load_stamped(score_file)
    assert score.scene.title == "The orchard"
    assert stamp.size == score_file.stat().st_size
    assert stamp.mtime_ns == score_file.stat().st_mtime_ns
    assert stamp == Stamp.read(score_file)
    assert stamp.state(score_file) is DiskState.SAME
    assert not stamp.changed(score_file)


def test_an_edit_of_another_size_is_a_change(score_file: Path) -> None:
    _, stamp = load_stamped(score_file)
    score_file.write_text(score_file.read_text() + "\n# a colleague's comment\n")
    assert stamp.state(score_file) is DiskState.CHANGED
    assert stamp.changed(score_file)


def test_an_edit_that_keeps_size_and_mtime_is_still_a_change(score_file: Path) -> None:
    _, stamp = load_stamped(score_file)
    before = score_file.stat()
    text = score_file.read_text()
    score_file.write_text(text.replace("orchard", "orchaRD"))
    # A coarse network clock can leave the mtime as it was: the hash must still tell.
    os.utime(score_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert score_file.stat().st_size == stamp.size
    assert stamp.state(score_file) is DiskState.CHANGED


def test_touch_alone_is_not_a_change(score_file: Path) -> None:
    _, stamp = load_stamped(score_file)
    os.utime(score_file, ns=(1, stamp.mtime_ns + 5_000_000_000))
    assert stamp.state(score_file) is DiskState.SAME


def test_a_deleted_or_moved_file_is_missing(score_file: Path) -> None:
    _, stamp = load_stamped(score_file)
    score_file.rename(score_file.with_suffix(".moved"))
    assert stamp.state(score_file) is DiskState.MISSING
    assert stamp.changed(score_file)
    assert "deleted or moved" in DiskState.MISSING.words


def test_a_file_replaced_by_a_folder_counts_as_changed(score_file: Path) -> None:
    _, stamp = load_stamped(score_file)
    score_file.unlink()
    score_file.mkdir()
    assert stamp.changed(score_file)


def test_read_of_a_missing_file_is_none(tmp_path: Path) -> None:
    assert Stamp.read(tmp_path / "nothing.score.toml") is None


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "folder"),
        (lambda p: p.write_bytes(b"\xff\xfe not utf-8"), "UTF-8"),
        (lambda p: p.write_text("format = 'nope'\n"), "not a Choreo score"),
    ],
)
def test_load_stamped_raises_only_load_error(tmp_path: Path, make: object, words: str) -> None:
    path = tmp_path / "bad.score.toml"
    make(path)  # type: ignore[operator]
    with pytest.raises(LoadError) as caught:
        load_stamped(path)
    assert words in caught.value.render()
    assert caught.value.path == str(path)
