"""The cast screen: the performers of a score, added, edited and removed from the keyboard.

``CastScreen(score)`` works on its own copy and is dismissed with the new score
(with any ``boundary_change`` log entry) or None when nothing changed or the
changes were discarded; the editor applies the result as one undoable edit.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from choreo_tui.cast.cast_row import CastRow
from choreo_tui.cast.dialogs import Choice, LeaveCast, Leaving
from choreo_tui.cast.performer_form import PerformerForm
from choreo_tui.cast.rechecking import BackgroundRecheck
from notation import rehearsal_log
from notation.areas import area_label
from notation.cast_edits import beats_naming, boundaries_changed, put_performer, remove_performer
from notation.model import Performer, Score
from notation.terminal import safe, safe_line

ROW_INDENT = 11
"""Where a row's names start: its id takes ten columns and a space."""


def performer_row(performer: Performer) -> CastRow:
    """One row of the cast list: id, name, role and what is on record, then their
    boundaries at a glance; laid out at the list's width, broken only between parts."""
    # Score text is escaped here, field by field, so that the line break between the
    # two rows stays a line break.
    parts = [f"{performer.id:<10} {safe_line(performer.name)}"]
    if performer.character:
        parts[0] += f" ({safe_line(performer.character)})"
    b = performer.boundaries
    if b is None:
        parts.append("ℹ no boundaries recorded")
    else:
        parts.append(f"boundaries {b.recorded or 'undated'}")
    if performer.rider is not None:
        parts.append("rider")
    if performer.garments:
        count = len(performer.garments)
        parts.append(f"{count} garment{'s' if count != 1 else ''}")
    if performer.minor:
        parts.append("minor" if performer.guardian.strip() else "✗ minor, no guardian")
    return CastRow((parts, _glance(performer)), ROW_INDENT)


def performer_line(performer: Performer) -> str:
    """The cast list's row as plain text, unbroken: two lines."""
    return str(performer_row(performer))


def boundaries_at_a_glance(performer: Performer) -> str:
    """ "✗ no: neck, groin · ? ask: lips · else yes · rider ✓" (or "no rider ✗"): what
    the room must know of a performer's record, in one line (marks, not colour alone)."""
    return " · ".join(_glance(performer))


def _glance(performer: Performer) -> list[str]:
    b = performer.boundaries
    if b is None:
        glance = ["no boundaries recorded: every area counts as 'ask'"]
    else:
        glance = []
        for status, mark in (("no", "✗"), ("ask", "?")):
            areas = [
                area_label(area) + (" (conditions)" if rule.only else "")
                for area, rule in b.areas.items()
                if rule.status == status
            ]
            if areas:
                glance.append(f"{mark} {status}: {', '.join(areas)}")
        conditional = [area_label(a) for a, r in b.areas.items() if r.status == "yes" and r.only]
        if conditional:
            glance.append(f"yes with conditions: {', '.join(conditional)}")
        glance.append(f"else {b.default}")
    rider = performer.rider
    glance.append("rider ✓" if rider is not None else "no rider ✗")
    return glance


class CastScreen(Screen[Score | None]):
    """The performers of a score, with their boundaries, will_touch, rider and garments."""

    DEFAULT_CSS = """
    CastScreen #cast-title { height: 1; padding: 0 1; background: $panel; }
    /* Rows are laid out at the list's width: a scrollbar that comes and goes would
       change it under rows already measured, and their last line would be cut. */
    CastScreen #performers { height: 1fr; scrollbar-gutter: stable; }
    CastScreen #cast-summary { height: auto; max-height: 6; padding: 0 1; background: $panel; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="cast.add", tooltip="Add a performer"),
        Binding("e", "edit", "Edit", id="cast.edit", tooltip="Edit the highlighted performer"),
        Binding(
            "b",
            "edit('boundaries')",
            "Boundaries",
            id="cast.boundaries",
            tooltip="Edit the highlighted performer's boundaries in the area picker",
        ),
        Binding(
            "w",
            "edit('will_touch')",
            "Will touch",
            id="cast.will_touch",
            tooltip="Edit which areas of a partner the performer will touch",
        ),
        Binding(
            "r",
            "edit('rider')",
            "Rider",
            id="cast.rider",
            tooltip="Edit the highlighted performer's nudity rider",
            show=False,
        ),
        Binding(
            "g",
            "edit('garments')",
            "Garments",
            id="cast.garments",
            tooltip="Edit the highlighted performer's modesty garments",
            show=False,
        ),
        Binding(
            "d,delete",
            "remove",
            "Remove",
            id="cast.remove",
            tooltip="Remove the highlighted performer (asks first, says which beats name them)",
        ),
        Binding(
            "s",
            "sheet",
            "Sheet",
            id="cast.sheet",
            tooltip="Read the highlighted performer's sheet (all asked of them) and export it",
            show=False,
        ),
        Binding(
            "escape",
            "close",
            "Done",
            id="cast.close",
            tooltip="Leave the cast: keep or discard the changes, log a boundary change",
        ),
    ]

    def __init__(self, score: Score) -> None:
        super().__init__()
        self.original = score
        self.score = score
        # Checked once in full (off the UI thread when big), then only where it changed.
        self.rechecks = BackgroundRecheck(self, score, self._show_recheck)

    @property
    def has_changes(self) -> bool:
        """Whether the cast differs from the score it was opened on (not yet returned)."""
        return self.score != self.original

    def compose(self) -> ComposeResult:
        """Title, the performer list, what the changes do, and the keys."""
        yield Static(f"Cast · {safe_line(self.score.scene.title)}", id="cast-title", markup=False)
        yield OptionList(id="performers", markup=False)
        yield Static("", id="cast-summary", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the list and focus it."""
        self._refresh()
        self.query_one("#performers", OptionList).focus()

    def on_unmount(self) -> None:
        """A re-check still waiting for the keys to pause may finish now."""
        self.rechecks.release()

    def on_key(self, event: events.Key) -> None:
        """Every key passes here on its way to the bindings: a re-check running on a big
        score stands aside while it is taken in (``BackgroundRecheck.hold``)."""
        self.rechecks.hold()

    def _refresh(self, highlight: int | None = None) -> None:
        listing = self.query_one("#performers", OptionList)
        keep = listing.highlighted if highlight is None else highlight
        listing.clear_options()
        if self.score.performers:
            # Plain text, not a str prompt: that is read as markup, and a "[/" in a name crashed.
            listing.add_options(Option(performer_row(p), id=p.id) for p in self.score.performers)
            listing.highlighted = min(keep or 0, len(self.score.performers) - 1)
        else:
            listing.add_option(Option("(no performers yet: press a to add one)", disabled=True))
        self.rechecks.request(self.score)

    def _show_recheck(self, lines: list[str]) -> None:
        summary = self.query_one("#cast-summary", Static)
        if self.score == self.original:
            summary.update("No changes yet. " + lines[-1])
        else:
            summary.update("Changes so far:\n" + safe("\n".join(lines)))

    def _current(self) -> int | None:
        at = self.query_one("#performers", OptionList).highlighted
        if at is None or at >= len(self.score.performers):
            return None
        return at

    def _apply(self, score: Score, highlight: int | None = None) -> None:
        self.score = score
        self._refresh(highlight)

    # Actions ----------------------------------------------------------------

    def action_add(self) -> None:
        """Add a performer through the performer form."""

        def added(performer: Performer | None) -> None:
            if performer is not None:
                self._apply(put_performer(self.score, None, performer), len(self.score.performers))

        self.app.push_screen(PerformerForm(self.score, None, follows=self.rechecks), added)

    def action_edit(self, tab: str = "details") -> None:
        """Edit the highlighted performer, opening the form on ``tab``."""
        index = self._current()
        if index is None:
            self.notify("No performer to edit: press a to add one.", severity="warning")
            return

        def edited(performer: Performer | None) -> None:
            if performer is not None:
                self._apply(put_performer(self.score, index, performer), index)

        self.app.push_screen(
            PerformerForm(self.score, index, tab=tab, follows=self.rechecks), edited
        )

    @on(OptionList.OptionSelected, "#performers")
    def _selected(self) -> None:
        self.action_edit()

    def action_remove(self) -> None:
        """Remove the highlighted performer, asking first; say which beats name them."""
        index = self._current()
        if index is None:
            return
        performer = self.score.performers[index]
        name = safe_line(performer.name)
        beats = beats_naming(self.score, performer.id)
        if beats:
            count = len(beats)
            numbers = ", ".join(str(n) for n in beats[:12]) + (" ..." if count > 12 else "")
            question = (
                f"{name} is named in {count} beat{'s' if count != 1 else ''} "
                f"({numbers}). Removed, they would show ✗ T505 there unless their part "
                "goes too. Remove them?"
            )
            answers = [
                ("purge", "Remove, with their touches, placements, barriers, garments, bare"),
                ("keep", "Remove, but leave the beats as they are (✗ T505)"),
                ("back", "Do not remove"),
            ]
        else:
            question = f"Remove {name}? They are named in no beat."
            answers = [("keep", "Remove"), ("back", "Do not remove")]

        def answered(answer: str | None) -> None:
            if answer in ("purge", "keep"):
                score = remove_performer(self.score, performer.id, purge=answer == "purge")
                self._apply(score, max(index - 1, 0))

        self.app.push_screen(Choice(question, answers), answered)

    def action_sheet(self) -> None:
        """The highlighted performer's sheet, with this scene as it stands on screen."""
        from choreo_tui.production.sheet_flow import open_sheet

        index = self._current()
        if index is not None:
            open_sheet(self, self.score.performers[index].id, self.score)

    def action_close(self) -> None:
        """Leave the cast: nothing changed returns None; else keep or discard, with a log entry."""
        if not self.has_changes:
            self.dismiss(None)
            return
        changed = boundaries_changed(self.original, self.score)
        summary = self.rechecks.lines_now(self.score)

        def decided(leaving: Leaving | None) -> None:
            if leaving is None:
                return
            if not leaving.keep:
                self.dismiss(None)
                return
            score = self.score
            if leaving.log_who is not None and leaving.at is not None:
                score = rehearsal_log.boundary_change(
                    score, leaving.log_who, leaving.note, leaving.at
                )
            self.dismiss(score)

        self.app.push_screen(LeaveCast(self.score, summary, changed), decided)
