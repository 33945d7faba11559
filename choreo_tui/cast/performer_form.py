"""The performer form: one performer's details, boundaries, will_touch, rider and garments.

One tab per part, so every part fits 80x24. Every change that can alter a finding
re-checks the whole score at once and the bottom line says what it breaks.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Checkbox,
    Footer,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TabbedContent,
    TabPane,
    Tabs,
)

from choreo_tui.cast.area_picker import AreaPicker
from choreo_tui.cast.dialogs import Choice
from choreo_tui.cast.form_values import as_will_touch, parse_day, redated
from choreo_tui.cast.garments import GarmentsEditor
from choreo_tui.cast.performer_tabs import DATE_HINT, details_fields, rider_fields
from choreo_tui.cast.rechecking import BackgroundRecheck
from choreo_tui.cast.tables import DEFAULT_STATUS, set_default, set_recorded
from choreo_tui.cast.ticks import AreaTicks
from choreo_tui.widgets.notes_area import NotesArea
from notation import clock
from notation.cast_edits import id_problem, put_performer
from notation.model import Boundaries, Performer, Rider, Score

"""A date field's placeholder: words, never a date that could pass for a real one."""
DATE_FIELDS = ("recorded", "signed")
TABS: tuple[str, ...] = ("details", "boundaries", "will_touch", "rider", "garments")
STATUS_OPTIONS = [("✓ yes", "yes"), ("? ask", "ask"), ("✗ no", "no")]
QUIET_INPUTS = frozenset({"id", "name", "character", "private_notes"})
"""Inputs whose typing cannot change a finding, so they do not re-check the score."""


class PerformerForm(Screen[Performer | None]):
    """Add or edit one performer; dismissed with the performer, or None when cancelled."""

    DEFAULT_CSS = """
    PerformerForm #title { height: 1; padding: 0 1; background: $panel; }
    PerformerForm TabbedContent { height: 1fr; }
    PerformerForm .problem { color: $error; height: auto; }
    PerformerForm .row { height: auto; }
    PerformerForm .row Label { padding: 0 1; }
    PerformerForm TabPane { padding: 0 1; }
    PerformerForm .row Input { width: 16; }
    PerformerForm #private_notes { height: 4; }
    PerformerForm .row #b-default, PerformerForm .row #w-default { width: 14; }
    PerformerForm #recheck { height: auto; max-height: 4; padding: 0 1; background: $panel; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "keep",
            "Keep",
            id="cast.form.keep",
            tooltip="Keep this performer (the form must be valid)",
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="cast.form.cancel",
            tooltip="Leave the form without keeping (asks first if changed)",
        ),
        Binding(
            "f4",
            "today",
            "Today",
            id="cast.form.today",
            tooltip="Put today's date in the date field you are in (recorded, signed)",
        ),
        Binding(
            "ctrl+t",
            "next_tab",
            "Next tab",
            id="cast.form.next_tab",
            tooltip="Show the next part: details, boundaries, will touch, rider, garments",
        ),
    ]

    def action_today(self) -> None:
        """Today's date into the focused date field, else the shown tab's one (a date is
        never a grey example)."""
        field = self.focused
        if not (isinstance(field, Input) and field.id in DATE_FIELDS):
            # Not in a date field: the one date of the tab shown (boundaries, rider).
            tab = self.query_one(TabbedContent).active
            wanted = {"boundaries": "recorded", "rider": "signed"}.get(tab)
            if wanted is None:
                self.notify("F4 puts today's date on the Boundaries or Rider tab.", markup=False)
                return
            field = self.query_one(f"#{wanted}", Input)
        field.value = clock.today().isoformat()
        field.cursor_position = len(field.value)

    def __init__(
        self,
        score: Score,
        index: int | None,
        *,
        tab: str = "details",
        follows: BackgroundRecheck | None = None,
    ) -> None:
        super().__init__()
        self.score = score
        self.index = index
        self.start_tab = tab
        self.original = score.performers[index] if index is not None else None
        self.boundaries: Boundaries | None = self.original.boundaries if self.original else None
        self.will_touch: Boundaries | None = self.original.will_touch if self.original else None
        self.problem_tab: str | None = None
        # The score as it was never changes while the form is open: each candidate is
        # checked only where it differs, by the checker of the cast screen (``follows``)
        # when there is one, so opening the form checks nothing in full.
        self.rechecks = BackgroundRecheck(self, score, self._show_recheck, follows)

    def compose(self) -> ComposeResult:
        """Title, one tab per part of the performer, the re-check line and the footer."""
        p = self.original
        rider = p.rider if p else None
        heading = f"Performer {p.id}" if p else "New performer"
        yield Static(
            f"{heading} · ctrl+s keep · escape cancel · ctrl+t next tab", id="title", markup=False
        )
        with TabbedContent(initial=self.start_tab):
            with TabPane("Details", id="details"), VerticalScroll():
                yield from details_fields(p)
            with TabPane("Boundaries", id="boundaries"):
                with Horizontal(classes="row"):
                    yield Label("Recorded")
                    recorded = self.boundaries.recorded if self.boundaries else None
                    yield Input(
                        str(recorded or ""), placeholder=DATE_HINT, id="recorded", compact=True
                    )
                    yield Label("Default")
                    yield Select(
                        STATUS_OPTIONS,
                        value=self.boundaries.default if self.boundaries else "ask",
                        allow_blank=False,
                        id="b-default",
                        compact=True,
                    )
                    yield Static("", id="recorded-problem", classes="problem", markup=False)
                yield Static("", id="recorded-note", markup=False).set_styles("display: none;")
                yield AreaPicker(self.boundaries, "boundaries", id="b-picker")
            with TabPane("Will touch", id="will_touch"):
                with Horizontal(classes="row"):
                    yield Label("Default")
                    yield Select(
                        STATUS_OPTIONS,
                        value=self.will_touch.default if self.will_touch else "yes",
                        allow_blank=False,
                        id="w-default",
                        compact=True,
                    )
                yield AreaPicker(self.will_touch, "will_touch", id="w-picker")
            with TabPane("Rider", id="rider"):
                yield from rider_fields(rider)
            with TabPane("Garments", id="garments"):
                yield GarmentsEditor(self.score, p.garments if p else (), id="garment-editor")
        yield Static("", id="recheck", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Start in the details, or on the part the cast screen asked for."""
        self._guardian_hint()
        self._recheck()
        self._focus_tab(self.start_tab)

    def on_unmount(self) -> None:
        """A re-check still waiting for the keys to pause may finish now."""
        self.rechecks.release()

    def on_key(self, event: events.Key) -> None:
        """Every key passes here on its way to the bindings: a re-check running on a big
        score stands aside while it is taken in (``BackgroundRecheck.hold``)."""
        self.rechecks.hold()

    def _focus_tab(self, tab: str) -> None:
        """Put the cursor on the main field of a tab, so its keys work at once."""
        target = {
            "details": "#id",
            "boundaries": "#b-picker AreaTree",
            "will_touch": "#w-picker AreaTree",
            "rider": "#has-rider",
            "garments": "#garment-list",
        }[tab]
        self.query_one(target).focus()

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        # Someone walking the tab bar with the arrows keeps the cursor there.
        if event.pane.id in TABS and not isinstance(self.focused, Tabs):
            self._focus_tab(event.pane.id)

    # Reading the form -------------------------------------------------------

    def _value(self, selector: str) -> str:
        field = self.query_one(selector)
        if isinstance(field, NotesArea):
            return field.value  # the exact text, never the escaped drawing of held notes
        return self.query_one(selector, Input).value

    def _day(self, selector: str, problem: str, tab: str) -> date | None:
        parsed = parse_day(self._value(selector))
        self.query_one(problem, Static).update(parsed if isinstance(parsed, str) else "")
        if isinstance(parsed, str):
            self.problem_tab = self.problem_tab or tab
            return None
        return parsed

    def performer(self, *, report: bool = True) -> Performer | None:
        """The performer the form describes, or None (with messages) when it is not valid.

        ``problem_tab`` is left naming the first tab with something to fix.
        """
        self.problem_tab = None
        pid = self._value("#id").strip()
        name = self._value("#name").strip()
        id_text = id_problem(self.score, self.index, pid)
        name_text = "✗ A name is required." if not name else ""
        if report:
            self.query_one("#id-problem", Static).update(f"✗ {id_text}" if id_text else "")
            self.query_one("#name-problem", Static).update(name_text)
        if id_text or name_text:
            self.problem_tab = "details"
        recorded = self._day("#recorded", "#recorded-problem", "boundaries")
        rider = None
        if self.query_one("#has-rider", Checkbox).value:
            signed = self._day("#signed", "#signed-problem", "rider")
            exposed = self.query_one("#may-expose", AreaTicks).chosen
            simulated = self.query_one("#simulated", Checkbox).value
            rider = Rider(signed=signed, may_expose=exposed, simulated_sex=simulated)
        if self.problem_tab is not None:
            return None
        try:
            return Performer(
                id=pid,
                name=name,
                character=self._value("#character"),
                minor=self.query_one("#minor", Checkbox).value,
                guardian=self._value("#guardian"),
                private_notes=self._value("#private_notes"),
                boundaries=set_recorded(self.boundaries, "boundaries", recorded),
                will_touch=as_will_touch(self.will_touch),
                rider=rider,
                garments=self.query_one(GarmentsEditor).garments,
            )
        except ValidationError:
            # Every field is checked above; this is a last guard, and it names no value.
            if report:
                self.notify("This performer is not valid yet.", severity="error")
            self.problem_tab = "details"
            return None

    # Live checking ----------------------------------------------------------

    def _guardian_hint(self) -> None:
        minor = self.query_one("#minor", Checkbox).value
        missing = minor and not self._value("#guardian").strip()
        hint = "✗ A minor needs a guardian or additional adult present (C403)." if missing else ""
        self.query_one("#guardian-problem", Static).update(hint)

    def _recheck(self) -> None:
        candidate = self.performer(report=False)
        box = self.query_one("#recheck", Static)
        if candidate is None:
            box.update("Re-check waits until the form is valid (see the ✗ messages).")
            return
        score, index = self.score, self.index
        # Built where the re-check runs: it validates the whole score (and carries a
        # changed id into every beat), which a big score's key must not wait for.
        self.rechecks.request(lambda: put_performer(score, index, candidate))

    def _show_recheck(self, lines: list[str]) -> None:
        self.query_one("#recheck", Static).update("\n".join(lines))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.input.id == "id":
            problem = id_problem(self.score, self.index, event.value.strip())
            shown = f"✗ {problem}" if problem and event.value else ""
            self.query_one("#id-problem", Static).update(shown)
        if event.input.id == "guardian":
            self._guardian_hint()
        if event.input.id not in QUIET_INPUTS:
            self._recheck()

    @on(Checkbox.Changed)
    @on(SelectionList.SelectedChanged)
    @on(GarmentsEditor.Changed)
    def _toggled(self) -> None:
        self._guardian_hint()
        self._recheck()

    @on(Select.Changed, "#b-default")
    def _boundaries_default(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != (
            self.boundaries.default if self.boundaries else DEFAULT_STATUS["boundaries"]
        ):
            self.boundaries = set_default(self.boundaries, "boundaries", event.value)  # type: ignore[arg-type]
            self.query_one("#b-picker", AreaPicker).set_table(self.boundaries)
            self._show_recorded()
            self._recheck()

    @on(Select.Changed, "#w-default")
    def _will_default(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != (
            self.will_touch.default if self.will_touch else DEFAULT_STATUS["will_touch"]
        ):
            self.will_touch = set_default(self.will_touch, "will_touch", event.value)  # type: ignore[arg-type]
            self.query_one("#w-picker", AreaPicker).set_table(self.will_touch)
            self._recheck()

    def _show_recorded(self) -> None:
        """A table just created is dated today: show the date so it can be corrected.
        A table changed is dated today too (``redated``), saying so under the date."""
        table = self.boundaries
        field = self.query_one("#recorded", Input)
        if table is not None and table.recorded is not None and not field.value:
            field.value = table.recorded.isoformat()
        was = self.original.boundaries if self.original else None
        answer = redated(was, table, field.value, clock.today())
        if answer is not None:
            field.value, words = answer
            note = self.query_one("#recorded-note", Static)
            note.update(words)
            note.display = bool(words)

    @on(AreaPicker.Changed)
    def _picked(self, event: AreaPicker.Changed) -> None:
        if event.picker.id == "b-picker":
            self.boundaries = event.table
            self._show_recorded()
        else:
            self.will_touch = event.table
        self._recheck()

    # Actions ----------------------------------------------------------------

    def action_next_tab(self) -> None:
        """Show the next part of the performer."""
        tabs = self.query_one(TabbedContent)
        at = TABS.index(tabs.active) if tabs.active in TABS else 0
        tabs.active = TABS[(at + 1) % len(TABS)]

    def action_keep(self) -> None:
        """Return the performer if the form is valid; else show what to fix."""
        performer = self.performer()
        if performer is None:
            self.query_one(TabbedContent).active = self.problem_tab or "details"
            return
        self.dismiss(performer)

    def action_cancel(self) -> None:
        """Leave without keeping; ask first if anything was changed."""
        performer = self.performer(report=False)
        if performer is not None and performer == self.original:
            self.dismiss(None)
            return
        if performer is None and self.original is None and not self._value("#id"):
            self.dismiss(None)
            return

        def answered(answer: str | None) -> None:
            if answer == "discard":
                self.dismiss(None)
            elif answer == "keep":
                self.action_keep()

        self.app.push_screen(
            Choice(
                "This performer has changes. Leave the form?",
                [
                    ("keep", "Keep the changes"),
                    ("discard", "Discard the changes"),
                    ("back", "Back to the form"),
                ],
            ),
            answered,
        )
