"""Shared fixtures (paths to the repository and its sample scenes) and ``sync``,
which runs an async Pilot test without an asyncio plugin for pytest."""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from textual.pilot import Pilot
from textual.widgets import Input

from notation import clock

ROOT = Path(__file__).resolve().parent.parent

# Property tests explore new examples on every local run, which is how they find bugs
# (a score with ``beats = 1`` once crashed the size limits). CI must never go red by
# luck, so there (``CI`` set, as ``.ci/run`` is run) the examples are the same every
# run; no deadline anywhere, since a loaded machine is slow, not wrong.
settings.register_profile("local", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "local")
SAMPLES = ROOT / "sample_scenes"


@pytest.fixture
def samples() -> Path:
    """The folder of bundled sample scores."""
    return SAMPLES


@pytest.fixture(autouse=True)
def private_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Recovery copies and crash reports of every test go to a fresh folder, never the user's.

    The config folder too: a developer's own keymap must not change what a test presses.
    """
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("CHOREO_STATE_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    return folder


@pytest.fixture(autouse=True)
def steady_cursor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In snapshot tests the input cursor does not blink: it stays shown, as when focused.

    A blink every half second made a snapshot depend on how long the machine took to
    reach it (a chance failure under load: the cursor hidden in one run, shown in the
    saved picture).
    """
    if "snap_compare" in request.fixturenames:
        monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
        # And the clock stands still: a date shown (a boundary table dated today, a
        # log entry's time) must not make a picture fail on another day.
        monkeypatch.setattr(clock, "now", lambda: SNAPSHOT_NOW)


SNAPSHOT_NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
"""The moment every snapshot test runs at, wherever and whenever it runs."""

WRITERS = ("save", "reload", "export")
"""Worker groups that write or read the score file (or a copy of it) in a thread."""


async def _settle(pilot: Pilot[Any]) -> None:
    app = pilot.app
    for _ in range(10):  # a save that finishes can start the one queued behind it
        busy = [w for w in app.workers if w.group in WRITERS and not w.is_finished]
        if not busy:
            return
        await app.workers.wait_for_complete(busy)
        await pilot._wait_for_screen()


@pytest.fixture(autouse=True)
def settled_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """After a key press or a pause, the saves and reloads it started are over.

    Saving and reloading run in threads, so a Pilot test would otherwise look at the
    file before (or after) the write by chance. Their callbacks run on the app's
    loop, which is free while this waits, so the wait always ends.
    """
    press, pause = Pilot.press, Pilot.pause

    async def press_and_settle(self: Pilot[Any], *keys: str) -> None:
        await press(self, *keys)
        await _settle(self)

    async def pause_and_settle(self: Pilot[Any], delay: float | None = None) -> None:
        await pause(self, delay)
        await _settle(self)

    monkeypatch.setattr(Pilot, "press", press_and_settle)
    monkeypatch.setattr(Pilot, "pause", pause_and_settle)


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test with asyncio: ``@sync`` above ``async def test_...``.

    Each test gets its own event loop, so no loop (or app) outlives its test.
    """

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run
