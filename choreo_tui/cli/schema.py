"""``choreo schema [--kind KIND] [-o OUT] [--force]``: a JSON Schema of format 1.

Printed to standard output, or written to OUT (e.g. ``score-1.schema.json``
beside the scores, which is the file their ``#:schema`` line names). ``--kind``
picks the file it describes: ``score`` (the default), ``production``
(``production.toml``) or ``production-score`` (a score inside a production).
Exit 0, or 2 when OUT exists without ``--force`` or cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from choreo_tui.cli import EXIT_BAD_INPUT, EXIT_OK
from notation import SaveError
from notation.private_write import write_private
from notation.schema import SCHEMA_FILE, schema_text
from notation.terminal import safe_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare -o and --force."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=f"write the schema to OUT instead of printing it (scores name {SCHEMA_FILE})",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.add_argument(
        "--kind",
        choices=("score", "production", "production-score"),
        default="score",
        help="which file's schema: a standalone score (default), production.toml, "
        "or a score inside a production",
    )


def _schema(kind: str) -> tuple[str, str, str]:
    """(text, file name, what) for a kind of schema."""
    if kind == "score":
        return schema_text(), SCHEMA_FILE, "score format 1"
    from notation.production import schema as production
    from notation.production.writing import LAYER_SCHEMA_FILE, PRODUCTION_SCHEMA_FILE

    if kind == "production":
        text = production.text_of(production.production_schema())
        return text, PRODUCTION_SCHEMA_FILE, "production.toml, format 1"
    text = production.text_of(production.layer_schema())
    return text, LAYER_SCHEMA_FILE, "a score inside a production, format 1"


def run(args: argparse.Namespace) -> int:
    """Print or write the schema."""
    text, name, what = _schema(getattr(args, "kind", "score"))
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.output)
    if target.is_dir():
        target = target / name
    if target.exists() and not args.force:
        print(f"{target}: not written: the file exists; use --force to replace it", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        write_private(target, text)
    except SaveError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"{safe_line(str(target))}: schema of {what} written", file=sys.stderr)
    return EXIT_OK
