"""The fingerprint of a score file at open, to notice when it changed on disk since.

A ``Stamp`` records the size, the modification time (ns) and a SHA-256 of the
bytes the editor read. Saving compares the file on disk with it first: if
someone (another editor, a sync tool, a colleague in a text editor) changed the
file, the save must ask instead of overwriting their work.

A different size is a change at once; otherwise the content hash is the judge.
A sync tool that rewrites identical bytes, or ``touch``, changes the mtime but
loses nobody's work, so it is not a change; an edit that keeps size and mtime
(coarse timestamps on some network folders) still changes the hash.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from notation.model import Score
from notation.reading import MAX_BYTES, LoadError, Problem, loads_bytes


class DiskState(Enum):
    """How the file on disk compares with a stamp."""

    SAME = "same"
    CHANGED = "changed"
    MISSING = "missing"

    @property
    def words(self) -> str:
        """Plain words for the state, to show the coordinator."""
        return _WORDS[self]


_WORDS = {
    DiskState.SAME: "the file on disk is as you opened it",
    DiskState.CHANGED: "the file was changed on disk since you opened it",
    DiskState.MISSING: "the file was deleted or moved since you opened it",
}


@dataclass(frozen=True)
class Stamp:
    """Size, mtime and SHA-256 of a file's bytes, taken when they were read or written."""

    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of_bytes(cls, data: bytes, stat: os.stat_result) -> Stamp:
        """The stamp of ``data``, read from a file whose ``stat`` was taken while it was open."""
        return cls(len(data), stat.st_mtime_ns, hashlib.sha256(data).hexdigest())

    @classmethod
    def read(cls, path: str | Path) -> Stamp | None:
        """The stamp of the file at ``path`` now, or None if there is no readable file."""
        try:
            return _read(path)[1]
        except OSError:
            return None

    def state(self, path: str | Path) -> DiskState:
        """Whether the file at ``path`` still holds the bytes this stamp was taken of."""
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            return DiskState.MISSING
        except OSError:
            # Unreadable now (permissions changed, share gone): never assume it is safe.
            return DiskState.CHANGED
        if stat.st_size != self.size:
            return DiskState.CHANGED
        current = Stamp.read(path)
        if current is None:
            return DiskState.CHANGED
        return DiskState.SAME if current.digest == self.digest else DiskState.CHANGED

    def changed(self, path: str | Path) -> bool:
        """True if the file at ``path`` was changed, deleted or moved since this stamp."""
        return self.state(path) is not DiskState.SAME


def _read(path: str | Path) -> tuple[bytes, Stamp]:
    with open(path, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
        # fstat on the open handle ties the mtime to the bytes just read.
        stat = os.fstat(handle.fileno())
    return data, Stamp.of_bytes(data, stat)


def load_stamped(path: str | Path) -> tuple[Score, Stamp]:
    """Read a score and the stamp of exactly the bytes it was read from.

    Raises ``LoadError`` (never anything else) like ``notation.load``. Reading
    once avoids stamping a file that changed between the read and the stat.
    """
    name = str(path)
    try:
        data, stamp = _read(path)
    except FileNotFoundError:
        raise LoadError(name, [Problem("no such file")]) from None
    except IsADirectoryError:
        raise LoadError(name, [Problem("this is a folder, not a score file")]) from None
    except PermissionError:
        raise LoadError(name, [Problem("permission denied: cannot read this file")]) from None
    except OSError as error:
        raise LoadError(name, [Problem(f"cannot read the file ({error.strerror})")]) from None
    return loads_bytes(data, name), stamp
