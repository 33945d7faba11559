"""``choreo production init [DIR] [--title TITLE]``: make a production of a folder of scores.

Builds ``production.toml`` from the ``[[performers]]`` of the standalone scores
in DIR (default ``.``, subfolders too) and rewrites each score to hold only what
differs in its scene (``notation.production.adopting``). Prints what moved into
the cast and what stayed as scene overrides. Refuses, writing nothing, when DIR
already holds a ``production.toml``, a score cannot be read or is already in a
production, a file is being edited, or a score would not read back the same.

Exit 0 when made, 2 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from choreo_tui.cli import EXIT_BAD_INPUT, EXIT_OK
from choreo_tui.lock import ScoreLock
from notation import LoadError, load
from notation.model import Score
from notation.production import PRODUCTION_FILE, find_production
from notation.production.adopting import AdoptError, Adoption, plan, write
from notation.production.folder import scores_under
from notation.terminal import safe, safe_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the ``init`` action, DIR and --title."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    init = actions.add_parser(
        "init", help="make a production (production.toml) of a folder of standalone scores"
    )
    init.add_argument("dir", nargs="?", default=".", metavar="DIR", help="the folder (default .)")
    init.add_argument("--title", help="the production's title (default: the scores' production)")


def _fail(message: str) -> int:
    # Messages quote file names and load errors: never a raw control character to the terminal.
    print(f"choreo production init: {safe(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _read(folder: Path) -> list[tuple[Path, Score]] | str:
    scores: list[tuple[Path, Score]] = []
    problems: list[str] = []
    for path in scores_under(folder):
        owner = find_production(path)
        if owner is not None:
            problems.append(f"{path}: already in the production {owner}")
            continue
        try:
            scores.append((path, load(path)))
        except LoadError as error:
            problems.append(error.render())
    if problems:
        return "\n".join(problems) + "\nnothing was written; fix these first"
    return scores


def report(adoption: Adoption, folder: Path) -> str:
    """What moved into the cast and what stayed as scene overrides, in plain words."""
    production = adoption.production
    info = production.production
    lines = [
        f"{folder / PRODUCTION_FILE}: production {safe_line(info.title)!r} made from "
        f"{len(adoption.scenes)} score{'s' if len(adoption.scenes) != 1 else ''}.",
        f"Scene defaults: {info.medium}, self-care cue {safe_line(info.self_care_cue)!r}, "
        f"closed set {'yes' if info.closed_set else 'no'}, tempo {info.tempo:g}.",
        f"Moved into the cast ({len(production.performers)}):",
    ]
    for performer in production.performers:
        where = [item.path.name for item in adoption.scenes if performer.id in item.original.by_id]
        lines.append(
            f"  {safe_line(performer.name)} ({performer.id}), from {len(where)} "
            f"score{'s' if len(where) != 1 else ''}"
        )
    overrides = []
    for item in adoption.scenes:
        for entry in item.layer.performers:
            given = entry.given()
            if given:
                name = safe_line(item.scene.score.name_of(entry.id))
                overrides.append(f"  {safe_line(item.path.name)}: {name}: {', '.join(given)}")
        own = [k for k in type(item.layer.scene).model_fields if k != "title"]
        kept = [k for k in own if getattr(item.layer.scene, k) is not None]
        if kept:
            overrides.append(
                f"  {safe_line(item.path.name)}: scene keeps its own {', '.join(kept)}"
            )
    lines.append("Stayed as scene overrides:" if overrides else "Stayed as scene overrides: none.")
    lines += overrides
    for pid, scenes in adoption.widening.items():
        name = safe_line(production.by_id[pid].name)
        lines.append(
            f"Note: {name}'s record is wider in {', '.join(scenes)} than in the cast; it stays "
            "a consent for that scene only (P602 notes it)."
        )
    for pid, scenes in adoption.differing.items():
        name = safe_line(production.by_id[pid].name)
        lines.append(
            f"Check with {name}: their record differed between scores ({', '.join(scenes)} "
            "keep their own values). The cast holds the widest version; narrow it if that "
            "consent was for one scene only."
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Make the production, or refuse and write nothing."""
    folder = Path(args.dir)
    if not folder.is_dir():
        return _fail(f"{safe_line(str(folder))}: not a folder")
    target = folder / PRODUCTION_FILE
    if target.exists():
        return _fail(
            f"{safe_line(str(target))}: a production already exists here; nothing was written "
            "(check it with: choreo check DIR)"
        )
    read = _read(folder)
    if isinstance(read, str):
        return _fail(read)
    try:
        adoption = plan(folder, read, args.title)
    except AdoptError as error:
        return _fail(safe_line(str(error)))
    locks = [ScoreLock(target)] + [ScoreLock(item.path) for item in adoption.scenes]
    try:
        for lock in locks:
            busy = lock.acquire()
            if busy is not None:
                return _fail(f"{safe_line(busy.message)}; nothing was written")
        write(adoption, folder)
    except AdoptError as error:
        return _fail(safe_line(str(error)))
    finally:
        for lock in locks:
            lock.release()
    print(report(adoption, folder))
    return EXIT_OK
