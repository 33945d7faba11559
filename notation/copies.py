"""Copies written beside a score: the coordinator's own copy and a director's copy.

Two score operations that used to live in the editor: saving the coordinator's
version as a new file when the original changed on disk (or cannot be written),
and writing a director's copy (an export). Each chooses a free name beside the
score, builds the text and writes it 0600 atomically; neither ever replaces a
file that is already there. The app only asks which, runs these in a worker and
says how it went.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from pathlib import Path

from notation import clock
from notation.model import Score
from notation.private_write import NOT_WRITABLE, FolderNotWritable, SaveError, write_private
from notation.schema_beside import with_schema_beside
from notation.sharing import SUFFIXES, export
from notation.writing import dumps

SCORE_SUFFIX = ".score.toml"
SCORE_SUFFIXES = (SCORE_SUFFIX, ".toml")
"""The endings a score's name may have, longest first: what an export's name drops."""

Hold = Callable[[Path], AbstractContextManager[object]]
"""The writers' lock on a file, held around checking its name free and writing it."""


def free_name(folder: Path, name: str, suffix: str = SCORE_SUFFIX) -> Path:
    """``folder/name``, or ``NAME-2.score.toml``, ``-3``... whichever does not exist yet.

    ``suffix`` is the ending the number goes before (``.html`` for an export).
    """
    stem = name[: len(name) - len(suffix)] if name.endswith(suffix) else Path(name).stem
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def copy_name(path: Path, when: datetime | None = None) -> Path:
    """A free name beside ``path`` for a copy: ``orchard.copy-20261127-1930.score.toml``."""
    moment = clock.file_stamp(when, seconds=False)
    name = path.name
    suffix = SCORE_SUFFIX if name.endswith(SCORE_SUFFIX) else path.suffix
    stem = name[: len(name) - len(suffix)]
    return free_name(path.parent, f"{stem}.copy-{moment}{suffix}", suffix)


def save_copy(path: Path, score: Score) -> Path:
    """Write ``score`` to a new file beside ``path`` and return where. Raises ``SaveError``
    (``FolderNotWritable`` when the folder refuses new files).

    The copy is created exclusively first, so two copies in the same minute
    can never overwrite each other.
    """
    for _ in range(100):
        target = copy_name(path)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError as error:
            kind = FolderNotWritable if error.errno in NOT_WRITABLE else SaveError
            raise kind(f"{target}: not saved ({error.strerror})") from None
        os.close(fd)
        try:
            write_private(target, dumps(score))
        except SaveError:
            with contextlib.suppress(OSError):
                target.unlink()
            raise
        return target
    raise SaveError(f"{path.parent}: not saved: no free name for a copy")


def export_name(source: Path, to: str) -> Path:
    """``scenes/orchard.score.toml`` -> ``scenes/orchard.director.html`` (for ``html``)."""
    name = source.name
    for suffix in SCORE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return source.with_name(name + SUFFIXES[to])


def free_export_name(source: Path, to: str) -> Path:
    """``NAME.director.html`` beside the score, or ``NAME.director-2.html``... if taken."""
    target = export_name(source, to)
    suffix = SCORE_SUFFIX if to == "toml" else target.suffix
    return free_name(target.parent, target.name, suffix)


def write_export(
    score: Score,
    source: Path,
    to: str,
    *,
    with_boundaries: bool,
    hold: Hold = nullcontext,
) -> Path:
    """Write the director's copy of ``score`` beside ``source`` under a free name; returns
    where. Raises ``SaveError``, and whatever ``hold`` raises when the lock is taken.

    The copy is built from the sharing allow-list (``notation.sharing.export``).
    ``hold`` is the writers' lock: a ``choreo export`` to the same name at the same
    moment waits, and the name is checked free again under it.
    """
    target = free_export_name(source, to)
    text = export(score, to, with_boundaries=with_boundaries)
    with hold(target):
        if target.exists() or target.is_symlink():
            target = free_export_name(source, to)
        write_private(target, with_schema_beside(target, text))
    return target
