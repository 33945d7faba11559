"""``choreo agree FILE BEAT --by ID [--by ID...]``: record agreement on a beat.

Writes ``[beats.agreed]`` with a fresh digest and appends an ``agreed`` entry to
the rehearsal log. Exit 0, or 2 on bad input; the file is only rewritten when
everything given is valid. It takes the editor's lock first: on a score open in
the editor (or being written by another ``agree``, after a short wait) it stops
with exit 2 naming who holds it, and changes nothing.
"""

from __future__ import annotations

import argparse
import sys

from choreo_tui.cli import EXIT_BAD_INPUT, EXIT_OK
from choreo_tui.lock import Held, writing
from notation import LoadError, SaveError, rehearsal_log, save
from notation.describe import and_list
from notation.production import ProductionScene, open_score, save_scene


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare FILE, BEAT and --by."""
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("beat", metavar="BEAT", type=int, help="the beat number (1 is the first)")
    parser.add_argument(
        "--by",
        action="append",
        required=True,
        metavar="ID",
        help="a performer id who agreed the beat; repeat for each",
    )


def run(args: argparse.Namespace) -> int:
    """Record the agreement and save, holding the score's lock throughout."""
    try:
        with writing(args.file):
            # Read under the lock: a change made by the editor or another agree
            # just before is part of what is saved, never overwritten.
            return _record(args)
    except Held as held:
        print(
            f"{args.file}: not recorded: {held.busy.reason}; nothing was changed. "
            "Record it in that editor, or run this again once it has closed the score.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT


def _record(args: argparse.Namespace) -> int:
    try:
        opened = open_score(args.file)
    except LoadError as error:
        print(error.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    score = opened.score if isinstance(opened, ProductionScene) else opened
    if not 1 <= args.beat <= len(score.beats):
        print(
            f"{args.file}: error: there is no beat {args.beat}; "
            + (
                f"beats are numbered 1 to {len(score.beats)}"
                if score.beats
                else "this score has no beats yet"
            ),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    unknown = [who for who in args.by if who not in score.by_id]
    if unknown:
        known = ", ".join(score.by_id) or "none"
        print(
            f"{args.file}: error: not in the cast: {', '.join(unknown)}; "
            f"performer ids are: {known}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    updated = rehearsal_log.agreed(score, args.beat - 1, args.by)
    try:
        if isinstance(opened, ProductionScene):
            # Only what the scene sets goes back into its file; the cast stays in production.toml.
            save_scene(opened, updated, args.file)
        else:
            save(updated, args.file)
    except SaveError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    names = and_list([score.name_of(who) for who in args.by])
    print(f"{args.file}: recorded that {names} agreed beat {args.beat}.")
    return EXIT_OK
