"""Every editor action as one command class: its key, id, footer text and help in one place.

The bindings, the footer, the command palette and the help screen are all
generated from these classes, so they cannot disagree. A command's ``id`` is the
name used in the user's keymap file to give it another key.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from functools import partial
from typing import ClassVar

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from choreo_tui.host import score_host


class Command:
    """One action the user can take. Subclasses set the class attributes below."""

    KEY: ClassVar[str]
    """The default key (Textual key names; several keys separated by commas)."""
    FOOTER: ClassVar[str]
    """Short text for the footer."""
    HELP: ClassVar[str]
    """One line for the palette and the help screen."""
    SHOW: ClassVar[bool] = True
    """Whether the footer shows the key."""
    PRIORITY: ClassVar[bool] = False
    """Whether the key works even while a text field has focus."""
    KEY_DISPLAY: ClassVar[str | None] = None

    @classmethod
    def id(cls) -> str:
        """The command's id: the class name in snake case (``AddBeat`` -> ``add_beat``)."""
        return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()

    @classmethod
    def action(cls) -> str:
        """The Textual action the command runs: ``action_<id>`` on its screen."""
        return cls.id()

    @classmethod
    def binding(cls) -> Binding:
        """The Textual binding of the command."""
        return Binding(
            cls.KEY,
            cls.action(),
            cls.FOOTER,
            show=cls.SHOW,
            key_display=cls.KEY_DISPLAY,
            priority=cls.PRIORITY,
            tooltip=cls.HELP,
            id=cls.id(),
        )


def bindings(commands: Iterable[type[Command]]) -> list[Binding]:
    """The bindings for a list of commands, for a ``BINDINGS`` class variable."""
    return [command.binding() for command in commands]


# The beat list.
class AddBeat(Command):
    """Add a beat after the selected one."""

    KEY, FOOTER, HELP = "a", "Add", "Add a new beat after the selected beat"


class InsertBeat(Command):
    """Insert a beat before the selected one."""

    KEY, FOOTER, HELP = "i", "Insert", "Insert a new beat before the selected beat"
    SHOW = False


class DuplicateBeat(Command):
    """Duplicate the selected beat, to adjust it."""

    KEY, FOOTER, HELP = "d", "Dup", "Duplicate the selected beat (the copy is not agreed)"
    SHOW = False


class DeleteBeat(Command):
    """Delete the selected beat."""

    KEY, FOOTER, HELP = "x,delete", "Delete", "Delete the selected beat (undo with ctrl+z)"
    SHOW = False
    KEY_DISPLAY = "x"


class MoveBeatUp(Command):
    """Move the selected beat one place earlier."""

    KEY, FOOTER, HELP = "left_square_bracket", "Up", "Move the selected beat one place earlier"
    SHOW = False


class MoveBeatDown(Command):
    """Move the selected beat one place later."""

    KEY, FOOTER, HELP = "right_square_bracket", "Down", "Move the selected beat one place later"
    SHOW = False


class NextProblem(Command):
    """Jump to the next beat with a problem."""

    KEY, FOOTER, HELP = "n", "Next ✗", "Jump to the next beat with a problem (✗ or ⚠)"


class PreviousProblem(Command):
    """Jump to the previous beat with a problem."""

    KEY, FOOTER, HELP = "N", "Prev ✗", "Jump to the previous beat with a problem (✗ or ⚠)"
    SHOW = False


# Editing the beat.
class QuickEntry(Command):
    """Type a touch as one line of notation."""

    KEY, FOOTER, HELP = "t", "Touch", "Add a touch by quick entry: ben rhand > ana upper_back 2c"


class EditBeat(Command):
    """Move into the form of the selected beat."""

    KEY, FOOTER, HELP = "e", "Edit", "Edit the selected beat in the form (Escape goes back)"


class AddPart(Command):
    """Add a touch, placement, barrier, garment or bare area to the beat."""

    KEY, FOOTER, HELP = "plus", "Part", "Add a touch, placement, barrier, garment or bare area"
    SHOW = False


class AgreeBeat(Command):
    """Record that performers agreed the selected beat."""

    KEY, FOOTER, HELP = "g", "Agree", "Record that named performers agreed the selected beat"


class SceneSettings(Command):
    """Edit the scene: title, medium, self-care cue, closed set, tempo."""

    KEY, FOOTER, HELP = "s", "Scene", "Edit the scene: title, medium, self-care cue, closed set"
    SHOW = False


class Cast(Command):
    """Open the cast: performers, boundaries, riders, garments."""

    KEY, FOOTER, HELP = "c", "Cast", "Open the cast: performers, boundaries, riders and garments"


class Replay(Command):
    """Replay the scene from the selected beat."""

    KEY, FOOTER, HELP = "r", "Replay", "Replay the scene beat by beat from the selected beat"


class Problems(Command):
    """Show the problems panel and move to it."""

    KEY, FOOTER, HELP = "p", "Problems", "Show every finding, grouped by beat; Enter jumps to it"


class Export(Command):
    """Write a director's copy beside the score."""

    KEY, FOOTER = "o", "Export"
    HELP = "Export a director's copy: HTML, Markdown or a score copy (no private notes)"
    SHOW = False


class Elsewhere(Command):
    """List the beats of other scenes that the last whole-production cast change flags."""

    KEY, FOOTER = "w", "Elsewhere"
    HELP = "Production: list the beats of other scenes the last cast change flags"
    SHOW = False


class Scenes(Command):
    """Show the production's scenes and cast, to open another scene or read a sheet."""

    KEY, FOOTER = "P", "Scenes"
    HELP = "Production: its scenes and cast (open another scene, read a sheet)"
    SHOW = False


class Pictures(Command):
    """Show or hide the stage plot and body map."""

    KEY, FOOTER, HELP = "v", "Pictures", "Show or hide the stage plot and body map"
    SHOW = False


class FocusBeats(Command):
    """Go back to the beat list."""

    KEY, FOOTER, HELP = "f2", "Beats", "Go back to the beat list"
    SHOW = False
    PRIORITY = True


# The usual comforts: they work everywhere, even while typing.
class Undo(Command):
    """Undo the last edit."""

    KEY, FOOTER, HELP = "ctrl+z", "Undo", "Undo the last edit"
    PRIORITY = True
    SHOW = False


class Redo(Command):
    """Redo the last undone edit."""

    KEY, FOOTER, HELP = "ctrl+y", "Redo", "Redo the last undone edit"
    PRIORITY = True
    SHOW = False


class Save(Command):
    """Save the score to its file."""

    KEY, FOOTER, HELP = "ctrl+s", "Save", "Save the score to its file"
    PRIORITY = True


class Help(Command):
    """Show the keys and the quick-entry grammar."""

    KEY, FOOTER, HELP = "f1,question_mark", "Help", "Show every key, help for where you are"
    KEY_DISPLAY = "F1"


class Quit(Command):
    """Quit, asking first when there are unsaved changes."""

    KEY, FOOTER, HELP = "ctrl+q", "Quit", "Quit (asks first when there are unsaved changes)"
    PRIORITY = True


EDITOR_COMMANDS: tuple[type[Command], ...] = (
    AddBeat,
    InsertBeat,
    DuplicateBeat,
    DeleteBeat,
    MoveBeatUp,
    MoveBeatDown,
    NextProblem,
    PreviousProblem,
    QuickEntry,
    EditBeat,
    AddPart,
    AgreeBeat,
    SceneSettings,
    Cast,
    Replay,
    Export,
    Elsewhere,
    Scenes,
    Problems,
    Pictures,
    FocusBeats,
    Undo,
    Redo,
    Save,
)
"""The editor screen's commands, in the order the help screen lists them."""

APP_COMMANDS: tuple[type[Command], ...] = (Help, Quit)
"""Commands that work on every screen."""

ALL_COMMANDS: tuple[type[Command], ...] = EDITOR_COMMANDS + APP_COMMANDS
COMMAND_IDS: frozenset[str] = frozenset(command.id() for command in ALL_COMMANDS)
"""Every id a keymap file may name."""


def palette_name(command: type[Command]) -> str:
    """The command's name in the palette: its help line."""
    return command.HELP


def key_of(command: type[Command], keymap: Mapping[str, str]) -> str:
    """The command's first key, after the user's keymap."""
    return keymap.get(command.id(), command.KEY).split(",")[0]


class CommandPalette(Provider):
    """The palette (ctrl+p) offers every command of the screen it was opened from."""

    def _available(self) -> list[tuple[type[Command], Callable[[], Awaitable[object]], str]]:
        screen, app = self.screen, self.app
        host = score_host(app)
        keymap: Mapping[str, str] = host.keymap if host is not None else {}
        found: list[tuple[type[Command], Callable[[], Awaitable[object]], str]] = []
        # A screen with commands of its own (replay) lists them first.
        own: tuple[type[Command], ...] = tuple(getattr(screen, "PALETTE_COMMANDS", ()))
        for command in dict.fromkeys((*own, *ALL_COMMANDS)):
            name = f"action_{command.action()}"
            target: Screen[object] | App[object] | None = (
                screen if hasattr(screen, name) else app if hasattr(app, name) else None
            )
            if target is None:
                continue
            display = command.KEY_DISPLAY if command.id() not in keymap else None
            key = display or app.get_key_display(Binding(key_of(command, keymap), ""))
            found.append((command, partial(target.run_action, command.action()), key))
        return found

    def _entries(self) -> list[tuple[str, Callable[[], Awaitable[object]], str]]:
        """(name, run, key) for every command, then the screen's other described keys.

        Screens built from plain bindings (the cast, dialogs) are offered too, so
        the palette always lists every action of the screen it was opened from.
        """
        entries = [(palette_name(c), run, key) for c, run, key in self._available()]
        covered = {name for name, _, _ in entries}
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            text = binding.tooltip or binding.description
            if not text or text in covered or not active.enabled:
                continue
            covered.add(text)
            run = partial(self.app.run_action, binding.action, active.node)
            entries.append((text, run, self.app.get_key_display(binding) or key))
        return entries

    async def discover(self) -> Hits:
        """Every command, when nothing is typed yet."""
        for name, run, key in self._entries():
            yield DiscoveryHit(name, run, help=f"key: {key}")

    async def search(self, query: str) -> Hits:
        """The commands whose help line matches what is typed."""
        matcher = self.matcher(query)
        for name, run, key in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=f"key: {key}")
