"""The editor's title line: the scene, the file and whether it is saved.

A plain line updated when the score changes, rather than Textual's Header, whose
title watcher can fire on a header already being removed (a crash on closing
right after an edit).
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

    def show(self, title: str, sub_title: str) -> None:
        """Show the title and the file line (plain text: never read as markup)."""
        line = Text(safe_line(title), style="bold")
        if sub_title:
            line.append(f" — {safe_line(sub_title)}", style="dim")
        self.update(line, layout=False)
