"""``choreo diff OLD NEW [--format text|json]``: what changed between two versions.

Beat by beat: beats added, removed or moved; changed touches, placements,
timing, barriers, garments, bare areas and flags; which agreements the changes
lapse. Changes to titles, notes, private notes (never quoted) and the log are
listed apart, as notes only.

Exit 0 when nothing beyond notes changed, 1 when the choreography, an
agreement, the cast or the scene header changed, 2 when a file could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from choreo_tui.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from notation import LoadError, Score, load
from notation.diff import BeatChanges, Change, ScoreDiff, diff_scores
from notation.terminal import safe_json

SIGN = {"added": "+", "removed": "-", "changed": "~", "lapsed": "⚠"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare OLD, NEW and --format."""
    parser.add_argument("old", metavar="OLD", help="the earlier version of the score")
    parser.add_argument("new", metavar="NEW", help="the later version")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _beat_label(b: BeatChanges) -> str:
    title = f" “{b.title}”" if b.title else ""
    if b.old is None:
        return f"beat {b.new}{title}"
    if b.new is None:
        return f"beat {b.old}{title}"
    number = f"beat {b.old}" if b.old == b.new else f"beat {b.old} → {b.new}"
    return number + title


def _line(change: Change, indent: str = "    ", kind: bool = True) -> str:
    what = f"{change.kind}: " if kind else ""
    return f"{indent}{SIGN.get(change.change, '~')} {what}{change.text}"


def render_text(result: ScoreDiff, old: Score | None = None) -> list[str]:
    """The diff as lines of text, choreography first, notes-only changes last.

    ``old`` is no longer needed (removed beats carry their own words); the restore
    dialog still passes it, so it stays accepted.
    """
    out: list[str] = []
    if result.scene:
        out += ["Scene:", *(_line(c, "  ", kind=False) for c in result.scene)]
    if result.cast:
        out += ["Cast:", *(_line(c, "  ", kind=False) for c in result.cast)]
    shown = [b for b in result.beats if b.status in ("added", "removed", "changed", "moved")]
    if shown:
        out.append("Beats:")
    for b in shown:
        head = f"  {_beat_label(b)}: {b.status}"
        if b.moved and b.status == "changed":
            head += " and moved"
        out.append(head)
        out += [_line(c) for c in (*b.choreography, *b.agreement)]
    notes = [(b, c) for b in result.beats for c in b.notes]
    if notes or result.notes:
        out.append("Notes only (no agreement lapses):")
        out += [_line(c, "  ", kind=False) for c in result.notes]
        out += [f"  ~ {_beat_label(b)}: {c.text}" for b, c in notes]
    counts = {
        s: sum(1 for b in result.beats if b.status == s)
        for s in ("changed", "added", "removed", "moved")
    }
    moved = sum(1 for b in result.beats if b.moved)
    lapses = sum(1 for b in result.beats if b.lapses)
    summary = ", ".join(
        f"{n} {word}"
        for word, n in (
            ("changed", counts["changed"]),
            ("added", counts["added"]),
            ("removed", counts["removed"]),
            ("moved", moved),
        )
        if n
    )
    if not result.changed:
        out.append("No choreography change." + (" Notes changed." if notes or result.notes else ""))
    else:
        lapse_words = (
            f"; agreements lapse on {lapses} beat{'s' if lapses != 1 else ''}" if lapses else ""
        )
        out.append(f"Beats: {summary or 'none changed'}{lapse_words}.")
    return out


def _change(c: Change) -> dict[str, str]:
    return {"kind": c.kind, "change": c.change, "text": c.text}


def render_json(result: ScoreDiff, old_path: str, new_path: str) -> dict[str, Any]:
    """The diff as one JSON-ready object."""
    return {
        "old": old_path,
        "new": new_path,
        "changed": result.changed,
        "scene": [_change(c) for c in result.scene],
        "cast": [_change(c) for c in result.cast],
        "beats": [
            {
                "old": b.old,
                "new": b.new,
                "title": b.title,
                "status": b.status,
                "moved": b.moved,
                "choreography": [_change(c) for c in b.choreography],
                "agreement": [_change(c) for c in b.agreement],
                "notes": [_change(c) for c in b.notes],
                "lapses": list(b.lapses),
            }
            for b in result.beats
            if b.status != "same"
        ],
        "notes": [_change(c) for c in result.notes],
        "errors": [],
    }


def run(args: argparse.Namespace) -> int:
    """Read both versions, compare, print."""
    scores: list[Score] = []
    errors: list[LoadError] = []
    for path in (args.old, args.new):
        try:
            scores.append(load(path))
        except LoadError as problem:
            errors.append(problem)
    if errors:
        if args.format == "json":
            document = {
                "old": args.old,
                "new": args.new,
                "errors": [
                    {"path": e.path, "line": p.line, "message": p.message}
                    for e in errors
                    for p in e.problems
                ],
            }
            print(safe_json(json.dumps(document, indent=2, ensure_ascii=False)))
        else:
            for error in errors:
                print(error.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    old, new = scores
    result = diff_scores(old, new)
    if args.format == "json":
        print(
            safe_json(
                json.dumps(render_json(result, args.old, args.new), indent=2, ensure_ascii=False)
            )
        )
    else:
        print("\n".join(render_text(result, old)))
    return EXIT_FINDINGS if result.changed else EXIT_OK
