"""Text still being typed in the beat form, for the recovery copy.

The form applies a field when Enter is pressed or the field is left; until then
the score does not hold it. A coordinator typing a long note in rehearsal must
not lose it to a crash, so the form says what is typed (``Typing``, bubbling up
to the app) and the app puts it into the recovery copy once a second, without
making it an edit (no undo step, no checks). Nobody reads the form's fields from
outside it.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message

from notation import edits
from notation.model import Beat, Score

Typed = tuple[int, dict[str, Any]]
"""The beat's index and its fields' typed text."""


class Typing(Message):
    """The beat form's text fields now read ``fields`` (only those that differ from ``beat``)."""

    def __init__(self, index: int, beat: Beat, fields: dict[str, Any]) -> None:
        super().__init__()
        self.index = index
        self.beat = beat
        """The beat the text was typed over: it counts only while the score still holds it."""
        self.fields = fields


def typed_now(typing: Typing | None, score: Score) -> Typed | None:
    """What ``typing`` says is typed but not yet applied to ``score``, if it still applies."""
    if typing is None or not typing.fields:
        return None
    index = typing.index
    if index >= len(score.beats) or score.beats[index] is not typing.beat:
        return None  # applied since, or the beat is gone: nothing pending any more
    return (index, typing.fields)


def with_typed(score: Score, typed: Typed) -> Score:
    """``score`` with the typed text in its beat."""
    index, fields = typed
    return edits.update_beat(score, index, **fields)
