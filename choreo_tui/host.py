"""What screens may ask of the app that holds the score: one typed contract.

Screens and flows reach the app through ``score_host``, never
``getattr(self.app, ...)``, so mypy checks every call; ``ChoreoApp`` is checked
against ``ScoreHost`` where it is defined. A screen run inside another app (a
test's, a demo's) gets None and does without.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.app import App

if TYPE_CHECKING:
    from choreo_tui.production.session import ProductionSession
    from choreo_tui.safekeeping import Safekeeping
    from choreo_tui.screens.editor import EditorScreen
    from notation.edits import History


@runtime_checkable
class ScoreHost(Protocol):
    """The app holding the score being edited: its file, saving, replay, the user's keys."""

    path: Path | None
    """The score's file, once one is open or started."""
    keymap: dict[str, str]
    """The user's key bindings, by command id."""
    history: History | None
    """The edits of the open score (what is saved, undo and redo), once one is open."""
    keeping: Safekeeping
    """The lock, the recovery copy and the stamp of the file as read."""
    production: ProductionSession | None
    """The production of the open scene (its cast file and scene layer), if it has one."""

    @property
    def editor(self) -> EditorScreen | None:
        """The editor screen, when one is open."""
        ...

    def save(self, *, quiet: bool = False, then: Callable[[bool], None] | None = None) -> bool:
        """Save the score to its file; True when a write was started. ``then`` hears
        whether it was written."""
        ...

    def score_changed(self) -> None:
        """After an edit (or a save made elsewhere): the titles say whether it is saved."""
        ...

    def open_replay(self, start: int = 0) -> None:
        """Step through the scene from beat ``start`` (0-based)."""
        ...

    def open_scene_at(self, path: Path, beat: int | None = None) -> None:
        """Open another scene in place of this one, at a 1-based beat."""
        ...


def score_host(app: App[Any]) -> ScoreHost | None:
    """``app`` as a ScoreHost, or None when it is some other app."""
    return app if isinstance(app, ScoreHost) else None
