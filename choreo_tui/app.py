"""The Textual application (placeholder until the rehearsal editor lands)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class ChoreoApp(App[int]):
    """Choreo's terminal app."""

    def __init__(self, path: str | None, *, replay: bool = False) -> None:
        super().__init__()
        self.path = path
        self.replay = replay

    def compose(self) -> ComposeResult:
        """Lay out the screen."""
        yield Header()
        yield Static(f"Choreo: {self.path or 'no file'}")
        yield Footer()
