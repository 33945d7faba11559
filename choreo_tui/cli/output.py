"""Everything a subcommand prints passes through ``notation.terminal.safe``.

``guarded()`` wraps standard output and standard error for the length of a
subcommand, so every ``print``, argparse message and error line is escaped in
one place and a new command gets terminal safety without doing anything. Rich
output (``console()``) writes its own colour codes, which must not be escaped,
so it goes to the real stream and its text is escaped segment by segment.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any, TextIO

from rich.console import Console
from rich.segment import Segment

from notation.terminal import safe


class SafeStream:
    """A text stream that shows every control and bidi character escaped."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw
        """The stream underneath, for writers that escape by themselves (Rich)."""

    def write(self, text: str) -> int:
        """Write ``text`` with control and bidi characters escaped."""
        self.raw.write(safe(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        """Write each line, escaped."""
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        # flush, isatty, fileno, encoding...: as the stream underneath.
        return getattr(self.raw, name)


def raw(stream: IO[str]) -> IO[str]:
    """The stream under a ``SafeStream`` (or ``stream`` itself)."""
    return stream.raw if isinstance(stream, SafeStream) else stream


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """Escape everything printed to stdout and stderr while the block runs."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = SafeStream(out)
    sys.stderr = SafeStream(err)
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        sys.stdout, sys.stderr = out, err


class SafeConsole(Console):
    """A Rich console whose text is escaped while its own styling codes are kept."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        # Control segments are Rich's own (cursor moves); everything else is text.
        return super()._render_buffer(
            segment if segment.control else Segment(safe(segment.text), segment.style)
            for segment in buffer
        )


def console(**options: Any) -> Console:
    """A Rich console on the real standard output that escapes all text it prints."""
    return SafeConsole(file=raw(sys.stdout), **options)
