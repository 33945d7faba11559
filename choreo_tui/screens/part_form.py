"""One modal form for every part of a beat (touch, placement, barrier, garment, bare
areas) and for the scene settings: fields described once, choices from fixed lists.

The form builds the model with its own validation and shows what is wrong inside
the form, so a bad value is never saved and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Literal, TypeVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from choreo_tui.cast.tables import DEFAULT_STATUS, node_status
from choreo_tui.numbers import read_positive, read_whole
from choreo_tui.widgets.notes_area import NotesArea
from choreo_tui.widgets.pick import Choice, Pick
from choreo_tui.widgets.score_input import ScoreInput
from choreo_tui.widgets.tick import Tick
from notation.areas import ALIASES, NODES, area_label
from notation.checks.cast import resolve_table
from notation.model import (
    ACTIONS,
    BARRIER_KINDS,
    DIRECTIONS,
    GARMENT_KINDS,
    LEVELS,
    MEDIA,
    PRESSURES,
    STAGE_AREAS,
    Score,
)

T = TypeVar("T")

Kind = Literal["pick", "many", "flag", "int", "number", "text", "notes"]


@dataclass(frozen=True)
class Field:
    """One field of a form: its name in the model, its label and how it is chosen."""

    name: str
    label: str
    kind: Kind
    choices: tuple[Choice, ...] = ()
    optional: bool = False


def area_choices() -> tuple[Choice, ...]:
    """Every area name, in the tree's order, each unsided alias before its sides."""
    found: list[Choice] = []
    for node in NODES:
        alias = node[:-2] if node.endswith("_l") and node[:-2] in ALIASES else None
        if alias:
            found.append((alias, f"both {area_label(alias)}s"))
        found.append((node, area_label(node)))
    return tuple(found)


STATUS_MARKS = {"yes": "✓ yes", "ask": "? ask", "no": "✗ no"}


def area_choices_for(score: Score, who: str | None) -> tuple[Choice, ...]:
    """Every area, each with ``who``'s boundary beside it ("neck · ✗ no"), as the area
    picker shows it; plain area choices when ``who`` is not in the cast."""
    performer = score.by_id.get(who) if who else None
    if performer is None:
        return area_choices()
    table = performer.boundaries
    resolved = resolve_table(table, DEFAULT_STATUS["boundaries"])
    found: list[Choice] = []
    for node, label in area_choices():
        status = node_status(table, "boundaries", node, resolved)
        mark = STATUS_MARKS[status.status]
        if status.only:
            mark += " if " + ", ".join(c.replace("_", " ") for c in status.only)
        found.append((node, f"{label} · {mark}" + ("" if status.uniform else " (in part)")))
    return tuple(found)


def performer_choices(score: Score) -> tuple[Choice, ...]:
    """The cast as choices: id and name."""
    return tuple((p.id, p.name) for p in score.performers)


def _words(values: Sequence[str]) -> tuple[Choice, ...]:
    return tuple((v, v.replace("_", " ")) for v in values)


def touch_fields(score: Score, to: str | None = None) -> list[Field]:
    """The fields of a touch; ``On`` shows the touched performer's (``to``) boundaries."""
    people, areas = performer_choices(score), area_choices()
    return [
        Field("by", "Who touches", "pick", people),
        Field("with", "With", "pick", areas),
        Field("to", "Who is touched", "pick", people),
        Field("on", "On", "pick", area_choices_for(score, to)),
        Field("action", "Action", "pick", _words(ACTIONS)),
        Field("pressure", "Pressure", "pick", _words(PRESSURES)),
        Field("counts", "Counts", "int", optional=True),
        Field("start", "Starts on count", "int"),
        Field("over_clothing", "Over clothing", "flag"),
        Field("mouth", "Mouth (kiss)", "pick", _words(("closed", "open")), optional=True),
        Field("tongue", "Tongue (kiss)", "flag"),
    ]


def placement_fields(score: Score) -> list[Field]:
    """The fields of a placement."""
    people = performer_choices(score)
    facing = _words(DIRECTIONS) + people
    return [
        Field("who", "Who", "pick", people),
        Field("area", "Stage area", "pick", tuple((a, a) for a in STAGE_AREAS)),
        Field("level", "Level", "pick", _words(LEVELS)),
        Field("facing", "Facing", "pick", facing, optional=True),
        Field("on", "On (set piece)", "text"),
    ]


def barrier_fields(score: Score) -> list[Field]:
    """The fields of a barrier (``between`` is two picks)."""
    people = performer_choices(score)
    return [
        Field("kind", "Kind", "pick", _words(BARRIER_KINDS)),
        Field("between_a", "Between", "pick", people),
        Field("between_b", "and", "pick", people),
        Field("at", "At", "pick", area_choices()),
    ]


def garment_fields(score: Score) -> list[Field]:
    """The fields of a garment worn in one beat."""
    return [
        Field("who", "Worn by", "pick", performer_choices(score)),
        Field("kind", "Kind", "pick", _words(GARMENT_KINDS)),
        Field("covers", "Covers (empty: the kind's usual areas)", "many", area_choices()),
    ]


def bare_fields(score: Score) -> list[Field]:
    """The fields of one performer's bare areas in a beat."""
    return [
        Field("who", "Who", "pick", performer_choices(score)),
        Field("areas", "Bare areas", "many", area_choices()),
    ]


def scene_fields() -> list[Field]:
    """The fields of the scene header."""
    return [
        Field("title", "Title", "text"),
        Field("production", "Production", "text"),
        Field("medium", "Medium", "pick", _words(MEDIA)),
        Field("self_care_cue", "Self-care cue", "text"),
        Field("closed_set", "Closed set", "flag"),
        Field("tempo", "Tempo (counts/min)", "number"),
        Field("coordinator", "Coordinator", "text"),
        Field("director", "Director", "text"),
        Field("notes", "Notes (shareable)", "notes"),
        Field("private_notes", "Private notes", "notes"),
    ]


def error_words(error: ValidationError) -> str:
    """A validation error in plain words (values are never included)."""
    lines = []
    for item in error.errors()[:3]:
        where = ".".join(str(part) for part in item["loc"] if not isinstance(part, int))
        lines.append(f"{where or 'value'}: {item['msg']}")
    return "; ".join(lines)


class PartForm(ModalScreen[T | None], Generic[T]):
    """A modal form over fixed fields; dismissed with the built value, or None."""

    HELP = "Tab and shift+Tab move between fields. Enter in a text field, or OK, saves."

    DEFAULT_CSS = """
    PartForm { align: center middle; }
    PartForm > VerticalScroll {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    PartForm .row { height: 1; }
    PartForm .row > Label { width: 20; }
    PartForm .row > Input { width: 1fr; height: 1; border: none; padding: 0 1; }
    PartForm .notes-row { height: 3; }
    PartForm .notes-row > Label { width: 20; }
    PartForm .notes-row > NotesArea { width: 1fr; height: 3; }
    PartForm Checkbox { height: 1; border: none; padding: 0; }
    PartForm #form-error { color: $error; height: auto; }
    PartForm #buttons { height: 1; margin-top: 1; }
    PartForm Button { margin-right: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form_cancel"),
        Binding("f10", "save", "OK", id="form_save"),
    ]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        values: Mapping[str, Any],
        build: Callable[[dict[str, Any]], T],
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.values = dict(values)
        self.build = build
        self.score: Score | None = None
        """The score the part belongs to, when the form shows its performers' records."""

    def compose(self) -> ComposeResult:
        """One widget per field, then the error line and the buttons."""
        with VerticalScroll():
            yield Static(f"[b]{self.form_title}[/b]   (Tab moves, Escape cancels)")
            for spec in self.fields:
                value = self.values.get(spec.name)
                if spec.kind in ("pick", "many"):
                    yield Pick(
                        spec.label,
                        spec.choices,
                        value,
                        multiple=spec.kind == "many",
                        optional=spec.optional,
                        id=f"f-{spec.name}",
                    )
                elif spec.kind == "flag":
                    yield Tick(spec.label, bool(value), compact=True, id=f"f-{spec.name}")
                elif spec.kind == "notes":
                    with Horizontal(classes="notes-row"):
                        yield Label(spec.label)
                        yield NotesArea(str(value or ""), id=f"f-{spec.name}")
                else:
                    with Horizontal(classes="row"):
                        yield Label(spec.label)
                        yield ScoreInput(
                            ""
                            if value is None
                            else f"{value:g}"
                            if isinstance(value, float)
                            else str(value),
                            # Never "integer"/"number": those drop keys silently.
                            type="text",
                            compact=True,
                            id=f"f-{spec.name}",
                        )
            yield Static("", id="form-error")
            with Horizontal(id="buttons"):
                yield Button("OK (F10)", variant="primary", id="ok", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        """Start on the first field."""
        first = self.query(f"#f-{self.fields[0].name}").first()
        first.focus()

    def gather(self) -> dict[str, Any]:
        """The form's values, typed as the model expects."""
        data: dict[str, Any] = {}
        for spec in self.fields:
            widget = self.query_one(f"#f-{spec.name}")
            if isinstance(widget, Pick):
                if spec.kind == "many":
                    data[spec.name] = widget.values
                elif widget.value is not None:
                    data[spec.name] = widget.value
            elif isinstance(widget, (Checkbox, NotesArea)):  # NotesArea.value: exact text
                data[spec.name] = widget.value
            elif isinstance(widget, Input):
                text = widget.value.strip()
                if spec.kind == "text":
                    data[spec.name] = widget.value
                elif spec.kind == "int":
                    whole = read_whole(text, spec.label, "2")
                    if whole is not None:
                        data[spec.name] = whole
                else:
                    number = read_positive(text, spec.label, "60")
                    if number is not None:
                        data[spec.name] = number
        return data

    def action_save(self) -> None:
        """Build the value; stay open with a message when it is not valid."""
        try:
            value = self.build(self.gather())
        except ValidationError as error:
            self.query_one("#form-error", Static).update(Text(f"✗ {error_words(error)}"))
            return
        except ValueError as error:
            self.query_one("#form-error", Static).update(Text(f"✗ {error}"))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    @on(Pick.Changed)
    def _touched_changed(self, event: Pick.Changed) -> None:
        # The touched performer changed: the areas show their boundaries instead.
        if event.pick.id == "f-to" and self.score is not None and self.query("#f-on"):
            self.query_one("#f-on", Pick).relabel(area_choices_for(self.score, event.pick.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.parent is not None and not isinstance(event.input.parent, Pick):
            event.stop()
            self.action_save()
