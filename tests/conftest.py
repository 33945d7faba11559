"""Shared fixtures (paths to the repository and its sample scenes) and ``sync``,
which runs an async Pilot test without an asyncio plugin for pytest."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_scenes"


@pytest.fixture
def samples() -> Path:
    """The folder of bundled sample scores."""
    return SAMPLES


@pytest.fixture(autouse=True)
def private_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Recovery copies and crash reports of every test go to a fresh folder, never the user's."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("CHOREO_STATE_DIR", str(folder))
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


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test with asyncio: ``@sync`` above ``async def test_...``.

    Each test gets its own event loop, so no loop (or app) outlives its test.
    """

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run
