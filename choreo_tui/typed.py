"""Text still being typed in the beat form, for the recovery copy.

The form applies a field when Enter is pressed or the field is left; until then
the score does not hold it. A coordinator typing a long note in rehearsal must
not lose it to a crash, so the app reads the typed text once a second and puts
it into the recovery copy, without making it an edit (no undo step, no checks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.css.query import NoMatches

from choreo_tui.widgets.beat_form import TEXT_FIELDS, BeatForm
from notation import edits
from notation.model import Score

if TYPE_CHECKING:
    from choreo_tui.screens.editor import EditorScreen

Typed = tuple[int, dict[str, Any]]
"""The beat's index and its fields' typed text."""


def typed_text(editor: EditorScreen, score: Score) -> Typed | None:
    """The text fields typed but not yet applied to ``score``'s form beat, if any."""
    try:
        form = editor.query_one(BeatForm)
    except NoMatches:
        return None
    index = form.index
    if index is None or index >= len(score.beats) or form.beat is not score.beats[index]:
        return None
    typed: dict[str, Any] = {}
    try:
        for name in TEXT_FIELDS:
            typed.update(form.changes_from(name) or {})
    except NoMatches:
        # The once-a-second timer can fire while the form is being torn down
        # (closing the app); there is nothing typed to keep then.
        return None
    return (index, typed) if typed else None


def with_typed(score: Score, typed: Typed) -> Score:
    """``score`` with the typed text in its beat."""
    index, fields = typed
    return edits.update_beat(score, index, **fields)
