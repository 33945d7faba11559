"""The ``choreo`` command: ``choreo [FILE]`` opens the editor; subcommands do the rest.

Each subcommand lives in its own module with ``add_arguments(parser)`` and
``run(args) -> int``, imported only when used, so ``choreo check`` never pays
for importing Textual.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Protocol

COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("choreo_tui.cli.check", "print every finding for one or more scores"),
    "show": ("choreo_tui.cli.show", "print a readable rendering of a score"),
    "agree": ("choreo_tui.cli.agree", "record that performers agreed a beat"),
    "replay": ("choreo_tui.cli.replay", "open a score straight into the step-through"),
    "export": ("choreo_tui.cli.export", "write a director's copy (md, html or toml)"),
    "diff": ("choreo_tui.cli.diff", "what changed in the choreography between two versions"),
    "schema": ("choreo_tui.cli.schema", "print the JSON Schema of score format 1"),
    "sheet": ("choreo_tui.cli.sheet", "write one performer's sheet for a production or score"),
    "production": ("choreo_tui.cli.production", "production init: make a production of a folder"),
}
"""Subcommand name -> (module, one-line help). Modules are imported on demand."""

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_CRASH = 70
"""An internal error (a bug in Choreo, not the input): sysexits' EX_SOFTWARE."""


class Command(Protocol):
    """What a subcommand module provides."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Declare the subcommand's arguments."""

    def run(self, args: argparse.Namespace) -> int:
        """Do the work; return the exit code."""


def _module(name: str) -> Command:
    module: Command = importlib.import_module(COMMANDS[name][0])
    return module


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """The parser for ``choreo`` (the editor) or for one subcommand."""
    epilog = "commands:\n" + "\n".join(
        f"  choreo {name:<8} {text}" for name, (_, text) in COMMANDS.items()
    )
    if command is None:
        parser = argparse.ArgumentParser(
            prog="choreo",
            description="Choreograph intimate scenes beat by beat, checked against "
            "every performer's boundaries.",
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.add_argument(
            "file",
            nargs="?",
            help=(
                "a .score.toml to open (a new score if it does not exist), or a folder: "
                "its production or its scores"
            ),
        )
        return parser
    parser = argparse.ArgumentParser(prog=f"choreo {command}", description=COMMANDS[command][1])
    _module(command).add_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``choreo`` command; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args and args[0] in COMMANDS else None
    try:
        if command is None:
            parsed = build_parser(None).parse_args(args)
            from choreo_tui.cli.edit import run_editor

            return run_editor(parsed.file)
        from choreo_tui.cli.output import guarded

        with guarded():
            try:
                parsed = build_parser(command).parse_args(args[1:])
                return _module(command).run(parsed)
            except Exception as error:  # any bug ends in a report, never a traceback
                return _crashed(command, error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _crashed(command: str, error: Exception) -> int:
    # Imported here: the crash module is only paid for when something went wrong.
    from choreo_tui.crash import one_line_message, write_report

    print(one_line_message(f"choreo {command}", error, write_report(error)), file=sys.stderr)
    return EXIT_CRASH


if __name__ == "__main__":
    raise SystemExit(main())
