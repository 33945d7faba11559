"""A performer's sheet on screen, and exported from there (Markdown or HTML, 0600).

The sheet is the prod helper's model (``notation.sharing.sheet``): everything the
production asks of one performer and nothing else (no private notes, no log, no
other performer's boundaries or rider). It is built in a worker thread, since it
reads every scene of the production, and shown as the same Markdown the export
writes, so what the coordinator reads is what the performer gets.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from choreo_tui.samples import free_name
from notation.model import Score
from notation.private_write import SaveError, write_private
from notation.reading import LoadError
from notation.sharing.sheet import Sheet, build_sheet
from notation.sharing.sheet_page import render_sheet_html, render_sheet_markdown
from notation.terminal import safe, safe_line


@dataclass(frozen=True)
class Current:
    """The scene open in the editor: its file, and its merged score as it stands."""

    path: Path
    score: Score


def _with_current(path: Path, scenes: list[Score], current: Current) -> list[Score]:
    """``scenes`` with the editor's scene in place of its file's (the same position)."""
    from notation.production.folder import scores_under

    if not path.is_dir():
        return [current.score]
    files = scores_under(path) if (path / "production.toml").is_file() else []
    if not files:
        from choreo_tui.samples import scores_in

        files = scores_in(path)
    found = [os.path.realpath(f) for f in files]
    real = os.path.realpath(current.path)
    if real in found and len(found) == len(scenes):
        at = found.index(real)
        return [*scenes[:at], current.score, *scenes[at + 1 :]]
    return [*scenes, current.score]


@dataclass(frozen=True)
class SheetOf:
    """A built sheet, or why it could not be built."""

    sheet: Sheet | None
    problem: str | None = None


def sheet_of(path: Path, performer_id: str, current: Current | None = None) -> SheetOf:
    """Build the sheet of ``performer_id`` for the production (or score) at ``path``.

    ``current`` is the scene open in the editor, as it stands (unsaved edits too),
    used in place of its file. The record at the top is the cast's as saved; a
    change not yet saved to the cast shows as this scene's own record.
    """
    from choreo_tui.cli.sheet import gather

    try:
        scenes, cast, title = gather(path)
    except LoadError as error:
        return SheetOf(None, error.render())
    if current is not None:
        scenes = _with_current(path, scenes, current)
    record = next((p for p in cast if p.id == performer_id), None)
    try:
        return SheetOf(build_sheet(performer_id, scenes, record, title))
    except KeyError:
        return SheetOf(None, f"No performer with the id {performer_id} in this production.")


def export_sheet(sheet: Sheet, folder: Path, to: str) -> Path:
    """Write the sheet beside the production as ``ID-sheet.md`` / ``.html`` under a free
    name (never over a file), mode 0600. Raises ``SaveError``."""
    suffix = ".html" if to == "html" else ".md"
    text = render_sheet_html(sheet) if to == "html" else render_sheet_markdown(sheet)
    target = free_name(folder, f"{sheet.performer_id}-sheet{suffix}", suffix)
    write_private(target, text)
    return target


class SheetScreen(Screen[None]):
    """One performer's sheet, to read with them, and to export."""

    HELP = (
        "The performer's sheet: their record and every beat that names them, in plain "
        "words, with its state for them. m exports Markdown, h a printable HTML page "
        "(one scene per page, a line to sign); both are written 0600 beside the production."
    )
    DEFAULT_CSS = """
    SheetScreen #sheet-title { height: 1; padding: 0 1; background: $panel; }
    SheetScreen #sheet-body { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "m",
            "export('md')",
            "Export .md",
            id="sheet.export_md",
            tooltip="Export the sheet as Markdown beside the production (0600)",
        ),
        Binding(
            "h",
            "export('html')",
            "Export .html",
            id="sheet.export_html",
            tooltip="Export the sheet as a printable HTML page beside the production (0600)",
        ),
        Binding("escape", "close", "Back", id="sheet.close", tooltip="Close the sheet"),
    ]

    class Built(Message):
        """The worker built the sheet."""

        def __init__(self, result: SheetOf) -> None:
            super().__init__()
            self.result = result

    def __init__(self, folder: Path, performer_id: str, current: Current | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.performer_id = performer_id
        self.current = current
        self.sheet: Sheet | None = None

    def compose(self) -> ComposeResult:
        """The title line, the sheet, the keys."""
        yield Static(
            f"Sheet · {safe_line(self.performer_id)} · building…", id="sheet-title", markup=False
        )
        with VerticalScroll(id="sheet-body"):
            yield Markdown("", id="sheet-text")
        yield Footer()

    def on_mount(self) -> None:
        """Build the sheet off the UI thread."""
        self.query_one("#sheet-body").focus()
        self.build()

    @work(thread=True, exclusive=True, group="sheet")
    def build(self) -> None:
        """Build the sheet; post it back."""
        self.post_message(self.Built(sheet_of(self.folder, self.performer_id, self.current)))

    @on(Built)
    async def _built(self, event: Built) -> None:
        title = self.query_one("#sheet-title", Static)
        result = event.result
        if result.sheet is None:
            title.update(f"Sheet · ✗ {safe_line(result.problem or 'cannot be built')}")
            return
        sheet = self.sheet = result.sheet
        beats = sum(len(s.beats) for s in sheet.scenes)
        title.update(
            f"Sheet · {safe_line(sheet.name)} · {len(sheet.scenes)} scenes, {beats} beats · "
            "m/h export"
        )
        # The same Markdown as the export; safe() so no control character reaches the screen.
        await self.query_one(Markdown).update(safe(render_sheet_markdown(sheet)))

    def action_export(self, to: str) -> None:
        """Write the sheet beside the production and say where."""
        if self.sheet is None:
            self.notify("The sheet is still being built: a moment.")
            return
        try:
            folder = self.folder if self.folder.is_dir() else self.folder.parent
            target = export_sheet(self.sheet, folder, to)
        except SaveError as error:
            self.notify(safe(str(error)), title="Not exported", severity="error", markup=False)
            return
        self.notify(
            f"Sheet written: {safe_line(str(target))} (readable by you only; no private "
            "notes, no log, nobody else's boundaries or rider).",
            markup=False,
            timeout=10,
        )

    def action_close(self) -> None:
        """Back to where the sheet was opened from."""
        self.dismiss(None)
