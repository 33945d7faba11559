"""The editing core of the rehearsal editor: the score's history, its live check, and
applying edits and redrawing after them.

The flows (``editor_flows``) work against this class, not the screen that composes
the widgets, so the editor and its flows no longer import each other.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import ValidationError
from textual import work
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from choreo_tui import heap
from choreo_tui.screens.editor_frames import ChangedRegionsCompositor
from choreo_tui.screens.part_form import error_words
from choreo_tui.widgets.beat_form import BeatForm
from choreo_tui.widgets.beat_list import BeatList, header_text
from choreo_tui.widgets.problems import ProblemsPanel
from choreo_tui.widgets.quick_entry import QuickEntry
from notation import edits
from notation.checks.incremental import LiveFindings
from notation.findings import MARK, Finding, Severity
from notation.model import Score

if TYPE_CHECKING:
    from notation.edits import History

PANEL_DELAY = 0.2
"""Seconds after the last edit before the problems panel is rebuilt."""
CHECK_AT_ONCE = 400
"""Scores with more beats than this are first checked in a background thread."""
UNCHECKED = "·"
"""The mark of a beat not checked yet (only while a big score is first checked)."""


class EditorBase(Screen[None]):
    """The score being edited: its history, its live check, edits and the redraw after them."""

    def __init__(self, history: History, *, on_change: Callable[[], None] | None = None) -> None:
        super().__init__()
        # Partial frames draw only the widgets in changed regions (editor_frames).
        self._compositor = ChangedRegionsCompositor()
        self.history = history
        # A big score is checked in a thread after the first frame; until then its
        # marks read "·" (not checked yet) and edits wait for nothing.
        self.live: LiveFindings | None = (
            LiveFindings(history.score) if len(history.score.beats) <= CHECK_AT_ONCE else None
        )
        self.on_change = on_change
        self._problems_timer: Timer | None = None
        self._form_stale = False
        self._bound_at = 0.0
        """When the form was last bound to the selected beat (``time.monotonic``)."""
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

    def _header(self) -> None:
        beats = self.query_one(BeatList)
        width = beats.scrollable_content_region.width or 80
        self.query_one("#beat-header", Static).update(header_text(width), layout=False)

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
        self._bound_at = time.monotonic()
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
