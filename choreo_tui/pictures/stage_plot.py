"""The StagePlot widget: where everyone is in one beat, as the house sees it."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from choreo_tui.pictures.plot import render_plot
from choreo_tui.terminal_filter import escaped
from notation.model import Score


class StagePlot(Widget):
    """The nine stage areas plus off, with a marker per performer and the barriers.

    Call ``show(score, beat_index)`` whenever the score or the beat changes; set
    ``compact`` for the 28-column form that fits beside other panes at 80x24.
    """

    HELP = """\
The stage plot, as the house sees it: upstage at the top, stage right on the left,
and the audience (theatre) or camera (film, tv) at the bottom. Each performer is a
letter, an arrow for their facing (· when none) and their level (s standing,
k kneeling, t seated, l lying, f lifted). ≡ marks a barrier between two performers."""

    DEFAULT_CSS = """
    StagePlot {
        width: 58;
        height: auto;
    }
    StagePlot.compact {
        width: 28;
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
        self.set_reactive(StagePlot.compact, compact)
        self.set_class(compact, "compact")

    def watch_compact(self, compact: bool) -> None:
        """Switch between the full and the compact width."""
        self.set_class(compact, "compact")

    def show(self, score: Score, beat_index: int | None) -> None:
        """Draw the beat at 0-based ``beat_index`` of ``score`` (None: an empty stage)."""
        self._score, self._beat = score, beat_index
        self.refresh(layout=True)

    def render(self) -> Text:
        """The plot as text."""
        if self._score is None:
            return Text("Stage plot: no score yet.", style="italic")
        return escaped(render_plot(self._score, self._beat, compact=self.compact))
