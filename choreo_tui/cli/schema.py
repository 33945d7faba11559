"""``choreo schema [-o OUT] [--force]``: the JSON Schema of score format 1.

Printed to standard output, or written to OUT (e.g. ``score-1.schema.json``
beside the scores, which is the file their ``#:schema`` line names). Exit 0,
or 2 when OUT exists without ``--force`` or cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from choreo_tui.cli import EXIT_BAD_INPUT, EXIT_OK
from notation import SaveError
from notation.schema import SCHEMA_FILE, schema_text
from notation.writing import write_private


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare -o and --force."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=f"write the schema to OUT instead of printing it (scores name {SCHEMA_FILE})",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")


def run(args: argparse.Namespace) -> int:
    """Print or write the schema."""
    text = schema_text()
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.output)
    if target.is_dir():
        target = target / SCHEMA_FILE
    if target.exists() and not args.force:
        print(f"{target}: not written: the file exists; use --force to replace it", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        write_private(target, text)
    except SaveError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"{target}: schema of score format 1 written", file=sys.stderr)
    return EXIT_OK
