"""A small score for the cast tests: two performers, four beats, one of them touching the neck."""

from __future__ import annotations

from notation import Score, loads

ORCHARD = """\
format = "choreo-score"
version = 1

[scene]
title = "The orchard"
self_care_cue = "hold"

[[performers]]
id = "ana"
name = "Ana Ruiz"
character = "Juliet"

[performers.boundaries]
recorded = 2026-11-20
default = "ask"

[performers.boundaries.areas]
upper_back = "yes"
arm = "yes"
hand_l = "no"
face = { status = "yes", only = ["light"] }

[[performers]]
id = "ben"
name = "Ben Okafor"

[performers.boundaries]
recorded = 2026-11-20
default = "yes"

[[beats]]
title = "the approach"
[beats.timing]
counts = 4
[[beats.touches]]
by = "ben"
with = "hand_r"
to = "ana"
on = "upper_back"

[[beats]]
title = "the neck"
[beats.timing]
counts = 2
[[beats.touches]]
by = "ben"
to = "ana"
on = "neck"

[[beats]]
title = "hand on arm"
[beats.timing]
counts = 2
[[beats.touches]]
by = "ben"
to = "ana"
on = "forearm_r"
[[beats.placements]]
who = "ana"
area = "CS"
facing = "ben"

[[beats]]
title = "the nape"
[beats.timing]
counts = 3
[[beats.touches]]
by = "ben"
to = "ana"
on = "nape"
"""


def orchard() -> Score:
    """The orchard score, fresh."""
    return loads(ORCHARD)
