"""``choreo replay FILE``: open straight into the step-through."""

from __future__ import annotations

import argparse

from choreo_tui.cli.edit import run_editor


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare FILE."""
    parser.add_argument("file", metavar="FILE")


def run(args: argparse.Namespace) -> int:
    """Open the app in replay mode."""
    return run_editor(args.file, replay=True)
