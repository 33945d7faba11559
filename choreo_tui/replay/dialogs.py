"""The rehearsal ritual's dialogs: check-in, hold, boundary change and closure.

Each is a modal screen that returns its answer with ``dismiss``; the replay
screen turns answers into log entries. They never write anything themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from choreo_tui.screens.dialog import Dialog
from choreo_tui.widgets.tick import TickList
from notation.areas import (
    ALIASES,
    NODES,
    PARENT,
    STATUS_ORDER,
    Status,
    alias_of,
    area_label,
    leaves_of,
)
from notation.checks.cast import Cast
from notation.model import Performer, Score
from notation.terminal import safe_line

HoldCall = Callable[[], None]

# The box itself is Dialog's, with its -loud frame: read from across the room.
RITUAL_CSS = """
.ritual.wide { width: 100; }
.ritual-title { text-style: bold; margin-bottom: 1; }
.keys { color: $text-muted; margin-top: 1; }
SelectionList { height: auto; max-height: 12; }
#boundary-lists { height: 14; }
#boundary-lists OptionList { width: 1fr; height: 100%; }
#boundary-area { width: 2fr; }
#boundary-preview { margin-top: 1; }
"""


def _hold_binding() -> Binding:
    return Binding(
        "exclamation_mark", "hold", "HOLD", priority=True, id="dialog.hold", key_display="!"
    )


class DialogWithHold(Dialog[object]):
    """A ritual dialog in which ``!`` still calls a hold: the cue works everywhere."""

    DEFAULT_CLASSES = "-loud"
    DEFAULT_CSS = RITUAL_CSS

    def __init__(self, on_hold: HoldCall | None = None) -> None:
        super().__init__()
        self._on_hold = on_hold

    def action_hold(self) -> None:
        """Call the self-care cue from inside the dialog."""
        if self._on_hold is not None:
            self._on_hold()


def checkin_label(performer: Performer) -> str:
    """ "Ana Example (Mara) · boundaries recorded 2026-11-20" for the check-in list."""
    role = f" ({performer.character})" if performer.character else ""
    table = performer.boundaries
    if table is None:
        when = "no boundaries recorded"
    elif table.recorded is None:
        when = "boundaries undated"
    else:
        when = f"boundaries recorded {table.recorded.isoformat()}"
    return f"{performer.name}{role} · {when}"


class CheckinDialog(DialogWithHold):
    """Who re-confirmed their boundaries at the top of today's rehearsal."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "record", "Record check-in", priority=True, id="checkin.record"),
        Binding("escape", "skip", "Skip check-in", id="checkin.skip"),
        Binding("a", "all", "Tick everyone", id="checkin.all"),
        _hold_binding(),
    ]

    def __init__(self, score: Score, on_hold: HoldCall | None = None) -> None:
        super().__init__(on_hold)
        self.score = score

    def compose(self) -> ComposeResult:
        """A list of performers to tick."""
        with Vertical(classes="ritual"):
            yield Static("CHECK-IN", classes="ritual-title")
            yield Static(
                "Boundaries are re-checked at the start of every rehearsal. Tick each performer "
                "who re-confirmed their boundaries today."
            )
            yield TickList(
                # Content, not str: a name is never read as markup.
                *[(Content(safe_line(checkin_label(p))), p.id) for p in self.score.performers],
                id="checkin-who",
            )
            yield Static(
                "space ticks · a ticks everyone · enter records · escape skips", classes="keys"
            )

    def action_record(self) -> None:
        """Return the ticked performers, in cast order."""
        ticked = set(self.query_one(SelectionList).selected)
        self.dismiss(tuple(p.id for p in self.score.performers if p.id in ticked))

    def action_skip(self) -> None:
        """No check-in now."""
        self.dismiss(None)

    def action_all(self) -> None:
        """Tick every performer."""
        self.query_one(SelectionList).select_all()


class HoldDialog(Dialog[None]):
    """The self-care cue was called: everything stops, and the question is what they need."""

    DEFAULT_CLASSES = "-loud"
    DEFAULT_CSS = (
        RITUAL_CSS
        + """
    HoldDialog { background: $error 40%; }
    HoldDialog > .ritual.hold { border: thick $error; }
    #hold-question {
        text-style: bold reverse;
        content-align: center middle;
        height: 5;
        margin-bottom: 1;
    }
    """
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "resume", "Ready to go on", priority=True, id="hold.dismiss"),
    ]

    def __init__(self, beat: int | None, cue: str) -> None:
        super().__init__()
        self.beat = beat
        self.cue = cue

    def compose(self) -> ComposeResult:
        """The question, large, and nothing else to do."""
        where = f"Stopped in beat {self.beat + 1}." if self.beat is not None else "Stopped."
        with Vertical(classes="ritual hold"):
            # The scene's own cue word: a room that says "pause" must read "PAUSE".
            yield Static(Text(f"{self.cue or 'HOLD'}: what do you need?"), id="hold-question")
            yield Static(
                f"{where} Everything has stopped and the hold is in the rehearsal log.\n"
                "Ask what they need, not why. Nobody goes on until they are ready.",
            )
            yield Static(
                "enter or escape when the room is ready (replay stays paused)", classes="keys"
            )

    def action_resume(self) -> None:
        """The room is ready: close the hold (replay stays paused)."""
        self.dismiss(None)


def area_options() -> list[tuple[str, str]]:
    """Every area as (name, indented label): the tree in order, "both" aliases before sides."""
    options: list[tuple[str, str]] = []
    for node in NODES:
        depth = 0
        parent = node
        while parent in PARENT:
            parent, depth = PARENT[parent], depth + 1
        alias = alias_of(node)
        if alias is not None and node.endswith("_l") and alias in ALIASES:
            options.append((alias, "  " * depth + f"{alias.replace('_', ' ')} (both)"))
        options.append((node, "  " * depth + area_label(node)))
    return options


STATUS_WORDS: dict[str, str] = {
    "no": "✗ no: never",
    "ask": "? ask first",
    "yes": "✓ yes",
}


class BoundaryChangeDialog(DialogWithHold):
    """Record on the spot that a performer changed a boundary: who, which area, what now."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "record", "Record change", priority=True, id="boundary.record"),
        Binding("escape", "cancel", "Cancel", id="boundary.cancel"),
        _hold_binding(),
    ]

    def __init__(
        self,
        score: Score,
        performer: str | None = None,
        area: str | None = None,
        on_hold: HoldCall | None = None,
    ) -> None:
        super().__init__(on_hold)
        self.score = score
        self.cast = Cast(score)
        self.areas = area_options()
        self._first = performer
        self._first_area = area

    def compose(self) -> ComposeResult:
        """Three lists side by side and a line saying what will change."""
        with Vertical(classes="ritual wide"):
            yield Static("BOUNDARY CHANGE", classes="ritual-title")
            with Horizontal(id="boundary-lists"):
                yield OptionList(
                    # Content, not str: a name is never read as markup.
                    *[Option(Content(safe_line(p.name)), id=p.id) for p in self.score.performers],
                    id="boundary-who",
                )
                yield OptionList(
                    *[Option(label, id=name) for name, label in self.areas], id="boundary-area"
                )
                yield OptionList(
                    *[Option(words, id=status) for status, words in STATUS_WORDS.items()],
                    id="boundary-status",
                )
            yield Static("", id="boundary-preview")
            yield Static(
                "tab moves between lists · ↑↓ choose · enter records · escape cancels",
                classes="keys",
            )

    def on_mount(self) -> None:
        """Start on the performer given, or the first."""
        who = self.query_one("#boundary-who", OptionList)
        ids = [p.id for p in self.score.performers]
        who.highlighted = ids.index(self._first) if self._first in ids else 0
        names = [name for name, _ in self.areas]
        area = self.query_one("#boundary-area", OptionList)
        area.highlighted = names.index(self._first_area) if self._first_area in names else 0
        # The lists have no size until laid out; scroll the choice into view after that.
        self.call_after_refresh(area.scroll_to_highlight)
        self.query_one("#boundary-status", OptionList).highlighted = 0
        who.focus()
        self._preview()

    def choice(self) -> tuple[str, str, Status] | None:
        """The (performer, area, status) highlighted now, if all three are."""
        picks = []
        for name in ("who", "area", "status"):
            options = self.query_one(f"#boundary-{name}", OptionList)
            if options.highlighted is None:
                return None
            picks.append(options.get_option_at_index(options.highlighted).id or "")
        who, area, status = picks
        if status not in ("yes", "ask", "no"):
            return None
        return who, area, status  # type: ignore[return-value]

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        """Keep the preview in step with the lists."""
        self._preview()

    def _preview(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        who, area, status = choice
        view = self.cast.get(who)
        text = Text()
        text.append(f"{safe_line(self.score.name_of(who))}: {area_label(area)} ", "bold")
        if view is not None:
            now = sorted(
                {view.boundaries[leaf].status for leaf in leaves_of(area)},
                key=STATUS_ORDER.__getitem__,
            )
            text.append(f"is now {'/'.join(now)}; ")
        text.append(f"will be {STATUS_WORDS[status]}", "bold")
        self.query_one("#boundary-preview", Static).update(text)

    def action_record(self) -> None:
        """Return the highlighted choice."""
        self.dismiss(self.choice())

    def action_cancel(self) -> None:
        """Nothing changed."""
        self.dismiss(None)


class ClosureDialog(DialogWithHold):
    """Ending the rehearsal: offer closure, the deliberate step out of the scene."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,c", "closure", "Record closure and end", priority=True, id="closure.record"),
        Binding("n", "end", "End without closure", id="closure.skip"),
        Binding("escape", "back", "Back to the scene", id="closure.back"),
        _hold_binding(),
    ]

    def compose(self) -> ComposeResult:
        """The offer and its three answers."""
        with Vertical(classes="ritual"):
            yield Static("CLOSURE", classes="ritual-title")
            yield Static(
                "Before anyone leaves, step out of the scene together: shake it off, breathe, "
                "say your own name, leave the character in the room."
            )
            yield Static(
                "enter records closure and ends · n ends without closure · escape goes back",
                classes="keys",
            )

    def action_closure(self) -> None:
        """Closure was done: log it and end."""
        self.dismiss("closure")

    def action_end(self) -> None:
        """End without logging closure."""
        self.dismiss("end")

    def action_back(self) -> None:
        """Do not end yet."""
        self.dismiss(None)
