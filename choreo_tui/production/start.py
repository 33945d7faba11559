"""The production start screen (``choreo`` in a production folder): the production's
scenes with their ✓ ⚠ ✗ counts and agreed beats, and its cast.

Enter on a scene opens it; ``s`` on a performer opens their sheet. Every scene is
checked in a worker thread that posts the result back, so the screen shows at
once with the scene files listed and fills in the counts when they are ready.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from choreo_tui.production.overview import Overview, SceneRow, overview
from choreo_tui.production.session import production_of_folder
from choreo_tui.samples import scene_title
from notation.model import Performer
from notation.production.folder import scores_under
from notation.terminal import safe_line

__all__ = ["ProductionStartScreen", "production_of_folder"]


def scene_option(row: SceneRow, folder: Path) -> Text:
    """A scene in the list: its title, then its counts (marks and words) and file."""
    line = Text(safe_line(row.title), style="bold")
    try:
        where = str(row.path.relative_to(folder))
    except ValueError:
        where = row.path.name
    line.append(f"\n  {row.counts()}\n  ")
    line.append(safe_line(where), style="dim")
    return line


def cast_option(performer: Performer) -> Text:
    """A cast member: name and role, then what is on record (never the record itself)."""
    line = Text(safe_line(performer.name), style="bold")
    if performer.character:
        line.append(f" ({safe_line(performer.character)})")
    said: list[str] = []
    table = performer.boundaries
    said.append(
        "ℹ no boundaries recorded" if table is None else f"boundaries {table.recorded or 'undated'}"
    )
    if performer.rider is not None:
        said.append("rider")
    if performer.minor:
        said.append("minor" if performer.guardian.strip() else "✗ minor, no guardian")
    line.append("\n  " + " · ".join(said), style="dim")
    return line


class ProductionStartScreen(Screen[None]):
    """A production's scenes and cast: open a scene, read a performer's sheet."""

    HELP = (
        "The production in this folder. Tab moves between the scenes and the cast. "
        "Enter on a scene opens it; s on a performer (or Enter) shows their sheet, which "
        "you can export. l lists the other files and the samples."
    )
    DEFAULT_CSS = """
    ProductionStartScreen #production-intro { height: auto; padding: 0 1; background: $panel; }
    ProductionStartScreen #production-lists { height: 1fr; }
    ProductionStartScreen #production-lists > Vertical { width: 3fr; }
    ProductionStartScreen #production-lists > #cast-column { width: 2fr; }
    ProductionStartScreen .list-title { height: 1; padding: 0 1; text-style: bold; }
    ProductionStartScreen OptionList { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "s",
            "sheet",
            "Sheet",
            id="production.sheet",
            tooltip="Show the highlighted performer's sheet (and export it)",
        ),
        Binding(
            "r",
            "refresh",
            "Re-check",
            id="production.refresh",
            tooltip="Read and check every scene of the production again",
        ),
        Binding(
            "escape",
            "back",
            "Back to the scene",
            id="production.back",
            tooltip="Back to the scene being edited (when opened from the editor)",
        ),
        Binding(
            "l",
            "files",
            "Files & samples",
            id="production.files",
            tooltip="The plain start screen: other scores in this folder, new score, samples",
        ),
    ]

    class OpenScene(Message):
        """Open a scene of the production."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class Checked(Message):
        """The worker read and checked every scene."""

        def __init__(self, found: Overview) -> None:
            super().__init__()
            self.found = found

    def __init__(self, production_path: Path) -> None:
        super().__init__()
        self.production_path = production_path
        self.folder = production_path.parent
        self.found: Overview | None = None
        self.scene_paths = scores_under(self.folder)

    def compose(self) -> ComposeResult:
        """The production's title, the scenes, the cast, the keys."""
        yield Static(
            Text(f"Production in {safe_line(self.folder.name)}/ · reading…"), id="production-intro"
        )
        with Horizontal(id="production-lists"):
            with Vertical(id="scene-column"):
                yield Static("Scenes (Enter opens)", classes="list-title")
                yield OptionList(
                    *(
                        Option(
                            Text(safe_line(scene_title(p) or p.name), style="bold").append(
                                "\n  checking…", style="dim"
                            ),
                            id=f"scene:{i}",
                        )
                        for i, p in enumerate(self.scene_paths)
                    ),
                    id="scenes",
                )
            with Vertical(id="cast-column"):
                yield Static("Cast (s: sheet)", classes="list-title")
                yield OptionList(id="cast")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the scenes and check them off the UI thread."""
        self.title = "Choreo"
        scenes = self.query_one("#scenes", OptionList)
        scenes.focus()
        if self.scene_paths:
            scenes.highlighted = 0
        else:
            scenes.add_option(Option("(no scenes yet)", disabled=True))
        self.check_all()

    @work(thread=True, exclusive=True, group="production-overview")
    def check_all(self) -> None:
        """Read and check every scene; post the result back."""
        self.post_message(self.Checked(overview(self.production_path)))

    @on(Checked)
    def _checked(self, event: Checked) -> None:
        found = self.found = event.found
        intro = self.query_one("#production-intro", Static)
        if found.production is None:
            intro.update(
                Text(f"✗ production.toml cannot be read:\n{safe_line(found.problem or '')}")
            )
            return
        info = found.production
        counts = f"{len(found.scenes)} scenes · {len(info.performers)} in the cast"
        line = Text(safe_line(info.production.title), style="bold")
        line.append(f"  ({counts}; {info.production.medium})\n")
        line.append(f"folder {safe_line(self.folder.name)}/", style="dim")
        intro.update(line)
        scenes = self.query_one("#scenes", OptionList)
        keep = scenes.highlighted
        self.scene_paths = [row.path for row in found.scenes]
        scenes.clear_options()
        scenes.add_options(
            Option(scene_option(row, self.folder), id=f"scene:{i}")
            for i, row in enumerate(found.scenes)
        )
        if found.scenes:
            scenes.highlighted = min(keep or 0, len(found.scenes) - 1)
        cast = self.query_one("#cast", OptionList)
        cast.clear_options()
        cast.add_options(Option(cast_option(p), id=f"cast:{p.id}") for p in info.performers)
        if info.performers:
            cast.highlighted = 0

    @on(OptionList.OptionSelected, "#scenes")
    def _open(self, event: OptionList.OptionSelected) -> None:
        index = int((event.option.id or "scene:0").partition(":")[2])
        if index < len(self.scene_paths):
            self.post_message(self.OpenScene(self.scene_paths[index]))

    @on(OptionList.OptionSelected, "#cast")
    def _cast_chosen(self) -> None:
        self.action_sheet()

    def action_sheet(self) -> None:
        """The highlighted cast member's sheet."""
        from choreo_tui.production.sheet_screen import SheetScreen

        cast = self.query_one("#cast", OptionList)
        if self.found is None or self.found.production is None:
            self.notify("Still reading the production: a moment.")
            return
        at = cast.highlighted
        performers = self.found.production.performers
        if at is None or at >= len(performers):
            self.notify("Choose a performer in the cast list first (Tab).", severity="warning")
            return
        self.app.push_screen(SheetScreen(self.folder, performers[at].id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape goes back only when a scene is open beneath."""
        if action == "back":
            return self._over_editor()
        return True

    def _over_editor(self) -> bool:
        from choreo_tui.screens.editor import EditorScreen

        return any(isinstance(s, EditorScreen) for s in self.app.screen_stack)

    def action_back(self) -> None:
        """Back to the scene being edited."""
        if self._over_editor():
            self.dismiss(None)

    def action_refresh(self) -> None:
        """Read and check every scene again."""
        self.check_all()

    def action_files(self) -> None:
        """The plain start screen: scores here, a new score, the samples."""
        from choreo_tui.screens.start import StartScreen

        self.app.push_screen(StartScreen(self.folder))
