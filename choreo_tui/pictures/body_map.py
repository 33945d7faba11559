"""The BodyMap widget: one performer's boundaries on a front and back outline."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from choreo_tui.pictures.body import default_performer, render_body
from choreo_tui.terminal_filter import escaped
from notation.model import Score


class BodyMap(Widget):
    """Each area of one performer marked ✓ yes, ? ask or ✗ no; ● marks contact now.

    ``show(score, beat_index, performer)`` draws it; without a performer it keeps
    the one selected before (if still in the score), else the first touched in
    the beat. ``select`` and ``cycle`` change the performer; ``compact`` gives
    the 22-column form for 80x24.
    """

    HELP = """\
The body map of one performer, front (face to face: their right is on your left) and
back. Each area starts with its status: ✓ yes, ? ask first, ✗ no, then is shaded
░ ▒ ▓ (colour only repeats the marks). ● marks an area in contact in this beat;
those areas are listed in words underneath, with their conditions."""

    DEFAULT_CSS = """
    BodyMap {
        width: 60;
        height: auto;
    }
    BodyMap.compact {
        width: 30;
    }
    """

    compact: reactive[bool] = reactive(False, layout=True)

    def __init__(
        self,
        *,
        compact: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._score: Score | None = None
        self._beat: int | None = None
        self.performer: str | None = None
        """The id of the performer shown (None until a score with performers is shown)."""
        self._chosen = False
        self.set_reactive(BodyMap.compact, compact)
        self.set_class(compact, "compact")

    def watch_compact(self, compact: bool) -> None:
        """Switch between the full and the compact width."""
        self.set_class(compact, "compact")

    def show(self, score: Score, beat_index: int | None, performer: str | None = None) -> None:
        """Draw ``performer`` (or the one already selected) for the beat at ``beat_index``."""
        self._score, self._beat = score, beat_index
        if performer is not None and performer in score.by_id:
            self.performer, self._chosen = performer, True
        elif not (self._chosen and self.performer in score.by_id):
            self.performer, self._chosen = default_performer(score, beat_index), False
        self.refresh(layout=True)

    def select(self, performer: str | None) -> None:
        """Show this performer from now on (None: follow the beat again)."""
        self._chosen = performer is not None
        self.performer = performer
        if self._score is not None:
            self.show(self._score, self._beat, performer)

    def cycle(self) -> str | None:
        """Select the next performer in the score's order; returns their id."""
        if self._score is None or not self._score.performers:
            return None
        ids = [p.id for p in self._score.performers]
        current = ids.index(self.performer) if self.performer in ids else -1
        self.select(ids[(current + 1) % len(ids)])
        return self.performer

    def render(self) -> Text:
        """The body map as text."""
        if self._score is None:
            return Text("Body map: no score yet.", style="italic")
        return escaped(render_body(self._score, self._beat, self.performer, compact=self.compact))
