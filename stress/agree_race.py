"""Stress: two ``choreo agree`` runs on one score at the same moment, 100 rounds.

    .venv/bin/python stress/agree_race.py [--rounds 100]

Before ``agree`` took the editor's lock, about a third of rounds lost one
agreement or log entry while both runs printed "recorded" and exited 0. Now
each round must end with both recorded (the second waits for the first), or a
run that failed clearly (exit 2, naming the holder) and recorded nothing. The
figures go in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from factories import beat, performer, score  # noqa: E402

from notation import load, save  # noqa: E402


def one_round(folder: Path, number: int) -> tuple[int, int, int]:
    """(recorded, refused clearly, lost) for one pair of concurrent runs."""
    path = folder / f"race{number}.score.toml"
    save(score(beat(title="one"), performers=(performer("ana"), performer("ben"))), path)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "choreo_tui", "agree", str(path), "1", "--by", who],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("ana", "ben")
    ]
    codes = [run.wait() for run in runs]
    saved = load(path)
    agreed = set(saved.beats[0].agreed.by) if saved.beats[0].agreed else set()
    recorded = sum(code == 0 for code in codes)
    refused = sum(code == 2 for code in codes)
    # Every run that said "recorded" must be in the file, in the beat and in the log.
    claimed = {who for who, code in zip(("ana", "ben"), codes, strict=True) if code == 0}
    logged = {who for entry in saved.log for who in entry.who}
    lost = len(claimed - agreed) + len(claimed - logged)
    return recorded, refused, lost


def main() -> None:
    """Run the rounds and print one line of figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=100)
    rounds = parser.parse_args().rounds
    totals = [0, 0, 0]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for number in range(rounds):
            for i, value in enumerate(one_round(Path(folder), number)):
                totals[i] += value
    seconds = time.perf_counter() - start
    recorded, refused, lost = totals
    print(
        f"{rounds} rounds, {2 * rounds} runs: {recorded} recorded, {refused} refused "
        f"clearly (exit 2), {lost} lost; {seconds:.0f} s"
    )
    if lost:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
