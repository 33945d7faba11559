"""A choice from a fixed list, filtered as you type: never a free string that could be wrong.

One line while it is not focused ("With: hand_r · right hand"); focused, it opens a
short list that narrows with every letter typed. Enter picks (or, in a
list of several, ticks) the highlighted entry. The value can only ever be one of the choices.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from notation.terminal import safe_line

Choice = tuple[str, str]
"""(value, words shown beside it)."""


def match_rank(needle: str, value: str, words: str) -> int | None:
    """How well typed text matches a choice: 0 exact, 1 prefix, 2 anywhere, None not at all."""
    if not needle:
        return 2
    value, words = value.lower(), words.lower()
    spaced = needle.replace("_", " ")
    if needle in (value, words) or spaced in (value, words):
        return 0
    if value.startswith(needle) or words.startswith(needle) or words.startswith(spaced):
        return 1
    if needle in value or needle in words or spaced in words:
        return 2
    return None


class Pick(Vertical):
    """A single or multiple choice from a fixed list, with type-to-filter."""

    HELP = (
        "Type to narrow the list; Up/Down move; Enter picks"
        " (in a list of several, Enter ticks and unticks). Tab moves on."
    )

    DEFAULT_CSS = """
    Pick { height: auto; }
    Pick > Horizontal { height: 1; }
    Pick #pick-line { width: 1fr; height: 1; }
    Pick Input { width: 22; height: 1; border: none; padding: 0 1; }
    Pick > OptionList { height: 6; display: none; border: none; padding: 0; }
    Pick.-open > OptionList { display: block; }
    Pick.-open #pick-line { text-style: bold; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Next choice", show=False, id="pick_down"),
        Binding("up", "move(-1)", "Previous choice", show=False, id="pick_up"),
    ]

    class Changed(Message):
        """The value of a Pick changed."""

        def __init__(self, pick: Pick) -> None:
            super().__init__()
            self.pick = pick

    def __init__(
        self,
        label: str,
        choices: Sequence[Choice],
        value: str | Sequence[str] | None = None,
        *,
        multiple: bool = False,
        optional: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.multiple = multiple
        self.optional = optional
        self.choices = list(choices)
        if optional and not multiple:
            self.choices.insert(0, ("", "(none)"))
        self.words = dict(self.choices)
        if multiple:
            chosen = [] if value is None or isinstance(value, str) else list(value)
            self.ticked: list[str] = [v for v in chosen if v in self.words]
            self.single: str = ""
        else:
            self.ticked = []
            self.single = value if isinstance(value, str) and value in self.words else ""
            if not self.single and not optional and self.choices:
                self.single = self.choices[0][0]

    def relabel(self, choices: Sequence[Choice]) -> None:
        """New words beside the same values (the value is kept)."""
        words = dict(choices)
        self.choices = [(v, words.get(v, w)) for v, w in self.choices]
        self.words = dict(self.choices)
        self.query_one("#pick-line", Label).update(self._line())
        self._fill(self.query_one(Input).value)

    @property
    def value(self) -> str | None:
        """The chosen value (single choice); None when optional and unset."""
        return self.single or None

    @property
    def values(self) -> tuple[str, ...]:
        """The ticked values (multiple choice), in the list's order."""
        return tuple(v for v, _ in self.choices if v in self.ticked)

    def compose(self) -> ComposeResult:
        """A summary line, a filter line and the list."""
        with Horizontal():
            yield Label(self._line(), id="pick-line")
            yield Input(placeholder="type to filter", compact=True)
        options = OptionList(compact=True)
        options.can_focus = False
        yield options

    def on_mount(self) -> None:
        """Fill the list."""
        self._fill("")

    def _line(self) -> Content:
        if self.multiple:
            shown = ", ".join(self.values) or "(none)"
        else:
            shown = self.single or "(none)"
            words = self.words.get(self.single, "")
            if words and words != shown and self.single:
                # Words that begin with the value ("lips · ✓ yes") are not repeated after it.
                shown = words if words.startswith(f"{shown} · ") else f"{shown} · {words}"
        return Content.assemble((f"{self.label}: ", "dim"), safe_line(shown))

    def _prompt(self, value: str, words: str) -> str:
        shown = value or words
        text = shown if words in ("", value) or not value else f"{value} · {words}"
        if value and words.startswith(f"{value} · "):
            text = words
        if self.multiple:
            return ("[x] " if value in self.ticked else "[ ] ") + text
        return ("● " if value == self.single else "  ") + text

    def _fill(self, text: str) -> None:
        options = self.query_one(OptionList)
        needle = text.strip().lower()
        ranked = sorted(
            (rank, n, v, w)
            for n, (v, w) in enumerate(self.choices)
            if (rank := match_rank(needle, v, w)) is not None
        )
        shown = [Option(Text(safe_line(self._prompt(v, w))), id=v or "-") for _, _, v, w in ranked]
        options.set_options(shown)
        if shown:
            # Typing names what is wanted: the best match is highlighted, so Enter on
            # "hold" picks hold (not placeholder, and not the old value).
            current = self.single if not self.multiple and not needle else None
            ids = [o.id for o in shown]
            options.highlighted = ids.index(current) if current in ids else 0

    def on_descendant_focus(self) -> None:
        """Open the list while the filter line has focus."""
        self.add_class("-open")

    def on_descendant_blur(self) -> None:
        """Close the list when focus leaves."""
        self.remove_class("-open")

    def focus(self, scroll_visible: bool = True) -> Pick:
        """Focusing a Pick focuses its filter line."""
        self.query_one(Input).focus(scroll_visible)
        return self

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_pick()

    def action_move(self, delta: int) -> None:
        """Move the highlight in the list."""
        options = self.query_one(OptionList)
        if delta > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_pick(self) -> None:
        """Pick (or tick) the highlighted entry."""
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None:
            return
        value = "" if option.id == "-" else option.id
        if self.multiple:
            if value in self.ticked:
                self.ticked.remove(value)
            else:
                self.ticked.append(value)
        else:
            self.single = value
        self.query_one("#pick-line", Label).update(self._line())
        self._fill(self.query_one(Input).value)
        self.post_message(self.Changed(self))
