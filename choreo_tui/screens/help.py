"""The help screen (F1, ?): help for where you are, then every key in force, from the
real bindings (so a remapped key shows as remapped), then the quick-entry grammar."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from notation.quick import GRAMMAR

MARKS_WORDS = (
    "Marks: ✓ fine · ⚠ warning · ✗ error · ℹ note · ◆ agreed as it stands · "
    "◇ agreement lapsed (the beat changed since) · · not checked yet (a big score, opening)"
)


@dataclass(frozen=True)
class KeyLine:
    """One key in the help: the key, the binding id (for the keymap file) and what it does."""

    key: str
    id: str
    words: str


def focused_help(screen: Screen[object]) -> str:
    """The HELP of the focused widget or its nearest ancestor that has one."""
    node: DOMNode | None = screen.focused
    while node is not None:
        text = getattr(node, "HELP", None)
        if text:
            return str(text)
        node = node.parent
    return str(getattr(screen, "HELP", None) or "")


def key_lines(screen: Screen[object]) -> list[KeyLine]:
    """Every binding in force on ``screen`` (focused widget, screen, app), described."""
    seen: set[tuple[str, str]] = set()
    shown: set[tuple[str, str]] = set()
    lines: list[KeyLine] = []
    for key, active in screen.active_bindings.items():
        binding = active.binding
        words = active.tooltip or binding.tooltip or binding.description
        if not words or (binding.action, key) in seen:
            continue
        seen.add((binding.action, key))
        display = screen.app.get_key_display(binding)
        if (binding.action, display) in shown:
            # A second key of one binding ("x,delete") carries the first key's display
            # ("x"): it is shown as its own key, not as the first one twice.
            display = screen.app.get_key_display(Binding(key, ""))
        shown.add((binding.action, display))
        lines.append(KeyLine(display, binding.id or "", words))
    # Choreo's own commands first; Textual's generic keys (tab, copy...) after.
    return sorted(lines, key=lambda line: not line.id)


class HelpScreen(ModalScreen[None]):
    """Help for where you are, every key in force and the quick-entry grammar."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 100; max-width: 100%; height: 100%; max-height: 100%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    HelpScreen .heading { text-style: bold; margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q,question_mark", "dismiss(None)", "Close help", id="help_close"),
    ]

    def __init__(self, here: str, keys: list[KeyLine], keymap_file: str) -> None:
        super().__init__()
        self.here = here
        self.keys = keys
        self.keymap_file = keymap_file

    def compose(self) -> ComposeResult:
        """Where you are, the keys, the grammar and the keymap file."""
        with VerticalScroll():
            yield Static("Choreo help (Escape closes; Up/Down scroll)", classes="heading")
            if self.here:
                yield Static(Text(self.here))
            yield Static(Text(MARKS_WORDS))
            yield Static("Keys here", classes="heading")
            table = Table(box=None, show_header=True, header_style="bold", expand=True)
            table.add_column("Key", no_wrap=True)
            table.add_column("What it does", ratio=1)
            table.add_column("Id (for the keymap)", no_wrap=True, style="dim")
            for line in self.keys:
                table.add_row(Text(line.key), Text(line.words), Text(line.id))
            yield Static(table)
            yield Static("Quick entry: one line of notation adds touches", classes="heading")
            yield Static(Text(GRAMMAR))
            yield Static("Other keys", classes="heading")
            yield Static(
                Text(
                    f"To give a command another key, write its id in {self.keymap_file}:\n"
                    '  [keys]\n  add_beat = "A"\n  next_problem = "j,f8"\n'
                    "ctrl+p opens the command palette: every action, by name."
                )
            )

    def on_mount(self) -> None:
        """Scroll with the arrow keys at once."""
        self.query_one(VerticalScroll).focus()
