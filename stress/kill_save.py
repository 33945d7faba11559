"""Torture: SIGKILL a process that saves a score (and its recovery copy) in a loop.

Each round starts a child that alternately saves version A and version B of a
score, and writes each as the score's recovery copy, as fast as it can; the
parent kills it with SIGKILL at a random moment. After every kill:

- the score loads and equals A or B, never a mixture or a torn file;
- the recovery copy reads back as A or B;
- at most the one temp file the killed writer was filling is left, and the
  next save removes it; after a final save no temp file is left anywhere.

Usage: ``python stress/kill_save.py [--rounds 200] [--seed N]``. Exit 0 on success.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from choreo_tui.recovery import STATE_ENV, RecoveryCopy
from notation import Score, load, loads, save
from notation.model import Beat, Performer, Scene, Timing, Touch


def versions() -> tuple[Score, Score]:
    """Two versions of one score; B is larger, so a torn write cannot pass for either."""
    cast = (Performer(id="ana", name="Ana Reyes"), Performer(id="ben", name="Ben Okafor"))

    def beats(count: int, note: str) -> tuple[Beat, ...]:
        touch = Touch(by="ana", to="ben", on="upper_back")
        return tuple(
            Beat(title=f"beat {i}", notes=note * 20, timing=Timing(counts=4), touches=(touch,))
            for i in range(count)
        )

    scene = Scene(title="Torture", self_care_cue="hold")
    a = Score(scene=scene, performers=cast, beats=beats(150, "a"))
    b = Score(scene=scene, performers=cast, beats=beats(220, "b"))
    return a, b


def child(target: Path, b_first: bool) -> None:
    """Save A and B (score and recovery copy) in a loop until killed."""
    a, b = versions()
    order = (b, a) if b_first else (a, b)
    copy = RecoveryCopy(target)
    print("ready", flush=True)
    while True:
        for score in order:
            save(score, target)
            copy.write(score)


def temps(folder: Path) -> list[Path]:
    """Temp files left in ``folder`` by atomic writes."""
    return sorted(folder.glob(".*.tmp")) if folder.exists() else []


def run(rounds: int, seed: int) -> int:
    """Kill ``rounds`` savers; return the number of broken invariants (0 = all kept)."""
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="choreo-kill-save-"))
    os.environ[STATE_ENV] = str(work / "state")
    target = work / "torture.score.toml"
    a, b = versions()
    save(a, target)
    copy = RecoveryCopy(target)
    failures = 0
    mid_write = 0
    copy_seen = False
    seen = {"A": 0, "B": 0}
    started = time.monotonic()
    for round_no in range(1, rounds + 1):
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(target), *(["--b-first"] * (round_no % 2))],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            print(f"round {round_no}: the saver did not start", file=sys.stderr)
            return failures + 1
        time.sleep(rng.uniform(0.0, 0.08))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        problems: list[str] = []
        score = load(target)
        if score == a:
            seen["A"] += 1
        elif score == b:
            seen["B"] += 1
        else:
            problems.append("the score is neither version A nor version B")
        found = copy.read()
        if found is not None and found.score not in (a, b):
            problems.append("the recovery copy is neither version")
        if copy_seen and found is None:
            problems.append("the recovery copy vanished or became unreadable")
        copy_seen = copy_seen or found is not None
        left = temps(work) + temps(copy.file.parent)
        mid_write += bool(left)
        if len(temps(work)) > 1 or len(temps(copy.file.parent)) > 1:
            problems.append(f"{len(left)} temp files piled up: {[p.name for p in left]}")
        for problem in problems:
            print(f"round {round_no}: {problem}", file=sys.stderr)
        failures += len(problems)
    # The next save by anyone removes what the last killed writer left.
    save(loads(target.read_text()), target)
    copy.write(a)
    left = temps(work) + temps(copy.file.parent)
    if left:
        print(f"after a final save, temp files remain: {[p.name for p in left]}", file=sys.stderr)
        failures += 1
    elapsed = time.monotonic() - started
    print(
        f"{rounds} SIGKILLs in {elapsed:.1f} s: score was A {seen['A']} times, B {seen['B']} "
        f"times; {mid_write} kills landed mid-write; {failures} broken invariants"
    )
    return failures


def main() -> int:
    """Parse the arguments and run the torture (or be the child that saves)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--b-first", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.b_first)
        return 0
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"seed {seed}")
    return 1 if run(args.rounds, seed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
