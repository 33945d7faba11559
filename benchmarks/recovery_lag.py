"""How far the recovery copy trails the last edit, and what an edit costs the UI thread.

    .venv/bin/python benchmarks/recovery_lag.py [--beats 5000] [--seconds 6] [--every 0.1]

Edits a score (a beat's title changes) every ``--every`` seconds for
``--seconds``, as a coordinator typing steadily would, through the app's
``RecoveryWriter``. For each edit it records when a copy holding that edit (or
a later one) was on disk. The goal: no edit more than 2 s behind. Prints the
lag (median, 95th percentile, worst), the cost of ``submit`` on the calling
thread, and how long one write takes; never score contents.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from choreo_tui.recovery import STATE_ENV, RecoveryCopy, RecoveryWriter
from notation import Score
from notation.edits import update_beat


class TimedCopy(RecoveryCopy):
    """A recovery copy that notes which edit each finished write held, and when."""

    def __init__(self, score_path: Path) -> None:
        super().__init__(score_path)
        self.done: list[tuple[float, int, float]] = []
        self.edit_of: dict[int, int] = {}

    def write(self, score: Score, base: object = None) -> None:
        started = time.perf_counter()
        super().write(score)
        finished = time.perf_counter()
        self.done.append((finished, self.edit_of[id(score)], finished - started))


def run(beats: int, seconds: float, every: float) -> dict[str, float]:
    """Edit for ``seconds``; the lag and cost figures in seconds."""
    score = generate(beats=beats) if beats else Score.model_validate({"scene": {"title": "x"}})
    if not score.beats:
        score = score.replace(beats=({"title": "b"},))
    folder = Path(tempfile.mkdtemp(prefix="choreo-lag-"))
    os.environ[STATE_ENV] = str(folder / "state")
    copy = TimedCopy(folder / "big.score.toml")
    writer = RecoveryWriter(copy)
    edits: list[float] = []
    submits: list[float] = []
    end = time.perf_counter() + seconds
    number = 0
    while time.perf_counter() < end:
        score = update_beat(score, number % len(score.beats), title=f"edit {number}")
        copy.edit_of[id(score)] = number
        started = time.perf_counter()
        writer.submit(score)
        submits.append(time.perf_counter() - started)
        edits.append(started)
        number += 1
        time.sleep(every)
    writer.close()
    lags = []
    for index, at in enumerate(edits):
        caught = next(t for t, held, _ in copy.done if held >= index)
        lags.append(caught - at)
    lags.sort()
    return {
        "edits": float(len(edits)),
        "writes": float(len(copy.done)),
        "lag median": statistics.median(lags),
        "lag p95": lags[int(len(lags) * 0.95) - 1],
        "lag worst": lags[-1],
        "submit worst": max(submits),
        "write median": statistics.median(d for _, _, d in copy.done),
    }


def main() -> int:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beats", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--every", type=float, default=0.1)
    args = parser.parse_args()
    figures = run(args.beats, args.seconds, args.every)
    print(f"{args.beats} beats, an edit every {args.every * 1000:.0f} ms for {args.seconds} s")
    for name, value in figures.items():
        shown = f"{value:.0f}" if name in ("edits", "writes") else f"{value * 1000:.1f} ms"
        print(f"  {name:<13} {shown}")
    worst = figures["lag worst"]
    print(f"  goal: every edit on disk within 2 s: {'✓ met' if worst <= 2.0 else '✗ missed'}")
    return 0 if worst <= 2.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
