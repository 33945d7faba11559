"""Which beat of one version of a score is which beat of another, and which kept their order.

Beats are matched first the same choreography under the same title, then the same
choreography (a retitled beat), then the same title (a rechoreographed beat), then the
same position. A matched beat off the longest run still in order is *moved*
(``diff`` says so); one only renumbered by an insertion above it is not.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Sequence

from notation.agreement import digest
from notation.model import Beat


def _in_order(values: Sequence[int]) -> set[int]:
    """Positions of one longest increasing run (not necessarily adjacent) in ``values``.

    Beats on it kept their order; the others moved. ``values`` are distinct (new
    positions). O(n log n), and the same run as the plain quadratic search gives: a
    run ends at the first position where the longest one ends, and each step back
    goes to the earliest position that can precede it.
    """
    # levels[n]: the positions where a run of length n + 1 ends, in order. Their
    # values fall as positions rise (a later, larger one would end a longer run),
    # so each list is sorted, and so are the lists' last values (``tails``).
    levels: list[list[int]] = []
    falling: list[list[int]] = []  # minus the values of levels[n], rising
    tails: list[int] = []
    before = [-1] * len(values)
    best = [0] * len(values)
    for i, value in enumerate(values):
        level = bisect_left(tails, value)
        if level:
            # The earliest position one level down whose value is below this one.
            at = bisect_right(falling[level - 1], -value)
            before[i] = levels[level - 1][at]
        if level == len(tails):
            levels.append([])
            falling.append([])
            tails.append(value)
        tails[level] = value
        levels[level].append(i)
        falling[level].append(-value)
        best[i] = level
    keep: set[int] = set()
    i = max(range(len(values)), key=best.__getitem__, default=-1)
    while i != -1:
        keep.add(i)
        i = before[i]
    return keep


def match_beats(old: Sequence[Beat], new: Sequence[Beat]) -> list[tuple[int, int]]:
    """Pairs of 0-based (old, new) indices of the same beat in both versions."""
    sides = [
        [(digest(b), b.title, b.model_dump_json()) for b in old],
        [(digest(b), b.title, b.model_dump_json()) for b in new],
    ]
    # An identical beat first (so two beats alike but for their notes are not
    # crossed when swapped), then the same choreography and title, the same
    # choreography, the same title, the same position.
    keys: list[Callable[[int, tuple[str, str, str]], object]] = [
        lambda _, dt: dt,
        lambda _, dt: dt[:2],
        lambda _, dt: dt[0],
        lambda _, dt: dt[1] or None,
        lambda i, _: i,
    ]
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for key in keys:
        waiting: dict[object, deque[int]] = {}
        for j, facts in enumerate(sides[1]):
            if j not in taken and key(j, facts) is not None:
                waiting.setdefault(key(j, facts), deque()).append(j)
        for i, facts in enumerate(sides[0]):
            queue = waiting.get(key(i, facts)) if i not in pairs else None
            if queue:
                pairs[i] = queue.popleft()
                taken.add(pairs[i])
    return sorted(pairs.items())
