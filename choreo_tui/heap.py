"""Keep a big score's objects out of the garbage collector's way once it is open.

An open 5,000-beat score is about a million Python objects (models, findings,
the incremental checker's index) that live as long as the editor shows it.
Every so often the collector's full pass walks all of them: measured on the
cast screen, that made each key press at 5,000 beats three times as slow as at
10 beats, with nothing to collect. ``gc.freeze()`` moves every object alive now
into a permanent generation the collector never walks; reference counting still
frees them when the score is closed or replaced. What the screens make after
that (widgets, strips, edits) is collected as before.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Exempt every object alive now from future collections (see the module's note).

    Called once a big score is read and checked; cheap (it moves a list, it walks
    nothing), and calling it again later adds what has been made since.
    """
    gc.freeze()
