"""Checking files and folders: a production, a plain folder of scores, or single scores.

``check_paths`` is what ``choreo check`` runs. A folder holding a
``production.toml`` is a production: its cast is checked once (C403 on
``production.toml``) and every ``*.score.toml`` under it (in subfolders too) is
checked merged. A folder without one is every score directly in it. A file is
one score, read through its production when it has one; it reports what its
merged view gives (a C403 from the cast included, pointing into
``production.toml``), not findings about cast members it does not name.
Findings from the cast are reported once across everything checked.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from notation import collector
from notation.production.checking import PlacedFinding, cast_findings, check_any
from notation.production.model import PRODUCTION_FILE, Production
from notation.reading import LoadError

SCORE_SUFFIX = ".score.toml"


def scores_under(folder: Path) -> list[Path]:
    """Every ``*.score.toml`` in ``folder`` and its subfolders, by path.

    Hidden folders (``.git``, backups) are skipped and links to folders are not
    followed, so a link loop cannot make a check run for ever.
    """
    found: list[Path] = []
    for root, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found += [Path(root) / name for name in sorted(files) if name.endswith(SCORE_SUFFIX)]
    return sorted(found)


def scores_in(folder: Path) -> list[Path]:
    """Every ``*.score.toml`` directly in ``folder``, by name."""
    try:
        return sorted(p for p in folder.iterdir() if p.name.endswith(SCORE_SUFFIX) and p.is_file())
    except OSError:
        return []


@dataclass
class CheckReport:
    """What a check found: findings (each with its file), files that could not be read."""

    findings: list[PlacedFinding] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    checked: int = 0
    """Files read: scores and ``production.toml`` files."""

    def add_error(self, error: LoadError) -> None:
        """Record an unreadable file once (a production's error is met by each of its scenes)."""
        if all(e.path != error.path for e in self.errors):
            self.errors.append(error)


def check_paths(paths: Iterable[str]) -> CheckReport:
    """Check files and folders as ``choreo check`` does; findings in the order met."""
    # A production's scenes make millions of objects, none of them garbage: without
    # the collector's passes over them the whole check is about a third faster.
    with collector.paused():
        return _check_paths(paths)


def _check_paths(paths: Iterable[str]) -> CheckReport:
    # Imported here: the package's __init__ imports this module's siblings.
    from notation.production import Productions, open_score, production_for

    report = CheckReport()
    cache: Productions = {}
    seen: set[tuple[str, int | None, str, str]] = set()
    productions_done: set[str] = set()

    def add(findings: Iterable[PlacedFinding]) -> None:
        for finding in findings:
            if finding.from_cast:
                key = finding.key()
                if key in seen:
                    continue
                seen.add(key)
            report.findings.append(finding)

    def production_once(path: Path) -> Production | None:
        try:
            production = production_for(path, cache)
        except LoadError as error:
            report.add_error(error)
            return None
        # One production may be reached by several spellings of its path.
        real = os.path.realpath(path)
        if real not in productions_done:
            productions_done.add(real)
            report.checked += 1
            add(cast_findings(production, str(path)))
        return production

    for given in paths:
        target = Path(given)
        if target.is_dir():
            production_file = target / PRODUCTION_FILE
            if production_file.is_file():
                scores = scores_under(target)
                production_once(production_file)
            else:
                scores = scores_in(target)
        else:
            scores = [target]
        for score_path in scores:
            name = given if score_path is target else str(score_path)
            try:
                opened = open_score(name, cache)
            except LoadError as error:
                report.add_error(error)
                continue
            report.checked += 1
            # A scene checked on its own reports what its merge gives, not the rest of the cast.
            add(check_any(name, opened))
    return report
