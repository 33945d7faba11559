"""Reading and driving an app in tmux, for the real-terminal probes."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SOCKET = f"choreo-bench-{os.getpid()}"
"""The probe's own tmux server: it never meets anyone else's sessions."""


def tmux(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run one tmux command against the probe's own server."""
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=check
    )


@contextmanager
def server() -> Iterator[None]:
    """Keep the probe's tmux server up while the probe runs, then stop it.

    tmux stops its server when its last session ends, and a session started while it
    stops fails (``new-session`` exit 1, seen between two runs of a probe): an idle
    session holds the server up from the first app to the last.
    """
    tmux("new-session", "-d", "-s", "keep", "sleep", "86400", check=True)
    socket = tmux("display-message", "-p", "#{socket_path}").stdout.strip()
    try:
        yield
    finally:
        tmux("kill-server")
        # tmux leaves a killed server's socket file behind: one per run otherwise.
        if socket:
            Path(socket).unlink(missing_ok=True)


def capture(session: str) -> str:
    """The screen of ``session`` as the terminal shows it (with its escape codes)."""
    return tmux("capture-pane", "-p", "-e", "-t", session).stdout


def send(session: str, *keys: str) -> None:
    """Type ``keys`` into ``session`` (tmux key names, or ``-l`` then literal text)."""
    tmux("send-keys", "-t", session, *keys)


def wait_still(session: str, needle: str, quiet: float, limit: float) -> bool:
    """Wait up to ``limit`` seconds until the screen shows ``needle`` and stays unchanged
    for ``quiet`` seconds."""
    deadline = time.monotonic() + limit
    last, since = "", time.monotonic()
    while time.monotonic() < deadline:
        screen = capture(session)
        if screen != last:
            last, since = screen, time.monotonic()
        elif needle in screen and time.monotonic() - since >= quiet:
            return True
        time.sleep(0.05)
    return False


def press_timed(session: str, key: str, quiet: float) -> tuple[float, float] | None:
    """Send ``key`` and poll the screen as fast as it can: seconds to its first change and
    to its last change before it stays still for ``quiet`` seconds; None when the key
    changed nothing within five seconds (at the end of a list, say)."""
    screen = capture(session)
    t0 = time.perf_counter()
    send(session, key)
    first = last = None
    while True:
        now = capture(session)
        at = time.perf_counter()
        if now != screen:
            screen, last = now, at
            if first is None:
                first = at
        if first is not None and last is not None and at - last >= quiet:
            return first - t0, last - t0
        if first is None and at - t0 > 5.0:
            return None
