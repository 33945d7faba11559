"""Safekeeping ties the lock, the stamp and the recovery copy to the editor's life."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from choreo_tui.recovery import RecoveryCopy
from choreo_tui.safekeeping import Safekeeping
from notation import Score, save
from notation.model import Beat, Scene
from notation.stamp import DiskState, Stamp, load_stamped


def _score(beats: int) -> Score:
    return Score(
        scene=Scene(title="The orchard"), beats=tuple(Beat(title=f"b{i}") for i in range(beats))
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "orchard.score.toml"
    save(_score(1), target)
    return target


@pytest.fixture
def keeping() -> Iterator[Safekeeping]:
    keeper = Safekeeping()
    yield keeper
    keeper.close()


def _open(keeper: Safekeeping, path: Path) -> Score:
    score, stamp = load_stamped(path)
    keeper.claim(path, stamp, score)
    return score


def test_the_first_editor_may_write_and_keeps_a_copy_of_unsaved_edits(
    keeping: Safekeeping, path: Path
) -> None:
    _open(keeping, path)
    assert not keeping.read_only and keeping.offer is None
    keeping.changed(_score(2), dirty=True)
    keeping.flush()
    found = RecoveryCopy(path).read()
    assert found is not None and found.score == _score(2)
    assert found.base == Stamp.read(path)
    save(_score(2), path)
    keeping.saved()
    assert not RecoveryCopy(path).exists()
    assert keeping.disk_state() is DiskState.SAME


def test_a_second_editor_is_read_only_and_leaves_the_first_ones_copy_alone(
    keeping: Safekeeping, path: Path
) -> None:
    _open(keeping, path)
    keeping.changed(_score(3), dirty=True)
    keeping.flush()
    second = Safekeeping()
    try:
        _open(second, path)
        assert second.read_only
        assert second.busy is not None and "is editing this score" in second.busy.message
        assert second.offer is None, "a live editor's copy is not a crash to recover from"
        second.changed(_score(5), dirty=True)
        second.flush()
        second.discard()
    finally:
        second.close()
    found = RecoveryCopy(path).read()
    assert found is not None and found.score == _score(3)
    assert not keeping.read_only


def test_edits_left_by_a_dead_session_are_offered_then_restored(
    keeping: Safekeeping, path: Path
) -> None:
    RecoveryCopy(path).write(_score(4), Stamp.read(path))
    _open(keeping, path)
    assert keeping.offer is not None
    assert not keeping.disk_moved_on()
    # While the offer waits, new edits must not replace the copy.
    keeping.changed(_score(9), dirty=True)
    keeping.flush()
    assert RecoveryCopy(path).read().score == _score(4)  # type: ignore[union-attr]
    assert keeping.restore() == _score(4)
    assert keeping.offer is None
    keeping.changed(_score(4), dirty=True)
    keeping.flush()
    assert RecoveryCopy(path).read().score == _score(4)


def test_declined_edits_are_gone(keeping: Safekeeping, path: Path) -> None:
    RecoveryCopy(path).write(_score(4))
    _open(keeping, path)
    keeping.decline()
    assert keeping.offer is None
    assert not RecoveryCopy(path).exists()


def test_a_copy_equal_to_the_file_is_simply_removed(keeping: Safekeeping, path: Path) -> None:
    RecoveryCopy(path).write(_score(1))
    _open(keeping, path)
    assert keeping.offer is None
    assert not RecoveryCopy(path).exists()


def test_restoring_over_a_file_that_moved_on_makes_the_next_save_ask(
    keeping: Safekeeping, path: Path
) -> None:
    RecoveryCopy(path).write(_score(4), Stamp.read(path))
    save(_score(7), path)  # someone saved after those edits began
    _open(keeping, path)
    assert keeping.disk_moved_on()
    keeping.restore()
    assert keeping.disk_state() is DiskState.CHANGED


def test_undoing_back_to_the_saved_score_removes_the_copy(keeping: Safekeeping, path: Path) -> None:
    opened = _open(keeping, path)
    keeping.changed(_score(2), dirty=True)
    keeping.flush()
    assert RecoveryCopy(path).exists()
    keeping.changed(opened, dirty=False)
    assert not RecoveryCopy(path).exists()


def test_a_new_score_notices_a_file_that_appeared_meanwhile(
    keeping: Safekeeping, tmp_path: Path
) -> None:
    fresh = tmp_path / "new.score.toml"
    keeping.claim(fresh, None, None)
    assert keeping.disk_state() is DiskState.SAME
    save(_score(1), fresh)
    assert keeping.disk_state() is DiskState.CHANGED


def test_an_external_edit_is_noticed_and_a_reload_clears_it(
    keeping: Safekeeping, path: Path
) -> None:
    _open(keeping, path)
    keeping.changed(_score(2), dirty=True)
    save(_score(6), path)
    assert keeping.disk_state() is DiskState.CHANGED
    keeping.reloaded(Stamp.read(path))
    assert keeping.disk_state() is DiskState.SAME
    assert not RecoveryCopy(path).exists()


def test_closing_lets_the_next_editor_in(keeping: Safekeeping, path: Path) -> None:
    _open(keeping, path)
    keeping.close()
    other = Safekeeping()
    try:
        _open(other, path)
        assert not other.read_only
    finally:
        other.close()
