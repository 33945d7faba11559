"""Writing ``production.toml`` and a production score's own layer.

The same fixed, diff-friendly layout and the same atomic, 0600 write as a
score (``notation.writing``): same value, same bytes. A production score's file
holds only what the scene sets; the merged cast is never written into it.
"""

from __future__ import annotations

from pathlib import Path

from notation.private_write import refuse_newer, refuse_unusable_name, write_private
from notation.production.model import BoundariesLayer, PerformerLayer, Production, SceneLayer
from notation.writing import _beat, _garment, _key, _log, _opt, _performer, _rule, _Writer

PRODUCTION_SCHEMA_FILE = "production-1.schema.json"
LAYER_SCHEMA_FILE = "production-score-1.schema.json"
PRODUCTION_SCHEMA_COMMENT = f"#:schema ./{PRODUCTION_SCHEMA_FILE}"
"""First line of ``production.toml``: its JSON Schema, a file beside it."""
LAYER_SCHEMA_COMMENT = f"#:schema ./{LAYER_SCHEMA_FILE}"
"""First line of a production score: partial ``[[performers]]`` entries need their own schema."""


def dumps_production(production: Production) -> str:
    """``production.toml`` as TOML text in Choreo's fixed layout."""
    w = _Writer()
    w.raw(PRODUCTION_SCHEMA_COMMENT)
    w.pairs([("format", production.format), ("version", production.version)])
    info = production.production
    w.table(
        "[production]",
        [
            ("title", info.title),
            ("medium", info.medium),
            ("self_care_cue", info.self_care_cue),
            ("closed_set", info.closed_set),
            ("tempo", info.tempo),
            ("coordinator", _opt(info.coordinator)),
            ("director", _opt(info.director)),
            ("notes", _opt(info.notes)),
            ("private_notes", _opt(info.private_notes)),
        ],
    )
    for performer in production.performers:
        _performer(w, performer)
    for entry in production.log:
        _log(w, entry)
    return "".join(w.out)


def _layer_table(w: _Writer, header: str, table: BoundariesLayer) -> None:
    pairs = [("recorded", table.recorded), ("default", table.default)]
    if any(value is not None for _, value in pairs) or not table.areas:
        w.table(f"[{header}]", pairs)
    if table.areas:
        w.raw(f"\n[{header}.areas]")
        for area, rule in table.areas.items():
            w.raw(f"{_key(area)} = {_rule(rule)}")


def _entry(w: _Writer, entry: PerformerLayer) -> None:
    w.table(
        "[[performers]]",
        [
            ("id", entry.id),
            ("name", entry.name),
            ("character", entry.character),
            ("minor", entry.minor),
            ("guardian", entry.guardian),
            ("private_notes", entry.private_notes),
            # "No garments in this scene" must survive a save: only an empty list says it.
            ("garments", [] if entry.garments == () else None),
        ],
    )
    if entry.boundaries is not None:
        _layer_table(w, "performers.boundaries", entry.boundaries)
    if entry.will_touch is not None:
        _layer_table(w, "performers.will_touch", entry.will_touch)
    if entry.rider is not None:
        rider = entry.rider
        w.table(
            "[performers.rider]",
            [
                ("signed", rider.signed),
                ("may_expose", rider.may_expose),
                ("simulated_sex", rider.simulated_sex),
            ],
        )
    if entry.garments:
        for garment in entry.garments:
            _garment(w, "[[performers.garments]]", garment, None)


def dumps_layer(layer: SceneLayer) -> str:
    """A production score as TOML text: only what the scene sets."""
    w = _Writer()
    w.raw(LAYER_SCHEMA_COMMENT)
    w.pairs([("format", layer.format), ("version", layer.version)])
    s = layer.scene
    w.table(
        "[scene]",
        [
            ("title", s.title),
            ("production", s.production),
            ("medium", s.medium),
            ("self_care_cue", s.self_care_cue),
            ("closed_set", s.closed_set),
            ("tempo", s.tempo),
            ("coordinator", s.coordinator),
            ("director", s.director),
            ("notes", s.notes),
            ("private_notes", s.private_notes),
        ],
    )
    for entry in layer.performers:
        _entry(w, entry)
    for beat in layer.beats:
        _beat(w, beat)
    for log_entry in layer.log:
        _log(w, log_entry)
    return "".join(w.out)


def _save(text: str, path: str | Path, schema: str, *, over_read_only: bool = False) -> None:
    target = Path(path)
    refuse_unusable_name(target)
    refuse_newer(target)
    write_private(target, text, over_read_only=over_read_only)
    from notation.production.schema import ensure_beside

    ensure_beside(target, schema)


def save_production(production: Production, path: str | Path) -> None:
    """Save ``production.toml`` atomically with mode 0600 (and its schema beside it if missing).

    Raises ``SaveError``; the file on disk is unchanged then.
    """
    _save(dumps_production(production), path, PRODUCTION_SCHEMA_FILE)


def save_layer(layer: SceneLayer, path: str | Path, *, over_read_only: bool = False) -> None:
    """Save a production score (its own layer) atomically with mode 0600. Raises ``SaveError``.

    The schema its first line names is written beside it if missing.
    """
    _save(dumps_layer(layer), path, LAYER_SCHEMA_FILE, over_read_only=over_read_only)
