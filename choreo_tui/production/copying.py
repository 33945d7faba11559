"""The bundled sample production, and copying a whole production folder to work on.

Like a sample score, a sample production is never opened in place: its whole
folder (``production.toml``, the scenes, the schemas beside them) is copied into
the working folder under a free name, folders 0700 and files 0600.
"""

from __future__ import annotations

import os
from pathlib import Path

from choreo_tui.samples import sample_folders
from notation.private_write import SaveError, write_private
from notation.production.model import PRODUCTION_FILE


def sample_productions() -> list[Path]:
    """Every bundled sample production's folder, by name."""
    for folder in sample_folders():
        try:
            found = sorted(p.parent for p in folder.glob(f"*/{PRODUCTION_FILE}") if p.is_file())
        except OSError:
            continue
        if found:
            return found
    return []


def production_title(folder: Path) -> str:
    """The production's title for a list ("" if it cannot be read)."""
    from notation.production import load_production
    from notation.reading import LoadError

    try:
        return load_production(folder / PRODUCTION_FILE).production.title
    except LoadError:
        return ""


def _free_folder(parent: Path, name: str) -> Path:
    """``parent/name`` created now (0700), or ``name-2``, ``-3``... whichever is free."""
    number = 1
    while True:
        candidate = parent / (name if number == 1 else f"{name}-{number}")
        try:
            candidate.mkdir(mode=0o700)
        except FileExistsError:
            number += 1
            continue
        except OSError as error:
            raise SaveError(f"{candidate}: cannot create the folder ({error.strerror})") from None
        return candidate


def copy_production(source: Path, parent: Path) -> Path:
    """Copy the production folder ``source`` into ``parent`` under a free name.

    Only regular files and folders are copied (never links); the original is never
    changed. Returns the new folder. Raises ``SaveError``.
    """
    target = _free_folder(parent, source.name)
    for root, folders, files in os.walk(source, followlinks=False):
        here = Path(root)
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        into = target / here.relative_to(source)
        for name in folders:
            if not (here / name).is_symlink():
                (into / name).mkdir(mode=0o700, exist_ok=True)
        for name in sorted(files):
            file = here / name
            if file.is_symlink() or not file.is_file() or name.endswith(".lock"):
                continue
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise SaveError(f"{file}: cannot read the sample ({error})") from None
            write_private(into / name, text)
    return target
