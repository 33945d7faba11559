"""Where a save really lands: through symbolic links, never breaking hard links,
never over a read-only file without asking, in folders only the owner can open.

Saving writes a temp file and renames it over the target. Renamed over a
symbolic link, that replaces the link with a regular file and leaves the real
score unchanged; renamed over one name of a hard-linked file, it splits that
name off and the other names keep the old text; and a rename ignores the file's
own read-only mode. Each of these was a silent surprise, so each is decided here
before anything is written.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class DestinationError(Exception):
    """The target cannot be written as it is; the message says why and what to do."""


class ReadOnlyTarget(DestinationError):
    """The target is marked read-only: the caller must ask before writing over it."""


def destination(target: Path, *, over_read_only: bool = False) -> Path:
    """The file a save to ``target`` must replace: the target, or the file it links to.

    Raises ``ReadOnlyTarget`` for a read-only file (unless ``over_read_only``) and
    ``DestinationError`` for a file with other hard links.
    """
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    try:
        info = real.stat()
    except OSError:
        return real  # a new file (or a link to one not made yet): nothing to keep
    if not stat.S_ISREG(info.st_mode):
        return real  # a folder or a device: the writer's own checks say why not
    if info.st_nlink > 1:
        raise DestinationError(
            f"{target}: not saved: this file has {info.st_nlink - 1} other name(s) "
            "(hard links), and saving would split this name off from them; "
            "save under another name, or remove the other links first"
        )
    if not info.st_mode & stat.S_IWUSR and not over_read_only:
        raise ReadOnlyTarget(
            f"{target}: not saved: the file is read-only "
            f"(mode {stat.S_IMODE(info.st_mode):04o}); make it writable first "
            "(chmod u+w), or save under another name"
        )
    return real


def make_private_folder(folder: Path) -> list[Path]:
    """Create ``folder`` and every missing folder above it, each 0700; return those made.

    ``Path.mkdir(parents=True, mode=...)`` gives the mode to the last folder only;
    the ones above it would be 0755 and show that a score lives there.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    made: list[Path] = []
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue
        made.append(path)
    return made
