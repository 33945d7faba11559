"""``choreo [FILE]``: open the editor (Textual is imported only here)."""

from __future__ import annotations


def run_editor(file: str | None, *, replay: bool = False) -> int:
    """Run the Textual app on ``file`` (or the start screen); return the exit code."""
    from choreo_tui.app import ChoreoApp
    from choreo_tui.crash import install_excepthook

    # Outside the app's loop too, an error gets a report without score data, not a traceback.
    install_excepthook()
    app = ChoreoApp(file, replay=replay)
    app.run()
    return app.return_code or 0
