"""The garbage collector, held off while a score's many objects are made.

Reading a 5,000-beat score makes about a million objects and checking a draft
tens of thousands of findings, none of them garbage and none in a reference
cycle that only the collector could free. With the collector on, every 700 new
objects start a pass over the young ones (and now and then over all of them):
a third of a load and half of a check, for nothing. ``paused()`` holds it off
for the duration; reference counting still frees everything it can, and the
collector runs again as soon as we are done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block; as it was after it.

    Safe across threads: whichever thread turned the collector off turns it back
    on, and a thread that found it off leaves it alone.
    """
    was_on = gc.isenabled()
    if was_on:
        gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
