"""Key-press latency in a real terminal: Choreo's editor against a bare DataTable app.

    .venv/bin/python benchmarks/terminal_probe.py [--beats 5000] [--presses 20] [--runs 3]
        [--start top,inside]

Pilot times a key press inside the app; a user sees the terminal. Each run opens
both apps side by side, each in its own tmux session (120x40), waits until both
screens are still, then presses Down and Up in turn, **one press in the bare app,
then one in Choreo**, so both are measured under the same moment's load. After each
press it polls ``tmux capture-pane`` as fast as it can:

- ``first``: from sending the key to the first change on the screen;
- ``settle``: from sending the key to the last change before the screen stays
  still for ``QUIET`` seconds.

Two starting places: ``top`` moves between the first two rows (the first beat
has fewer parts than its neighbour, so Choreo's parts table gains and loses its
scrollbar on every press, which costs a layout pass); ``inside`` first presses
Page Down five times, where neighbouring beats both scroll their parts. The
baseline is ``bare_table.py`` (a Textual app with a 5,000-row DataTable); the
goal is Choreo's settle time within 2x of it. Polling costs a few milliseconds a
sample (a process each), the same for both apps. Each run records the load
average before and after it (the machine may be shared). Prints one JSON object
on stdout and a summary on stderr; never prints screen contents. Sessions are
named ``choreo-probe-PID-...`` and killed when done.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write  # noqa: E402
from tmux_screen import press_timed, server, tmux, wait_still  # noqa: E402

QUIET = 0.25
"""Seconds without a change after which the screen counts as settled."""
READY = 120.0
"""Seconds an app may take to show a still screen after launch."""
INSIDE = 5
"""Page Down presses before measuring at the ``inside`` start."""


@contextmanager
def _session(name: str, command: list[str], home: str) -> Iterator[str]:
    """A tmux session running ``command`` with user folders of its own under ``home``."""
    session = f"choreo-probe-{os.getpid()}-{name}"
    env = [
        f"{k}={os.path.join(home, name, k.lower())}" for k in ("XDG_STATE_HOME", "XDG_CONFIG_HOME")
    ]
    env.append(f"CHOREO_STATE_DIR={os.path.join(home, name)}")
    # The tmux server may be older than this process: pass on what picks the code.
    env += [f"{k}={os.environ[k]}" for k in ("PYTHONPATH", "CHOREO_TOML_PARSER") if k in os.environ]
    size = ["-x", "120", "-y", "40"]
    tmux("new-session", "-d", "-s", session, *size, "env", *env, *command, check=True)
    try:
        yield session
    finally:
        tmux("kill-session", "-t", session)


def _summary(values: list[float]) -> dict[str, Any]:
    """Median and spread (lowest, highest) in milliseconds."""
    if not values:
        return {"median": None, "spread": None, "n": 0}
    ms = sorted(1000 * v for v in values)
    return {
        "median": round(statistics.median(ms), 1),
        "spread": [round(ms[0], 1), round(ms[-1], 1)],
        "n": len(ms),
    }


def measure(apps: dict[str, tuple[list[str], str]], presses: int, start: str) -> dict[str, Any]:
    """Open every app, press Down/Up ``presses`` times in each in turn; per-app timings."""
    load_before = os.getloadavg()
    timings: dict[str, dict[str, list[float]]] = {
        name: {"first": [], "settle": []} for name in apps
    }
    with tempfile.TemporaryDirectory(prefix="choreo-probe-") as home, ExitStack() as stack:
        sessions = {
            name: stack.enter_context(_session(name, command, home))
            for name, (command, _needle) in apps.items()
        }
        for name, session in sessions.items():
            if not wait_still(session, apps[name][1], 1.0, READY):
                return {"ready": False, "why": f"{name} showed no still screen"}
            if start == "inside":
                for _ in range(INSIDE):
                    tmux("send-keys", "-t", session, "PageDown")
                wait_still(session, apps[name][1], 0.5, READY)
        for index in range(presses):
            key = "Down" if index % 2 == 0 else "Up"
            for name, session in sessions.items():  # interleaved: one press each in turn
                got = press_timed(session, key, QUIET)
                if got is not None:
                    timings[name]["first"].append(got[0])
                    timings[name]["settle"].append(got[1])
    result: dict[str, Any] = {
        "ready": all(t["settle"] for t in timings.values()),
        "start": start,
        "load_before": [round(v, 2) for v in load_before],
        "load_after": [round(v, 2) for v in os.getloadavg()],
    }
    for name, t in timings.items():
        result[name] = {"first_ms": _summary(t["first"]), "settle_ms": _summary(t["settle"])}
    if result["ready"]:
        bare, mine = result["bare"], result["choreo"]
        result["settle_ratio"] = mine["settle_ms"]["median"] / bare["settle_ms"]["median"]
        result["first_ratio"] = mine["first_ms"]["median"] / bare["first_ms"]["median"]
    return result


def _ratios(runs: list[dict[str, Any]], key: str) -> dict[str, Any]:
    values = sorted(r[key] for r in runs if key in r)
    if not values:
        return {"median": None, "spread": None}
    return {
        "median": round(statistics.median(values), 2),
        "spread": [round(values[0], 2), round(values[-1], 2)],
    }


def main(argv: list[str] | None = None) -> int:
    """Measure both apps ``--runs`` times at each start, interleaved; print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--beats", type=int, default=5000)
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--start", default="top,inside", help="top, inside or both (comma)")
    args = parser.parse_args(argv)
    score = write(beats=args.beats)
    python = sys.executable
    choreo = str(Path(python).with_name("choreo"))
    apps = {
        "bare": ([python, str(HERE / "bare_table.py"), str(args.beats)], "4 counts"),
        "choreo": ([choreo, str(score)], f"of {args.beats}"),
    }
    report: dict[str, Any] = {"presses": args.presses, "runs": args.runs}
    for start in args.start.split(","):
        runs = [measure(apps, args.presses, start) for _ in range(args.runs)]
        report[start] = {
            "runs": runs,
            "settle_ratio": _ratios(runs, "settle_ratio"),
            "first_ratio": _ratios(runs, "first_ratio"),
        }
        for run in runs:
            if not run.get("ready"):
                print(
                    f"{start}: not ready ({run.get('why', 'no presses measured')})", file=sys.stderr
                )
                continue
            b, c = run["bare"], run["choreo"]
            print(
                f"{start}: load {run['load_before'][0]:.1f}->{run['load_after'][0]:.1f}  "
                f"bare first/settle {b['first_ms']['median']}/{b['settle_ms']['median']} ms  "
                f"choreo {c['first_ms']['median']}/{c['settle_ms']['median']} ms  "
                f"settle ratio {run['settle_ratio']:.2f}",
                file=sys.stderr,
            )
        print(f"{start}: settle ratio {report[start]['settle_ratio']}", file=sys.stderr)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    with server():
        sys.exit(main())
