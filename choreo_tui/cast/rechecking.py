"""What a cast change does to the whole score, worked out without a full check per key.

The cast screen and the performer form say, as the coordinator edits, which beats
a change makes cross a boundary. A full ``check`` per key press cost 70 ms on a
5,000-beat score. ``Recheck`` keeps the editor's incremental checker
(``LiveFindings``) on the score the screen opened with and follows each
candidate: only the beats naming the performer who changed are checked again.
``BackgroundRecheck`` runs that off the UI thread for big scores, once the keys
pause, one run at a time, always for the newest candidate, and drops answers
that are out of date.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.timer import Timer

from choreo_tui import heap
from notation.change_effects import summarise
from notation.checks.incremental import LiveFindings
from notation.findings import Finding
from notation.model import Score

AT_ONCE = 400
"""Scores with at most this many beats are re-checked at once, as the editor checks
them (``screens.editor.CHECK_AT_ONCE``); bigger ones in a thread."""

SETTLE = 0.15
"""Seconds without a new change before a big score's re-check starts."""


class Recheck:
    """``changes.recheck(before, after)``, answered by following ``after`` incrementally.

    The first answer checks ``before`` in full (once per screen); each later one
    re-checks only the beats of the performers that differ from the previous
    candidate. Safe to call from a worker thread: one answer at a time.
    """

    def __init__(self, before: Score) -> None:
        self.before = before
        self._live: LiveFindings | None = None
        self._old: list[Finding] = []
        self._lock = threading.Lock()

    def lines(self, after: Score) -> list[str]:
        """One line per effect of the change, each with its mark; the last is the
        whole score's count."""
        with self._lock:
            if self._live is None:
                self._live = LiveFindings(self.before)
                self._old = self._live.findings()
                if len(self.before.beats) > AT_ONCE:
                    heap.settle()  # as the editor does after its first check
            self._live.update(after)
            return summarise(self._old, self._live.findings())


class BackgroundRecheck:
    """Re-checks for ``screen``, at once for a small score, else in a worker thread.

    ``request(after)`` asks for the lines of ``after``; ``show(lines)`` is called on
    the UI thread with them, only while ``after`` is still the newest request. Key
    presses that come while a re-check runs only replace the request: the worker
    picks up the newest when it finishes, so a burst of keys costs one or two runs.
    """

    def __init__(
        self, screen: Screen[Any], before: Score, show: Callable[[list[str]], None]
    ) -> None:
        self.screen = screen
        self.recheck = Recheck(before)
        self.show = show
        self.at_once = len(before.beats) <= AT_ONCE
        self._wanted: Score | None = None
        self._running = False
        self._timer: Timer | None = None

    def request(self, after: Score) -> None:
        """Show what ``after`` does to the score, now or as soon as it is worked out."""
        if self.at_once:
            self.show(self.recheck.lines(after))
            return
        self._wanted = after
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
        if not self._running and self._wanted is not None:
            self._running = True
            self.screen.run_worker(self._work, thread=True, group="cast-recheck")

    @property
    def busy(self) -> bool:
        """Whether an answer is still to come (waiting for the keys to pause, or running)."""
        return self._wanted is not None or self._running

    def lines_now(self, after: Score) -> list[str]:
        """The lines for ``after``, worked out on the calling thread (leaving a screen)."""
        return self.recheck.lines(after)

    def _work(self) -> None:
        app = self.screen.app
        while True:
            after = self._wanted
            if after is None:
                return
            lines = self.recheck.lines(after)
            try:
                if app.call_from_thread(self._done, after, lines):
                    return
            except RuntimeError:
                return  # the app has closed meanwhile: nobody to show it to

    def _done(self, after: Score, lines: list[str]) -> bool:
        """On the UI thread: show ``lines`` if still wanted; whether the worker may stop."""
        if after is not self._wanted:
            return False
        self._running = False
        self._wanted = None
        if self.screen.is_attached:
            self.show(lines)
        return True
