"""Writing scores: a fixed, diff-friendly layout, written atomically.

The layout never depends on how the score was read: keys come in a fixed order,
each beat, touch, placement, barrier and garment is its own table, and saving
the same score twice gives the same bytes. Saving goes through a temporary file
in the same folder, fsync, ``os.replace`` and an fsync of the folder, so a crash
at any moment leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from notation.model import (
    AreaRule,
    Beat,
    Boundaries,
    Garment,
    LogEntry,
    Performer,
    Score,
)
from notation.private_write import (
    SaveError,
    refuse_newer,
    refuse_unusable_name,
    write_private,
)

SCHEMA_COMMENT = "#:schema ./score-1.schema.json"
"""First line of every saved score, so TOML editors (taplo, Even Better TOML) validate hand edits.

It names the schema by a path relative to the score rather than a URL: it is the same
on every machine (saving twice stays byte-identical and leaks no home folder), needs no
network, and ``choreo schema -o score-1.schema.json`` puts the file beside the scores.
"""

__all__ = ["SCHEMA_COMMENT", "dumps", "save"]

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
Value = str | int | float | bool | date | datetime | tuple[str, ...] | list[str]


def _string(text: str) -> str:
    if "\n" in text:
        # Multi-line notes stay readable and diff line by line.
        body = (
            text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\t", "\\t")
        )
        body = _escape_controls(body, keep_newline=True)
        return '"""\n' + body + '"""'
    return _escape_controls(json.dumps(text, ensure_ascii=False), keep_newline=False)


# C1 and bidi overrides too: a score shown with cat or less must not drive the terminal.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape_controls(text: str, *, keep_newline: bool) -> str:
    escaped = _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return escaped if keep_newline else escaped.replace("\n", "\\n")


def _value(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # 60 reads better than 60.0, and round-trips to the same float.
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return "[" + ", ".join(_string(item) for item in value) + "]"


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


class _Writer:
    """Accumulates the text of a score, table by table."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def table(self, header: str, pairs: Iterable[tuple[str, Value | None]]) -> None:
        """Write ``[header]`` (or ``[[header]]``) and its non-None pairs."""
        self.out.append(f"\n{header}\n")
        self.pairs(pairs)

    def pairs(self, pairs: Iterable[tuple[str, Value | None]]) -> None:
        """Write ``key = value`` lines, skipping None."""
        for key, value in pairs:
            if value is not None:
                self.out.append(f"{_key(key)} = {_value(value)}\n")

    def raw(self, line: str) -> None:
        """Write one line as it is."""
        self.out.append(line + "\n")


def _opt(value: str) -> str | None:
    return value or None


def _flag(value: bool) -> bool | None:
    return True if value else None


def _rule(rule: AreaRule) -> str:
    if not rule.only:
        return _string(rule.status)
    conditions = ", ".join(_string(c) for c in rule.only)
    return f"{{ status = {_string(rule.status)}, only = [{conditions}] }}"


def _boundaries(w: _Writer, header: str, table: Boundaries) -> None:
    w.table(f"[{header}]", [("recorded", table.recorded), ("default", table.default)])
    if table.areas:
        w.raw(f"\n[{header}.areas]")
        for area, rule in table.areas.items():
            w.raw(f"{_key(area)} = {_rule(rule)}")


def _garment(w: _Writer, header: str, garment: Garment, who: str | None) -> None:
    w.table(
        header,
        [("who", who), ("kind", garment.kind), ("covers", garment.covers or None)],
    )


def _performer(w: _Writer, p: Performer) -> None:
    w.table(
        "[[performers]]",
        [
            ("id", p.id),
            ("name", p.name),
            ("character", _opt(p.character)),
            ("minor", _flag(p.minor)),
            ("guardian", _opt(p.guardian)),
            ("private_notes", _opt(p.private_notes)),
        ],
    )
    if p.boundaries is not None:
        _boundaries(w, "performers.boundaries", p.boundaries)
    if p.will_touch is not None:
        _boundaries(w, "performers.will_touch", p.will_touch)
    if p.rider is not None:
        w.table(
            "[performers.rider]",
            [
                ("signed", p.rider.signed),
                ("may_expose", p.rider.may_expose),
                ("simulated_sex", p.rider.simulated_sex),
            ],
        )
    for garment in p.garments:
        _garment(w, "[[performers.garments]]", garment, None)


def _beat(w: _Writer, b: Beat) -> None:
    w.table(
        "[[beats]]",
        [
            ("title", b.title),
            ("notes", _opt(b.notes)),
            ("private_notes", _opt(b.private_notes)),
            ("simulated", _flag(b.simulated)),
            ("placeholder", _flag(b.placeholder)),
        ],
    )
    if b.timing is not None:
        t = b.timing
        w.table(
            "[beats.timing]",
            [
                ("counts", t.counts),
                ("seconds", t.seconds),
                ("tempo", t.tempo),
                ("cue", _opt(t.cue)),
            ],
        )
    for touch in b.touches:
        w.table(
            "[[beats.touches]]",
            [
                ("by", touch.by),
                ("with", touch.with_),
                ("to", touch.to),
                ("on", touch.on),
                ("action", touch.action),
                ("pressure", touch.pressure),
                ("over_clothing", _flag(touch.over_clothing)),
                ("mouth", touch.mouth),
                ("tongue", _flag(touch.tongue)),
                ("counts", touch.counts),
                # Written only when not 1, so files from before `start` save unchanged.
                ("start", touch.start if touch.start != 1 else None),
            ],
        )
    for placement in b.placements:
        w.table(
            "[[beats.placements]]",
            [
                ("who", placement.who),
                ("area", placement.area),
                ("level", placement.level),
                ("facing", placement.facing),
                ("on", _opt(placement.on)),
            ],
        )
    for barrier in b.barriers:
        w.table(
            "[[beats.barriers]]",
            [("kind", barrier.kind), ("between", barrier.between), ("at", barrier.at)],
        )
    for garment in b.garments:
        _garment(w, "[[beats.garments]]", garment, garment.who)
    if b.bare:
        w.table("[beats.bare]", [(who, areas) for who, areas in b.bare.items()])
    if b.agreed is not None:
        a = b.agreed
        w.table("[beats.agreed]", [("by", a.by), ("on", a.on), ("digest", _opt(a.digest))])


def _log(w: _Writer, entry: LogEntry) -> None:
    w.table(
        "[[log]]",
        [
            ("at", entry.at),
            ("event", entry.event),
            ("beat", entry.beat),
            ("who", entry.who or None),
            ("note", _opt(entry.note)),
        ],
    )


def dumps(score: Score) -> str:
    """The score as TOML text in Choreo's fixed layout."""
    w = _Writer()
    w.raw(SCHEMA_COMMENT)
    w.pairs([("format", score.format), ("version", score.version)])
    s = score.scene
    w.table(
        "[scene]",
        [
            ("title", s.title),
            ("production", _opt(s.production)),
            ("medium", s.medium),
            ("self_care_cue", s.self_care_cue),
            ("closed_set", s.closed_set),
            ("tempo", s.tempo),
            ("coordinator", _opt(s.coordinator)),
            ("director", _opt(s.director)),
            ("notes", _opt(s.notes)),
            ("private_notes", _opt(s.private_notes)),
        ],
    )
    for performer in score.performers:
        _performer(w, performer)
    for beat in score.beats:
        _beat(w, beat)
    for entry in score.log:
        _log(w, entry)
    return "".join(w.out)


def save(score: Score, path: str | Path, *, over_read_only: bool = False) -> None:
    """Save ``score`` to ``path`` atomically with mode 0600. Raises ``SaveError``.

    ``ReadOnlyFile`` (a ``SaveError``) if the file is read-only: ask first.
    """
    target = Path(path)
    refuse_unusable_name(target)
    refuse_newer(target)
    # Imported here: it builds on this module's SCHEMA_COMMENT.
    from notation.schema_beside import schema_beside

    text, placed = schema_beside(target, dumps(score))
    try:
        write_private(target, text, over_read_only=over_read_only)
    except SaveError:
        if placed is not None:
            placed.unlink(missing_ok=True)
        raise
