"""One editor measurement in a fresh process, printed as one JSON object on stdout.

``run.py`` starts this once per measurement so that each starts cold (imports
included, as a user's launch would) and its peak memory is its own::

    editor_probe.py startup choreo SCORE   # Choreo's editor on SCORE, to its first frame
    editor_probe.py startup bare           # a bare Textual app with a 10-row DataTable
    editor_probe.py keys SCORE [PRESSES]   # key press to next beat, PRESSES times
    editor_probe.py keys bare [PRESSES]    # the same in the bare app's DataTable

Nothing here prints score contents: only timings, counts and memory.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

SIZE = (120, 40)
"""Terminal size for every run: wide enough for the editor's beat list and form."""


def _peak_mib() -> float:
    """This process's peak resident memory, in MiB."""
    # VmHWM is this program's own high-water mark; ru_maxrss would also count the
    # benchmark process this one was forked from (Linux keeps it across exec).
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _watch_first_frame() -> list[float]:
    """A list that gets the moment the first whole frame is handed to the display.

    Headless, Textual builds each frame and passes it to ``App._display``, which
    then skips the terminal: that call is the first frame a terminal would show.
    """
    from textual.app import App

    painted: list[float] = []
    display = App._display

    def first_frame(app: Any, screen: Any, renderable: Any) -> None:
        if renderable is not None and not app._batch_count and not painted:
            painted.append(time.perf_counter())
        display(app, screen, renderable)

    App._display = first_frame  # type: ignore[method-assign,assignment]
    return painted


def _bare_app() -> Any:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class Bare(App[None]):
        """The baseline: a bare Textual app showing a 10-row DataTable."""

        def compose(self) -> ComposeResult:
            yield DataTable()

        def on_mount(self) -> None:
            table: DataTable[str] = self.query_one(DataTable)
            table.add_columns("#", "title", "timing")
            for n in range(10):
                table.add_row(str(n + 1), f"beat {n + 1}", "4 counts")

    return Bare()


def _beat_cursor(app: Any) -> Any:
    """The focused widget if it is a beat list with a cursor, else None."""
    focused = app.focused
    return focused if focused is not None and hasattr(focused, "cursor") else None


def _row(widget: Any) -> int:
    """The selected row: a beat list's ``cursor``, a DataTable's ``cursor_row``."""
    return int(widget.cursor if hasattr(widget, "cursor") else widget.cursor_row)


async def _editor_ready(app: Any, pilot: Any, timeout: float = 120.0) -> bool:
    """Wait until the editor shows its beat list, focused."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        await pilot.pause()
        if _beat_cursor(app) is not None:
            return True
    return False


async def startup(kind: str, path: str | None) -> dict[str, Any]:
    """Seconds from process start (imports included) to the first frame painted, and to
    the editor showing the score with its beat list focused; peak memory then."""
    painted = _watch_first_frame()
    if kind == "bare":
        app = _bare_app()
    else:
        from choreo_tui.app import ChoreoApp

        app = ChoreoApp(path)
    result: dict[str, Any] = {}
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            first = (painted[0] if painted else time.perf_counter()) - STARTED
            ready = True if kind == "bare" else await _editor_ready(app, pilot)
            result = {
                "seconds": first,
                "editing": time.perf_counter() - STARTED,
                "ready": ready,
                "peak_mib": _peak_mib(),
            }
            await pilot.pause(0.2)  # let late title updates land before closing
    except Exception:
        # Closing the app straight after its first frame can trip a late widget
        # update; the figure was taken already, so it stands.
        if not result:
            raise
    return result


async def keys(path: str, presses: int) -> dict[str, Any]:
    """Per-press seconds of 'down' (next beat), through to the repainted screen."""
    if path == "bare":
        app = _bare_app()
    else:
        from choreo_tui.app import ChoreoApp

        app = ChoreoApp(path)
    async with app.run_test(size=SIZE) as pilot:
        if path == "bare":
            await pilot.pause()
        elif not await _editor_ready(app, pilot):
            return {"ready": False, "why": "no focused beat list with a cursor"}
        beats = app.focused
        for _ in range(5):  # warm up caches and the first paints
            await pilot.press("down")
        await pilot.press("home")
        await pilot.pause()
        times: list[float] = []
        moved = 0
        for _ in range(presses * 3):
            if len(times) == presses:
                break
            before = _row(beats)
            t0 = time.perf_counter()
            await pilot.press("down")
            await pilot.pause()
            elapsed = time.perf_counter() - t0
            if _row(beats) == before + 1:
                times.append(elapsed)
                moved += 1
            else:
                # At the last beat 'down' does nothing: start again at the top, untimed,
                # so every timed press really moves to the next beat.
                await pilot.press("home")
                if _row(beats) > 0:  # a DataTable's home scrolls without moving the cursor
                    await pilot.press(*["up"] * _row(beats))
                await pilot.pause()
        if len(times) < presses:
            return {"ready": False, "why": "'down' did not move to the next beat"}
        return {
            "ready": True,
            "median": statistics.median(times),
            "p90": statistics.quantiles(times, n=10)[-1],
            "moved": moved,
            "peak_mib": _peak_mib(),
        }


def main(argv: list[str]) -> int:
    """Run the measurement named in ``argv`` and print its JSON."""
    try:
        if argv[0] == "startup":
            result = asyncio.run(startup(argv[1], argv[2] if len(argv) > 2 else None))
        elif argv[0] == "keys":
            result = asyncio.run(keys(argv[1], int(argv[2]) if len(argv) > 2 else 200))
        else:
            result = {"ready": False, "why": f"unknown probe {argv[0]}"}
    except ImportError as error:
        result = {"ready": False, "why": f"cannot import the editor ({type(error).__name__})"}
    except Exception as error:  # the benchmark reports a broken editor, never crashes
        result = {"ready": False, "why": f"the editor failed ({type(error).__name__})"}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
