"""CPU time of one Down/Up in a real terminal, inside the app: less noisy than the
screen timings of ``terminal_probe.py`` on a shared machine.

    .venv/bin/python benchmarks/key_cpu.py [--beats 5000] [--presses 24] [--runs 2]
        [--start inside,top] [--before PATH]

Runs each app in its own tmux session (120x40) through a wrapper that timestamps,
in the app's main thread, every Down/Up key when it reaches the app and the end of
the first frame written after it: the wall time between the two and the thread's
CPU time (``time.thread_time``), which other processes on the machine hardly move.
Keys are sent every 0.25 s, so each one finds the app idle. ``bare`` is
``bare_table.py``; ``choreo`` is the editor on the generated score; with
``--before PATH`` (a folder holding another version's ``choreo_tui`` and ``notation``,
e.g. from ``git archive REV choreo_tui notation | tar -x -C PATH``) that version runs
too, as ``before``, interleaved. Prints one JSON object (medians per app and start)
and a summary on stderr; never prints screen contents. Sessions are named
``choreo-keycpu-PID-...`` and killed when done.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write  # noqa: E402
from tmux_screen import capture, server, tmux  # noqa: E402

WRAPPER = """
import json, sys, time
from textual import events
from textual.app import App
from textual.message_pump import MessagePump

log, key = [], {}
post = MessagePump.post_message
def timed_post(self, message):
    if isinstance(message, events.Key) and isinstance(self, App) and message.key in ("up", "down"):
        key.update(t=time.perf_counter(), c=time.thread_time())
    return post(self, message)
MessagePump.post_message = timed_post
display = App._display
def timed_display(self, screen, renderable):
    display(self, screen, renderable)
    if key and renderable is not None:
        log.append((time.perf_counter() - key["t"], time.thread_time() - key["c"]))
        key.clear()
App._display = timed_display
out, kind, arg = sys.argv[1], sys.argv[2], sys.argv[3]
if kind == "bare":
    sys.path.insert(0, {here!r})
    from bare_table import BareTable
    app = BareTable(int(arg))
else:
    from pathlib import Path
    from choreo_tui.app import ChoreoApp
    app = ChoreoApp(Path(arg))
try:
    app.run()
finally:
    with open(out, "w") as file:
        json.dump(log, file)
"""


def _run(kind: str, arg: str, code: str | None, start: str, presses: int, home: str) -> list[Any]:
    """One app, one start: (wall, cpu) seconds per key."""
    session = f"choreo-keycpu-{os.getpid()}-{kind}"
    out = os.path.join(home, f"{kind}-{start}-{time.monotonic_ns()}.json")
    env = [
        f"{k}={os.path.join(home, kind, k.lower())}" for k in ("XDG_STATE_HOME", "XDG_CONFIG_HOME")
    ]
    env.append(f"CHOREO_STATE_DIR={os.path.join(home, kind)}")
    if code:
        env.append(f"PYTHONPATH={code}")
    wrapper = os.path.join(home, "wrapper.py")
    kind_arg = "bare" if kind == "bare" else "choreo"
    command = ["env", *env, sys.executable, wrapper, out, kind_arg, arg]
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", *command)
    try:
        ready = "4 counts" if kind == "bare" else "of "
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            lines = capture(session).splitlines()
            # A big score's marks read "·" until its first check is done.
            if any(ready in line for line in lines) and not any(
                line.startswith("·") for line in lines[2:6]
            ):
                break
            time.sleep(0.5)
        time.sleep(1.5)
        if start == "inside":
            for _ in range(5):
                tmux("send-keys", "-t", session, "PageDown")
                time.sleep(0.3)
        time.sleep(0.5)
        for index in range(presses):
            tmux("send-keys", "-t", session, "Down" if index % 2 == 0 else "Up")
            time.sleep(0.25)
        tmux("send-keys", "-t", session, "C-q")
        for _ in range(80):
            if os.path.exists(out):
                break
            time.sleep(0.25)
    finally:
        tmux("kill-session", "-t", session)
    with open(out) as file:
        return list(json.load(file))[-presses:]


def main(argv: list[str] | None = None) -> int:
    """Measure every app at every start, ``--runs`` times, interleaved; print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--beats", type=int, default=5000)
    parser.add_argument("--presses", type=int, default=24)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--start", default="inside,top")
    parser.add_argument("--before", help="a folder with another version's code")
    args = parser.parse_args(argv)
    score = str(write(beats=args.beats))
    apps: list[tuple[str, str, str | None]] = [("bare", str(args.beats), None)]
    if args.before:
        apps.append(("before", score, str(Path(args.before).resolve())))
    apps.append(("choreo", score, None))
    samples: dict[str, dict[str, list[Any]]] = {}
    loads = []
    with tempfile.TemporaryDirectory(prefix="choreo-keycpu-") as home:
        with open(os.path.join(home, "wrapper.py"), "w") as file:
            file.write(WRAPPER.replace("{here!r}", repr(str(HERE))))
        for _ in range(args.runs):
            for start in args.start.split(","):
                for kind, arg, code in apps:
                    loads.append(os.getloadavg()[0])
                    keys = _run(kind, arg, code, start, args.presses, home)
                    samples.setdefault(start, {}).setdefault(kind, []).extend(keys)
    report: dict[str, Any] = {"presses": args.presses, "runs": args.runs, "load": loads}
    for start, by_app in samples.items():
        report[start] = {
            kind: {
                "wall_ms": round(1000 * statistics.median(k[0] for k in keys), 2),
                "cpu_ms": round(1000 * statistics.median(k[1] for k in keys), 2),
                "n": len(keys),
            }
            for kind, keys in by_app.items()
        }
        line = "  ".join(
            f"{kind} cpu {v['cpu_ms']} ms (wall {v['wall_ms']})"
            for kind, v in report[start].items()
        )
        print(f"{start}: {line}", file=sys.stderr)
    print(f"load average {min(loads):.1f}-{max(loads):.1f}", file=sys.stderr)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    with server():
        sys.exit(main())
