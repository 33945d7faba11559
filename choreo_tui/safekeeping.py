"""Safekeeping of the score being edited: its lock, its disk stamp, its recovery copy.

The app holds one ``Safekeeping`` and tells it four things: a score was opened
(``claim``), it changed (``changed``), it was saved (``saved``), the editor is
closing (``close``). In return it says whether the file is read-only here
(another editor holds it), whether the file changed on disk since it was
opened, and whether unsaved edits were waiting from a session that died.
Nothing here imports Textual, so all of it is tested without a screen.
"""

from __future__ import annotations

import os
from pathlib import Path

from choreo_tui.lock import Busy, Holder, ScoreLock
from choreo_tui.recovery import Recovered, RecoveryCopy, RecoveryWriter
from notation import Score
from notation.stamp import DiskState, Stamp


class Safekeeping:
    """The lock, the stamp at open and the recovery writer of one score at a time."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.stamp: Stamp | None = None
        """The fingerprint of the file as opened or last saved; None for a new file."""
        self.busy: Busy | None = None
        """Set when another editor holds the score: this one is read-only."""
        self.stale: Holder | None = None
        """The holder of an abandoned lock that was recovered at open, if any."""
        self.offer: Recovered | None = None
        """Unsaved edits from a session that died, until restored or discarded."""
        self._lock: ScoreLock | None = None
        self._writer: RecoveryWriter | None = None
        self._kept: Score | None = None

    @property
    def read_only(self) -> bool:
        """Whether saving to the file is refused (another editor holds it)."""
        return self.busy is not None

    @property
    def recovery_error(self) -> str | None:
        """Why the recovery copy could not be written last time, if it could not."""
        return self._writer.error if self._writer is not None else None

    def claim(self, path: Path, stamp: Stamp | None, on_disk: Score | None) -> None:
        """Start keeping the score at ``path`` as opened (``stamp`` None: not on disk yet).

        Takes the lock; if it is ours, a waiting recovery copy that differs from
        ``on_disk`` becomes ``offer``. A copy equal to the file holds nothing
        unsaved and is removed.
        """
        self.close()
        self.path = path
        self.stamp = stamp
        self._lock = ScoreLock(path)
        self.busy = self._lock.acquire()
        self.stale = self._lock.stale
        if self.busy is not None and self.busy.by_another:
            # The holder's recovery copy is theirs to keep or remove: never touch it.
            return
        # Ours, or no one's (a folder where no lock file can be made): edits that
        # cannot be saved beside the score are kept in the private recovery copy.
        copy = RecoveryCopy(path)
        self._writer = RecoveryWriter(copy)
        found = copy.read()
        if found is not None and found.score == on_disk:
            copy.discard()
        elif found is not None:
            self.offer = found

    def disk_moved_on(self) -> bool:
        """Whether the file on disk changed after the offered edits began."""
        offer = self.offer
        if offer is None or offer.base is None or self.stamp is None:
            return False
        return offer.base.digest != self.stamp.digest

    def restore(self) -> Score | None:
        """Accept the offered edits: the score to edit, unsaved. None if nothing was offered.

        If the file moved on since the edits began, the stamp goes back to what
        they were made against, so the next save asks before overwriting.
        """
        offer = self.offer
        if offer is None:
            return None
        if self.disk_moved_on():
            self.stamp = offer.base
        self.offer = None
        return offer.score

    def decline(self) -> None:
        """Discard the offered edits for good."""
        self.offer = None
        if self._writer is not None:
            self._writer.discard()

    def changed(self, score: Score, *, dirty: bool) -> None:
        """The score as it stands after an edit, undo or redo; cheap, call it every time."""
        writer = self._writer
        if writer is None or self.offer is not None:
            # While edits are offered, their copy must not be replaced.
            return
        if dirty and score is not self._kept:
            writer.submit(score, self.stamp)
            self._kept = score
        elif not dirty and self._kept is not None:
            # Undone back to what is on disk: nothing is unsaved any more.
            writer.discard()
            self._kept = None

    def disk_state(self) -> DiskState:
        """Whether the file on disk is still the one opened (or last saved) here."""
        if self.path is None:
            return DiskState.SAME
        if self.stamp is None:
            # A new score: a file that appeared there since is someone else's.
            return DiskState.CHANGED if os.path.lexists(self.path) else DiskState.SAME
        return self.stamp.state(self.path)

    def saved(self) -> None:
        """The score was written to its file: stamp it anew; the copy is not needed."""
        if self.path is not None:
            self.stamp = Stamp.read(self.path)
        self.discard()

    def reloaded(self, stamp: Stamp | None) -> None:
        """The file was read again from disk and replaces the edits made here."""
        self.stamp = stamp
        self.discard()

    def discard(self) -> None:
        """Remove the recovery copy (a clean save, or the coordinator discarded the edits)."""
        if self._writer is not None:
            self._writer.discard()
        self._kept = None

    def flush(self) -> None:
        """Write pending edits to the recovery copy now (before a crash exit)."""
        if self._writer is not None:
            self._writer.flush()

    def crash_flush(self, *, dirty: bool) -> str:
        """Write pending edits now, before a crash exit; say truly what became of them.

        ``dirty``: whether the score has edits not in its file. The answer is one
        of ``crash.EDITS_*``: a crash message must never claim edits were kept
        when there were none or when the copy could not be written.
        """
        from choreo_tui import crash

        if not dirty:
            return crash.EDITS_NONE
        writer = self._writer
        if writer is None:
            return crash.EDITS_LOST
        writer.flush()
        if writer.error is not None or not writer.copy.exists():
            return crash.EDITS_LOST
        return crash.EDITS_KEPT

    def close(self) -> None:
        """Stop keeping the score: write what is pending, then let the next editor in."""
        if self._writer is not None:
            self._writer.close()
        if self._lock is not None:
            self._lock.release()
        self._writer = None
        self._lock = None
        self.path = None
        self.busy = None
        self.stale = None
        self.offer = None
        self._kept = None
