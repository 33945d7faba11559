"""``choreo show FILE``: a Rich rendering of a score for reading in a terminal.

Scene header, cast, a table of beats with timing and touches in plain words,
and the findings, each marked ✓, ⚠ or ✗ so colour never carries meaning alone.
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from choreo_tui.cli import EXIT_BAD_INPUT, EXIT_OK
from notation import Finding, LoadError, Score, check, load
from notation.blocking import in_force_words
from notation.describe import counted, timing_words, touch_words
from notation.findings import MARK, worst
from notation.terminal import safe, safe_line

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan", "ok": "green"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare FILE."""
    parser.add_argument("file", metavar="FILE")


def header(score: Score) -> Panel:
    """The scene header as a panel."""
    s = score.scene
    lines = [
        Text(s.title, style="bold"),
        Text(f"{s.production or 'no production named'} · {s.medium} · tempo {s.tempo:g}/min"),
        Text(
            f"Self-care cue: {s.self_care_cue!r}"
            if s.self_care_cue
            else "Self-care cue: ✗ none agreed",
            style="" if s.self_care_cue else STYLE["error"],
        ),
        Text("Closed set: yes" if s.closed_set else "Closed set: no"),
    ]
    if s.coordinator or s.director:
        lines.append(Text(f"Coordinator: {s.coordinator or '—'} · Director: {s.director or '—'}"))
    if s.notes:
        lines.append(Text(s.notes, style="italic"))
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
            Text(p.id),
            Text(p.name + minor),
            Text(p.character),
            Text(bounds),
            Text(rider),
            Text(", ".join(g.kind.replace("_", " ") for g in p.garments) or "—"),
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
        title = Text(beat.title or "(untitled)")
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
            Text(MARK[level], style=STYLE[level]),
            title,
            Text(timing_words(beat, score.scene.tempo)),
            Text(touches),
            Text(where),
        )
    return table


def findings_view(findings: list[Finding]) -> Group | Text:
    """The findings, one line each, with mark, code and severity in words."""
    if not findings:
        return Text(
            f"{MARK['ok']} No findings: every beat is inside what was agreed.", style=STYLE["ok"]
        )
    lines = [Text("Findings", style="bold")]
    for f in findings:
        where = f"beat {f.beat}" if f.beat is not None else "scene"
        line = Text(f"{f.mark} {f.code} {f.severity}", style=STYLE[f.severity])
        line.append(f" · {where}: {f.message}", style="")
        lines.append(line)
    return Group(*lines)


def run(args: argparse.Namespace) -> int:
    """Render the score to the terminal."""
    try:
        score = load(args.file)
    except LoadError as error:
        print(error.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    findings = check(score)
    console = Console()
    console.print(header(score))
    console.print(cast_table(score))
    console.print(beats_table(score, findings))
    console.print(findings_view(findings))
    return EXIT_OK
