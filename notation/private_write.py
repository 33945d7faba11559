"""Writing a file atomically and privately, and the guards every save passes first.

A temp file in the same folder is written and fsynced, renamed over the target, and
the folder fsynced, so a crash at any moment leaves the old file or the new one. Temp
files of writers that died are swept; a score written by a newer Choreo is never
overwritten. Used by score saving (``writing``), productions, exports and copies.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from glob import escape as glob_escape
from pathlib import Path

from notation.destination import (
    DestinationError,
    ReadOnlyTarget,
    destination,
    make_private_folder,
)
from notation.model import VERSION


class SaveError(Exception):
    """A score could not be saved. The file on disk, if any, is unchanged."""


_VERSION_LINE = re.compile(rb"^\s*version\s*=\s*(\d+)", re.MULTILINE)


def refuse_newer(path: Path) -> None:
    """Never overwrite a score that a newer Choreo wrote: it would lose what we cannot read."""
    try:
        with open(path, "rb") as handle:
            # `version` is a top-level key, so it comes before the first table header,
            # however long the comments above it are.
            lines: list[bytes] = []
            for line in iter(handle.readline, b""):
                if line.lstrip().startswith(b"["):
                    break
                lines.append(line)
            head = b"".join(lines)
    except OSError:
        return
    match = _VERSION_LINE.search(head)
    if match and int(match.group(1)) > VERSION:
        raise SaveError(
            f"{path}: not saved: the file on disk is format version {int(match.group(1))}, "
            f"newer than this Choreo's {VERSION}; save under another name instead"
        )


def refuse_unusable_name(target: Path) -> None:
    """Refuse a name the OS cannot take (a NUL), with a clear message before touching disk."""
    # The OS calls raise ValueError, not OSError, for a NUL in a name.
    if "\x00" in str(target):
        raise SaveError("not saved: the file name is not usable (it holds a NUL character)")


class ReadOnlyFile(SaveError):
    """The file is marked read-only: ask, then save with ``over_read_only=True``."""


class FolderNotWritable(SaveError):
    """The score's folder cannot be written (permissions, a read-only disk)."""


NOT_WRITABLE = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
"""The errors that mean a folder cannot be written (as opposed to a full disk)."""


def write_private(path: str | Path, text: str, *, over_read_only: bool = False) -> list[Path]:
    """Write ``text`` to ``path`` atomically, readable by its owner only (0600).

    A temp file in the same folder is written and fsynced, then renamed over the
    target, then the folder is fsynced. On any failure the temp file is removed
    and the old file, if any, is untouched. A symbolic link is written through
    to its file; a hard-linked file is refused; a read-only one raises
    ``ReadOnlyFile`` unless ``over_read_only``. Returns the folders it created
    (each 0700), so that a command can say so.
    """
    refuse_unusable_name(Path(path))
    try:
        target = destination(Path(path), over_read_only=over_read_only)
    except ReadOnlyTarget as error:
        raise ReadOnlyFile(str(error)) from None
    except DestinationError as error:
        raise SaveError(str(error)) from None
    folder = target.parent
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (from a bad paste) cannot be UTF-8; refuse before touching disk.
        raise SaveError(
            f"{target}: not saved: the text holds a character that is not valid Unicode"
        ) from None
    try:
        made = make_private_folder(folder)
        _sweep_dead_temps(target)
        # The writer's pid in the name lets the next save remove what a killed writer left.
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder
        )
    except OSError as error:
        kind = FolderNotWritable if error.errno in NOT_WRITABLE else SaveError
        raise kind(f"{target}: not saved: cannot write in {folder} ({error.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise SaveError(
                f"{target}: not saved, the old file is unchanged ({error.strerror})"
            ) from None
        raise
    _fsync_folder(folder)
    return made


def _sweep_dead_temps(target: Path) -> None:
    """Remove temp files of ``target`` left by writers that died mid-save (SIGKILL, power)."""
    if os.name != "posix":
        # Probing a pid with signal 0 is only harmless on POSIX.
        return
    prefix = f".{target.name}."
    for temp in target.parent.glob(f"{glob_escape(prefix)}*.tmp"):
        pid_text = temp.name[len(prefix) :].split(".", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        if not _alive(int(pid_text)):
            with contextlib.suppress(OSError):
                temp.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        # EPERM: alive, owned by someone else.
        return True
    return True


def _fsync_folder(folder: Path) -> None:
    # Makes the rename durable; some systems cannot open a folder, which is fine.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
