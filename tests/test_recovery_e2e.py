"""End to end: edit in the real app, kill -9 it, start it again, get the edits back.

The app runs as ``python -m choreo_tui FILE`` in a pseudo-terminal, as a user
runs it. The test waits on observable facts (a lock file, a recovery copy, a
line on screen, the file on disk), each with a generous deadline that only
bounds a failure; nothing is timed.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from factories import beat, performer, score

from choreo_tui.lock import lock_path_of
from choreo_tui.recovery import STATE_ENV, RecoveryCopy
from notation import LoadError, load, save

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="needs a POSIX pseudo-terminal and SIGKILL"
)

DEADLINE = 60.0
"""Seconds before a step counts as failed (a slow shared machine must still pass)."""

_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[@-Z\\-_]")


class Terminal:
    """The app in a pseudo-terminal: keys in, screen text out."""

    def __init__(self, path: Path, state: Path) -> None:
        import pty

        self.master, slave = pty.openpty()
        _set_size(slave, rows=30, cols=100)
        env = {
            **os.environ,
            STATE_ENV: str(state),
            "TERM": "xterm-256color",
            # The user's own keymap must not change the keys this test presses.
            "XDG_CONFIG_HOME": str(state / "config"),
            "COLUMNS": "100",
            "LINES": "30",
        }
        env.pop("TEXTUAL", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "choreo_tui", str(path)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=path.parent,
            start_new_session=True,
        )
        os.close(slave)
        self.output: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.append(chunk.decode("utf-8", errors="replace"))

    def text(self) -> str:
        """Everything the app drew so far, without terminal escapes."""
        return _ESCAPES.sub("", "".join(self.output))

    def press(self, keys: str) -> None:
        """Type raw bytes at the keyboard (``"\\x13"`` is ctrl+s)."""
        os.write(self.master, keys.encode())

    def kill(self) -> None:
        """SIGKILL: no cleanup of any kind runs in the app."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=DEADLINE)

    def close(self) -> None:
        """Make sure the app is gone and the terminal closed."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=DEADLINE)
        os.close(self.master)


def _set_size(fd: int, rows: int, cols: int) -> None:
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def wait_for(what: str, condition: Callable[[], object], term: Terminal | None = None) -> None:
    """Wait until ``condition()`` is true; fail with the screen so far if it never is."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if condition():
            return
        if term is not None and term.proc.poll() is not None:
            break
        time.sleep(0.05)
    screen = term.text()[-3000:] if term is not None else ""
    pytest.fail(f"never saw: {what}\n--- screen so far ---\n{screen}")


def beats_in_copy(path: Path) -> int:
    found = RecoveryCopy(path).read()
    return len(found.score.beats) if found is not None else -1


def beats_on_disk(path: Path) -> int:
    try:
        return len(load(path).beats)
    except LoadError:
        return -1


def test_edit_kill_restart_and_recover(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    state = tmp_path / "state"
    monkeypatch.setenv(STATE_ENV, str(state))
    path = tmp_path / "orchard.score.toml"
    people = (performer("ana", "Ana Ruiz"), performer("ben", "Ben Okafor"))
    save(score(beat(title="approach"), beat(title="still"), performers=people), path)
    before = path.read_bytes()

    first = Terminal(path, state)
    try:
        wait_for("the editor on screen", lambda: "approach" in first.text(), first)
        wait_for("the lock", lock_path_of(path).exists, first)
        first.press("a")  # add a beat: an unsaved edit
        wait_for("the edit in the recovery copy", lambda: beats_in_copy(path) == 3, first)
        first.kill()
    finally:
        first.close()
    assert path.read_bytes() == before, "nothing was saved: the edit lives only in the copy"
    assert lock_path_of(path).exists(), "a killed editor leaves its lock behind"

    second = Terminal(path, state)
    try:
        wait_for(
            "the offer to restore", lambda: "Unsaved edits were found" in second.text(), second
        )
        second.press("r")
        wait_for("the restored edit", lambda: "Restored the unsaved edits" in second.text(), second)
        second.press("\x13")  # ctrl+s
        wait_for("the edit saved to the file", lambda: beats_on_disk(path) == 3, second)
        wait_for("the copy removed after a clean save", lambda: not RecoveryCopy(path).exists())
        second.press("\x11")  # ctrl+q
        wait_for("the app to quit", lambda: second.proc.poll() is not None, None)
    finally:
        second.close()
    assert second.proc.returncode == 0
    assert not lock_path_of(path).exists(), "a clean quit releases the lock"
    assert [b.title for b in load(path).beats] == ["approach", "", "still"]
