"""A canary score: every piece of free text holds terminal-control sequences.

ESC, BEL, a CSI (clear screen), an OSC 52 (write the clipboard), an OSC 0 (set
the window title), a C1 CSI (U+009B), NEL (U+0085), DEL and U+202E (right-to-left
override). Nothing Choreo prints or draws may pass one raw to the terminal.
"""

from __future__ import annotations

import re
from pathlib import Path

EVIL = "\x1b]52;c;SGVsbG8=\x07\x1b[2J\x9b31m\x85\x7f\u202eevil\x1b]0;pwned\x07"
"""The payload planted in every text field."""

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Any character the contract says must never reach the terminal raw."""

FILE_NAME = "evil\x1b]0;t\x07\u202e.score.toml"
"""A file name holding ESC, BEL and U+202E (all legal in a POSIX name)."""


def _toml(text: str) -> str:
    # Written as TOML \\u escapes: the file itself stays plain text.
    return '"' + "".join(f"\\u{ord(c):04x}" if UNSAFE.match(c) else c for c in text) + '"'


def canary_score_text() -> str:
    """A valid score with EVIL in titles, names, cues, notes and characters."""
    e = _toml
    return f"""format = "choreo-score"
version = 1

[scene]
title = {e("Scene " + EVIL)}
production = {e("Prod " + EVIL)}
self_care_cue = {e("hold " + EVIL)}
coordinator = {e("Coord " + EVIL)}
director = {e("Dir " + EVIL)}
notes = {e("Notes " + EVIL)}
private_notes = {e("Private " + EVIL)}

[[performers]]
id = "ana"
name = {e("Ana " + EVIL)}
character = {e("Char " + EVIL)}

[performers.boundaries]
default = "yes"

[performers.boundaries.areas]
neck = "no"

[[performers]]
id = "ben"
name = {e("Ben " + EVIL)}
character = {e("Char2 " + EVIL)}

[performers.boundaries]
default = "yes"

[[beats]]
title = {e("Beat " + EVIL)}
notes = {e("Beat notes " + EVIL)}
timing = {{ counts = 4, cue = {e("Cue " + EVIL)} }}

[[beats.touches]]
by = "ben"
to = "ana"
on = "neck"

[[beats]]
title = {e("Second " + EVIL)}
timing = {{ counts = 4 }}

[[beats.touches]]
by = "ghost"
to = "ana"
on = "hand"
"""


def write_canary(folder: Path, name: str = "canary.score.toml") -> Path:
    """The canary score saved in ``folder``; returns its path."""
    path = folder / name
    path.write_text(canary_score_text(), encoding="utf-8")
    return path
