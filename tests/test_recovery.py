"""Recovery copies: private, atomic, never beside the score, gone after a save or discard."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from choreo_tui.recovery import (
    STATE_ENV,
    RecoveryCopy,
    RecoveryWriter,
    score_key,
    state_dir,
)
from notation import Performer, Score, save
from notation.model import Scene
from notation.stamp import Stamp

ROOT = Path(__file__).resolve().parent.parent
CANARY = "Quillfeather"
"""A name that must vanish from every copy once its performer is deleted."""


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setenv(STATE_ENV, str(folder))
    return folder


@pytest.fixture
def score_path(tmp_path: Path) -> Path:
    shared = tmp_path / "shared"
    shared.mkdir()
    return shared / "orchard.score.toml"


def _score(title: str = "The orchard", *, with_canary: bool = True) -> Score:
    performers = [Performer(id="ana", name="Ana Reyes")]
    if with_canary:
        performers.append(
            Performer(id="maya", name=f"Maya {CANARY}", private_notes=f"{CANARY} knee")
        )
    return Score(scene=Scene(title=title), performers=tuple(performers))


def _wait_for(condition: object, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_copy_round_trips_with_its_base_stamp(state: Path, score_path: Path) -> None:
    save(_score(), score_path)
    base = Stamp.read(score_path)
    copy = RecoveryCopy(score_path)
    copy.write(_score("Edited"), base)
    found = copy.read()
    assert found is not None
    assert found.score == _score("Edited")
    assert found.base == base


def test_the_copy_is_private_and_never_beside_the_score(state: Path, score_path: Path) -> None:
    save(_score(), score_path)
    copy = RecoveryCopy(score_path)
    copy.write(_score("Edited"))
    assert copy.file.is_relative_to(state_dir())
    # Beside the score: the score and the schema its first line names, nothing else.
    assert sorted(p.name for p in score_path.parent.iterdir()) == sorted(
        [score_path.name, "score-1.schema.json"]
    )
    assert _mode(copy.file) == 0o600
    assert _mode(state) == 0o700
    assert _mode(copy.file.parent) == 0o700
    # The file name says nothing about the scene.
    assert "orchard" not in copy.file.name


def test_an_existing_loose_state_folder_is_tightened(state: Path, score_path: Path) -> None:
    state.mkdir(mode=0o755)
    state.chmod(0o755)
    RecoveryCopy(score_path).write(_score())
    assert _mode(state) == 0o700


def test_one_key_per_file_however_it_is_named(
    state: Path, score_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    score_path.write_text("")
    link = score_path.parent.parent / "link.score.toml"
    link.symlink_to(score_path)
    monkeypatch.chdir(score_path.parent)
    assert score_key(score_path) == score_key("orchard.score.toml") == score_key(link)
    assert score_key(score_path) != score_key(score_path.with_name("other.score.toml"))


def test_discard_removes_the_copy(state: Path, score_path: Path) -> None:
    copy = RecoveryCopy(score_path)
    copy.write(_score())
    assert copy.exists()
    copy.discard()
    assert not copy.exists()
    assert copy.read() is None
    copy.discard()  # twice is fine


def test_an_unreadable_copy_is_set_aside_not_deleted(state: Path, score_path: Path) -> None:
    copy = RecoveryCopy(score_path)
    copy.write(_score())
    copy.file.write_text("{ not json")
    assert copy.read() is None
    assert not copy.exists()
    aside = list(copy.file.parent.glob("*.unreadable-*.json"))
    assert len(aside) == 1
    assert aside[0].read_text() == "{ not json"


def test_another_scores_copy_is_left_alone(state: Path, score_path: Path) -> None:
    copy = RecoveryCopy(score_path)
    copy.write(_score())
    record = json.loads(copy.file.read_text())
    record["path"] = "/somewhere/else.score.toml"
    copy.file.write_text(json.dumps(record))
    assert copy.read() is None
    assert copy.exists()


def test_deleting_a_performer_removes_them_from_the_copy_at_its_next_write(
    state: Path, score_path: Path
) -> None:
    copy = RecoveryCopy(score_path)
    copy.write(_score(with_canary=True))
    assert CANARY in copy.file.read_text()
    copy.write(_score(with_canary=False))
    for path in state.rglob("*"):
        if path.is_file():
            assert CANARY not in path.read_text(errors="replace"), path


def test_the_writer_catches_up_without_being_asked(state: Path, score_path: Path) -> None:
    copy = RecoveryCopy(score_path)
    writer = RecoveryWriter(copy)
    writer.submit(_score("One"))
    assert _wait_for(copy.exists)
    found = copy.read()
    assert found is not None and found.score.scene.title == "One"
    writer.close()


def test_the_latest_submission_wins(state: Path, score_path: Path) -> None:
    copy = RecoveryCopy(score_path)
    writer = RecoveryWriter(copy, quiet=60, most=60)
    for title in ("One", "Two", "Three"):
        writer.submit(_score(title))
    writer.close()
    found = copy.read()
    assert found is not None and found.score.scene.title == "Three"


def test_discard_wins_over_pending_edits(state: Path, score_path: Path) -> None:
    copy = RecoveryCopy(score_path)
    writer = RecoveryWriter(copy, quiet=60, most=60)
    writer.submit(_score("One"))
    writer.flush()
    assert copy.exists()
    writer.submit(_score("Two"))
    writer.discard()
    writer.close()
    assert not copy.exists()


def test_a_write_taken_before_a_discard_is_dropped(state: Path, score_path: Path) -> None:
    copy = RecoveryCopy(score_path)
    writer = RecoveryWriter(copy)
    stale_generation = writer._generation
    writer.discard()
    writer._write((_score("Stale"), None), stale_generation)
    assert not copy.exists()


def test_a_failing_state_folder_is_reported_not_raised(
    tmp_path: Path, score_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv(STATE_ENV, str(blocker))
    writer = RecoveryWriter(RecoveryCopy(score_path))
    writer.submit(_score())
    writer.close()
    assert writer.error is not None
    assert CANARY not in writer.error
    assert writer.writes == 0


def test_a_killed_saver_never_leaves_a_torn_file_or_temp_files(tmp_path: Path) -> None:
    """The fast run of stress/kill_save.py: a few SIGKILLs mid-save (the slow run does 200)."""
    if os.name != "posix":
        pytest.skip("SIGKILL is POSIX")
    result = subprocess.run(
        [sys.executable, str(ROOT / "stress" / "kill_save.py"), "--rounds", "12"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, STATE_ENV: str(tmp_path / "state")},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_save_removes_temp_files_of_dead_writers_only(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("writer pids are only probed on POSIX")
    target = tmp_path / "orchard.score.toml"
    dead = tmp_path / ".orchard.score.toml.999999999.k2j4.tmp"
    alive = tmp_path / f".orchard.score.toml.{os.getppid()}.x8q1.tmp"
    other_score = tmp_path / ".lantern.score.toml.999999999.abcd.tmp"
    for path in (dead, alive, other_score):
        path.write_text("half a score")
    save(_score(), target)
    assert not dead.exists()
    assert alive.exists(), "a live writer's temp file must be left to it"
    assert other_score.exists(), "only this score's temp files are swept"
