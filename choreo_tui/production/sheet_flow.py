"""Opening a performer's sheet from the cast screen: for the production the scene
belongs to, or for the score alone, with the scene as it stands on screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen

from choreo_tui.host import score_host
from choreo_tui.production.flows import session_of
from choreo_tui.production.sheet_screen import Current, SheetScreen
from notation.model import Score


def open_sheet(screen: Screen[Any], performer_id: str, score: Score) -> None:
    """Push the sheet of ``performer_id``: the whole production's, or this score's."""
    app = screen.app
    host = score_host(app)
    path = host.path if host is not None else None
    session = session_of(app)
    if session is not None:
        where: Path = session.production_path.parent
    elif isinstance(path, Path):
        where = path
    else:
        screen.notify("Save the score first (ctrl+s): the sheet is written beside it.")
        return
    current = Current(path, score) if isinstance(path, Path) else None
    app.push_screen(SheetScreen(where, performer_id, current))
