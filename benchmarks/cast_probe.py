"""Cast-screen key presses at 5,000 beats against the same at 10 beats.

    .venv/bin/python benchmarks/cast_probe.py [--presses 20] [--runs 3] [--beats 5000]

Opens the cast screen (as the editor pushes it) on the generated realistic score
of each size, opens the first performer's boundaries, finds the neck and sets it
'no' and clears it in turn: every press changes what the score crosses, so every
press asks for a re-check. Figures per size, medians over the presses:

- ``key``: the key press until Pilot's press and pause return. The pause waits
  until the whole process is idle, so it also counts a worker that starts
  meanwhile (on a loaded machine the key's own frame can outlast the 0.15 s the
  re-check waits for, and the pause then counts the re-check too);
- ``frame``: the key press until the screen has drawn the frame after it: what
  the coordinator sees, and what a key costs the UI thread;
- ``typing``: the same, with keys pressed at a steady pace (``--pace``, 0.3 s)
  without waiting for any answer, so that a big score's re-check is still
  running when the next key comes: what typing at a steady pace feels like;
- ``answer``: the key press until the re-check line shows its answer (for a big
  score it is worked out in a worker thread once the keys pause, 0.15 s).

Prints one JSON object. Nothing here prints score contents.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write  # noqa: E402
from textual.app import App  # noqa: E402

import notation  # noqa: E402

try:
    from choreo_tui import heap
except ImportError:  # an older revision measured for the "before" figure (PYTHONPATH)
    heap = None  # type: ignore[assignment]
from choreo_tui.cast import CastScreen  # noqa: E402
from choreo_tui.screens.editor_base import CHECK_AT_ONCE  # noqa: E402
from notation.model import Score  # noqa: E402

MEASURES = ("key", "frame", "typing", "answer")


class Host(App[None]):
    """Pushes the cast screen on a score, as the editor does."""

    def __init__(self, score: Score) -> None:
        super().__init__()
        self.score = score

    def on_mount(self) -> None:
        """Open the cast at once."""
        self.push_screen(CastScreen(self.score))


async def _settle(pilot: Any, app: Host) -> None:
    """Until the screen on top has shown its re-check answer."""
    while True:
        await pilot.pause()
        await app.workers.wait_for_complete()
        rechecks = getattr(app.screen, "rechecks", None)
        if rechecks is None or not rechecks.busy:
            await pilot.pause()
            return
        await asyncio.sleep(0.005)


async def _frame(pilot: Any, app: Host, key: str) -> float:
    """Press ``key``; the time until the screen has drawn the frame after it."""
    t0 = time.perf_counter()
    drawn: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    await pilot.press(key)
    app.screen.call_after_refresh(lambda: drawn.set_result(time.perf_counter()))
    return await drawn - t0


async def _measure(score: Score, presses: int, pace: float) -> dict[str, Any]:
    app = Host(score)
    keys: list[float] = []
    frames: list[float] = []
    typing: list[float] = []
    answers: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot, app)
        await pilot.press("b")
        await _settle(pilot, app)
        await pilot.press("slash", *"neck", "enter")
        await _settle(pilot, app)
        for index in range(presses):
            t0 = time.perf_counter()
            await pilot.press("n" if index % 2 == 0 else "x")
            await pilot.pause()
            keys.append(time.perf_counter() - t0)
            await _settle(pilot, app)
            answers.append(time.perf_counter() - t0)
        for index in range(presses):
            frames.append(await _frame(pilot, app, "n" if index % 2 == 0 else "x"))
            await _settle(pilot, app)
        for index in range(presses):
            t0 = time.perf_counter()
            typing.append(await _frame(pilot, app, "n" if index % 2 == 0 else "x"))
            await asyncio.sleep(max(0.0, pace - (time.perf_counter() - t0)))
        await _settle(pilot, app)
        held = getattr(app.screen, "rechecks", None)
    return {
        "beats": len(score.beats),
        "key": statistics.median(keys),
        "frame": statistics.median(frames),
        "typing": statistics.median(typing),
        "answer": statistics.median(answers),
        "held": getattr(held, "held", None),
    }


def main(argv: list[str] | None = None) -> int:
    """Measure both sizes, in turn, ``--runs`` times; print figures and ratios as JSON.

    Sizes alternate so that a change in the machine's load hits both alike; each
    ratio is of one pair, and the median and spread of the pairs are reported.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--beats", type=int, default=5000)
    parser.add_argument("--pace", type=float, default=0.3, help="seconds between typed keys")
    args = parser.parse_args(argv)
    small_score = notation.load(write(beats=10))
    score = notation.load(write(beats=args.beats))
    if len(score.beats) > CHECK_AT_ONCE and heap is not None:
        heap.settle()  # as the editor does once a big score is read and checked
    pairs: list[dict[str, Any]] = []
    for _ in range(args.runs):
        small = asyncio.run(_measure(small_score, args.presses, args.pace))
        big = asyncio.run(_measure(score, args.presses, args.pace))
        pairs.append(
            {"small": small, "big": big} | {f"{m}_ratio": big[m] / small[m] for m in MEASURES}
        )
    summary: dict[str, Any] = {}
    for measure in MEASURES:
        ratios = sorted(p[f"{measure}_ratio"] for p in pairs)
        summary[f"{measure}_ratio"] = statistics.median(ratios)
        summary[f"{measure}_spread"] = [ratios[0], ratios[-1]]
    print(json.dumps({"pairs": pairs, **summary}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
