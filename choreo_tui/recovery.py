"""Recovery copies: unsaved edits kept safe from a crash, a kill or a flat battery.

While the editor has unsaved changes, a ``RecoveryWriter`` keeps a copy of the
whole score in the user's state folder (``platformdirs.user_state_dir``), at
most a second or so behind the last edit. The copy never sits beside the score:
scores often live in shared folders, and unsaved edits are the coordinator's
alone. Copies are written atomically, mode 0600, in folders of mode 0700, and
named by a hash of the score's absolute path so the file name says nothing.

A copy is the whole score each time, never a journal of changes: deleting a
performer removes them from the copy at its next write, and a clean save or a
discard removes the copy altogether.

Only the editor that holds the score's lock may read, offer or remove its copy:
a second, read-only editor must leave the first editor's copy alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs

from notation import SaveError, Score, clock
from notation.private_write import write_private
from notation.stamp import Stamp

STATE_ENV = "CHOREO_STATE_DIR"
"""Set to a folder to keep recovery copies and crash reports there (tests, portable use)."""

COPY_FORMAT = 1


def state_dir() -> Path:
    """Choreo's private state folder: recovery copies and crash reports live under it."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_state_dir("choreo", appauthor=False))


def private_folder(*parts: str) -> Path:
    """The folder ``state_dir()/parts...``, created if needed, mode 0700 at every level we own."""
    folder = state_dir().joinpath(*parts)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "posix":
        return folder
    # mkdir's mode is filtered by the umask; make sure, for the folders that are Choreo's.
    for level in (state_dir(), *(state_dir().joinpath(*parts[: i + 1]) for i in range(len(parts)))):
        with contextlib.suppress(OSError):
            if level.stat().st_uid == os.getuid() and level.stat().st_mode & 0o077:
                level.chmod(0o700)
    return folder


def score_key(path: str | Path) -> str:
    """The name a score's recovery copy goes by: a hash of its real absolute path."""
    real = os.path.realpath(os.path.abspath(path))
    return hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:32]


@dataclass(frozen=True)
class Recovered:
    """A recovery copy found at open: the unsaved score and when it was written."""

    score: Score
    written: datetime
    base: Stamp | None
    """The stamp of the file on disk that the unsaved edits started from, if known."""


class RecoveryCopy:
    """The one recovery copy of one score, in the state folder."""

    def __init__(self, score_path: str | Path) -> None:
        self.score_path = Path(os.path.realpath(os.path.abspath(score_path)))
        self.file = state_dir() / "recovery" / f"{score_key(score_path)}.json"

    def exists(self) -> bool:
        """Whether a copy is waiting."""
        return self.file.exists()

    def write(self, score: Score, base: Stamp | None = None) -> None:
        """Replace the copy with ``score``, atomically. Raises ``SaveError``."""
        record = {
            "choreo_recovery": COPY_FORMAT,
            "path": str(self.score_path),
            "written": clock.now().isoformat(),
            "base": None if base is None else [base.size, base.mtime_ns, base.digest],
            # pydantic's own JSON, not TOML: about 20 times faster to write, which keeps
            # the copy of a whole production's score within the 2 s goal.
            "score": score.model_dump_json(),
        }
        try:
            private_folder("recovery")
        except OSError as error:
            raise SaveError(
                f"cannot create the recovery folder {state_dir()} ({error.strerror})"
            ) from None
        write_private(self.file, json.dumps(record, ensure_ascii=False, indent=0))

    def read(self) -> Recovered | None:
        """The waiting copy, or None. An unreadable copy is set aside, never deleted."""
        try:
            raw = self.file.read_text(encoding="utf-8")
        except OSError:
            return None
        try:
            record = json.loads(raw)
            return self._recovered(record)
        except (ValueError, TypeError, KeyError):
            # ValueError covers bad JSON and a score that no longer validates.
            self._set_aside()
            return None

    def _recovered(self, record: Any) -> Recovered | None:
        if record["choreo_recovery"] != COPY_FORMAT or record["path"] != str(self.score_path):
            # Another score's copy (a hash clash) or a newer Choreo's: leave it be.
            return None
        base = record["base"]
        written = clock.parse(str(record["written"]))
        if written is None:
            raise ValueError("a recovery copy's time has no offset")
        return Recovered(
            score=Score.model_validate_json(str(record["score"])),
            written=written,
            base=None if base is None else Stamp(int(base[0]), int(base[1]), str(base[2])),
        )

    def _set_aside(self) -> None:
        stamp = clock.file_stamp()
        with contextlib.suppress(OSError):
            self.file.rename(self.file.with_name(f"{self.file.stem}.unreadable-{stamp}.json"))

    def discard(self) -> None:
        """Remove the copy (after a clean save, or when the coordinator discards it)."""
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()


class RecoveryWriter:
    """Keeps a score's recovery copy up to date from a background thread.

    ``submit`` is cheap and returns at once; the thread writes the latest score
    once edits pause for ``quiet`` seconds, and at least every ``most`` seconds
    while they do not, so the copy is never more than about ``most`` seconds
    (plus one write) behind the last edit. The UI thread never waits for a disk.
    """

    def __init__(self, copy: RecoveryCopy, *, quiet: float = 0.3, most: float = 1.0) -> None:
        self.copy = copy
        self.quiet = quiet
        self.most = most
        self.error: str | None = None
        """The last write's failure, in words without score content; None once one succeeds."""
        self.writes = 0
        self._cond = threading.Condition()
        self._io = threading.Lock()
        self._pending: tuple[Score, Stamp | None] | None = None
        self._first = 0.0
        self._last = 0.0
        self._generation = 0
        self._closed = False
        self._thread: threading.Thread | None = None

    def submit(self, score: Score, base: Stamp | None = None) -> None:
        """Note unsaved changes: ``score`` is the whole score as it is now."""
        with self._cond:
            if self._closed:
                return
            now = time.monotonic()
            if self._pending is None:
                self._first = now
            self._pending = (score, base)
            self._last = now
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="choreo-recovery", daemon=True
                )
                self._thread.start()
            self._cond.notify()

    def flush(self) -> None:
        """Write any pending score now, on the calling thread."""
        with self._cond:
            item, generation = self._pending, self._generation
            self._pending = None
        if item is not None:
            self._write(item, generation)

    def discard(self) -> None:
        """Forget pending edits and remove the copy: the score was saved or discarded."""
        with self._cond:
            self._pending = None
            self._generation += 1
        with self._io:
            self.copy.discard()
        self.error = None

    def close(self) -> None:
        """Write what is pending, then stop the thread. Unsaved edits stay in the copy."""
        with self._cond:
            self._closed = True
            self._cond.notify()
            thread = self._thread
        if thread is not None:
            thread.join()
        self.flush()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._closed:
                    self._cond.wait()
                while not self._closed and self._pending is not None:
                    due = min(self._last + self.quiet, self._first + self.most)
                    wait = due - time.monotonic()
                    if wait <= 0:
                        break
                    self._cond.wait(wait)
                if self._closed:
                    return
                item, generation = self._pending, self._generation
                self._pending = None
            if item is not None:
                self._write(item, generation)

    def _write(self, item: tuple[Score, Stamp | None], generation: int) -> None:
        with self._io:
            # A discard after this item was taken wins: never resurrect a discarded copy.
            if generation != self._generation:
                return
            try:
                self.copy.write(*item)
            except SaveError as error:
                self.error = str(error)
            else:
                self.error = None
                self.writes += 1
