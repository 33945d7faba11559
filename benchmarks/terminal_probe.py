"""Key-press latency in a real terminal: Choreo's editor against a bare DataTable app.

    .venv/bin/python benchmarks/terminal_probe.py [--beats 5000] [--presses 30] [--runs 3]

Pilot times a key press inside the app; a user sees the terminal. This runs each
app in its own tmux session (120x40), waits until its screen is still, then
presses Down and Up in turn and polls ``tmux capture-pane`` as fast as it can:

- ``first``: from sending the key to the first change on the screen;
- ``settle``: from sending the key to the last change before the screen stays
  still for ``QUIET`` seconds.

The baseline is ``bare_table.py`` (a Textual app with a 5,000-row DataTable) in
the same run on the same machine; the goal is Choreo's settle time within 2x of
it. Polling costs a few milliseconds a sample (a process each), the same for
both apps. Prints one JSON object; never prints screen contents. Sessions are
named ``choreo-probe-PID-...`` and killed when done.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write  # noqa: E402

QUIET = 0.25
"""Seconds without a change after which the screen counts as settled."""
READY = 120.0
"""Seconds an app may take to show a still screen after launch."""


def _capture(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-e", "-t", session],
        capture_output=True,
        text=True,
        check=False,
    ).stdout


def _wait_still(session: str, needle: str, quiet: float = 1.0) -> bool:
    """Wait until the screen shows ``needle`` and stays unchanged for ``quiet`` seconds."""
    deadline = time.monotonic() + READY
    last, since = "", time.monotonic()
    while time.monotonic() < deadline:
        screen = _capture(session)
        if screen != last:
            last, since = screen, time.monotonic()
        elif needle in screen and time.monotonic() - since >= quiet:
            return True
        time.sleep(0.05)
    return False


def _press(session: str, key: str) -> tuple[float, float] | None:
    """Send ``key``; seconds to the first change and to the settled screen."""
    before = _capture(session)
    t0 = time.perf_counter()
    subprocess.run(["tmux", "send-keys", "-t", session, key], check=False)
    first = last = None
    screen = before
    while True:
        now = _capture(session)
        at = time.perf_counter()
        if now != screen:
            screen, last = now, at
            if first is None:
                first = at
        if first is not None and at - last >= QUIET:  # type: ignore[operator]
            break
        if first is None and at - t0 > 5.0:
            return None  # the key changed nothing (at the end of the list?)
    assert first is not None and last is not None
    return first - t0, last - t0


def measure(name: str, command: list[str], needle: str, presses: int) -> dict[str, Any]:
    """Run ``command`` in tmux, press Down/Up ``presses`` times, return the medians."""
    session = f"choreo-probe-{os.getpid()}-{name}"
    with tempfile.TemporaryDirectory(prefix="choreo-probe-") as home:
        env = [
            f"{k}={os.path.join(home, k.lower())}" for k in ("XDG_STATE_HOME", "XDG_CONFIG_HOME")
        ]
        env.append(f"CHOREO_STATE_DIR={home}")
        # The tmux server may be older than this process: pass on what picks the code.
        env += [
            f"{k}={os.environ[k]}" for k in ("PYTHONPATH", "CHOREO_TOML_PARSER") if k in os.environ
        ]
        subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                "120",
                "-y",
                "40",
                "env",
                *env,
                *command,
            ],
            check=True,
        )
        try:
            if not _wait_still(session, needle):
                return {"ready": False}
            firsts: list[float] = []
            settles: list[float] = []
            for index in range(presses):
                got = _press(session, "Down" if index % 2 == 0 else "Up")
                if got is not None:
                    firsts.append(got[0])
                    settles.append(got[1])
            return {
                "ready": bool(firsts),
                "first": statistics.median(firsts) if firsts else None,
                "settle": statistics.median(settles) if settles else None,
                "presses": len(firsts),
            }
        finally:
            subprocess.run(["tmux", "kill-session", "-t", session], check=False)


def main(argv: list[str] | None = None) -> int:
    """Measure both apps ``--runs`` times, interleaved; print medians and ratios as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--beats", type=int, default=5000)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    score = write(beats=args.beats)
    python = sys.executable
    choreo = str(Path(python).with_name("choreo"))
    runs: list[dict[str, Any]] = []
    for _ in range(args.runs):
        bare = measure(
            "bare", [python, str(HERE / "bare_table.py"), str(args.beats)], "4 counts", args.presses
        )
        mine = measure("choreo", [choreo, str(score)], f"{args.beats}", args.presses)
        run: dict[str, Any] = {"bare": bare, "choreo": mine}
        if bare.get("ready") and mine.get("ready"):
            run["settle_ratio"] = mine["settle"] / bare["settle"]
            run["first_ratio"] = mine["first"] / bare["first"]
        runs.append(run)
    ratios = sorted(r["settle_ratio"] for r in runs if "settle_ratio" in r)
    print(
        json.dumps(
            {
                "runs": runs,
                "settle_ratio": statistics.median(ratios) if ratios else None,
                "spread": [ratios[0], ratios[-1]] if ratios else None,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
