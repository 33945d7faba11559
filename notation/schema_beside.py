"""The ``#:schema`` line of a written score never points at a missing file.

Every score Choreo writes starts with ``#:schema ./score-1.schema.json`` so TOML
editors validate hand edits. Before writing a score (or a director's TOML copy),
``with_schema_beside`` makes that true: the schema file is already beside the
target, or it is created there (exclusively, mode 0600, never replacing anything,
never through a link); when it cannot be, the line is left out of the text.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from notation.writing import SCHEMA_COMMENT

SCHEMA_FILE = "score-1.schema.json"


def _place(folder: Path) -> tuple[bool, Path | None]:
    """Whether ``folder`` holds the schema file, creating it if need be, and the file
    when it was created just now."""
    beside = folder / SCHEMA_FILE
    if os.path.lexists(beside):
        return beside.is_file() and not beside.is_symlink(), None
    # Imported here: only a folder without the schema needs its text.
    from notation.schema import shipped_schema_text

    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(beside, flags, 0o600)
    except FileExistsError:
        return beside.is_file() and not beside.is_symlink(), None
    except OSError:
        return False, None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(shipped_schema_text())
    except OSError:
        with contextlib.suppress(OSError):
            beside.unlink()
        return False, None
    return True, beside


def schema_beside(target: str | Path, text: str) -> tuple[str, Path | None]:
    """``text`` to write at ``target``: its ``#:schema`` line kept when the schema file
    is (or could be put) beside ``target``, else left out; and the schema file when it
    was created for this write (so a write that fails can take it back)."""
    head, newline, rest = text.partition("\n")
    if head != SCHEMA_COMMENT:
        return text, None
    there, created = _place(Path(target).parent)
    if there:
        return text, created
    return (rest if newline else ""), None


def with_schema_beside(target: str | Path, text: str) -> str:
    """``schema_beside`` for writers that keep the schema file whatever happens."""
    return schema_beside(target, text)[0]
