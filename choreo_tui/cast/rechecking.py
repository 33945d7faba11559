"""What a cast change does to the whole score, worked out without a full check per key.

The cast screen and the performer form say, as the coordinator edits, which beats
a change makes cross a boundary. A full ``check`` per key press cost 70 ms on a
5,000-beat score. ``Recheck`` keeps the editor's incremental checker
(``LiveFindings``) and follows each candidate: only the beats naming the
performer who changed are checked again. One checker serves the cast screen and
every performer form opened from it, so opening a form checks nothing in full.
``BackgroundRecheck`` runs that off the UI thread for big scores, once the keys
pause, one run at a time, always for the newest candidate, and drops answers
that are out of date.

What a key press on a big score must never wait for, and why each is here:

- the candidate score is built in the worker (``request`` takes a function):
  ``put_performer`` validates the whole score, and carries a changed id into
  every beat;
- a candidate that kept every beat shares the placements in force
  (``Score.blocking``) of the one before: they depend on the beats alone, and
  working them out again made 30,000 objects per key at 5,000 beats;
- a worker that is still checking when the next key comes stops at the next
  beat until the keys pause again (``_Paced``): two threads share one interpreter
  lock, so a worker running beside the keys took half of the time they needed.
"""

from __future__ import annotations

import operator
import threading
from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.timer import Timer

from choreo_tui import heap
from notation.change_effects import summarise
from notation.checks.incremental import LiveFindings
from notation.findings import Finding
from notation.model import Beat, Score

AT_ONCE = 400
"""Scores with at most this many beats are re-checked at once, as the editor checks
them (``screens.editor.CHECK_AT_ONCE``); bigger ones in a thread."""

SETTLE = 0.15
"""Seconds without a new change before a big score's re-check starts."""

HOLD_AT_MOST = 1.0
"""Seconds a paused worker waits for the keys to stop before it goes on anyway (a
screen closed while its worker waited must never keep the thread)."""

Candidate = Score | Callable[[], Score]
"""A score to re-check, or how to build it (built where the re-check runs)."""


def _same_beats(old: tuple[Beat, ...], new: tuple[Beat, ...]) -> bool:
    return len(old) == len(new) and all(map(operator.is_, old, new))


def share_blocking(old: Score, new: Score) -> None:
    """Let ``new`` reuse ``old``'s placements in force when both have the very same beats.

    ``Score.blocking`` is worked out from the beats alone, once per score object; a
    cast change builds a new score object around the same beats, so without this
    every candidate would work out every beat's placements again.
    """
    known = old.__dict__.get("blocking")
    if known is not None and "blocking" not in new.__dict__ and _same_beats(old.beats, new.beats):
        new.__dict__["blocking"] = known


class _Paced(LiveFindings):
    """``LiveFindings`` that calls ``checkpoint`` before checking each beat.

    The checkpoint lets a worker stand aside while the keys come (see the module's
    note); without one it checks exactly as ``LiveFindings`` does. It hooks the two
    methods every beat's check goes through; ``tests/test_cast_rechecking.py``
    fails if they are renamed.
    """

    def __init__(self, score: Score, checkpoint: Callable[[], None] | None = None) -> None:
        self.checkpoint = checkpoint
        super().__init__(score)

    def _checked(self, index: int) -> Any:
        if self.checkpoint is not None:
            self.checkpoint()
        return super()._checked(index)

    def _recheck(self, index: int) -> None:
        if self.checkpoint is not None:
            self.checkpoint()
        super()._recheck(index)


class _Follower:
    """The one incremental checker shared by a cast screen and its forms, and its lock."""

    def __init__(self) -> None:
        self.live: _Paced | None = None
        self.lock = threading.Lock()


class Recheck:
    """``changes.recheck(before, after)``, answered by following ``after`` incrementally.

    The first answer checks ``before`` in full, unless ``follows`` (the re-check of
    the screen this one was opened from) already follows a score; each later one
    re-checks only the beats of the performers that differ from the previous
    candidate. Safe to call from a worker thread: one answer at a time.
    """

    def __init__(self, before: Score, follows: Recheck | None = None) -> None:
        self.before = before
        self._shared: _Follower = follows._shared if follows is not None else _Follower()
        self._old: list[Finding] | None = None

    def lines(self, after: Candidate, checkpoint: Callable[[], None] | None = None) -> list[str]:
        """One line per effect of the change, each with its mark; the last is the
        whole score's count. ``checkpoint`` is called before each beat is checked."""
        shared = self._shared
        with shared.lock:
            live = shared.live
            if live is None:
                live = shared.live = _Paced(self.before, checkpoint)
                if len(self.before.beats) > AT_ONCE:
                    heap.settle()  # as the editor does after its first check
            live.checkpoint = checkpoint
            try:
                if self._old is None:
                    self._follow(live, self.before)
                    self._old = live.findings()
                self._follow(live, after() if callable(after) else after)
                return summarise(self._old, live.findings())
            finally:
                live.checkpoint = None

    @staticmethod
    def _follow(live: LiveFindings, score: Score) -> None:
        if score is not live.score:
            share_blocking(live.score, score)
            live.update(score)


class BackgroundRecheck:
    """Re-checks for ``screen``, at once for a small score, else in a worker thread.

    ``request(after)`` asks for the lines of ``after``; ``show(lines)`` is called on
    the UI thread with them, only while ``after`` is still the newest request. Key
    presses that come while a re-check runs only replace the request, and hold the
    running one at its next beat until the keys pause: the worker picks up the
    newest when it finishes, so a burst of keys costs one or two runs.
    """

    def __init__(
        self,
        screen: Screen[Any],
        before: Score,
        show: Callable[[list[str]], None],
        follows: BackgroundRecheck | None = None,
    ) -> None:
        self.screen = screen
        self.recheck: Recheck = Recheck(before, follows.recheck if follows is not None else None)
        self.show = show
        self.at_once = len(before.beats) <= AT_ONCE
        self._wanted: Candidate | None = None
        self._running = False
        self._timer: Timer | None = None
        self._quiet = threading.Event()
        """Set while no key is waiting for its frame: a worker checks only then."""
        self._quiet.set()
        self.held = 0
        """How many times a worker stood aside for the keys (for tests and probes)."""

    def request(self, after: Candidate) -> None:
        """Show what ``after`` does to the score, now or as soon as it is worked out."""
        if self.at_once:
            self.show(self.recheck.lines(after))
            return
        self._wanted = after
        self.hold()

    def hold(self) -> None:
        """A key is coming in (the screen saw it): a run still going stands aside at its
        next beat until the keys pause. Nothing to do when no answer is awaited."""
        if self.at_once or self._wanted is None:
            return
        self._quiet.clear()
        # Wait until the key's own frame is drawn, then for a pause in the typing: a
        # worker running beside the keys would hold the interpreter lock while they
        # are drawn, and its answer would soon be stale.
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.screen.call_after_refresh(self._arm)

    def _arm(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.screen.set_timer(SETTLE, self._start)

    def _start(self) -> None:
        self._timer = None
        self._quiet.set()
        if not self._running and self._wanted is not None:
            self._running = True
            self.screen.run_worker(self._work, thread=True, group="cast-recheck")

    def _checkpoint(self) -> None:
        """In the worker, before each beat: wait while keys are being taken in."""
        if not self._quiet.is_set():
            self.held += 1
            if not self._quiet.wait(HOLD_AT_MOST):
                self._quiet.set()  # the keys never paused, or the screen has gone: go on

    def release(self) -> None:
        """Let a waiting worker finish (the screen is leaving)."""
        self._quiet.set()

    @property
    def busy(self) -> bool:
        """Whether an answer is still to come (waiting for the keys to pause, or running)."""
        return self._wanted is not None or self._running

    def lines_now(self, after: Score) -> list[str]:
        """The lines for ``after``, worked out on the calling thread (leaving a screen)."""
        self.release()  # a worker holding the checker must not wait for this thread
        return self.recheck.lines(after)

    def _work(self) -> None:
        app = self.screen.app
        while True:
            after = self._wanted
            if after is None:
                return
            lines = self.recheck.lines(after, self._checkpoint)
            try:
                if app.call_from_thread(self._done, after, lines):
                    return
            except RuntimeError:
                return  # the app has closed meanwhile: nobody to show it to

    def _done(self, after: Candidate, lines: list[str]) -> bool:
        """On the UI thread: show ``lines`` if still wanted; whether the worker may stop."""
        if after is not self._wanted:
            return False
        self._running = False
        self._wanted = None
        if self.screen.is_attached:
            self.show(lines)
        return True
