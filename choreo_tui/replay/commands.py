"""Every replay action as one command class: its key, id, footer text and help in one place.

They use the editor's ``Command`` base so the footer, the help screen and the
palette read them the same way. Their ids carry a ``replay.`` prefix, which the
keymap file accepts, so a rehearsal room can move any key (the hold keys too).
The hold and the navigation keys are priority bindings: they must win over the
scrolling beat pane, and the hold over everything.
"""

from __future__ import annotations

import dataclasses
import re

from textual.binding import BindingsMap

from choreo_tui.commands import Command


class ReplayCommand(Command):
    """A command of the replay screen: ``replay.<name>`` in keymaps, ``action_<name>`` to run."""

    @classmethod
    def name(cls) -> str:
        """The class name in snake case (``PlayPause`` -> ``play_pause``)."""
        return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()

    @classmethod
    def id(cls) -> str:
        """``replay.<name>``: unique beside the editor's ids."""
        return f"replay.{cls.name()}"

    @classmethod
    def action(cls) -> str:
        """The screen action: ``action_<name>``."""
        return cls.name()


class Hold(ReplayCommand):
    """The self-care cue."""

    KEY, FOOTER = "h,exclamation_mark", "HOLD"
    HELP = "HOLD: stop everything at once, log it, ask what they need"
    KEY_DISPLAY = "h/!"
    PRIORITY = True


class PlayPause(ReplayCommand):
    """Play or pause."""

    KEY, FOOTER, HELP = "space", "Play/pause", "Play or pause the scene at tempo"
    PRIORITY = True


class NextBeat(ReplayCommand):
    """Step to the next beat."""

    KEY, FOOTER, HELP = "right", "Next", "Next beat (also moves on from an untimed beat)"
    PRIORITY = True


class PreviousBeat(ReplayCommand):
    """Step back a beat."""

    KEY, FOOTER, HELP = "left", "Prev", "Previous beat"
    PRIORITY = True
    SHOW = False


class FirstBeat(ReplayCommand):
    """Go to the first beat."""

    KEY, FOOTER, HELP = "home", "First", "First beat"
    PRIORITY = True
    SHOW = False


class LastBeat(ReplayCommand):
    """Go to the last beat."""

    KEY, FOOTER, HELP = "end", "Last", "Last beat"
    PRIORITY = True
    SHOW = False


class Faster(ReplayCommand):
    """Speed up."""

    KEY, FOOTER, HELP = "plus,equals_sign", "Faster", "Faster (up to ×2)"
    KEY_DISPLAY = "+"
    SHOW = False


class Slower(ReplayCommand):
    """Slow down."""

    KEY, FOOTER, HELP = "minus", "Slower", "Slower (down to ×0.25)"
    KEY_DISPLAY = "-"
    SHOW = False


class MarkingRun(ReplayCommand):
    """Half speed, or back to tempo."""

    KEY, FOOTER, HELP = "m", "Marking", "Marking run at half speed (again: back to ×1)"
    SHOW = False


class Layer(ReplayCommand):
    """Touch only, touch and story, everything."""

    KEY, FOOTER, HELP = "l", "Layer", "Layer: touch only, touch + story, everything"


class ErrorStops(ReplayCommand):
    """Whether playback stops before beats with error findings."""

    KEY, FOOTER, HELP = "e", "Stops", "Stop before beats with ✗ findings: on or off"
    SHOW = False


class BoundaryChange(ReplayCommand):
    """Record a boundary change on the spot."""

    KEY, FOOTER, HELP = "b", "Boundary", "Record a boundary change on the spot"


class CheckIn(ReplayCommand):
    """Ask for the check-in again."""

    KEY, FOOTER, HELP = "c", "Check-in", "Check-in: who re-confirmed their boundaries today"
    SHOW = False


class CyclePictures(ReplayCommand):
    """Both pictures, the stage plot, the body map, or none."""

    KEY, FOOTER, HELP = "p", "Pictures", "Pictures: both, stage plot, body map, none"
    SHOW = False


class WhoseBodyMap(ReplayCommand):
    """The body map shows the next performer."""

    KEY, FOOTER, HELP = "w", "Whose map", "Body map of the next performer"
    SHOW = False


class EndRehearsal(ReplayCommand):
    """End the rehearsal, offering closure."""

    KEY, FOOTER, HELP = "q,escape", "End", "End the rehearsal, offering closure"


REPLAY_COMMANDS: tuple[type[ReplayCommand], ...] = (
    Hold,
    PlayPause,
    NextBeat,
    PreviousBeat,
    FirstBeat,
    LastBeat,
    Faster,
    Slower,
    MarkingRun,
    Layer,
    ErrorStops,
    BoundaryChange,
    CheckIn,
    CyclePictures,
    WhoseBodyMap,
    EndRehearsal,
)
"""The replay screen's commands, in the order the help screen lists them."""


def name_the_hold(bindings: BindingsMap, word: str) -> None:
    """Label the hold keys in ``bindings`` (a screen's own map) with the scene's cue word.

    The footer must name the stop by the word the room agreed ("PAUSE"), as the cue
    line does, never a word of replay's own. The screen's map shares its lists
    with the class's, so each list is replaced, never changed in place.
    """
    for key, found in list(bindings.key_to_bindings.items()):
        if any(binding.id == Hold.id() for binding in found):
            bindings.key_to_bindings[key] = [
                dataclasses.replace(
                    binding, description=word, tooltip=Hold.HELP.replace("HOLD", word, 1)
                )
                if binding.id == Hold.id()
                else binding
                for binding in found
            ]
