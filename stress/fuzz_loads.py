"""Torture: the fuzz of ``loads`` from tests/test_fuzz_loads.py, run much longer.

Usage: ``python stress/fuzz_loads.py [--examples 5000]``. Prints how many
mutants loaded and how many were refused with a ``LoadError``; any other
exception, a score that does not save and load back equal, or a message that
repeats a value from the file fails the run (exit 1) with Hypothesis's minimal
example.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_fuzz_loads as fuzz

from notation import LoadError, loads


def _text_check(outcomes: Counter[str], name: str, no_echo: bool) -> Callable[[str], None]:
    def check(text: str) -> None:
        try:
            loads(text)
            outcomes[f"{name}: loaded"] += 1
        except LoadError:
            outcomes[f"{name}: refused with LoadError"] += 1
        fuzz._holds_for(text, no_echo=no_echo)

    return check


def run(examples: int) -> int:
    """Run each property for ``examples`` examples; return 0 if all held."""
    outcomes: Counter[str] = Counter()
    failed = 0
    for name, strategy, check in (
        ("text mutants", fuzz.text_mutants(), _text_check(outcomes, "text", no_echo=False)),
        ("structure mutants", fuzz.structure_mutants(), _text_check(outcomes, "structure", True)),
        ("byte flips", fuzz.byte_mutants(), fuzz._bytes_hold_for),
    ):
        prop = settings(
            max_examples=examples,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )(given(strategy)(check))
        started = time.monotonic()
        try:
            prop()
        except Exception as error:  # report and go on to the next property
            failed += 1
            print(f"{name}: FAILED: {type(error).__name__}: {error}", file=sys.stderr)
        print(f"{name}: {examples} examples in {time.monotonic() - started:.1f} s")
    for key, count in sorted(outcomes.items()):
        print(f"  {key}: {count}")
    return failed


def main() -> int:
    """Parse the arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000)
    args = parser.parse_args()
    return 1 if run(args.examples) else 0


if __name__ == "__main__":
    raise SystemExit(main())
