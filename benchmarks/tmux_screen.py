"""Reading and driving an app in tmux, for the real-terminal probes."""

from __future__ import annotations

import subprocess
import time


def capture(session: str) -> str:
    """The screen of ``session`` as the terminal shows it (with its escape codes)."""
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-e", "-t", session],
        capture_output=True,
        text=True,
        check=False,
    ).stdout


def send(session: str, *keys: str) -> None:
    """Type ``keys`` into ``session`` (tmux key names, or ``-l`` then literal text)."""
    subprocess.run(["tmux", "send-keys", "-t", session, *keys], check=False)


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
