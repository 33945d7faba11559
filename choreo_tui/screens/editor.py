"""The rehearsal editor: the beat list, one form bound to the selected beat, quick entry
and the problems panel, with every edit checked at once and undoable.

Every edit is a pure function of the score (``notation.edits``) pushed on the
history; the live checker then re-checks only the beats the edit can affect.
"""

from __future__ import annotations

import time
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, Static

from choreo_tui import commands
from choreo_tui.host import score_host
from choreo_tui.screens import editor_flows as flows
from choreo_tui.screens.editor_base import CHECK_AT_ONCE, PANEL_DELAY, UNCHECKED, EditorBase
from choreo_tui.widgets.beat_form import BeatForm
from choreo_tui.widgets.beat_list import BeatList
from choreo_tui.widgets.parts import PartsTable
from choreo_tui.widgets.problems import ProblemsPanel
from choreo_tui.widgets.quick_entry import QuickEntry
from choreo_tui.widgets.title_bar import TitleBar
from notation import edits
from notation.describe import touch_words

__all__ = ["CHECK_AT_ONCE", "MIN_SIZE", "PANEL_DELAY", "SHORT", "UNCHECKED", "WIDE", "EditorScreen"]

SHORT = 30
"""Below this height the form shows fewer lines, so the beat list keeps its room."""
WIDE = 110
"""From this width the problems panel shows beside the beat list by default."""
FRAME = 1 / 60
"""Seconds: a move this soon after the form was last bound waits for the next frame."""
MIN_SIZE = (60, 18)
"""Below this many columns or rows the beat list has no room for a single beat."""


class EditorScreen(EditorBase):
    """The beat list, the form for the selected beat, quick entry and the problems."""

    HELP = "The rehearsal editor."

    BINDINGS: ClassVar[list[BindingType]] = list(commands.bindings(commands.EDITOR_COMMANDS))

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

    def on_mount(self) -> None:
        """Show the score and start on the beat list."""
        self._too_small()
        if self.live is None:
            self.first_check(self.score)
        self.query_one("#problems").display = self.app.size.width >= WIDE
        self.query_one("#pictures").display = False
        self.refresh_view()
        beats = self.query_one(BeatList)
        self.watch(beats, "cursor", self._cursor_moved, init=False)
        beats.focus()

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

    @on(BeatList.Resized)
    def _list_resized(self) -> None:
        self._header()

    def _cursor_moved(self, index: int) -> None:
        # Called while the list handles the key, before anything is drawn: the list and
        # the form change in the same frame. A move re-renders only what differs.
        # Keys that come faster than frames (a burst, a fast key repeat) would bind
        # once each: the form then follows after the next frame, once for them all.
        coming = self._form_stale
        self._form_stale = True
        if time.monotonic() - self._bound_at >= FRAME:
            self.catch_up()
        elif not coming:
            self.call_after_refresh(self.catch_up)

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
        flows.part_request(self, event.verb, event.key)

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
