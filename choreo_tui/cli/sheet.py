"""``choreo sheet PERFORMER [PATH] [--to md|html] [-o OUT] [--force]``: one performer's sheet.

PATH is a production's folder (default ``.``), a plain folder of scores, or one
score. PERFORMER is an id or a name. The sheet (``notation.sharing.sheet``) holds
everything the production asks of that performer and nothing of anyone else's
record or any private note. Written 0600 to OUT (default
``PATH/ID.sheet.md`` or ``.html``), never over an existing file without
``--force``; ``-o -`` prints it.

Exit 0 when written, 2 on bad input (unreadable file, unknown performer, OUT taken).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from choreo_tui.cli import EXIT_BAD_INPUT, EXIT_OK
from choreo_tui.lock import ScoreLock
from notation import LoadError, SaveError
from notation.model import Performer, Score
from notation.private_write import write_private
from notation.production import PRODUCTION_FILE, ProductionScene, open_score, production_for
from notation.production.folder import scores_in, scores_under
from notation.sharing.sheet import Sheet, build_sheet
from notation.sharing.sheet_page import render_sheet_html, render_sheet_markdown
from notation.terminal import safe, safe_line

SUFFIXES = {"md": ".sheet.md", "html": ".sheet.html"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare PERFORMER, PATH, --to, -o and --force."""
    parser.add_argument("performer", metavar="PERFORMER", help="the performer's id or name")
    parser.add_argument(
        "path", nargs="?", default=".", metavar="PATH", help="a production's folder or one score"
    )
    parser.add_argument("--to", choices=("md", "html"), help="md (default) or html (one page)")
    parser.add_argument("-o", "--output", metavar="OUT", help="where to write; '-' for stdout")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")


def _fail(message: str) -> int:
    # Messages quote file names and load errors: never a raw control character to the terminal.
    print(f"choreo sheet: {safe(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def gather(path: Path) -> tuple[list[Score], list[Performer], str]:
    """The merged scenes at ``path``, the cast (if a production) and its title.

    Raises ``LoadError``.
    """
    production_file = path / PRODUCTION_FILE if path.is_dir() else None
    cast: list[Performer] = []
    title = ""
    if production_file is not None and production_file.is_file():
        production = production_for(production_file)
        cast, title = list(production.performers), production.production.title
        files = scores_under(path)
    elif path.is_dir():
        files = scores_in(path)
    else:
        files = [path]
    scenes: list[Score] = []
    for file in files:
        opened = open_score(file)
        if isinstance(opened, ProductionScene):
            if not cast:
                cast = list(opened.production.performers)
                title = opened.production.production.title
            scenes.append(opened.score)
        else:
            scenes.append(opened)
    return scenes, cast, title


def find_performer(
    wanted: str, scenes: list[Score], cast: list[Performer]
) -> tuple[str, Performer | None] | None:
    """(id, cast record or None) for an id or a name (any case), or None if nobody has it."""
    everyone = [*cast, *(p for s in scenes for p in s.performers)]
    for performer in everyone:
        if performer.id == wanted:
            return performer.id, next((c for c in cast if c.id == wanted), None)
    folded = wanted.casefold().strip()
    for performer in everyone:
        if performer.name.casefold().strip() == folded:
            pid = performer.id
            return pid, next((c for c in cast if c.id == pid), None)
    return None


def run(args: argparse.Namespace) -> int:
    """Build the sheet and write it (or print it)."""
    path = Path(args.path)
    try:
        scenes, cast, title = gather(path)
    except LoadError as error:
        print(safe(error.render()), file=sys.stderr)
        return EXIT_BAD_INPUT
    found = find_performer(args.performer, scenes, cast)
    if found is None:
        ids = sorted({p.id for p in cast} | {p.id for s in scenes for p in s.performers})
        known = ", ".join(ids) or "none"
        return _fail(
            f"no performer with the id or name {safe_line(args.performer)!r}; ids are: {known}"
        )
    pid, record = found
    sheet: Sheet = build_sheet(pid, scenes, record, title)
    to = args.to or ("html" if (args.output or "").lower().endswith((".html", ".htm")) else "md")
    text = render_sheet_html(sheet) if to == "html" else render_sheet_markdown(sheet)
    if args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    folder = path if path.is_dir() else path.parent
    target = Path(args.output) if args.output else folder / f"{pid}{SUFFIXES[to]}"
    shown = safe_line(str(target))
    if target.is_dir():
        return _fail(f"{shown}: not written: this is a folder; give a file name")
    if target.exists() and not args.force:
        return _fail(f"{shown}: not written: the file exists; use --force or -o another name")
    lock = ScoreLock(target)
    busy = lock.acquire()
    if busy is not None:
        return _fail(f"{shown}: not written: {safe_line(busy.reason)}")
    try:
        write_private(target, text)
    except SaveError as error:
        return _fail(safe_line(str(error)))
    finally:
        lock.release()
    beats = sum(len(s.beats) for s in sheet.scenes)
    count = len(sheet.scenes)
    print(
        f"{shown}: sheet for {safe_line(sheet.name)} written ({count} "
        f"scene{'s' if count != 1 else ''}, {beats} beat{'s' if beats != 1 else ''}; "
        "no private notes, no log, nobody else's boundaries or rider)",
        file=sys.stderr,
    )
    return EXIT_OK
