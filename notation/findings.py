"""Findings: what the checker says about a score, with the contract's codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]

SEVERITY: dict[str, Severity] = {
    "B101": "error",
    "B102": "error",
    "B103": "error",
    "B104": "warning",
    "B105": "error",
    "N201": "error",
    "N202": "error",
    "N203": "error",
    "S301": "error",
    "S302": "error",
    "S303": "error",
    "C401": "warning",
    "C402": "error",
    "C403": "error",
    "C404": "error",
    "C405": "info",
    "T501": "warning",
    "T502": "error",
    "T503": "warning",
    "T504": "warning",
    "T505": "error",
}
"""Every rule code of format 1 and its fixed severity."""

SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
MARK: dict[str, str] = {"error": "✗", "warning": "⚠", "info": "ℹ", "ok": "✓"}
"""The mark that goes with each severity, so colour never carries meaning alone."""


@dataclass(frozen=True)
class Finding:
    """One place a score crosses a boundary, the protocol or the craft rules.

    ``beat`` is 1-based, or None for scene-level findings. ``line`` is the line
    of the table concerned when the score was read from a file. ``touch`` is the
    0-based index of the touch concerned, when there is one, so an editor can
    jump to it.
    """

    beat: int | None
    code: str
    message: str
    line: int | None = None
    touch: int | None = None

    @property
    def severity(self) -> Severity:
        """The severity fixed by the contract for this code."""
        return SEVERITY[self.code]

    @property
    def mark(self) -> str:
        """✗, ⚠ or ℹ for this finding's severity."""
        return MARK[self.severity]


def worst(findings: list[Finding] | tuple[Finding, ...]) -> Severity | None:
    """The most severe severity among findings, or None when there are none."""
    if not findings:
        return None
    return min((f.severity for f in findings), key=SEVERITY_RANK.__getitem__)
