"""``choreo [FILE]``: open the editor (Textual is imported only here)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from choreo_tui.app import ChoreoApp


def app_for(file: str | None, *, replay: bool = False) -> ChoreoApp:
    """The app for ``choreo [FILE]``.

    A folder opens its start screen: its production's, or its list of scores. A
    coordinator types ``choreo northern-light/`` as readily as ``cd`` then ``choreo``.
    """
    from choreo_tui.app import ChoreoApp

    if file is not None and not replay and Path(file).is_dir():
        return ChoreoApp(None, folder=Path(file).resolve())
    return ChoreoApp(file, replay=replay)


def run_editor(file: str | None, *, replay: bool = False) -> int:
    """Run the Textual app on ``file`` (or the start screen); return the exit code."""
    from choreo_tui.crash import install_excepthook

    # Outside the app's loop too, an error gets a report without score data, not a traceback.
    install_excepthook()
    app = app_for(file, replay=replay)
    app.run()
    return app.return_code or 0
