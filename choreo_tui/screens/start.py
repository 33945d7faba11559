"""The start screen (``choreo`` alone): the scores in this folder, a new score, and the
bundled samples, each opened as a copy here, never in place."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from choreo_tui.samples import samples, scene_title, scores_in
from notation import LoadError
from notation.production import open_score
from notation.terminal import safe_line

CHECK_UP_TO = 256 * 1024
"""Files up to this size are read to mark the ones that cannot be opened; bigger ones
would slow the list, and opening them still explains any problem."""


def unreadable(path: Path) -> bool:
    """Whether a (small) score cannot be opened: not TOML, not a score, or invalid.

    Read as the editor opens it: a scene of a production through its production.
    """
    try:
        if path.stat().st_size > CHECK_UP_TO:
            return False
        open_score(path)
    except (LoadError, OSError):
        return True
    return False


def entry(path: Path, *, check: bool = False, broken: bool = False) -> Text:
    """A file in the list: its name, then its scene title, dimmed. A ``broken`` file (with
    ``check``: one found unreadable now) says it cannot be opened, with a mark, never by
    colour alone."""
    line = Text(f"  {safe_line(path.name)}")
    if broken or (check and unreadable(path)):
        line.append("  ✗ cannot be opened: Enter shows why", style="bold")
        return line
    title = scene_title(path)
    if title:
        line.append(f"  {safe_line(title)}", style="dim")
    return line


class StartScreen(Screen[None]):
    """Choose a score to open, start a new one, or copy a sample to learn from."""

    HELP = (
        "Up/Down choose, Enter opens. A sample is copied into this folder first, so the "
        "original is never changed. 'New score' asks for a title."
    )

    DEFAULT_CSS = """
    StartScreen #intro { padding: 1 2 0 2; height: auto; }
    StartScreen OptionList { margin: 1 2; height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New score", id="start_new"),
    ]

    class Open(Message):
        """Open a score in this folder."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class OpenSample(Message):
        """Copy a sample here and open the copy."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class New(Message):
        """Start a new score in this folder."""

    class Unreadable(Message):
        """The worker found that the local score at ``index`` cannot be opened."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class OpenSampleProduction(Message):
        """Copy a sample production's folder here and open the copy's start screen."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.local = scores_in(folder)
        self.samples = samples()
        from choreo_tui.production.copying import sample_productions

        self.productions = sample_productions()

    def compose(self) -> ComposeResult:
        """The choices."""
        # No Header here: its title watcher races the switch to the editor.
        yield Static(
            Content.assemble(
                ("Choreo", "bold"),
                ": choreograph intimate scenes beat by beat, checked against every "
                f"performer's boundaries.\nFolder: {self.folder}",
            ),
            id="intro",
        )
        options: list[Option | None] = [Option("+ New score…  (n)", id="new")]
        if self.local:
            options.append(None)
            options.append(Option("[b]Scores in this folder[/b]", disabled=True))
            options += [
                # Marked unreadable by a worker once the list is up (``_mark_unreadable``).
                Option(entry(p), id=f"local:{i}")
                for i, p in enumerate(self.local)
            ]
        if self.samples:
            options.append(None)
            options.append(
                Option("[b]Sample scenes[/b] (opened as a copy in this folder)", disabled=True)
            )
            options += [Option(entry(p), id=f"sample:{i}") for i, p in enumerate(self.samples)]
        if self.productions:
            from choreo_tui.production.copying import production_title

            options.append(None)
            options.append(
                Option("[b]Sample production[/b] (the whole folder copied here)", disabled=True)
            )
            options += [
                Option(
                    Text(f"  {p.name}/").append(f"  {safe_line(production_title(p))}", style="dim"),
                    id=f"production:{i}",
                )
                for i, p in enumerate(self.productions)
            ]
        yield OptionList(*options, id="choices")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the list."""
        self.title = "Choreo"
        self.query_one(OptionList).focus()
        if self.local:
            self._mark_unreadable(tuple(self.local))

    @work(thread=True, exclusive=True, group="start-marks")
    def _mark_unreadable(self, paths: tuple[Path, ...]) -> None:
        # Each small score is opened as the editor would (a production's scene with its
        # production.toml): on the UI thread that held the first frame for the disk.
        worker = get_current_worker()
        for index, path in enumerate(paths):
            if worker.is_cancelled:
                return
            if unreadable(path):
                self.post_message(self.Unreadable(index))

    @on(Unreadable)
    def _unreadable(self, event: Unreadable) -> None:
        path = self.local[event.index]
        self.query_one(OptionList).replace_option_prompt(
            f"local:{event.index}", entry(path, broken=True)
        )

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        kind, _, which = (event.option.id or "").partition(":")
        if kind == "new":
            self.post_message(self.New())
        elif kind == "local":
            self.post_message(self.Open(self.local[int(which)]))
        elif kind == "sample":
            self.post_message(self.OpenSample(self.samples[int(which)]))
        elif kind == "production":
            self.post_message(self.OpenSampleProduction(self.productions[int(which)]))

    def action_new(self) -> None:
        """Start a new score."""
        self.post_message(self.New())
