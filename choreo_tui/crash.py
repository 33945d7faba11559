"""Crash reports that carry no score data.

Textual's default crash screen prints a traceback with the values of local
variables: in Choreo those are performers' names, boundaries and notes. Here an
unhandled exception instead shows a short message and writes a report, mode
0600 in the private state folder, holding only what a developer needs to find
the fault: the exception's type, and for each frame the file, line, function
and source line. Never the exception's message (a ``KeyError`` message is the
missing key; a ``ValueError``'s often quotes the value), never locals.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from collections.abc import Iterator
from datetime import datetime
from importlib import metadata
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from rich.text import Text

from choreo_tui.recovery import private_folder
from notation import SaveError, clock
from notation.private_write import write_private
from notation.terminal import safe_line

if TYPE_CHECKING:
    from textual.app import App

MAX_DEPTH = 8
"""Chained and grouped exceptions are followed this deep at most."""


def _type_name(error: BaseException) -> str:
    kind = type(error)
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def _chain(error: BaseException) -> Iterator[tuple[str, BaseException]]:
    """The exception and those behind it, oldest first, each with how it led on."""
    seen: set[int] = set()
    stack: list[tuple[str, BaseException]] = []
    current: BaseException | None = error
    link = ""
    while current is not None and id(current) not in seen and len(stack) < MAX_DEPTH:
        seen.add(id(current))
        stack.append((link, current))
        if current.__cause__ is not None:
            link, current = "which directly caused", current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            link, current = "during whose handling came", current.__context__
        else:
            current = None
    # Printed oldest first, as Python does; each entry's link says how it led to the next.
    yield from reversed(stack)


def _frames(tb: TracebackType | None) -> list[str]:
    lines: list[str] = []
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            # Program source, not data: safe, and what makes a report useful.
            lines.append(f"    {frame.line.strip()}")
    return lines


def _describe(error: BaseException, depth: int = 0) -> list[str]:
    lines: list[str] = []
    for link, item in _chain(error):
        lines.append("Traceback (most recent call last):")
        lines.extend(_frames(item.__traceback__))
        lines.append(f"{_type_name(item)} (message withheld)")
        group = getattr(item, "exceptions", None)
        if isinstance(group, tuple) and depth < MAX_DEPTH:
            for number, inner in enumerate(group, 1):
                if isinstance(inner, BaseException):
                    lines.append(f"-- sub-exception {number}:")
                    lines.extend(_describe(inner, depth + 1))
        if link:
            lines.extend(["", f"... {link}:", ""])
    return lines


def _version() -> str:
    try:
        return metadata.version("choreo")
    except metadata.PackageNotFoundError:
        return "unknown"


def format_report(error: BaseException, when: datetime | None = None) -> str:
    """The text of a crash report: versions, exception types and frames, nothing else."""
    moment = (when or clock.now()).isoformat(timespec="seconds")
    head = [
        "Choreo crash report",
        f"when: {moment}",
        f"choreo: {_version()}",
        f"python: {platform.python_version()} on {platform.system()} {platform.machine()}",
        "",
        "Exception messages and variable values are left out on purpose:",
        "they could hold performers' names, boundaries or notes.",
        "",
    ]
    return "\n".join([*head, *_describe(error), ""])


def write_report(error: BaseException) -> Path | None:
    """Write a crash report, 0600, in the private state folder; None if that failed too."""
    now = clock.now()
    try:
        folder = private_folder("crashes")
        path = folder / f"crash-{clock.file_stamp(now)}-{os.getpid()}.txt"
        write_private(path, format_report(error, now))
    except (OSError, SaveError):
        return None
    return path


EDITS_KEPT = "Unsaved edits are kept in a recovery copy: open the score again to restore them."
EDITS_NONE = "There were no unsaved edits."
EDITS_LOST = "Unsaved edits could not be kept: the recovery copy could not be written."
EDITS_UNKNOWN = "If a score was open, open it again: any recovery copy will be offered."


def short_message(error: BaseException, report: Path | None, edits: str = EDITS_UNKNOWN) -> str:
    """What the coordinator reads when Choreo stops: calm, short, no score data.

    ``edits`` says what became of unsaved edits (``EDITS_KEPT``, ``EDITS_NONE``,
    ``EDITS_LOST``); only the caller knows, so the default claims nothing.
    """
    where = (
        f"A crash report (no score data in it) is at:\n  {safe_line(str(report))}"
        if report
        else "No crash report could be written."
    )
    return (
        f"Choreo stopped because of an internal error ({type(error).__name__}).\n{edits}\n{where}"
    )


def one_line_message(who: str, error: BaseException, report: Path | None) -> str:
    """The command line's one line when a subcommand stops on a bug: no score data."""
    where = (
        f"crash report (no score data in it): {safe_line(str(report))}"
        if report
        else "no crash report could be written"
    )
    return f"{who}: internal error ({type(error).__name__}); {where}"


def handle_exception(app: App[Any], error: Exception, edits: str = EDITS_UNKNOWN) -> None:
    """Stand in for Textual's crash screen: report, then exit with a short message.

    Mirrors ``App._handle_exception`` (Textual 8) so Pilot tests still see the
    exception, but shows no traceback and no locals. ``edits`` as for ``short_message``.
    """
    report = write_report(error)
    app._return_code = 1
    if app._exception is None:
        app._exception = error
        app._exception_event.set()
    app.bell()
    # Text, not a str: a path with '[' in it must not be read as markup.
    app.panic(Text(short_message(error, report, edits)))


def install_excepthook() -> None:
    """Report errors outside the app's loop (startup, shutdown) the same way."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        print(short_message(error, write_report(error)), file=sys.stderr)

    sys.excepthook = hook
