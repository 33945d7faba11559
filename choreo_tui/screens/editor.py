"""The rehearsal editor: the beat list, one form bound to the selected beat, quick entry
and the problems panel, with every edit checked at once and undoable.

Every edit is a pure function of the score (``notation.edits``) pushed on the
history; the live checker then re-checks only the beats the edit can affect.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static

from choreo_tui import commands, heap
from choreo_tui.host import score_host
from choreo_tui.screens import editor_flows as flows
from choreo_tui.screens.beat_parts import carried_placement, drop_part, split_key
from choreo_tui.screens.part_form import error_words
from choreo_tui.widgets.beat_form import BeatForm
from choreo_tui.widgets.beat_list import BeatList, header_text
from choreo_tui.widgets.parts import PartsTable
from choreo_tui.widgets.problems import ProblemsPanel
from choreo_tui.widgets.quick_entry import QuickEntry
from choreo_tui.widgets.title_bar import TitleBar
from notation import edits
from notation.checks.incremental import LiveFindings
from notation.describe import touch_words
from notation.findings import MARK, Finding, Severity
from notation.model import Score

if TYPE_CHECKING:
    from notation.edits import History

PANEL_DELAY = 0.2
"""Seconds after the last edit before the problems panel is rebuilt."""
SHORT = 30
"""Below this height the form shows fewer lines, so the beat list keeps its room."""
CHECK_AT_ONCE = 400
"""Scores with more beats than this are first checked in a background thread."""
UNCHECKED = "·"
"""The mark of a beat not checked yet (only while a big score is first checked)."""
WIDE = 110
"""From this width the problems panel shows beside the beat list by default."""
MIN_SIZE = (60, 18)
"""Below this many columns or rows the beat list has no room for a single beat."""


class EditorScreen(Screen[None]):
    """The beat list, the form for the selected beat, quick entry and the problems."""

    HELP = "The rehearsal editor."

    BINDINGS: ClassVar[list[BindingType]] = list(commands.bindings(commands.EDITOR_COMMANDS))

    def __init__(self, history: History, *, on_change: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.history = history
        # A big score is checked in a thread after the first frame; until then its
        # marks read "·" (not checked yet) and edits wait for nothing.
        self.live: LiveFindings | None = (
            LiveFindings(history.score) if len(history.score.beats) <= CHECK_AT_ONCE else None
        )
        self.on_change = on_change
        self._problems_timer: Timer | None = None
        self._form_stale = False
        self.pictures_shown = False
        self.production_findings: list[Finding] = []
        """P601/P602 of a production scene (set by the production flows), shown with the rest."""

    @property
    def score(self) -> Score:
        """The score as it stands."""
        return self.history.score

    @property
    def index(self) -> int | None:
        """The selected beat, or None when there are no beats."""
        return self.query_one(BeatList).cursor if self.score.beats else None

    # ----- layout --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Beat list (with problems and pictures beside it), form, quick entry."""
        yield TitleBar(id="title-bar")
        yield Static("", id="too-small", markup=False)
        with Horizontal(id="main"):
            with Vertical(id="beats"):
                yield Static("", id="beat-header")
                yield BeatList(id="beat-list")
            yield ProblemsPanel(id="problems")
            yield Vertical(id="pictures")
        yield BeatForm(id="form")
        yield QuickEntry(lambda: self.score.performers, id="quick")
        yield Footer()

    # ----- checking --------------------------------------------------------------------

    def levels(self) -> list[Severity | None]:
        """Each beat's worst severity (all None while a big score is first checked)."""
        if self.live is None:
            return [None] * len(self.score.beats)
        return self.live.worst_by_beat()

    def findings(self) -> list[Finding]:
        """Every finding of the score as it stands (none while it is first checked)."""
        found = self.live.findings() if self.live is not None else []
        return found + self.production_findings

    def recheck(self) -> None:
        """After an edit: re-check only what it can affect.

        A change to the cast or the scene of a big score can touch every beat: that
        check runs in a thread (marks read "·" meanwhile) so the screen never stalls.
        """
        if self.live is None:
            return  # the check under way catches up with this edit when it ends
        old, new = self.live.score, self.score
        wide = old.performers != new.performers or old.scene != new.scene
        if wide and len(new.beats) > CHECK_AT_ONCE:
            self.live = None
            self.first_check(new)
            return
        self.live.update(new)

    @work(thread=True, exclusive=True, group="first-check")
    def first_check(self, score: Score) -> None:
        """Check a big score off the UI thread, then show its marks."""
        live = LiveFindings(score)
        self.app.call_from_thread(self._first_checked, live)

    def _first_checked(self, live: LiveFindings) -> None:
        # Edits made meanwhile are caught up by identity, re-checking only what changed.
        live.update(self.score)
        self.live = live
        heap.settle()  # a big score's million objects: never walked by the collector again
        self.refresh_view()

    def on_mount(self) -> None:
        """Show the score and start on the beat list."""
        self._too_small()
        if self.live is None:
            self.first_check(self.score)
        self.query_one("#problems").display = self.app.size.width >= WIDE
        self.query_one("#pictures").display = False
        self.refresh_view()
        self.query_one(BeatList).focus()

    def on_resize(self) -> None:
        """Keep the column titles as wide as the list; a short terminal gets a short form;
        below a usable size, say so instead of showing a beat list with no rows."""
        self.query_one(BeatForm).set_class(self.app.size.height < SHORT, "-short")
        self._too_small()
        self._header()

    def _too_small(self) -> None:
        width, height = self.app.size
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        notice = self.query_one("#too-small", Static)
        notice.display = small
        for part in ("#main", "#form", "#quick"):
            self.query_one(part).display = not small
        if small:
            notice.update(
                f"The terminal is {width}x{height}: too small to show the beats and the form.\n"
                f"Choreo needs at least {MIN_SIZE[0]}x{MIN_SIZE[1]} (80x24 or more is best). "
                "Enlarge the window or use a smaller font; nothing is lost meanwhile."
            )

    def _header(self) -> None:
        beats = self.query_one(BeatList)
        width = beats.scrollable_content_region.width or 80
        self.query_one("#beat-header", Static).update(header_text(width), layout=False)

    @on(BeatList.Resized)
    def _list_resized(self) -> None:
        self._header()

    # ----- showing -------------------------------------------------------------------

    def refresh_view(self, select: int | None = None) -> None:
        """Redraw the list, the form and the problems from the present score."""
        score = self.score
        marks = [MARK[level] if level else "✓" for level in self.levels()]
        if self.live is None:
            marks = [UNCHECKED] * len(score.beats)
        beats = self.query_one(BeatList)
        beats.show(score, marks)
        if select is not None:
            beats.select(select)
        self._header()
        self.bind_form()
        if self.query_one(ProblemsPanel).display:
            # Rebuilt a moment after the last edit, so a run of edits on a big score
            # never waits for the panel.
            if self._problems_timer is not None:
                self._problems_timer.stop()
            self._problems_timer = self.set_timer(PANEL_DELAY, self._show_problems)
        self._pictures()
        quick = self.query_one(QuickEntry)
        quick.example(score.performers)
        quick.outdated(score)
        # At once, not queued on the app: a queued call could run after this
        # screen's widgets are gone. The title line follows the app's title itself.
        self._title()

    def _show_problems(self) -> None:
        self._problems_timer = None
        self.query_one(ProblemsPanel).show(self.score, self.findings())

    def _title(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def bind_form(self) -> None:
        """Bind the form to the selected beat."""
        self._form_stale = False
        index = self.index
        findings = self.live.beat_findings(index) if index is not None and self.live else []
        self.query_one(BeatForm).bind(self.score, index, findings, self.live is not None)

    def _pictures(self) -> None:
        if not self.pictures_shown:
            return
        for widget in self.query_one("#pictures").children:
            show = getattr(widget, "show", None)
            if callable(show):
                show(self.score, self.index)

    @on(BeatList.Highlighted)
    def _highlighted(self, event: BeatList.Highlighted) -> None:
        # The list repaints at once; the form follows after that frame, once for a
        # run of key repeats, so holding Down on a big score never queues up rebinds.
        if not self._form_stale:
            self._form_stale = True
            self.call_after_refresh(self.catch_up)

    def catch_up(self) -> None:
        """Bind the form (and pictures) to the selected beat, if the cursor moved on."""
        if not self._form_stale:
            return
        self._form_stale = False
        self.flush_form()
        self.bind_form()
        self._pictures()

    # ----- editing -------------------------------------------------------------------

    def flush_form(self) -> None:
        """Apply what is still being typed in the form before anything else happens."""
        form = self.query_one(BeatForm)
        index = form.index
        if index is None or index >= len(self.score.beats):
            return
        if self.score.beats[index] is not form.beat:
            return
        changes = form.pending()
        if changes:
            # The cursor stays where it is: it may have moved on from this beat.
            self._apply(edits.update_beat(self.score, index, **changes), "edit beat")

    def _apply(self, score: Score, label: str, select: int | None = None) -> bool:
        if not self.history.push(score, label):
            return False
        self.recheck()
        self.refresh_view(select)
        return True

    def edit(self, label: str, change: Callable[[Score], Score], select: int | None = None) -> bool:
        """Apply an edit to the score (after the form's pending text) and record it."""
        self.flush_form()
        try:
            new = change(self.score)
        except (ValidationError, ValueError) as error:
            words = error_words(error) if isinstance(error, ValidationError) else str(error)
            self.notify(f"Not changed: {words}", severity="error", markup=False)
            return False
        return self._apply(new, label, select)

    def edit_list(self, label: str, change: Callable[[Score], tuple[Score, int]]) -> None:
        """Apply a beat-list edit that also says which beat to select."""
        self.flush_form()
        new, at = change(self.score)
        self._apply(new, label, at)

    def apply_score(self, score: Score, label: str) -> bool:
        """Apply a whole new score (from the cast or replay) as one undoable edit."""
        return self._apply(score, label, self.index)

    @on(BeatForm.Edited)
    def _form_edited(self, event: BeatForm.Edited) -> None:
        index = event.index
        if index >= len(self.score.beats) or self.score.beats[index] is not event.beat:
            return
        self.edit("edit beat", lambda s: edits.update_beat(s, index, **event.changes), index)

    @on(QuickEntry.Entered)
    def _quick(self, event: QuickEntry.Entered) -> None:
        self.flush_form()
        if not self.score.beats:
            self.edit_list("add beat", lambda s: edits.add_beat(s, None))
        index = self.index or 0
        if self.edit("add touch", lambda s: edits.add_touches(s, index, event.touches), index):
            words = "; ".join(touch_words(self.score, t) for t in event.touches)
            self.query_one(QuickEntry).accepted(
                f"added to beat {index + 1}: {words}", about=self.score
            )

    @on(BeatForm.Leave)
    @on(QuickEntry.Leave)
    @on(ProblemsPanel.Leave)
    def _leave(self) -> None:
        self.action_focus_beats()

    @on(BeatList.Chosen)
    def _chosen(self) -> None:
        self.action_edit_beat()

    # ----- parts ---------------------------------------------------------------------

    @on(PartsTable.Request)
    def _part(self, event: PartsTable.Request) -> None:
        # The parts shown are those of the beat the form is bound to.
        index = self.query_one(BeatForm).index
        if index is None:
            return
        if event.verb == "add":
            self.action_add_part()
        elif event.key and event.key.startswith("carried:"):
            # Carried forward from an earlier beat: moving them is a new placement
            # here, starting from where they stand; removing it belongs to that beat.
            carried = carried_placement(self.score, event.key)
            if carried is None:
                return
            if event.verb == "edit":
                flows.open_part(self, index, "placement", None, carried)
            else:
                since = int(event.key.split(":")[1]) + 1
                self.notify(
                    f"That placement is carried forward from beat {since}: remove it there, "
                    "or press Enter to move them in this beat.",
                    markup=False,
                )
        elif event.verb == "remove" and event.key:
            key = event.key
            self.edit(
                "remove part",
                lambda s: edits.replace_beat(s, index, drop_part(s.beats[index], key)),
                index,
            )
        elif event.verb == "edit" and event.key:
            flows.open_part(self, index, split_key(event.key)[0], event.key)

    # ----- actions (one per command) -------------------------------------------------

    def action_add_beat(self) -> None:
        """Add a beat after the selected one."""
        self.edit_list("add beat", lambda s: edits.add_beat(s, self.index))
        self.query_one(BeatList).focus()

    def action_insert_beat(self) -> None:
        """Insert a beat before the selected one."""
        self.edit_list("insert beat", lambda s: edits.insert_beat(s, self.index or 0))

    def action_duplicate_beat(self) -> None:
        """Duplicate the selected beat."""
        if self.index is not None:
            index = self.index
            self.edit_list("duplicate beat", lambda s: edits.duplicate_beat(s, index))

    def action_delete_beat(self) -> None:
        """Delete the selected beat (undo brings it back)."""
        if self.index is not None:
            index = self.index
            self.edit_list("delete beat", lambda s: edits.delete_beat(s, index))
            self.notify(f"Beat {index + 1} deleted. ctrl+z brings it back.")

    def action_move_beat_up(self) -> None:
        """Move the selected beat earlier."""
        if self.index is not None:
            index = self.index
            self.edit_list("move beat", lambda s: edits.move_beat(s, index, -1))

    def action_move_beat_down(self) -> None:
        """Move the selected beat later."""
        if self.index is not None:
            index = self.index
            self.edit_list("move beat", lambda s: edits.move_beat(s, index, 1))

    def _problem_beat(self, step: int) -> None:
        if self.live is None:
            self.notify("Still checking the score: a moment.")
            return
        levels = self.levels()
        count = len(levels)
        start = self.index if self.index is not None else -1
        for offset in range(1, count + 1):
            i = (start + step * offset) % count
            if levels[i] in ("error", "warning"):
                self.query_one(BeatList).select(i)
                return
        self.notify("✓ No beat has a problem.")

    def action_next_problem(self) -> None:
        """Jump to the next beat with a problem."""
        self._problem_beat(1)

    def action_previous_problem(self) -> None:
        """Jump to the previous beat with a problem."""
        self._problem_beat(-1)

    def action_quick_entry(self) -> None:
        """Focus the quick-entry line."""
        self.query_one(QuickEntry).focus()

    def action_edit_beat(self) -> None:
        """Focus the form's first field."""
        self.catch_up()
        if self.index is not None:
            self.query_one("#title", Input).focus()

    def action_add_part(self) -> None:
        """Ask which kind of part to add, then open its form."""
        flows.add_part(self)

    def action_agree_beat(self) -> None:
        """Record that performers agreed the selected beat."""
        flows.agree(self)

    def action_scene_settings(self) -> None:
        """Edit the scene header."""
        flows.scene_settings(self)

    def action_cast(self) -> None:
        """Open the cast screen; its result is one undoable edit."""
        flows.cast(self)

    def action_replay(self) -> None:
        """Replay from the selected beat."""
        self.flush_form()
        host = score_host(self.app)
        if host is not None:
            host.open_replay(self.index or 0)

    def action_problems(self) -> None:
        """Show the problems panel and move to it; again hides it."""
        panel = self.query_one(ProblemsPanel)
        if panel.display and panel.has_focus:
            panel.display = self.app.size.width >= WIDE
            self.action_focus_beats()
            return
        panel.display = True
        panel.show(self.score, self.findings())
        panel.focus()

    def action_elsewhere(self) -> None:
        """List the beats of other scenes that the last whole-production cast change flags."""
        flows.elsewhere(self)

    def action_scenes(self) -> None:
        """The production's scenes and cast, over the editor."""
        flows.scenes(self)

    def action_export(self) -> None:
        """Write a director's copy beside the score."""
        flows.export_copy(self)

    def action_pictures(self) -> None:
        """Show or hide the stage plot and body map (mounted the first time)."""
        holder = self.query_one("#pictures")
        if not holder.children:
            # Imported the first time they are shown: startup never pays for them.
            from choreo_tui.pictures.body_map import BodyMap
            from choreo_tui.pictures.stage_plot import StagePlot

            holder.mount_all([StagePlot(compact=True), BodyMap(compact=True)])
        self.pictures_shown = not self.pictures_shown
        holder.display = self.pictures_shown
        self.call_after_refresh(self._pictures)

    def action_focus_beats(self) -> None:
        """Back to the beat list."""
        self.query_one(BeatList).focus()

    def action_undo(self) -> None:
        """Undo the last edit."""
        self.flush_form()
        label = self.history.undo()
        if label is None:
            self.notify("Nothing to undo.")
            return
        self.recheck()
        self.refresh_view()
        self.notify(f"Undone: {label}")

    def action_redo(self) -> None:
        """Redo the last undone edit."""
        label = self.history.redo()
        if label is None:
            self.notify("Nothing to redo.")
            return
        self.recheck()
        self.refresh_view()
        self.notify(f"Redone: {label}")

    def action_save(self) -> None:
        """Save (the app writes the file)."""
        self.flush_form()
        host = score_host(self.app)
        if host is not None:
            host.save()

    # ----- jumping to a finding ------------------------------------------------------

    @on(ProblemsPanel.Jump)
    def _jump(self, event: ProblemsPanel.Jump) -> None:
        flows.jump_to(self, event.finding)
