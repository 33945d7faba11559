"""The current beat, large: number and countdown in big digits, then the beat in words."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Static

from choreo_tui.replay.beat_view import beat_text
from choreo_tui.terminal_filter import escaped
from notation.checks.context import surface
from notation.describe import timing_words
from notation.findings import Finding
from notation.model import Beat, Score
from notation.terminal import safe_line
from notation.timeline import Playhead


def starts_by_count(score: Score, beat: Beat) -> dict[int, list[str]]:
    """The touches of ``beat`` that begin after its first count, by that count ("Ben's
    right hand on Ana's waist"), for calling them as the counts go by.

    A touch begins with its beat unless its ``start`` says a later count (the format's
    default is 1), and the beat's words already list it: "on 1" would tell the room
    nothing, so only later counts are called, as the words say "from count N" only then.
    """
    found: dict[int, list[str]] = {}
    for touch in beat.touches:
        if touch.start <= 1:
            continue
        words = f"{surface(score.name_of(touch.by), touch.with_)} on "
        words += surface(score.name_of(touch.to), touch.on)
        found.setdefault(touch.start, []).append(safe_line(words))
    return found


def hanging(text: Text) -> Group:
    """Lines indented by two spaces keep that indent when they wrap, so items stand apart."""
    parts: list[Text | Padding] = []
    for line in text.split("\n"):
        if line.plain.startswith("  "):
            parts.append(Padding(line.divide([2])[1], (0, 0, 0, 2)))
        else:
            parts.append(line)
    return Group(*parts)


class BeatPanel(VerticalScroll):
    """What the room reads from a few steps away: which beat, how long is left, who does what."""

    DEFAULT_CSS = """
    BeatPanel { width: 1fr; padding: 0 1; }
    BeatPanel #big { height: 4; }
    BeatPanel #big Vertical { width: auto; margin-right: 3; }
    BeatPanel #big Digits { width: auto; }
    BeatPanel .big-label { color: $text-muted; width: auto; }
    BeatPanel #count-info { width: 1fr; padding-top: 1; }
    BeatPanel #title { text-style: bold; background: $boost; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.words = Text()
        """The beat in words as last drawn (plain text for tests and tools)."""
        self.starts: dict[int, list[str]] = {}
        """For the beat shown: count -> the touches that begin on it, in short words."""

    def compose(self) -> ComposeResult:
        """Beat number and countdown side by side, then the title and the words."""
        with Horizontal(id="big"):
            with Vertical():
                yield Static("BEAT", classes="big-label")
                yield Digits(id="number")
            with Vertical():
                yield Static("LEFT", classes="big-label", id="count-label")
                yield Digits(id="count")
            yield Static(id="count-info")
        yield Static(id="title", markup=False)  # a beat title is never markup
        yield Static(id="words")

    def show_beat(
        self,
        score: Score,
        index: int,
        layer: str,
        findings: Sequence[Finding],
        broken: bool,
    ) -> None:
        """Draw the beat at 0-based ``index`` (any index of a score without beats says so)."""
        title = self.query_one("#title", Static)
        words = self.query_one("#words", Static)
        number = self.query_one("#number", Digits)
        if not score.beats:
            self.starts = {}
            number.update("0")
            title.update("No beats yet")
            self.words = Text("Add beats in the editor, then replay them here.")
            words.update(self.words)
            return
        beat = score.beats[index]
        self.starts = starts_by_count(score, beat)
        number.update(str(index + 1))
        heading = f"{beat.title or '(untitled beat)'} · {timing_words(beat, score.scene.tempo)}"
        title.update(escaped(heading))
        self.words = escaped(beat_text(score, index, layer, findings, broken))
        words.update(hanging(self.words))

    def show_clock(self, playhead: Playhead) -> None:
        """Draw what is left of the current beat: counts or seconds, or that it waits."""
        value, unit = playhead.countdown()
        slot = playhead.slot
        count = self.query_one("#count", Digits)
        label = self.query_one("#count-label", Static)
        info = self.query_one("#count-info", Static)
        if slot is None or not slot.timed:
            count.update("")
            label.update("UNTIMED")
            info.update("waits for a manual step: → when ready")
            return
        count.update(str(value))
        label.update("COUNTS LEFT" if unit == "counts" else "SECONDS LEFT")
        lines = []
        if slot.counts is not None and slot.tempo is not None:
            now = slot.count_at(playhead.offset)
            lines.append(f"count {now} of {slot.counts} at {slot.tempo:g}/min")
            # A touch that starts on a later count is called as its count comes.
            starting = self.starts.get(now or 0, [])
            if starting:
                lines.append(f"▶ on {now}: " + "; ".join(starting))
        if slot.seconds is not None:
            lines.append(f"{slot.seconds:g} s")
        info.update(Text("\n".join(lines)))  # names are never markup
