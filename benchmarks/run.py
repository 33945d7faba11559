"""Choreo's performance benchmark: prints a table and writes JSON to benchmarks/out/.

    .venv/bin/python benchmarks/run.py [--beats 5000] [--repeat 5] [--skip-editor]

Every figure is a ratio within one run (Choreo's time over a baseline measured
moments before or after on the same machine), so machine noise mostly cancels;
the table gives the median ratio over ``--repeat`` interleaved runs and its
spread (lowest to highest). The garbage collector stays on, as a user runs
Choreo. The load, check and process rows run on two generated scores: a
realistic one (most beats clean) and a draft dense with findings (about four a
beat). ``choreo check`` is also timed as a whole process beside a process that
only runs ``tomllib.load`` on the same file. Each ratio is also given in CPU
time (this process's own, or the finished child processes'), which leaves out
the time other programs held the CPU: on a busy shared machine the clock's
ratio swings with them, the CPU ratio far less. Editor timings run
in fresh processes (``editor_probe.py``) so that imports and memory count as a
user's launch would.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import tomli_w

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import DENSE, OUT, write  # noqa: E402

import notation  # noqa: E402
from notation.checks.incremental import LiveFindings  # noqa: E402
from notation.model import Score  # noqa: E402

NA = "n/a (editor not ready)"


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Seconds one call of ``fn`` takes, with the garbage collector on, as a user runs it:
    on the clock, and in this process's CPU time.

    Collected first so that each timing starts from the same heap, then left on:
    the collector's cost while thousands of models are built is part of the bill.
    The CPU time leaves out the time other processes held the CPU, which on a
    shared machine is most of the noise in the clock's figure.
    """
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def _edited(score: Score, index: int) -> Score:
    """The score with one beat's choreography changed: its first touch's pressure."""
    beat = score.beats[index]
    touch = beat.touches[0]
    pressure = "muscle" if touch.pressure == "light" else "light"
    changed = beat.model_copy(
        update={"touches": (touch.model_copy(update={"pressure": pressure}), *beat.touches[1:])}
    )
    beats = list(score.beats)
    beats[index] = changed
    return score.replace(beats=tuple(beats))


Runs = dict[str, list[float]]
"""Each measure's seconds, run by run (index i of every list is the same run); its
CPU seconds under ``CPU + name``."""

CPU = "cpu: "


def core(path: Path, repeat: int) -> Runs:
    """Load, check, re-check and save, each beside its baseline, ``repeat`` interleaved runs."""
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    runs: Runs = {}

    def note(name: str, seconds: tuple[float, float]) -> None:
        runs.setdefault(name, []).append(seconds[0])
        runs.setdefault(CPU + name, []).append(seconds[1])

    index = next(i for i in range(len(data["beats"]) // 2, 10**9) if data["beats"][i]["touches"])
    for _ in range(repeat):
        note("tomllib.loads", timed(partial(tomllib.loads, text)))
        note("load", timed(partial(notation.loads, text)))
        fresh = notation.loads(text)
        note("check", timed(partial(notation.check, fresh)))
        note("tomli_w.dumps", timed(partial(tomli_w.dumps, data)))
        note("save (dumps)", timed(partial(notation.dumps, fresh)))
        note("save (to disk)", timed(partial(notation.save, fresh, OUT / "saved.score.toml")))
        live = LiveFindings(fresh)
        edited = _edited(fresh, index)
        note("re-check one beat", timed(partial(live.beat_edited, edited, index)))
        note("findings after it", timed(live.findings))
        back = _edited(edited, index)
        note("re-check via update()", timed(partial(live.update, back)))
        note("Score.replace one beat", timed(partial(_edited, back, index)))
        assert live.findings() == notation.check(back), "incremental findings drifted"
    runs["findings"] = [float(len(notation.check(notation.loads(text))))]
    return runs


BASELINE_PROCESS = "import sys, tomllib\nwith open(sys.argv[1], 'rb') as f: tomllib.load(f)"
CHOREO = Path(sys.executable).with_name("choreo")


def processes(path: Path, repeat: int) -> Runs:
    """``choreo check SCORE`` as a whole process beside one that only runs tomllib.load."""
    runs: Runs = {}
    commands = {
        "tomllib.load process": [sys.executable, "-c", BASELINE_PROCESS, str(path)],
        "choreo check process": [str(CHOREO), "check", str(path)],
    }
    for _ in range(repeat):
        for name, command in commands.items():
            t0, c0 = time.perf_counter(), _children_cpu()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            runs.setdefault(name, []).append(time.perf_counter() - t0)
            runs.setdefault(CPU + name, []).append(_children_cpu() - c0)
    return runs


def _children_cpu() -> float:
    """CPU seconds (user and system) of every finished child process so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def probe(*args: str) -> dict[str, Any]:
    """Run one editor measurement in a fresh process, with user folders of its own.

    Choreo keeps recovery copies, locks and settings in the user's folders; a probe
    must neither find a restore prompt left by an earlier run nor leave one behind.
    """
    with tempfile.TemporaryDirectory(prefix="choreo-bench-") as home:
        env = dict(os.environ)
        for name in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            env[name] = os.path.join(home, name.lower())
        result = subprocess.run(
            [sys.executable, str(HERE / "editor_probe.py"), *args],
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
            env=env,
        )
    try:
        answer: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        answer = {"ready": False, "why": f"probe exited {result.returncode}"}
    return answer


def editor(big: Path, small: Path, presses: int, starts: int) -> dict[str, Any]:
    """Key press to next beat at both sizes, startup against a bare app, peak memory."""
    out: dict[str, Any] = {}
    big_keys = probe("keys", str(big), str(presses))
    small_keys = probe("keys", str(small), str(presses))
    if big_keys.get("ready") and small_keys.get("ready"):
        out["keys"] = {"big": big_keys, "small": small_keys, "bare": probe("keys", "bare", "60")}
    else:
        out["keys"] = {"why": big_keys.get("why") or small_keys.get("why")}
    bare = [probe("startup", "bare") for _ in range(starts)]
    mine = [probe("startup", "choreo", str(big)) for _ in range(starts)]
    if all(m.get("ready") for m in mine):
        out["startup"] = {
            "choreo": statistics.median(m["seconds"] for m in mine),
            "editing": statistics.median(m["editing"] for m in mine),
            "bare": statistics.median(b["seconds"] for b in bare),
            "peak_mib": max(m["peak_mib"] for m in mine),
            "bare_peak_mib": max(b["peak_mib"] for b in bare),
        }
    else:
        out["startup"] = {"why": next((m.get("why") for m in mine if not m.get("ready")), None)}
    return out


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def ratio_row(measure: str, runs: Runs, mine: str, base: str, target: float) -> dict[str, Any]:
    """One row: the ratio run by run (each over the baseline of its own run), its
    median and spread, and the median seconds behind it."""
    ratios = sorted(a / b for a, b in zip(runs[mine], runs[base], strict=True))
    row = {
        "measure": measure,
        "figure": f"{_ms(statistics.median(runs[mine]))} / {_ms(statistics.median(runs[base]))}",
        "ratio": statistics.median(ratios),
        "spread": [ratios[0], ratios[-1]],
        "target": target,
    }
    if CPU + mine in runs and CPU + base in runs:
        cpu = sorted(
            a / b for a, b in zip(runs[CPU + mine], runs[CPU + base], strict=True) if b > 0
        )
        if cpu:
            row["cpu_ratio"] = statistics.median(cpu)
            row["cpu_spread"] = [cpu[0], cpu[-1]]
    return row


def score_rows(name: str, beats: int, c: Runs, p: Runs) -> list[dict[str, Any]]:
    """The rows measured on one score: load, check, process, re-check and save."""
    at = f"{name}, {beats} beats, {int(c['findings'][0])} findings"
    return [
        ratio_row(f"load ÷ tomllib.loads ({at})", c, "load", "tomllib.loads", 0.7),
        ratio_row(f"check ÷ tomllib.loads ({name})", c, "check", "tomllib.loads", 0.2),
        ratio_row(
            f"`choreo check` process ÷ tomllib.load process ({name})",
            p,
            "choreo check process",
            "tomllib.load process",
            1.5,
        ),
        ratio_row(
            f"re-check after editing one beat ÷ full check ({name})",
            c,
            "re-check one beat",
            "check",
            0.01,
        ),
        ratio_row(f"save ÷ tomli_w.dumps ({name})", c, "save (dumps)", "tomli_w.dumps", 2.5),
    ]


def editor_rows(beats: int, e: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The editor's rows: key presses and startup, each against a bare Textual app."""
    rows: list[dict[str, Any]] = []
    keys = (e or {}).get("keys", {})
    if "big" in keys:
        big, small = keys["big"]["median"], keys["small"]["median"]
        rows.append(
            {
                "measure": f"editor: next beat at {beats} ÷ at 10 beats (median)",
                "figure": f"{_ms(big)} / {_ms(small)} (goal < 16 ms)",
                "ratio": big / small,
                "target": 1.5,
            }
        )
        bare = keys["bare"].get("median")
        if bare:
            rows.append(
                {
                    "measure": "editor: next beat at 5000 ÷ next row, bare DataTable (Pilot floor)",
                    "figure": f"{_ms(big)} / {_ms(bare)}",
                    "ratio": big / bare,
                }
            )
    else:
        rows.append({"measure": "editor: next beat, 5,000 ÷ 10 beats", "figure": NA})
    start = (e or {}).get("startup", {})
    if "choreo" in start:
        rows.append(
            {
                "measure": f"editor startup to first frame ({beats} beats) ÷ bare Textual app",
                "figure": f"{_ms(start['choreo'])} / {_ms(start['bare'])}",
                "ratio": start["choreo"] / start["bare"],
                "target": 2.0,
            }
        )
        rows.append(
            {
                "measure": f"editor startup to the score on screen ({beats} beats) ÷ bare app",
                "figure": f"{_ms(start['editing'])} / {_ms(start['bare'])}",
                "ratio": start["editing"] / start["bare"],
            }
        )
        rows.append(
            {
                "measure": f"peak memory, editor open on {beats} beats",
                "figure": f"{start['peak_mib']:.0f} MiB "
                f"(bare app {start['bare_peak_mib']:.0f} MiB)",
            }
        )
    else:
        rows.append({"measure": "editor startup ÷ bare Textual app", "figure": NA})
        rows.append({"measure": "peak memory, editor open", "figure": NA})
    return rows


def render(rows: list[dict[str, Any]], c: Runs) -> str:
    """The table as plain text, with 'meets'/'misses' words (never colour alone)."""
    lines = [
        f"{'measure':<72} {'ratio':>6} {'spread':>13} {'target':>7}  verdict  "
        f"{'cpu ratio':>9} {'cpu spread':>13}  figures"
    ]
    for row in rows:
        ratio = f"{row['ratio']:.3f}" if "ratio" in row else "-"
        spread = f"{row['spread'][0]:.3f}–{row['spread'][1]:.3f}" if "spread" in row else "-"
        target = f"≤ {row['target']}" if "target" in row else "-"
        verdict = ""
        if "ratio" in row and "target" in row:
            verdict = "meets" if row["ratio"] <= row["target"] else "misses"
        cpu = f"{row['cpu_ratio']:.3f}" if "cpu_ratio" in row else "-"
        cpu_spread = (
            f"{row['cpu_spread'][0]:.3f}–{row['cpu_spread'][1]:.3f}" if "cpu_spread" in row else "-"
        )
        lines.append(
            f"{row['measure']:<72} {ratio:>6} {spread:>13} {target:>7}  {verdict:<7}  "
            f"{cpu:>9} {cpu_spread:>13}  {row['figure']}"
        )
    lines.append("")
    lines.append("also measured on the realistic score (median of runs):")
    for name in ("findings after it", "re-check via update()", "Score.replace one beat"):
        lines.append(f"  {name:<28} {_ms(statistics.median(c[name]))}")
    lines.append(f"  {'save (to disk, fsync)':<28} {_ms(statistics.median(c['save (to disk)']))}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Generate the scores, measure, print the table and write the JSON."""
    parser = argparse.ArgumentParser(description="Choreo's performance benchmark")
    parser.add_argument("--beats", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--skip-editor", action="store_true")
    args = parser.parse_args(argv)
    big = write(beats=args.beats)
    dense = write(beats=args.beats, drift=DENSE)
    small = write(beats=10)
    measured: dict[str, dict[str, Runs]] = {}
    rows: list[dict[str, Any]] = []
    for name, path in (("realistic", big), ("dense", dense)):
        c, p = core(path, args.repeat), processes(path, args.repeat)
        measured[name] = {"core": c, "process": p}
        rows += score_rows(name, args.beats, c, p)
    e = None if args.skip_editor else editor(big, small, args.presses, args.starts)
    rows += editor_rows(args.beats, e)
    print(render(rows, measured["realistic"]["core"]))
    result = {
        "machine": machine(),
        "beats": args.beats,
        "gc": "on",
        "rows": rows,
        "runs": measured,
        "editor": e,
    }
    target = OUT / "results.json"
    target.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.chmod(target, 0o600)
    print(f"\nwritten: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
