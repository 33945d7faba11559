"""The quick-entry line: a touch as one line of notation, completed as you type.

When a line does not parse, the message appears under it and the line stays as
typed, so nothing is lost; when it parses, the touches are added and the line
clears, ready for the next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, Static

from notation.model import Performer, Touch
from notation.quick import QuickError, complete, parse


class NotationSuggester(Suggester):
    """Completes the performer or area name being typed (shown greyed; Right accepts)."""

    def __init__(self, performers: Callable[[], Sequence[Performer]]) -> None:
        # Performers change while the editor is open, so suggestions are not cached;
        # case is kept so a suggestion always extends exactly what was typed.
        super().__init__(use_cache=False, case_sensitive=True)
        self.performers = performers

    async def get_suggestion(self, value: str) -> str | None:
        """The line with its last word completed, if the completion is unique."""
        return complete(value, self.performers())


class QuickEntry(Vertical):
    """One line of notation that adds touches to the selected beat."""

    HELP = (
        "Quick entry: BY [WITH] > TO ON [words]. e.g. 'ben rhand > ana upper_back press "
        "light 2c'. Right arrow accepts the greyed completion; Enter adds the touch; "
        "Escape goes back to the beat list. The full grammar is in the help (F1)."
    )

    DEFAULT_CSS = """
    QuickEntry { height: auto; padding: 0 1; }
    QuickEntry > Input { height: 1; border: none; padding: 0 1; }
    QuickEntry > #quick-message { height: auto; color: $text-error; }
    QuickEntry > #quick-message.ok { color: $text-success; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Beat list", show=False, id="quick_leave"),
    ]

    class Entered(Message):
        """A line parsed into touches."""

        def __init__(self, touches: list[Touch], line: str) -> None:
            super().__init__()
            self.touches = touches
            self.line = line

    class Leave(Message):
        """The user wants to go back to the beat list."""

    def __init__(
        self, performers: Callable[[], Sequence[Performer]], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.performers = performers
        self._about: object = None

    def compose(self) -> ComposeResult:
        """The line and the message under it."""
        yield Input(
            placeholder="t: quick entry, e.g. ben rhand > ana upper_back press light 2c",
            suggester=NotationSuggester(self.performers),
            compact=True,
            id="quick-line",
        )
        yield Static("", id="quick-message")

    def example(self, performers: Sequence[Performer]) -> None:
        """An example line in the placeholder, with this score's own performers."""
        ids = [p.id for p in performers] or ["ben", "ana"]
        by, to = (ids[1], ids[0]) if len(ids) > 1 else (ids[0], ids[0])
        line = self.query_one(Input)
        line.placeholder = f"t: quick entry, e.g. {by} rhand > {to} upper_back press light 2c"

    def say(self, text: str, *, ok: bool = False) -> None:
        """Show a message under the line."""
        message = self.query_one("#quick-message", Static)
        message.set_class(ok, "ok")
        message.update(Text(text))

    def focus(self, scroll_visible: bool = True) -> QuickEntry:
        """Focusing the widget focuses its line."""
        self.query_one(Input).focus(scroll_visible)
        return self

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        line = event.value
        if not line.strip():
            return
        try:
            touches = parse(line, self.performers())
        except QuickError as error:
            self.say(f"✗ {error.message}")
            return
        self.post_message(self.Entered(touches, line))

    def accepted(self, words: str, about: object = None) -> None:
        """The editor added the touches: clear the line and confirm. ``about`` is the
        score the confirmation describes; see ``outdated``."""
        self.query_one(Input).value = ""
        self.say(f"✓ {words}", ok=True)
        self._about = about

    def outdated(self, about: object) -> None:
        """The score is now ``about``: a confirmation about another one no longer holds
        (the touch may have changed or gone), so it is cleared."""
        if self._about is not None and about is not self._about:
            self._about = None
            self.say("")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()

    def action_leave(self) -> None:
        """Back to the beat list."""
        self.post_message(self.Leave())
