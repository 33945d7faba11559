"""The bundled sample scenes, and copying one to work on.

In a source checkout the samples sit in ``sample_scenes/`` beside the package; an
installed wheel carries them in ``choreo_tui/samples/``. A sample is never opened
in place: it is copied into the working folder under a name that is free.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# Re-exported: the start screen and the sheet screen name new files with it too.
from notation.copies import free_name as free_name
from notation.private_write import SaveError, write_private

SUFFIX = ".score.toml"


def sample_folders() -> list[Path]:
    """Where samples may be, most specific first: inside the package, then the checkout."""
    package = Path(__file__).resolve().parent
    return [package / "samples", package.parent / "sample_scenes"]


def samples() -> list[Path]:
    """Every bundled sample score, by name."""
    for folder in sample_folders():
        found = sorted(folder.glob(f"*{SUFFIX}"))
        if found:
            return found
    return []


def sample_productions() -> list[Path]:
    """Every bundled sample production: a folder holding a ``production.toml``, by name."""
    for folder in sample_folders():
        found = sorted(p.parent for p in folder.glob("*/production.toml") if p.is_file())
        if found:
            return found
    return []


def is_bundled(path: Path) -> bool:
    """Whether ``path`` is one of the bundled samples (however it was named)."""
    try:
        where = path.resolve().parent
    except OSError:
        return False
    return path.name.endswith(SUFFIX) and any(
        where == folder.resolve() for folder in sample_folders()
    )


def folder_for_copies(folder: Path) -> Path:
    """Where a sample's copy goes: ``folder``, unless that is inside Choreo's own
    checkout or package (the README runs from there), which a copy must never change;
    then Choreo's private ``samples`` folder."""
    home = Path(__file__).resolve().parent.parent
    try:
        inside = folder.resolve().is_relative_to(home)
    except OSError:
        inside = True
    if not inside:
        return folder
    # Imported here: recovery brings platformdirs, which only this case needs.
    from choreo_tui.recovery import private_folder

    return private_folder("samples")


def scores_in(folder: Path) -> list[Path]:
    """The scores in a folder, by name (unreadable folders give none)."""
    try:
        return sorted(p for p in folder.glob(f"*{SUFFIX}") if p.is_file())
    except OSError:
        return []


def copy_sample(sample: Path, folder: Path) -> Path:
    """Copy a sample into ``folder`` under a free name; never overwrites. Returns the copy.

    The name is reserved by creating the file exclusively first, so a file that
    appears meanwhile is never replaced.
    """
    text = sample.read_text(encoding="utf-8")
    while True:
        target = free_name(folder, sample.name)
        try:
            fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        except OSError as error:
            raise SaveError(f"{target}: cannot create the copy ({error.strerror})") from None
        os.close(fd)
        try:
            write_private(target, text)
        except SaveError:
            target.unlink(missing_ok=True)
            raise
        return target


def slug(title: str) -> str:
    """A file name stem from a scene title: ``Act 2, Scene 3`` -> ``act-2-scene-3``."""
    words = "".join(c.lower() if c.isalnum() else " " for c in title).split()
    return "-".join(words)[:60] or "scene"


_TITLE = re.compile(r'^\[scene\][^\[]*?^title\s*=\s*"((?:[^"\\]|\\.)*)"', re.M | re.S)


def scene_title(path: Path) -> str:
    """The scene title near the top of a score, for a list of files ("" if not found).

    Only the first few kilobytes are read, so a long list of big scores shows at once.
    """
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return ""
    match = _TITLE.search(head)
    return match.group(1).replace('\\"', '"') if match else ""
