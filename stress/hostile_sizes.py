"""Stress: hostile-size files are read (or refused) fast and in well under 1 GiB.

    .venv/bin/python stress/hostile_sizes.py

Each case runs ``choreo check`` in a fresh process and reports its exit code,
wall time and peak memory (max RSS), so that a file's cost is measured the way
a user would pay it. Figures go in docs/reliability.md.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HEAD = 'format = "choreo-score"\nversion = 1\n[scene]\ntitle = "x"\nself_care_cue = "hold"\n'
CAST = '[[performers]]\nid = "ana"\nname = "Ana"\n'


def empty_beats(mib: int) -> str:
    """``mib`` MiB of empty ``[[beats]]`` tables (14 MiB once took 37 s and 2.3 GB)."""
    return HEAD + "[[beats]]\n" * (mib * 2**20 // 10)


def unknown_touches(count: int) -> str:
    """One beat with ``count`` touches between unknown ids (20,000 once took 38 s)."""
    touches = "".join(
        f'[[beats.touches]]\nby = "x{i}"\nto = "ana"\non = "hand"\n' for i in range(count)
    )
    return HEAD + CAST + '[[beats]]\ntitle = "b"\ntiming = { counts = 4 }\n' + touches


def long_number(digits: int) -> str:
    """A count with ``digits`` digits (over 4,300 once printed a traceback)."""
    return HEAD + f'[[beats]]\ntitle = "b"\ntiming = {{ counts = {"9" * digits} }}\n'


def long_note(mib: int) -> str:
    """One note of ``mib`` MiB of prose: a large file that is still a score."""
    return HEAD + 'notes = """' + ("words and more words. " * (mib * 2**20 // 22)) + '"""\n'


def commas(mib: int) -> str:
    """An array of ``mib`` MiB of tiny strings (many values in few bytes)."""
    return HEAD + "x = [" + '"",' * (mib * 2**20 // 3) + "]\n"


CASES: list[tuple[str, Callable[[], str]]] = [
    ("14 MiB of empty [[beats]]", lambda: empty_beats(14)),
    ("51 MiB of empty [[beats]]", lambda: empty_beats(51)),
    ("10,000 empty beats (the limit)", lambda: HEAD + "[[beats]]\n" * 10_000),
    ("one beat, 20,000 touches by unknown ids", lambda: unknown_touches(20_000)),
    ("one beat, 40,000 touches by unknown ids", lambda: unknown_touches(40_000)),
    ("a count of 4,301 digits", lambda: long_number(4301)),
    ("a 60 MiB note", lambda: long_note(60)),
    ("60 MiB of empty strings in one array", lambda: commas(60)),
]


def measure(text: str) -> tuple[int, float, float]:
    """Exit code, seconds and peak MiB of ``choreo check`` on ``text``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.score.toml"
        path.write_text(text)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "choreo_tui", "check", str(path)],
            capture_output=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if b"Traceback" in done.stderr:
            raise SystemExit(f"traceback on {path.name}")
    # ru_maxrss of children is the largest child so far: run cases smallest first
    # or read it as an upper bound. Each case here is run in its own process below.
    return done.returncode, seconds, max(peak, before) / 1024


def main() -> None:
    """Run each case in a fresh interpreter so peak memory is its own."""
    if len(sys.argv) == 2:
        _, make = CASES[int(sys.argv[1])]
        code, seconds, mib = measure(make())
        print(f"{code}\t{seconds:.2f}\t{mib:.0f}")
        return
    print("| file | exit | time | peak memory |\n|---|---|---|---|")
    for index, (name, _) in enumerate(CASES):
        out = subprocess.run(
            [sys.executable, __file__, str(index)], capture_output=True, text=True, check=True
        ).stdout.split()
        print(f"| {name} | {out[0]} | {float(out[1]):.1f} s | {out[2]} MiB |")


if __name__ == "__main__":
    main()
