"""The screen for a score that cannot be read: the file, the line, what is wrong.

Never a traceback, and the file is never written: Choreo cannot save what it
could not read without losing what it did not understand. The problem's line
is quoted from the file so the coordinator can find it in a text editor; the
screen is theirs, so that is no leak (nothing here goes to a log).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from notation import LoadError
from notation.terminal import safe, safe_line

MAX_QUOTE = 160
"""A quoted line is cut after this many characters."""

MAX_READ = 4 * 1024 * 1024
"""Lines are quoted only from files up to this size."""


def quote_lines(path: str, numbers: set[int]) -> dict[int, str]:
    """The text of the given lines of ``path`` (1-based), or nothing if it cannot be read."""
    if not numbers:
        return {}
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_READ + 1)
    except OSError:
        return {}
    if len(data) > MAX_READ:
        return {}
    lines = data.decode("utf-8", errors="replace").splitlines()
    found: dict[int, str] = {}
    for number in numbers:
        if 1 <= number <= len(lines):
            line = lines[number - 1].rstrip()
            found[number] = line if len(line) <= MAX_QUOTE else line[: MAX_QUOTE - 1] + "…"
    return found


def explain(error: LoadError) -> Text:
    """The problems as text: ``✗ line N: what is wrong`` with the line quoted under it."""
    quoted = quote_lines(error.path, {p.line for p in error.problems if p.line})
    text = Text()
    for index, problem in enumerate(error.problems):
        if index:
            text.append("\n")
        text.append("✗ ", style="bold red")
        if problem.line:
            text.append(f"line {problem.line}: ", style="bold")
        text.append(safe(problem.message))
        if problem.line in quoted:
            text.append(f"\n    {problem.line} │ ", style="dim")
            text.append(safe_line(quoted[problem.line]), style="italic")
    return text


class UnreadableScreen(Screen[None]):
    """Why a score could not be opened, and that the file is unchanged."""

    DEFAULT_CSS = """
    UnreadableScreen > VerticalScroll { padding: 1 2; }
    UnreadableScreen #heading { text-style: bold; margin-bottom: 1; }
    UnreadableScreen #file { margin-bottom: 1; }
    UnreadableScreen #problems { margin-bottom: 1; }
    UnreadableScreen #advice { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="unreadable_close"),
    ]

    def __init__(self, error: LoadError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        """The file, each problem with its line, and what to do next."""
        count = len(self.error.problems)
        heading = (
            "✗ This score cannot be opened"
            if count <= 1
            else f"✗ This score cannot be opened: {count} problems"
        )
        name = safe_line(Path(self.error.path).name)
        yield Header()
        with VerticalScroll():
            yield Static(heading, id="heading", markup=False)
            yield Static(Text.assemble(("File: ", "bold"), safe_line(self.error.path)), id="file")
            yield Static(explain(self.error), id="problems")
            yield Static(
                "Nothing was changed: Choreo never writes to a file it could not read.\n"
                f"Fix the lines above in a text editor, then open {name} again;\n"
                f"`choreo check {name}` lists the same problems.\n"
                "Enter or Escape closes this screen.",
                id="advice",
                markup=False,
            )
        yield Footer()

    def action_close(self) -> None:
        """Leave the screen (the app decides whether anything is left to show)."""
        self.dismiss(None)
