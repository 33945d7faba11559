"""A small production on disk for tests: two scenes sharing a cast of three."""

from __future__ import annotations

from pathlib import Path

PRODUCTION = """\
format = "choreo-production"
version = 1

[production]
title = "Tide Line"
medium = "tv"
self_care_cue = "hold"
closed_set = true
private_notes = "PRIVATE-PRODUCTION-NOTE"

[[performers]]
id = "ana"
name = "Ana Reyes"
character = "Mara"
private_notes = "PRIVATE-ANA-NOTE"

[performers.boundaries]
recorded = 2026-11-20
default = "ask"

[performers.boundaries.areas]
upper_back = "yes"
arm = "yes"
neck = "yes"
lips = { status = "ask", only = ["closed_mouth"] }

[performers.rider]
signed = 2026-11-10
may_expose = ["upper_back"]
simulated_sex = false

[[performers]]
id = "ben"
name = "Ben Okafor"
character = "Jonah"

[performers.boundaries]
recorded = 2026-11-21
default = "yes"

[performers.boundaries.areas]
groin = "no"
inner_thigh = "no"

[[performers]]
id = "kit"
name = "Kit Lowe"
minor = true
"""

SCENE_ONE = """\
format = "choreo-score"
version = 1

[scene]
title = "Ep1 Sc4: the dock"

[[beats]]
title = "the approach"

[beats.timing]
counts = 4

[[beats.touches]]
by = "ben"
to = "ana"
on = "neck"

[[beats]]
title = "the turn"

[beats.timing]
counts = 2

[[beats.touches]]
by = "ben"
to = "ana"
on = "upper_back"
"""

SCENE_TWO = """\
format = "choreo-score"
version = 1

[scene]
title = "Ep2 Sc1: the kitchen"
self_care_cue = "pause"

[[performers]]
id = "kit"
guardian = "Jo Lowe"

[[beats]]
title = "hello"

[beats.timing]
counts = 4

[[beats.touches]]
by = "ana"
to = "ben"
on = "arm"

[[beats]]
title = "goodbye"

[beats.timing]
counts = 2

[[beats.touches]]
by = "ben"
to = "ana"
on = "neck"

[[beats.placements]]
who = "kit"
area = "DSL"
"""


def make_production(folder: Path, *, production: str = PRODUCTION) -> Path:
    """Write the production and its two scenes under ``folder``; return ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "production.toml").write_text(production, encoding="utf-8")
    (folder / "one.score.toml").write_text(SCENE_ONE, encoding="utf-8")
    (folder / "two.score.toml").write_text(SCENE_TWO, encoding="utf-8")
    return folder
