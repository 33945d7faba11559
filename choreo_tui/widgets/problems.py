"""The problems panel: every finding, grouped by beat; Enter jumps to where it is."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from notation.findings import MARK, Finding, worst
from notation.model import Score
from notation.terminal import safe, safe_line

NARROW = 110
"""Below this many columns the panel and the beat list do not fit side by side: while
the panel has focus it takes the whole width, and it closes when left."""

GROUP_LIMIT = 200
"""At most this many findings are listed, so a huge broken score stays responsive."""


def problem_options(score: Score, findings: list[Finding]) -> list[Option]:
    """The panel's entries: a heading per beat (and the scene), then its findings."""
    options: list[Option] = []
    if not findings:
        return [Option("✓ No problems: every beat is inside what was agreed.", disabled=True)]
    by_beat: dict[int | None, list[Finding]] = {}
    for finding in findings[:GROUP_LIMIT]:
        by_beat.setdefault(finding.beat, []).append(finding)
    group: int | str | None = "start"
    for i, finding in enumerate(findings[:GROUP_LIMIT]):
        if finding.beat != group:
            group = finding.beat
            mark = MARK[worst(by_beat[group]) or "ok"]
            if group is None:
                heading = f"{mark} Scene"
            else:
                index = group - 1
                title = score.beats[index].title if 0 <= index < len(score.beats) else ""
                heading = f"{mark} Beat {group}" + (f" · {title}" if title else "")
            options.append(Option(Text(safe_line(heading), style="bold"), disabled=True))
        text = Text.assemble(
            f"  {finding.mark} ", (finding.code, "bold"), f" {safe(finding.message)}"
        )
        options.append(Option(text, id=str(i)))
    if len(findings) > GROUP_LIMIT:
        more = len(findings) - GROUP_LIMIT
        options.append(Option(f"… and {more} more: fix these first.", disabled=True))
    return options


class ProblemsPanel(OptionList):
    """Every finding of the score; Enter on one jumps to its beat and field."""

    HELP = (
        "Every finding, grouped by beat: ✗ error, ⚠ warning, ℹ note. Enter jumps to the "
        "beat and the touch or field concerned. Escape goes back to the beat list."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Beat list", show=False, id="problems_leave"),
    ]

    class Jump(Message):
        """The user chose a finding."""

        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    class Leave(Message):
        """The user wants to go back to the beat list."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[Finding] = []
        self._fitted: tuple[Size, Size, Size] | None = None
        """(size, virtual size, room) the scrollbar was last fitted to."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # As for the beat list (beat_list.py): a layout pass hands the panel the size of
        # its children (none), never its own lines, so every pass fitted its scrollbar
        # again and redrew it whole (19 lines of each move between the first two beats,
        # where the parts table's scrollbar comes and goes). New findings fit it
        # themselves (OptionList does when its lines change).
        now = (size, self.virtual_size, container_size)
        if now == self._fitted:
            return False
        self._fitted = now
        return super()._size_updated(size, virtual_size, container_size, layout)

    def show(self, score: Score, findings: list[Finding]) -> None:
        """List ``findings`` (skipped when they are the ones already shown)."""
        if findings == self.findings and self.option_count:
            return
        self.findings = list(findings)
        highlighted = self.highlighted
        self.set_options(problem_options(score, self.findings))
        if highlighted is not None and self.option_count:
            self.highlighted = min(highlighted, self.option_count - 1)

    def on_focus(self) -> None:
        """At 80 columns, a finding beside the beat list wrapped every few words and
        squeezed the beat titles to "B101: a …": there the focused panel takes the
        width of the beat list (the screen's ``-problems-alone`` class, in choreo.tcss)."""
        self.screen.set_class(self._narrow(), "-problems-alone")

    def on_blur(self) -> None:
        """The beat list comes back."""
        self.screen.remove_class("-problems-alone")

    def _narrow(self) -> bool:
        return self.screen.size.width < NARROW

    def _close_when_narrow(self) -> None:
        # Left open beside the list at 80 columns, it would squeeze the titles again.
        if self._narrow():
            self.display = False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a finding jumps to it."""
        event.stop()
        if event.option.id is not None:
            self._close_when_narrow()
            self.post_message(self.Jump(self.findings[int(event.option.id)]))

    def action_leave(self) -> None:
        """Back to the beat list."""
        self._close_when_narrow()
        self.post_message(self.Leave())
