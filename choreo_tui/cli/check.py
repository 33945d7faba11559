"""``choreo check FILE|DIR... [--format text|json] [--strict]``: print findings.

A FILE is one score, read through its production when a ``production.toml``
sits in its folder or above. A DIR is a production (its ``production.toml`` and
every score under it) or, without one, every score in it. Each finding names
the file to change (``notation.production.folder``).

Exit 0 with no error findings, 1 with an error finding (or any warning with
``--strict``), 2 when a file could not be read (which wins over 1).
"""

from __future__ import annotations

import argparse
import json
import sys

from choreo_tui.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from notation import Finding, LoadError, collector
from notation.describe import counted
from notation.production.folder import check_paths
from notation.terminal import safe_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare FILE..., --format and --strict."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="score files, or folders (a production, or a folder of scores)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too, not only on errors"
    )


def finding_line(path: str, finding: Finding) -> str:
    """``PATH:LINE: CODE severity: beat N: message`` (``scene`` for scene-level)."""
    where = f"{path}:{finding.line}" if finding.line else path
    beat = f"beat {finding.beat}" if finding.beat is not None else "scene"
    return f"{where}: {finding.code} {finding.severity}: {beat}: {finding.message}"


def run(args: argparse.Namespace) -> int:
    """Check every file; print text or one JSON object."""
    # The findings keep their scores (messages are worded when read), so when the
    # collector comes back on its first pass would walk every scene's objects. Held off
    # until ``_report`` has returned, its objects are freed by reference counting instead.
    with collector.paused():
        return _report(args)


def _report(args: argparse.Namespace) -> int:
    report = check_paths(args.files)
    findings: list[tuple[str, Finding]] = [(f.path, f.finding) for f in report.findings]
    errors: list[LoadError] = report.errors
    if args.format == "json":
        document = {
            "findings": [
                {
                    "path": path,
                    "line": f.line,
                    "beat": f.beat,
                    "code": f.code,
                    "severity": f.severity,
                    "message": f.message,
                }
                for path, f in findings
            ],
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
        if findings:
            # One write, not two per finding: a draft prints 21,000 lines, and each
            # write goes through the terminal-safe stream (the same bytes either way).
            print("\n".join([finding_line(path, finding) for path, finding in findings]))
        counts = {
            s: sum(1 for _, f in findings if f.severity == s) for s in ("error", "warning", "info")
        }
        checked = report.checked
        summary = (
            f"{checked} file{'s' if checked != 1 else ''} checked: "
            f"{counted(counts['error'], 'error')}, {counted(counts['warning'], 'warning')}, "
            f"{counted(counts['info'], 'note')}"
        )
        if errors:
            summary += f"; {len(errors)} could not be read"
        print(summary, file=sys.stderr)
    if errors:
        return EXIT_BAD_INPUT
    failing = {"error", "warning"} if args.strict else {"error"}
    return EXIT_FINDINGS if any(f.severity in failing for _, f in findings) else EXIT_OK
