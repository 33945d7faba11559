"""``diff``'s "moved" beats: the O(n log n) longest run gives the same answer as the
plain quadratic search it replaced, which is kept here as the oracle."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from notation.beat_matching import _in_order


def quadratic_in_order(values: Sequence[int]) -> set[int]:
    """The search ``diff`` used before: best run ending at each position, earliest step back."""
    best = [1] * len(values)
    before = [-1] * len(values)
    for i, value in enumerate(values):
        for k in range(i):
            if values[k] < value and best[k] + 1 > best[i]:
                best[i], before[i] = best[k] + 1, k
    keep: set[int] = set()
    i = max(range(len(values)), key=best.__getitem__, default=-1)
    while i != -1:
        keep.add(i)
        i = before[i]
    return keep


@pytest.mark.parametrize(
    "values",
    [[], [0], [0, 1, 2], [2, 1, 0], [1, 0, 2], [3, 0, 1, 2], [2, 3, 0, 1], [0, 5, 1, 4, 2, 3]],
)
def test_small_cases_match_the_quadratic_search(values: list[int]) -> None:
    assert _in_order(values) == quadratic_in_order(values)


def test_random_orders_match_the_quadratic_search() -> None:
    # Seeded, so a failure names its case and every run checks the same ones.
    for seed in range(600):
        rng = random.Random(seed)
        size = rng.randrange(0, 60)
        # New positions of matched beats: distinct, some beats added or removed.
        values = rng.sample(range(size * 2 + 1), size)
        if seed % 3 == 0:  # mostly in order, a few beats moved: the usual edit
            values = sorted(values)
            for _ in range(rng.randrange(0, 4)):
                if size > 1:
                    a, b = rng.randrange(size), rng.randrange(size)
                    values[a], values[b] = values[b], values[a]
        assert _in_order(values) == quadratic_in_order(values), (seed, values)


def test_a_long_score_is_not_quadratic() -> None:
    # 5,000 beats with every tenth moved: milliseconds now; the quadratic search took seconds.
    values = list(range(5_000))
    for i in range(0, 5_000, 10):
        values[i] = -i
    kept = _in_order(values)
    assert len(kept) == 5_000 - 500 + 1
