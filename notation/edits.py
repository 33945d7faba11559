"""Edits to a score as pure functions of immutable values, and their undo history.

Every edit the editor makes goes through here: it takes a Score and returns a
new Score (and, for beat-list edits, the beat to select next). Scores are frozen,
so the history keeps whole Score values: undo is "go back to that value", never
"reverse this change", and cannot drift from what was on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from notation import rehearsal_log
from notation.model import Beat, Scene, Score, Touch


def _beats(score: Score, beats: list[Beat]) -> Score:
    return score.replace(beats=tuple(beats))


def _clamp(score: Score, index: int) -> int:
    return max(0, min(index, len(score.beats) - 1))


def add_beat(score: Score, after: int | None, beat: Beat | None = None) -> tuple[Score, int]:
    """A new (or given) beat after ``after`` (None or an empty score: at the end)."""
    beats = list(score.beats)
    at = len(beats) if after is None or not beats else min(after + 1, len(beats))
    beats.insert(at, beat or Beat())
    return _beats(score, beats), at


def insert_beat(score: Score, before: int, beat: Beat | None = None) -> tuple[Score, int]:
    """A new (or given) beat before ``before``."""
    beats = list(score.beats)
    at = max(0, min(before, len(beats)))
    beats.insert(at, beat or Beat())
    return _beats(score, beats), at


def duplicate_beat(score: Score, index: int) -> tuple[Score, int]:
    """A copy of a beat right after it, to adjust. The copy is not agreed: nobody agreed it."""
    copy = score.beats[index].model_copy(update={"agreed": None})
    return add_beat(score, index, copy)


def delete_beat(score: Score, index: int) -> tuple[Score, int]:
    """The score without a beat; the beat that takes its place is selected."""
    beats = list(score.beats)
    del beats[index]
    new = _beats(score, beats)
    return new, _clamp(new, index)


def move_beat(score: Score, index: int, delta: int) -> tuple[Score, int]:
    """A beat moved ``delta`` places (clamped to the list); returns its new index."""
    beats = list(score.beats)
    to = max(0, min(index + delta, len(beats) - 1))
    if to == index:
        return score, index
    beats.insert(to, beats.pop(index))
    return _beats(score, beats), to


def replace_beat(score: Score, index: int, beat: Beat) -> Score:
    """The score with one beat replaced."""
    beats = list(score.beats)
    beats[index] = beat
    return _beats(score, beats)


def update_beat(score: Score, index: int, **changes: object) -> Score:
    """The score with fields of one beat changed (validated)."""
    beat = score.beats[index]
    data = {name: getattr(beat, name) for name in type(beat).model_fields}
    data.update(changes)
    return replace_beat(score, index, Beat.model_validate(data))


def add_touches(score: Score, index: int, touches: list[Touch]) -> Score:
    """The score with touches appended to one beat."""
    beat = score.beats[index]
    return replace_beat(
        score, index, beat.model_copy(update={"touches": (*beat.touches, *touches)})
    )


def replace_scene(score: Score, scene: Scene) -> Score:
    """The score with a new scene header (validated)."""
    return score.replace(scene=scene)


def agree_beat(score: Score, index: int, who: list[str], at: datetime | None = None) -> Score:
    """Record that ``who`` agreed a beat: ``[beats.agreed]`` and an ``agreed`` log entry."""
    return rehearsal_log.agreed(score, index, who, at)


@dataclass(frozen=True)
class Step:
    """One point in the history: the score and what the edit that made it was called."""

    score: Score
    label: str


def _keep_log(target: Score, present: Score) -> Score:
    """``target`` with the present's rehearsal log when that is longer.

    The log is a safety record, appended and never rewritten, so undoing an edit
    never removes a log entry (an agreement given in the room was given).
    """
    if len(present.log) > len(target.log) and present.log[: len(target.log)] == target.log:
        return target.replace(log=present.log)
    return target


@dataclass
class History:
    """Undo and redo over immutable Score values, with a saved marker for 'dirty'."""

    present: Step
    limit: int = 500
    past: list[Step] = field(default_factory=list)
    future: list[Step] = field(default_factory=list)
    saved: Score | None = None

    @classmethod
    def start(cls, score: Score, *, saved: bool = True) -> History:
        """A history whose present is ``score`` (already on disk when ``saved``)."""
        return cls(Step(score, "open"), saved=score if saved else None)

    @property
    def score(self) -> Score:
        """The score as it stands."""
        return self.present.score

    @property
    def dirty(self) -> bool:
        """Whether the score differs from what was last saved."""
        return self.saved is None or self.present.score is not self.saved

    def push(self, score: Score, label: str) -> bool:
        """Record an edit; returns False (and records nothing) when nothing changed."""
        if score is self.present.score or score == self.present.score:
            return False
        self.past.append(self.present)
        del self.past[: -self.limit]
        self.present = Step(score, label)
        self.future.clear()
        return True

    def undo(self) -> str | None:
        """Go back one edit; returns its label, or None when there is nothing to undo."""
        if not self.past:
            return None
        undone = self.present
        previous = self.past.pop()
        self.future.append(undone)
        self.present = Step(_keep_log(previous.score, undone.score), previous.label)
        return undone.label

    def redo(self) -> str | None:
        """Redo the last undone edit; returns its label, or None when there is none."""
        if not self.future:
            return None
        self.past.append(self.present)
        step = self.future.pop()
        self.present = Step(_keep_log(step.score, self.present.score), step.label)
        return step.label

    def mark_saved(self) -> None:
        """The present score is now what is on disk."""
        self.saved = self.present.score

    def apply(self, edit: Callable[[Score], Score], label: str) -> bool:
        """Apply a pure edit to the present score and record it."""
        return self.push(edit(self.score), label)
