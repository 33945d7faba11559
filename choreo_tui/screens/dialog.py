"""One look for every question Choreo asks over a screen: the ``Dialog`` base class.

A dialog is a modal screen with one box in the middle (its first ``Vertical``),
framed, on the surface colour, as wide as its words need up to the terminal. Its
variants say what kind of question it is, never by colour alone (the words of
each dialog say it too): ``-wide`` for a dialog that shows what differs between
two versions, ``-warning`` for a question about the file on disk, ``-loud`` for
the rehearsal room's rituals, read from across a room.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A modal question in one framed box; subclasses add only their own rules."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    Dialog.-wide > Vertical { width: 90; }
    Dialog.-warning > Vertical { border: round $warning; }
    Dialog.-loud > Vertical { border: thick $accent; }
    Dialog VerticalScroll { height: auto; max-height: 14; margin: 1 0; background: $boost; }
    Dialog .buttons { height: 1; margin-top: 1; }
    Dialog Button { margin-right: 2; }
    Dialog Input { border: none; height: 1; padding: 0 1; background: $boost; }
    Dialog .question { margin-bottom: 1; }
    Dialog .error, Dialog .problem { color: $text-error; height: auto; }
    Dialog .warning { color: $text-warning; height: auto; }
    """
