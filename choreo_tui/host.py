"""What screens may ask of the app that holds the score: one typed contract.

Screens reach the app through ``score_host``, never ``getattr(self.app, ...)``,
so mypy checks every call; ``ChoreoApp`` is checked against ``ScoreHost`` where
it is defined. A screen run inside another app (a test's, a demo's) gets None
and does without.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from textual.app import App


@runtime_checkable
class ScoreHost(Protocol):
    """The app holding the score being edited: its file, saving, replay, the user's keys."""

    path: Path | None
    """The score's file, once one is open or started."""
    keymap: dict[str, str]
    """The user's key bindings, by command id."""

    def save(self, *, quiet: bool = False) -> bool:
        """Save the score to its file; True when written."""
        ...

    def open_replay(self, start: int = 0) -> None:
        """Step through the scene from beat ``start`` (0-based)."""
        ...


def score_host(app: App[Any]) -> ScoreHost | None:
    """``app`` as a ScoreHost, or None when it is some other app."""
    return app if isinstance(app, ScoreHost) else None
