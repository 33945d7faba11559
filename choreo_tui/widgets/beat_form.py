"""The one form bound to the selected beat: title, notes, timing, flags and its parts.

There is one form for the whole score, rebound when the selection moves, never a
widget tree per beat. A field is applied when you press Enter or leave it; a value
that is not valid stays in its field with a message, and nothing is applied.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Checkbox, Input, Label, Static

from choreo_tui.numbers import NumberRefused, read_positive, read_whole
from choreo_tui.typed import Typing
from choreo_tui.widgets.notes_area import NotesArea
from choreo_tui.widgets.parts import PartsTable
from choreo_tui.widgets.score_input import ScoreField
from choreo_tui.widgets.status_line import StatusLine
from choreo_tui.widgets.tick import Tick
from notation.agreement import is_current
from notation.describe import and_list, counted
from notation.findings import MARK, SEVERITY_RANK, Finding, worst
from notation.model import Beat, Score, Timing
from notation.terminal import safe, safe_line

TEXT_FIELDS = ("title", "notes", "private_notes")
NOTE_FIELDS = ("notes", "private_notes")
"""Multi-line: a ``NotesArea`` each, applied when left (Enter is a new line there)."""
TIMING_FIELDS = ("counts", "seconds", "tempo", "cue")
FLAGS = ("simulated", "placeholder")


def agreement_words(score: Score, beat: Beat) -> str:
    """ "agreed by Ana and Ben on 2026-11-20", "◇ agreement lapsed: ..." or "not agreed"."""
    agreed = beat.agreed
    if agreed is None or not agreed.by:
        return "not agreed yet (g records agreement)"
    names = and_list([score.name_of(who) for who in agreed.by])
    when = f" on {agreed.on.isoformat()}" if agreed.on else ""
    if is_current(beat):
        return f"◆ agreed by {names}{when}"
    return f"◇ agreement lapsed: the beat changed after {names} agreed it{when}"


def status_words(score: Score, index: int, findings: list[Finding], checked: bool = True) -> str:
    """The line over the form: which beat, its problems and its agreement."""
    beat = score.beats[index]
    level = worst(findings)
    count = len(findings)
    problems = f"{MARK[level]} {count} problem{'s' if count != 1 else ''}" if level else "✓ fine"
    if not checked:
        problems = "· still checking"
    return f"Beat {index + 1} of {len(score.beats)} · {problems} · {agreement_words(score, beat)}"


def finding_line(findings: list[Finding]) -> str:
    """The selected beat's most serious finding in one line, and how many more there are."""
    if not findings:
        return ""
    first = min(findings, key=lambda f: SEVERITY_RANK[f.severity])
    more = f" (+{len(findings) - 1} more: p lists them)" if len(findings) > 1 else ""
    return f"{first.mark} {first.code} {first.message}{more}"


class BeatForm(Vertical):
    """The editor form for the selected beat."""

    HELP = (
        "The selected beat. Tab moves between fields; Enter or leaving a field applies it. "
        "Timing: counts or seconds (not both), an optional tempo and cue. Escape or F2 goes "
        "back to the beat list."
    )

    DEFAULT_CSS = """
    BeatForm { height: auto; padding: 0 1; }
    BeatForm.-short #beat-note { height: 2; }
    BeatForm.-short PartsTable { height: 3; }
    BeatForm #beat-status { height: 1; color: $text-muted; }
    BeatForm #beat-note { height: 2; color: $text-warning; }
    BeatForm #beat-note.-error { color: $text-error; }
    BeatForm .row { height: 1; }
    BeatForm .row > Label { width: auto; padding: 0 1 0 0; color: $text-muted; }
    BeatForm .row > Input { height: 1; border: none; padding: 0 1; width: 1fr; }
    BeatForm .row > Input.short { width: 8; }
    BeatForm .row > Checkbox { height: 1; border: none; padding: 0 1; width: auto; }
    BeatForm PartsTable { height: 5; }
    BeatForm .notes-row { height: 3; }
    BeatForm.-short .notes-row { height: 2; }
    BeatForm .notes-row > Label { width: auto; padding: 0 1 0 0; color: $text-muted; }
    BeatForm .notes-row > NotesArea { width: 1fr; height: 100%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Beat list", show=False, id="form_leave"),
    ]

    class Edited(Message):
        """Fields of the selected beat were changed in the form."""

        def __init__(self, index: int, beat: Beat, changes: dict[str, Any]) -> None:
            super().__init__()
            self.index = index
            self.beat = beat
            """The beat as it was when edited: the edit applies only if it is still there."""
            self.changes = changes

    class Leave(Message):
        """The user wants to go back to the beat list."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.beat: Beat | None = None
        self.index: int | None = None
        self.findings_text = ""
        self._shown: dict[str, str] = {}
        """The words each status line shows now (drawing the same words again is skipped)."""
        self._shows: dict[str, ScoreField | NotesArea] = {}
        self._ticks: dict[str, Checkbox] = {}

    def compose(self) -> ComposeResult:
        """Status line, three rows of fields, the message line and the parts."""
        yield StatusLine(id="beat-status")
        with Horizontal(classes="row"):
            yield Label("Title")
            yield ScoreField(id="title", compact=True)
            yield Label("Counts")
            # Text, not "integer"/"number": those drop keys silently (2.5 became 25);
            # the text is read when applied and refused with a reason (choreo_tui.numbers).
            yield ScoreField(id="counts", compact=True, classes="short")
            yield Label("Secs")
            yield ScoreField(id="seconds", compact=True, classes="short")
            yield Label("Tempo")
            yield ScoreField(id="tempo", compact=True, classes="short")
        with Horizontal(classes="row"):
            yield Label("Cue")
            yield ScoreField(id="cue", compact=True)
            yield Tick("simulated", id="simulated", compact=True)
            yield Tick("placeholder", id="placeholder", compact=True)
        with Horizontal(classes="notes-row"):
            yield Label("Notes")
            yield NotesArea(id="notes")
            yield Label("Private")
            yield NotesArea(id="private_notes")
        yield Static("", id="beat-note")
        yield PartsTable(id="parts")

    def bind(
        self, score: Score, index: int | None, findings: list[Finding], checked: bool = True
    ) -> None:
        """Show beat ``index`` of ``score`` (or nothing) without sending edits."""
        beat = score.beats[index] if index is not None and score.beats else None
        self.beat = beat
        self.index = index if beat is not None else None
        if self.disabled != (beat is None):
            self.disabled = beat is None
        self._look_up()
        with self.prevent(Input.Changed, Checkbox.Changed, NotesArea.Changed):
            timing = beat.timing if beat else None
            values: dict[str, str] = {
                "title": beat.title if beat else "",
                "notes": beat.notes if beat else "",
                "private_notes": beat.private_notes if beat else "",
                "counts": str(timing.counts) if timing and timing.counts else "",
                "seconds": f"{timing.seconds:g}" if timing and timing.seconds else "",
                "tempo": f"{timing.tempo:g}" if timing and timing.tempo else "",
                "cue": timing.cue if timing else "",
            }
            for name, value in values.items():
                self._shows[name].show(value)
            for flag in FLAGS:
                self._ticks[flag].value = bool(beat and getattr(beat, flag))
        status = (
            status_words(score, index, findings, checked)
            if beat is not None and index is not None
            else "No beat selected: press a to add one."
        )
        # Fixed-height lines: updating them never re-lays out the screen, which keeps
        # moving from beat to beat cheap on a big score. A line whose words are the same
        # is left alone: it is not drawn again.
        self.query_one("#beat-status", StatusLine).show(safe_line(status))
        self.findings_text = finding_line(findings)
        self.note(self.findings_text)
        self.query_one(PartsTable).show(score, beat, findings, self.index)

    def _look_up(self) -> None:
        """Find once what every bind shows (the form is composed once): a lookup by id
        for each of ten widgets was a part of every move."""
        if self._shows:
            return
        for name in NOTE_FIELDS:
            self._shows[name] = self.query_one(f"#{name}", NotesArea)
        for name in ("title", *TIMING_FIELDS):
            self._shows[name] = self.query_one(f"#{name}", ScoreField)
        self._ticks.update({flag: self.query_one(f"#{flag}", Checkbox) for flag in FLAGS})

    def _line(self, selector: str, text: str) -> Static:
        line = self.query_one(selector, Static)
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            line.update(Text(text), layout=False)
        return line

    def note(self, text: str, *, error: bool = False) -> None:
        """The line under the fields: what is wrong with a field, else the beat's findings."""
        self._line("#beat-note", safe(text)).set_class(error, "-error")

    def timing(self) -> Timing | None:
        """The timing the fields describe; raises NumberRefused or ValidationError when
        it is not valid."""
        text = {name: self.query_one(f"#{name}", Input).value.strip() for name in TIMING_FIELDS}
        data: dict[str, Any] = {"cue": self.query_one("#cue", Input).value}
        numbers = {
            "counts": read_whole(text["counts"], "Counts", "4"),
            "seconds": read_positive(text["seconds"], "Secs", "2.5"),
            "tempo": read_positive(text["tempo"], "Tempo", "72"),
        }
        data.update({name: value for name, value in numbers.items() if value is not None})
        if len(data) == 1 and not data["cue"].strip():
            return None
        return Timing.model_validate(data)

    def changes_from(self, name: str) -> dict[str, Any] | None:
        """The beat changes a field's present text makes; None when nothing changes."""
        if self.beat is None:
            return None
        if name in TEXT_FIELDS:
            value = self._text(name)
            return None if value == getattr(self.beat, name) else {name: value}
        if name in TIMING_FIELDS:
            try:
                timing = self.timing()
            except NumberRefused as error:
                # Short enough for one line at 80 columns: what is wrong, and what stays.
                self.note(f"✗ {error} · the beat keeps {self._kept()}", error=True)
                return None
            except ValidationError as error:
                item = error.errors()[0]
                where = ".".join(str(p) for p in item["loc"]) or "timing"
                self.note(f"✗ {where}: {item['msg']} (not applied: fix the field)", error=True)
                return None
            self.note(self.findings_text)
            return None if timing == self.beat.timing else {"timing": timing}
        return None

    def _kept(self) -> str:
        """The timing the beat keeps while a field is refused, in words."""
        timing = self.beat.timing if self.beat is not None else None
        if timing is None or (timing.counts is None and timing.seconds is None):
            return "no timing"
        if timing.counts is not None:
            return counted(timing.counts, "count")
        return f"{timing.seconds:g} s"

    def commit(self, name: str) -> None:
        """Apply a field, when it changed and is valid."""
        changes = self.changes_from(name)
        if changes and self.beat is not None and self.index is not None:
            self.post_message(self.Edited(self.index, self.beat, changes))

    def pending(self) -> dict[str, Any]:
        """Every change still being typed, to apply before a save, an undo or a move."""
        changes: dict[str, Any] = {}
        for name in (*TEXT_FIELDS, "counts"):
            changes.update(self.changes_from(name) or {})
        return changes

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id:
            self.commit(event.input.id)

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        self._post_typing(event.input.id)

    def _post_typing(self, changed: str | None) -> None:
        # What is typed but not applied goes up to the app for the recovery copy.
        beat, index = self.beat, self.index
        if beat is None or index is None or changed not in TEXT_FIELDS:
            return
        fields = {
            name: value
            for name in TEXT_FIELDS
            if (value := self._text(name)) != getattr(beat, name)
        }
        self.post_message(Typing(index, beat, fields))

    @on(NotesArea.Changed)
    def _typing_notes(self, event: NotesArea.Changed) -> None:
        event.stop()
        self._post_typing(event.text_area.id)

    @on(NotesArea.Left)
    def _left_notes(self, event: NotesArea.Left) -> None:
        event.stop()
        if event.area.id:
            self.commit(event.area.id)

    def _text(self, name: str) -> str:
        """The present text of a text field, one-line or notes."""
        if name in NOTE_FIELDS:
            return self.query_one(f"#{name}", NotesArea).value
        return self.query_one(f"#{name}", Input).value

    @on(Input.Blurred)
    def _blurred(self, event: Input.Blurred) -> None:
        if event.input.id:
            self.commit(event.input.id)

    @on(Checkbox.Changed)
    def _flag(self, event: Checkbox.Changed) -> None:
        event.stop()
        name = event.checkbox.id
        beat, index = self.beat, self.index
        if beat is None or index is None or name not in FLAGS:
            return
        if getattr(beat, name) != event.value:
            self.post_message(self.Edited(index, beat, {name: event.value}))

    def action_leave(self) -> None:
        """Back to the beat list."""
        self.post_message(self.Leave())
