"""``choreo export FILE --to md|html|toml [-o OUT] [--with-boundaries] [--force]``.

``--to`` may be left out when OUT ends in ``.md``, ``.html`` or ``.toml``.

Writes a director's copy built from an allow-list: private notes and the
rehearsal log never leave; boundaries and riders only with ``--with-boundaries``.
The output is written with mode 0600, never over an existing file unless
``--force``, and never over the score itself. ``-o -`` prints to standard output.

Exit 0 when written, 2 when the score cannot be read or the copy cannot be written.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from choreo_tui.cli import EXIT_BAD_INPUT, EXIT_OK
from choreo_tui.lock import Held, writing
from notation import LoadError, SaveError, check
from notation.copies import export_name
from notation.describe import counted
from notation.destination import make_private_folder
from notation.private_write import write_private
from notation.production import load_merged
from notation.schema_beside import with_schema_beside
from notation.sharing import FORMATS, export, not_cleared


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare FILE, --to, -o, --with-boundaries and --force."""
    parser.add_argument("file", metavar="FILE", help="the score to export")
    parser.add_argument(
        "--to",
        choices=FORMATS,
        help="md (email, print), html (one page), toml; may be left out when OUT ends in one",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="where to write (default: beside FILE, e.g. NAME.director.html); '-' for stdout",
    )
    parser.add_argument(
        "--with-boundaries",
        action="store_true",
        help="include each performer's boundary areas, conditions and rider (never notes)",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")


def default_output(source: Path, to: str) -> Path:
    """``scenes/orchard.score.toml`` -> ``scenes/orchard.director.html`` (for ``html``)."""
    return export_name(source, to)


SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".toml": "toml"}


def _format(to: str | None, output: str | None) -> str | None:
    """The format asked for, else the one OUT's name ends in (``copy.html`` -> html)."""
    if to is not None or not output or output == "-":
        return to
    return SUFFIX_FORMATS.get(Path(output).suffix.lower())


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    """Read the score, build the copy, write it (or print it)."""
    source = Path(args.file)
    to = _format(args.to, args.output)
    if to is None:
        print(
            "choreo export: say which format with --to md, --to html or --to toml", file=sys.stderr
        )
        return EXIT_BAD_INPUT
    try:
        # A production scene exports its merged view: names and characters from the cast.
        score = load_merged(source)
    except LoadError as error:
        print(error.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    text = export(score, to, with_boundaries=args.with_boundaries)
    if args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.output) if args.output else default_output(source, to)
    if _same_file(target, source):
        # Even --force must not put a shareable copy over the coordinator's own file.
        print(
            f"{target}: not written: that is the score itself; choose another -o", file=sys.stderr
        )
        return EXIT_BAD_INPUT
    if target.is_dir():
        print(f"{target}: not written: this is a folder; give a file name", file=sys.stderr)
        return EXIT_BAD_INPUT
    if target.is_symlink() and not target.exists() and not args.force:
        # A dangling link in a shared folder may point anywhere: never follow it unasked.
        print(
            f"{target}: not written: it is a link to {os.readlink(target)}, which does not "
            "exist; use --force to write there, or -o to choose another name",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if target.exists() and not args.force:
        print(
            f"{target}: not written: the file exists; use --force to replace it "
            "or -o to choose another name",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    try:
        # Made first (the lock file goes in it), so that each new folder can be named.
        made = make_private_folder(target.parent)
        with writing(target):
            write_private(target, with_schema_beside(target, text))
    except Held as held:
        print(f"{target}: not written: {held.busy.reason}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SaveError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(
            f"{target.parent}: not written: cannot create the folder ({error.strerror})",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    for folder in made:
        print(f"{folder}: folder created (private: only you can open it)", file=sys.stderr)
    kept = "with boundaries and riders" if args.with_boundaries else "no boundaries or riders"
    print(
        f"{target}: director's copy written ({counted(len(score.beats), 'beat')}; {kept}; "
        "private notes and the rehearsal log left out)",
        file=sys.stderr,
    )
    errors = sum(1 for f in check(score) if f.severity == "error")
    if errors:
        print(
            f"note: the score has {counted(errors, 'error finding')}; the copy marks "
            f"{'that beat' if len(not_cleared(score)) == 1 else 'those beats'} 'not cleared: "
            f"do not run'; see: choreo check {source}",
            file=sys.stderr,
        )
    return EXIT_OK
