"""Closing the terminal (SIGHUP) or being told to stop (SIGTERM) frees the score.

Without this, either signal ended the process at once: the lock stayed beside
the score and unsaved edits waited only in the last background recovery write.
Now the recovery copy is written and the lock released first. On SIGHUP there
is no terminal left to restore, so the process then ends as the signal asks; on
SIGTERM the app exits normally, so the terminal is put back as it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from typing import Protocol

from choreo_tui.safekeeping import Safekeeping


class _Stoppable(Protocol):
    keeping: Safekeeping

    def exit(self, result: int | None = None, return_code: int = 0) -> None:
        """Textual's App.exit."""


def install(app: _Stoppable) -> None:
    """Release the lock (after the recovery copy) on SIGHUP and SIGTERM; call in the loop."""
    if not hasattr(signal, "SIGHUP"):
        return  # not POSIX: no hang-up to answer
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGHUP, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, _stop, app, signum)


def _stop(app: _Stoppable, signum: int) -> None:
    with contextlib.suppress(Exception):
        app.keeping.close()
    if signum == signal.SIGTERM:
        app.exit(return_code=128 + signum)
        return
    # SIGHUP: the terminal is gone; drawing or restoring it could block. End as asked.
    signal.signal(signum, signal.SIG_DFL)
    with contextlib.suppress(Exception):
        asyncio.get_running_loop().remove_signal_handler(signum)
    os.kill(os.getpid(), signum)
