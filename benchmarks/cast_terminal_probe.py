"""Cast-screen key latency in a real terminal: 5,000 beats against 10 beats.

    .venv/bin/python benchmarks/cast_terminal_probe.py [--beats 5000] [--presses 20] [--runs 3]

Pilot times a key inside the app (``cast_probe.py``); a user sees the terminal.
This runs ``choreo`` on the generated realistic score of each size in its own
tmux session (120x40), opens the cast (c), the first performer's boundaries (b),
finds the neck (/neck, Enter), waits until the screen is still, then sets the
neck 'no' and clears it in turn (n, x), polling ``tmux capture-pane`` as fast as
it can:

- ``first``: from sending the key to the first change on the screen (the area's
  row redrawn): what a key costs before the coordinator sees it;
- ``settle``: from sending the key to the last change before the screen stays
  still for ``QUIET`` seconds; at 5,000 beats that includes the re-check line's
  answer, worked out in a worker once the keys pause (0.15 s).

Sizes alternate within each run, so a change in the machine's load hits both
alike. Prints one JSON object; never prints screen contents. Sessions are named
``choreo-cast-probe-PID-...`` and killed when done.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write  # noqa: E402
from tmux_screen import press_timed, server, tmux, wait_still  # noqa: E402
from tmux_screen import send as _send  # noqa: E402

QUIET = 1.5
"""Seconds without a change after which the screen counts as settled: longer than a
big score's answer takes (0.15 s for the keys to pause, then the worker), or the
answer would land after the next key is sent and pass for its first change."""
READY = 180.0
"""Seconds a step (launch, opening the cast or the form) may take to show a still screen."""


def _ask(session: str, key: str) -> Iterator[None]:
    """Send ``key`` again each time the caller looks, for as long as a launch may take."""
    for _ in range(int(READY // 10)):
        _send(session, key)
        yield


def measure(score: Path, beats: int, presses: int) -> dict[str, Any]:
    """Open the cast's area picker on ``score`` in tmux, press n/x, return the medians."""
    session = f"choreo-cast-probe-{os.getpid()}-{beats}"
    choreo = str(Path(sys.executable).with_name("choreo"))
    with tempfile.TemporaryDirectory(prefix="choreo-cast-probe-") as home:
        env = [
            f"{k}={os.path.join(home, k.lower())}" for k in ("XDG_STATE_HOME", "XDG_CONFIG_HOME")
        ]
        env.append(f"CHOREO_STATE_DIR={home}")
        # The tmux server may be older than this process: pass on what picks the code.
        env += [
            f"{k}={os.environ[k]}" for k in ("PYTHONPATH", "CHOREO_TOML_PARSER") if k in os.environ
        ]
        size = ["-x", "120", "-y", "40"]
        command = ["env", *env, choreo, str(score)]
        tmux("new-session", "-d", "-s", session, *size, *command, check=True)
        try:
            # The editor takes keys once a big score is read: until the cast shows, ask again.
            if not any(wait_still(session, "Cast ·", 0.5, 10.0) for _ in _ask(session, "c")):
                return {"ready": False, "step": "c"}
            _send(session, "b")
            if not wait_still(session, "Recorded", 0.5, READY):
                return {"ready": False, "step": "b"}
            # The find box takes the focus a moment after "/" (a message later), and its
            # cursor blinks, so the screen is never still while it has the focus: each
            # key waits for what it shows, not for a still screen.
            for keys, needle, quiet in (
                (("/",), "Back to the areas", 0.0),
                (("-l", "neck"), "neck:", 0.0),
                (("Enter",), "neck:", 0.5),
            ):
                _send(session, *keys)
                if not wait_still(session, needle, quiet, READY):
                    return {"ready": False, "step": " ".join(keys)}
            firsts: list[float] = []
            settles: list[float] = []
            for index in range(presses):
                got = press_timed(session, "n" if index % 2 == 0 else "x", QUIET)
                if got is not None:
                    firsts.append(got[0])
                    settles.append(got[1])
            return {
                "ready": bool(firsts),
                "first": statistics.median(firsts) if firsts else None,
                "first_spread": [min(firsts), max(firsts)] if firsts else None,
                "settle": statistics.median(settles) if settles else None,
                "presses": len(firsts),
            }
        finally:
            tmux("kill-session", "-t", session)


def main(argv: list[str] | None = None) -> int:
    """Measure both sizes ``--runs`` times, alternating; print medians and ratios as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--beats", type=int, default=5000)
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    small, big = write(beats=10), write(beats=args.beats)
    runs: list[dict[str, Any]] = []
    for _ in range(args.runs):
        run: dict[str, Any] = {
            "small": measure(small, 10, args.presses),
            "big": measure(big, args.beats, args.presses),
            "load": os.getloadavg()[0],
        }
        if run["small"].get("ready") and run["big"].get("ready"):
            for figure in ("first", "settle"):
                run[f"{figure}_ratio"] = run["big"][figure] / run["small"][figure]
        runs.append(run)
    summary: dict[str, Any] = {"runs": runs}
    for figure in ("first", "settle"):
        ratios = sorted(r[f"{figure}_ratio"] for r in runs if f"{figure}_ratio" in r)
        summary[f"{figure}_ratio"] = statistics.median(ratios) if ratios else None
        summary[f"{figure}_spread"] = [ratios[0], ratios[-1]] if ratios else None
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    with server():
        sys.exit(main())
