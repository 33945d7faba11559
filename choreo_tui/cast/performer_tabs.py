"""The performer form's plain tabs: details and the nudity rider.

Only what they show; reading them back and re-checking stays with the form
(``performer_form``), which composes them inside its tabs.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from choreo_tui.cast.ticks import AreaTicks
from choreo_tui.widgets.notes_area import NotesArea
from choreo_tui.widgets.score_input import ScoreInput
from choreo_tui.widgets.tick import TickBox
from notation.model import Performer, Rider

DATE_HINT = "YYYY-MM-DD, or F4 for today"


def details_fields(p: Performer | None) -> ComposeResult:
    """Id, name, character, minor, guardian and private notes, as ``p`` has them."""
    yield Label("Id (a slug: ana, ben_2)")
    yield ScoreInput(p.id if p else "", id="id", compact=True)
    yield Static("", id="id-problem", classes="problem", markup=False)
    yield Label("Name")
    yield ScoreInput(p.name if p else "", id="name", compact=True)
    yield Static("", id="name-problem", classes="problem", markup=False)
    yield Label("Character")
    yield ScoreInput(p.character if p else "", id="character", compact=True)
    yield TickBox("Minor", p.minor if p else False, id="minor", compact=True)
    yield Label("Guardian or additional adult present")
    yield ScoreInput(p.guardian if p else "", id="guardian", compact=True)
    yield Static("", id="guardian-problem", classes="problem", markup=False)
    yield Label("Private notes (never shared)")
    yield NotesArea(p.private_notes if p else "", id="private_notes")


def rider_fields(rider: Rider | None) -> ComposeResult:
    """Whether there is a rider, when it was signed, simulated sex and what may be shown."""
    yield TickBox("Has a nudity rider", rider is not None, id="has-rider", compact=True)
    with Horizontal(classes="row"):
        yield Label("Signed")
        signed = rider.signed if rider else None
        yield Input(str(signed or ""), placeholder=DATE_HINT, id="signed", compact=True)
        yield Static("", id="signed-problem", classes="problem", markup=False)
    yield TickBox(
        "Agrees to simulated sex",
        rider.simulated_sex if rider else False,
        id="simulated",
        compact=True,
    )
    chosen = rider.may_expose if rider else ()
    yield AreaTicks("May expose", chosen, id="may-expose")
