"""``choreo show FILE``: a Rich rendering of a score for reading in a terminal.

Scene header, cast, a table of beats with timing and touches in plain words,
and the findings, each marked ✓, ⚠ or ✗ so colour never carries meaning alone.
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from choreo_tui.cli import EXIT_BAD_INPUT, EXIT_OK, output
from notation import Finding, LoadError, Score, check
from notation.blocking import in_force_words
from notation.describe import counted, timing_words, touch_words
from notation.findings import MARK, worst
from notation.production import ProductionScene, check_production_scene, open_score
from notation.terminal import safe, safe_line

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan", "ok": "green"}


def _text(value: str, style: str = "") -> Text:
    # Escaped before Rich measures it, so that tables and panels keep their shape.
    return Text(safe(value), style=style)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare FILE."""
    parser.add_argument("file", metavar="FILE")


def header(score: Score) -> Panel:
    """The scene header as a panel."""
    s = score.scene
    lines = [
        _text(s.title, style="bold"),
        _text(f"{s.production or 'no production named'} · {s.medium} · tempo {s.tempo:g}/min"),
        _text(
            f"Self-care cue: {s.self_care_cue!r}"
            if s.self_care_cue
            else "Self-care cue: ✗ none agreed",
            style="" if s.self_care_cue else STYLE["error"],
        ),
        _text("Closed set: yes" if s.closed_set else "Closed set: no"),
    ]
    if s.coordinator or s.director:
        lines.append(_text(f"Coordinator: {s.coordinator or '—'} · Director: {s.director or '—'}"))
    if s.notes:
        lines.append(_text(s.notes, style="italic"))
    return Panel(Group(*lines), title="Scene", title_align="left")


def cast_table(score: Score) -> Table:
    """Performers with their role and what is on record for them."""
    table = Table(title="Cast", title_justify="left", expand=True)
    for column in ("id", "name", "character", "boundaries", "rider", "garments"):
        table.add_column(column)
    for p in score.performers:
        bounds = f"✓ recorded {p.boundaries.recorded or ''}".strip() if p.boundaries else "— none"
        rider = "— none"
        if p.rider:
            sim = "simulated sex agreed" if p.rider.simulated_sex else "no simulated sex"
            rider = f"✓ {counted(len(p.rider.may_expose), 'area')}, {sim}"
        minor = " (minor)" if p.minor else ""
        # Text, not str: Rich would read a "[" in a name as markup and could crash.
        table.add_row(
            _text(p.id),
            _text(p.name + minor),
            _text(p.character),
            _text(bounds),
            _text(rider),
            _text(", ".join(g.kind.replace("_", " ") for g in p.garments) or "—"),
        )
    return table


def beats_table(score: Score, findings: list[Finding]) -> Table:
    """One row per beat: number, mark, title and notes, timing, its touches and the
    placements in force, in words (private notes never)."""
    table = Table(title="Beats", title_justify="left", expand=True, show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("")
    table.add_column("beat")
    table.add_column("timing")
    table.add_column("touches")
    table.add_column("where")
    for number, beat in enumerate(score.beats, start=1):
        mine = [f for f in findings if f.beat == number]
        level = worst(mine) or "ok"
        flags = [
            w for w, on in (("simulated", beat.simulated), ("placeholder", beat.placeholder)) if on
        ]
        title = _text(beat.title or "(untitled)")
        if flags:
            title.append(f"\n[{', '.join(flags)}]", style="dim")
        if beat.notes.strip():
            title.append("\n" + safe(beat.notes.strip()), style="italic")
        where = (
            "\n".join(safe_line(w) for w in in_force_words(score, number - 1)) or "nobody placed"
        )
        touches = "\n".join(touch_words(score, t) for t in beat.touches) or "—"
        table.add_row(
            str(number),
            _text(MARK[level], style=STYLE[level]),
            title,
            _text(timing_words(beat, score.scene.tempo)),
            _text(touches),
            _text(where),
        )
    return table


def findings_view(findings: list[Finding]) -> Group | Text:
    """The findings, one line each, with mark, code and severity in words."""
    if not findings:
        return _text(
            f"{MARK['ok']} No findings: every beat is inside what was agreed.", style=STYLE["ok"]
        )
    lines = [_text("Findings", style="bold")]
    for f in findings:
        where = f"beat {f.beat}" if f.beat is not None else "scene"
        line = _text(f"{f.mark} {f.code} {f.severity}", style=STYLE[f.severity])
        line.append(safe(f" · {where}: {f.message}"), style="")
        lines.append(line)
    return Group(*lines)


def run(args: argparse.Namespace) -> int:
    """Render the score to the terminal."""
    try:
        opened = open_score(args.file)
    except LoadError as error:
        print(error.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    if isinstance(opened, ProductionScene):
        score = opened.score
        findings = [placed.finding for placed in check_production_scene(opened)]
    else:
        score, findings = opened, check(opened)
    console = output.console()
    console.print(header(score))
    console.print(cast_table(score))
    if isinstance(opened, ProductionScene):
        from choreo_tui.cli.sources import sources_table

        console.print(sources_table(opened))
    console.print(beats_table(score, findings))
    console.print(findings_view(findings))
    return EXIT_OK
