"""Findings: what the checker says about a score, with the contract's codes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]

SEVERITY: dict[str, Severity] = {
    "B101": "error",
    "B102": "error",
    "B103": "error",
    "B104": "warning",
    "B105": "error",
    "N201": "error",
    "N202": "error",
    "N203": "error",
    "S301": "error",
    "S302": "error",
    "S303": "error",
    "C401": "warning",
    "C402": "error",
    "C403": "error",
    "C404": "error",
    "C405": "info",
    "T501": "warning",
    "T502": "error",
    "T503": "warning",
    "T504": "warning",
    "T505": "error",
    "T506": "warning",
}
"""Every rule code of format 1 and its fixed severity."""

# The production codes, kept apart from the scene codes above: only a score read
# through its production (notation.production) can give them.
SEVERITY.update({"P601": "error", "P602": "info"})

RULE_WORDS: dict[str, str] = {
    "B101": "touches a 'no' area",
    "B102": "touches with a 'no' area",
    "B103": "touches where the giver will not",
    "B104": "an 'ask' area not agreed",
    "B105": "a condition on an area unmet",
    "N201": "bare outside the rider",
    "N202": "bare with no rider",
    "N203": "nudity without a closed set",
    "S301": "no rider agreeing to simulated sex",
    "S302": "no barrier between performers",
    "S303": "no garment covering the groin",
    "C401": "agreement lapsed",
    "C402": "no self-care cue",
    "C403": "a minor without a guardian",
    "C404": "a minor in nudity or simulated sex",
    "C405": "touched, no boundaries recorded",
    "T501": "no timing",
    "T502": "both counts and seconds",
    "T503": "apart on stage while in contact",
    "T504": "a kiss without mouth or counts",
    "T505": "an id that names no performer",
    "T506": "a touch past its beat's counts",
    "P601": "not in the cast, and no name",
    "P602": "wider than the production's record",
}
"""A few words for each rule code, after the contract's table: every place that names a
rule by its code (the cast's re-check, the docs' table) takes its words from here."""

Words = str | Callable[[], str] | tuple[Any, ...]
"""A finding's message: the words, a function of no arguments that builds them, or
a recipe ``(build, *args)`` whose words are ``build(*args)``. A recipe is one small
tuple where a function would be a closure, its cells or a ``partial`` and its
arguments: a draft's check makes tens of thousands, and the collector walks each."""

CODE_RANK: dict[str, int] = {code: rank for rank, code in enumerate(sorted(SEVERITY))}
"""Each rule code's place when codes are sorted as strings."""

_RANKS = 64
"""More than there are codes: ``(touch + 1) * _RANKS + CODE_RANK[code]`` orders by
touch, then code."""
assert len(CODE_RANK) < _RANKS

SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
MARK: dict[str, str] = {"error": "✗", "warning": "⚠", "info": "ℹ", "ok": "✓"}
"""The mark that goes with each severity, so colour never carries meaning alone."""


class Finding:
    """One place a score crosses a boundary, the protocol or the craft rules.

    ``beat`` is 1-based, or None for scene-level findings. ``line`` is the line
    of the table concerned when the score was read from a file. ``touch`` is the
    0-based index of the touch concerned, when there is one, so an editor can
    jump to it.

    Immutable. The line may be given, or worked out on first use by ``locate``:
    the editor never reads lines, and looking them up in a big file cost as much
    as the rest of a full check, so only those who print a finding pay for it.

    The message likewise: a plain string, or a function of no arguments that
    builds it when first read (and is then dropped). A draft score has tens of
    thousands of findings whose words nobody reads (the editor shows one beat's),
    and building them cost as much as finding them. Such a function (or a recipe,
    see ``Words``) must depend only on immutable values (the score, its beat and
    touch), so that reading the message later gives exactly the words checking
    would have given.
    """

    __slots__ = ("_line", "_locate", "_message", "beat", "code", "touch")

    beat: int | None
    code: str
    touch: int | None
    _message: Words
    _line: int | None
    _locate: Callable[[], int | None] | None

    def __init__(
        self,
        beat: int | None,
        code: str,
        message: Words,
        line: int | None = None,
        touch: int | None = None,
        *,
        locate: Callable[[], int | None] | None = None,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "beat", beat)
        set_(self, "code", code)
        set_(self, "_message", message)
        set_(self, "touch", touch)
        set_(self, "_line", line)
        set_(self, "_locate", locate if line is None else None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Finding is immutable: cannot set {name!r}")

    @property
    def message(self) -> str:
        """What is wrong and what would fix it, in plain words."""
        message = self._message
        if not isinstance(message, str):
            # Two threads may both build it; they get the same words.
            message = message[0](*message[1:]) if isinstance(message, tuple) else message()
            object.__setattr__(self, "_message", message)
        return message

    def renumbered(self, beat: int, locate: Callable[[], int | None]) -> Finding:
        """The same finding on beat ``beat`` (its beat moved), with its line found by
        ``locate``; the message stays unbuilt if it was."""
        return Finding(beat, self.code, self._message, touch=self.touch, locate=locate)

    @property
    def line(self) -> int | None:
        """The file line of the table the finding concerns, when read from a file."""
        locate = self._locate
        if locate is not None:
            # Two threads may both work it out; they get the same answer.
            object.__setattr__(self, "_line", locate())
            object.__setattr__(self, "_locate", None)
        return self._line

    def _key(self) -> tuple[int | None, str, str, int | None, int | None]:
        return (self.beat, self.code, self.message, self.line, self.touch)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Finding(beat={self.beat!r}, code={self.code!r}, message={self.message!r}, "
            f"line={self.line!r}, touch={self.touch!r})"
        )

    @property
    def severity(self) -> Severity:
        """The severity fixed by the contract for this code."""
        return SEVERITY[self.code]

    @property
    def mark(self) -> str:
        """✗, ⚠ or ℹ for this finding's severity."""
        return MARK[self.severity]


class BeatFinding(Finding):
    """A finding on a beat (and maybe one of its touches) of a score read from a file,
    whose line is looked up from its beat and touch when first read.

    The same finding as ``Finding(beat, code, message, touch=touch, locate=...)``
    with a locator for that beat and touch, but made without one: ``lines`` is the
    score's ``line_of``, shared by every finding of a check, so a finding costs the
    collector one object instead of three.

    Immutable like every ``Finding`` once made: it is made writable (this class
    keeps ``object.__setattr__``, so its slots are set by plain, specialised
    stores) and sealed at the end of ``__init__`` by becoming a ``SealedBeatFinding``,
    a subclass with the same slots that refuses every change again. A draft's
    check makes tens of thousands of these, and setting six slots through
    ``Finding``'s guard cost twice the rest of making one.
    """

    __slots__ = ("order",)
    # object's own, not a function calling it: only then does Python set the slots
    # with its fast stores (mypy reads object's signature as a different one).
    __setattr__ = object.__setattr__  # type: ignore[assignment]

    def __init__(
        self,
        beat: int,
        code: str,
        message: Words,
        touch: int | None,
        lines: Callable[..., int | None],
    ) -> None:
        self.beat = beat
        self.code = code
        self._message = message
        self.touch = touch
        self._line = None
        self._locate = lines
        # Its place among its beat's findings, as one int: sorting a beat's findings
        # by it (read in C) cost a third of sorting by a key function's tuples.
        self.order = CODE_RANK[code] if touch is None else (touch + 1) * _RANKS + CODE_RANK[code]
        # Sealed: from here on it refuses every change (same slots, so Python
        # allows the switch; nothing else holds the finding yet).
        self.__class__ = SealedBeatFinding

    order: int
    """Where it goes among its beat's findings: by touch (the beat's own findings
    first), then by code. Two findings in the same place have the same ``order``."""

    @property
    def line(self) -> int | None:
        """The file line of the beat's touch (or of the beat), when read from a file."""
        lines: Callable[..., int | None] | None = self._locate
        if lines is not None:
            index = (self.beat or 0) - 1
            touch = self.touch
            line = (
                lines("beats", index) if touch is None else lines("beats", index, "touches", touch)
            )
            # Two threads may both work it out; they get the same answer.
            object.__setattr__(self, "_line", line)
            object.__setattr__(self, "_locate", None)
        return self._line


class SealedBeatFinding(BeatFinding):
    """What every ``BeatFinding`` is once made: immutable, like every ``Finding``."""

    __slots__ = ()
    __setattr__ = Finding.__setattr__


def worst(findings: list[Finding] | tuple[Finding, ...]) -> Severity | None:
    """The most severe severity among findings, or None when there are none."""
    if not findings:
        return None
    return min((f.severity for f in findings), key=SEVERITY_RANK.__getitem__)
