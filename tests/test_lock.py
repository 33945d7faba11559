"""One editor per score: the second opens read-only and says who holds the lock."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from choreo_tui.lock import Busy, Holder, ScoreLock, lock_path_of, read_holder

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pid probing and modes are POSIX")


@pytest.fixture
def score_path(tmp_path: Path) -> Path:
    path = tmp_path / "orchard.score.toml"
    path.write_text("score text the lock must never touch\n")
    return path


def test_the_first_editor_gets_the_lock_on_a_sidecar_file(score_path: Path) -> None:
    before = score_path.read_bytes(), score_path.stat().st_mtime_ns
    lock = ScoreLock(score_path)
    assert lock.acquire() is None
    assert lock.held
    assert lock.file == score_path.with_name("orchard.score.toml.lock")
    assert lock.file.exists()
    assert stat.S_IMODE(lock.file.stat().st_mode) == 0o600
    assert (score_path.read_bytes(), score_path.stat().st_mtime_ns) == before
    assert lock.stale is None
    lock.release()
    assert not lock.held
    assert not lock.file.exists()


def test_a_second_editor_is_told_who_holds_it(score_path: Path) -> None:
    first, second = ScoreLock(score_path), ScoreLock(score_path)
    assert first.acquire() is None
    busy = second.acquire()
    assert isinstance(busy, Busy)
    assert not second.held
    holder = busy.holder
    assert holder is not None
    assert holder.pid == os.getpid()
    assert holder.host == socket.gethostname()
    assert holder.user
    assert holder.since is not None
    assert holder.since.date() == datetime.now().astimezone().date()
    text = busy.message
    assert text.startswith("Read-only:")
    assert f"process {os.getpid()}" in text
    assert holder.user in text
    assert socket.gethostname() in text
    assert " since " in text
    # Once the first editor closes, the next one gets in.
    first.release()
    assert second.acquire() is None
    second.release()


def test_links_and_relative_paths_share_one_lock(
    score_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = score_path.parent / "alias.score.toml"
    link.symlink_to(score_path)
    monkeypatch.chdir(score_path.parent)
    assert lock_path_of(link) == lock_path_of("orchard.score.toml") == lock_path_of(score_path)
    first = ScoreLock(link)
    assert first.acquire() is None
    assert isinstance(ScoreLock("orchard.score.toml").acquire(), Busy)
    first.release()


def _hold_in_child(score_path: Path) -> subprocess.Popen[str]:
    code = (
        "import sys, time\n"
        "from choreo_tui.lock import ScoreLock\n"
        "lock = ScoreLock(sys.argv[1])\n"
        "print('held' if lock.acquire() is None else 'busy', flush=True)\n"
        "time.sleep(600)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(score_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    return child


def test_a_lock_left_by_a_killed_editor_is_recovered(score_path: Path) -> None:
    child = _hold_in_child(score_path)
    try:
        busy = ScoreLock(score_path).acquire()
        assert isinstance(busy, Busy)
        assert busy.holder is not None and busy.holder.pid == child.pid
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.stdout is not None
        child.stdout.close()
    assert lock_path_of(score_path).exists(), "a killed editor cannot clean up"
    lock = ScoreLock(score_path)
    assert lock.acquire() is None
    assert lock.stale is not None and lock.stale.pid == child.pid
    holder = read_holder(lock.file)
    assert holder is not None and holder.pid == os.getpid()
    lock.release()


def test_a_lock_held_from_another_host_is_not_broken(score_path: Path) -> None:
    lock_file = lock_path_of(score_path)
    lock_file.write_text("4242\nrehearsal-room-laptop\n")
    busy = ScoreLock(score_path).acquire()
    assert isinstance(busy, Busy)
    assert "rehearsal-room-laptop" in busy.message
    assert "process 4242" in busy.message
    assert lock_file.read_text() == "4242\nrehearsal-room-laptop\n"


def test_a_folder_without_write_access_opens_read_only(score_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    score_path.parent.chmod(0o500)
    try:
        busy = ScoreLock(score_path).acquire()
    finally:
        score_path.parent.chmod(0o700)
    assert isinstance(busy, Busy)
    assert "cannot create a lock file" in busy.message


def test_acquire_twice_and_release_twice_are_harmless(score_path: Path) -> None:
    lock = ScoreLock(score_path)
    assert lock.acquire() is None
    assert lock.acquire() is None
    lock.release()
    lock.release()
    assert not lock.file.exists()


def test_an_unreadable_lock_file_still_names_what_it_can(tmp_path: Path) -> None:
    lock_file = tmp_path / "x.score.toml.lock"
    lock_file.write_bytes(b"\xff\xfe garbage")
    holder = read_holder(lock_file)
    assert holder is not None
    assert holder.pid is None and holder.host is None
    assert holder.since is not None
    assert read_holder(tmp_path / "none.lock") is None


def test_describe_reads_as_a_sentence() -> None:
    since = datetime(2026, 11, 20, 14, 2).astimezone()
    holder = Holder(user="ana", host="studio", pid=4242, since=since)
    assert holder.describe() == "ana on studio (process 4242) since 2026-11-20 14:02"
    assert Holder(None, None, None, None).describe() == "another user"


def test_a_new_scores_missing_folder_is_created_private(tmp_path: Path) -> None:
    lock = ScoreLock(tmp_path / "new" / "scene.score.toml")
    assert lock.acquire() is None
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    lock.release()
