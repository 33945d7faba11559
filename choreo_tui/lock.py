"""One editor per score: a sidecar lock file, never a lock on the score itself.

The editor that opens a score first holds ``NAME.score.toml.lock`` beside it;
any other editor opens the score read-only and says who holds it (user, host,
process, since when). The lock is filelock's ``SoftFileLock``: a file created
exclusively, holding the owner's pid and host. It works on the shared and
network folders scores often sit in, where kernel locks are unreliable, and
filelock recovers a lock whose owner died on this host (a crash, a kill -9),
checking the process's start time so a reused pid is not mistaken for it.

A lock held from another host cannot be proved stale from here; the message
says where it is held, and the coordinator can delete the lock file by hand
once they know that editor is gone.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import SoftFileLock, Timeout

from notation import clock
from notation.destination import make_private_folder
from notation.terminal import safe_line

LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class Holder:
    """Who holds a score's lock, as far as the lock file tells."""

    user: str | None
    host: str | None
    pid: int | None
    since: datetime | None

    def describe(self) -> str:
        """One line for the coordinator: who, where, which process, since when."""
        who = self.user or "another user"
        where = f" on {self.host}" if self.host else ""
        process = f" (process {self.pid})" if self.pid else ""
        since = ""
        if self.since is not None:
            since = f" since {clock.shown(self.since, say_today=False)}"
        # The host comes from a file anyone who can write the folder may forge.
        return safe_line(f"{who}{where}{process}{since}")


@dataclass(frozen=True)
class Busy:
    """The score could not be locked: it opens read-only, and this says why."""

    holder: Holder | None
    reason: str
    by_another: bool = True
    """False when no one holds it but no lock file can be made (a read-only folder)."""

    @property
    def message(self) -> str:
        """A short notice for the read-only editor."""
        return f"Read-only: {self.reason}. Ctrl+s saves your changes as a copy beside it."


def lock_path_of(score_path: str | Path) -> Path:
    """The sidecar lock file of a score (beside its real path, so links agree)."""
    real = Path(os.path.realpath(os.path.abspath(score_path)))
    return real.with_name(real.name + LOCK_SUFFIX)


def read_holder(lock_file: Path) -> Holder | None:
    """Who the lock file names, or None if there is no lock file."""
    try:
        stat = lock_file.stat()
    except OSError:
        return None
    pid: int | None = None
    host: str | None = None
    with contextlib.suppress(OSError, UnicodeDecodeError):
        # filelock writes "pid\nhost\n[start token\n]"; anything else is shown as unknown.
        lines = lock_file.read_text(encoding="utf-8").splitlines()
        if len(lines) >= 2 and lines[0].isdigit():
            pid, host = int(lines[0]), lines[1].strip()[:100] or None
    return Holder(
        user=_user_name(stat.st_uid),
        host=host,
        pid=pid,
        since=clock.from_timestamp(stat.st_mtime),
    )


def _user_name(uid: int) -> str | None:
    try:
        import pwd
    except ImportError:  # not on POSIX
        return None
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"user {uid}"


class ScoreLock:
    """The lock of one score for one editor. ``acquire`` once, ``release`` on close."""

    def __init__(self, score_path: str | Path) -> None:
        self.file = lock_path_of(score_path)
        self._lock = SoftFileLock(str(self.file), timeout=0, mode=0o600)
        self.stale: Holder | None = None
        """The previous holder whose abandoned lock was recovered, if any."""

    @property
    def held(self) -> bool:
        """Whether this editor holds the lock."""
        return self._lock.is_locked

    def acquire(self, wait: float = 0.0) -> Busy | None:
        """Take the lock. None on success; ``Busy`` (who holds it, or why not) otherwise.

        ``wait``: seconds to keep trying while someone else holds it (a short
        writer such as ``choreo agree`` is done in a fraction of a second).
        """
        if self.held:
            return None
        before = read_holder(self.file)
        try:
            # A new score's folder: created private, as saving would (not by filelock, 0755).
            make_private_folder(self.file.parent)
            self._lock.acquire(timeout=wait)
        except Timeout:
            holder = read_holder(self.file)
            if holder is None:
                # It was released between our attempt and our look: try once more.
                with contextlib.suppress(Timeout):
                    self._lock.acquire(timeout=0)
            if not self.held:
                who = holder.describe() if holder else "another editor"
                return Busy(holder, f"{who} is editing this score")
        except OSError as error:
            return Busy(
                None,
                f"cannot create a lock file beside the score ({error.strerror})",
                by_another=False,
            )
        if before is not None:
            self.stale = before
        return None

    def release(self) -> None:
        """Let the next editor in. Safe to call when not held."""
        if self.held:
            with contextlib.suppress(OSError):
                self._lock.release(force=True)


WRITER_WAIT = 3.0
"""How long a short writer (``agree``, an export) waits for another short writer."""


class Held(Exception):
    """Someone else holds the file's lock: nothing was written."""

    def __init__(self, path: Path, busy: Busy) -> None:
        self.path = path
        self.busy = busy
        super().__init__(busy.reason)


@contextlib.contextmanager
def writing(path: str | Path, *, wait: float = WRITER_WAIT) -> Iterator[None]:
    """Hold ``path``'s lock (the editor's own) while reading, changing and writing it.

    Every writer of a file Choreo keeps takes this lock, so that a change is
    never lost between two writers: the editor holds it while a score is open,
    and ``agree``, replay's log, exports and ``production.toml`` take it around
    their read-change-write. Read the file again *inside* the block. Raises
    ``Held`` (naming the holder) if it stays taken for ``wait`` seconds.
    """
    lock = ScoreLock(path)
    busy = lock.acquire(wait=wait)
    if busy is not None:
        raise Held(Path(path), busy)
    try:
        yield
    finally:
        lock.release()
