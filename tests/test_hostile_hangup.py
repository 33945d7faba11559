"""Locks that free themselves: SIGHUP and SIGTERM release, a dead holder is stale (item 6).

The editor runs in a real process on a pseudo-terminal, as a user's would.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories import beat, performer, score

from choreo_tui.lock import ScoreLock, lock_path_of
from choreo_tui.recovery import RecoveryCopy
from notation import save

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals and ptys are POSIX")


def _drain(fd: int, seconds: float) -> None:
    """Read what the app draws (a full pty would block it) for ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def _editor(path: Path, state: Path) -> tuple[subprocess.Popen[bytes], int]:
    leader, follower = pty.openpty()
    env = {**os.environ, "CHOREO_STATE_DIR": str(state), "TERM": "xterm-256color"}
    env.pop("TEXTUAL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "choreo_tui", str(path)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    return process, leader


def _wait_for(condition: object, fd: int, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():  # type: ignore[operator]
            return True
        _drain(fd, 0.1)
    return False


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["HUP", "TERM"])
def test_the_signal_releases_the_lock_and_keeps_unsaved_edits(
    tmp_path: Path, private_state: Path, signum: int
) -> None:
    path = tmp_path / "scene.score.toml"
    save(score(beat(title="one"), performers=(performer("ana"),)), path)
    lock = lock_path_of(path)
    process, fd = _editor(path, private_state)
    try:
        assert _wait_for(lock.exists, fd), "the editor never took the lock"
        _drain(fd, 1.0)
        os.write(fd, b"a")  # an unsaved edit: a new beat
        assert _wait_for(RecoveryCopy(path).exists, fd), "the edit never reached the copy"
        process.send_signal(signum)
        assert _wait_for(lambda: process.poll() is not None, fd, 30)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(fd)
    assert not lock.exists(), "the lock was left behind"
    again = ScoreLock(path)
    assert again.acquire() is None and again.stale is None
    again.release()
    kept = RecoveryCopy(path).read()
    assert kept is not None and len(kept.score.beats) == 2, "unsaved edits must survive"


def test_a_lock_whose_process_is_gone_is_stale_at_once(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    path.write_text("x")
    holder = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys\n"
            "from choreo_tui.lock import ScoreLock\n"
            f"lock = ScoreLock({str(path)!r})\n"
            "assert lock.acquire() is None\n"
            "os._exit(0)  # dies holding it, as a kill -9 would leave it\n",
        ],
        check=True,
    )
    assert holder.returncode == 0
    assert lock_path_of(path).exists()
    lock = ScoreLock(path)
    assert lock.acquire() is None, "a dead holder's lock must not make the score read-only"
    assert lock.stale is not None
    lock.release()
