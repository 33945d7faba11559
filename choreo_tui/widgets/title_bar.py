"""The editor's title line: the scene, the file and whether it is saved.

The app owns the words (``App.title`` and ``App.sub_title``, set after every
edit); the line watches them and redraws itself. Nobody queries the screen for
it, so a title change while the screen is being torn down (closing right after
an edit) has nothing to miss: Textual drops the watchers of a closing widget.
Textual's Header is not used: its clock and icon are noise here, and it reads
the title as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from notation.terminal import safe_line


class TitleBar(Static):
    """One line: ``● Scene title — file.score.toml (unsaved changes)``."""

    DEFAULT_CSS = """
    TitleBar {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        text-align: center;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        """Follow the app's title and sub-title from now on."""
        self.watch(self.app, "title", self._follow, init=False)
        self.watch(self.app, "sub_title", self._follow, init=False)
        self._follow()

    def _follow(self) -> None:
        self.show(self.app.title, self.app.sub_title)

    def show(self, title: str, sub_title: str) -> None:
        """Show the title and the file line (plain text: never read as markup)."""
        line = Text(safe_line(title), style="bold")
        if sub_title:
            line.append(f" — {safe_line(sub_title)}", style="dim")
        self.update(line, layout=False)
