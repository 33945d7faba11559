"""Copies of a score for the director, stage manager and 1st AD.

Every export starts from ``director_copy``: a new score built from an
allow-list, so private notes and the rehearsal log are never in it and
boundaries and riders only when asked for. The renderers only ever see that
copy. Formats: ``toml`` (itself a valid score), ``md`` (email and print) and
``html`` (one self-contained page).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Final

from notation.checks import check
from notation.model import Score
from notation.sharing.allowlist import ON_REQUEST, WITHHELD, director_copy
from notation.sharing.html_page import render_html
from notation.sharing.markdown import render_markdown
from notation.sharing.words import NOT_CLEARED, agreement_status
from notation.writing import SCHEMA_COMMENT, dumps

FORMATS: Final = ("md", "html", "toml")

SUFFIXES: dict[str, str] = {
    "md": ".director.md",
    "html": ".director.html",
    "toml": ".director.score.toml",
}
"""What each format's default output file name ends with."""


def render_toml(
    score: Score, *, with_boundaries: bool = False, not_cleared: Collection[int] = ()
) -> str:
    """The director's copy as a score file: it loads and checks like any score.
    ``not_cleared``: 1-based beats marked "not cleared: do not run", never saying why."""
    text = dumps(score)
    if not_cleared:
        parts = text.split("\n[[beats]]\n")
        text = parts[0] + "".join(
            f"\n# {NOT_CLEARED}.\n[[beats]]\n{part}" if n in not_cleared else f"\n[[beats]]\n{part}"
            for n, part in enumerate(parts[1:], start=1)
        )
    head, _, rest = text.partition("\n")
    note = (
        "# Director's copy exported by Choreo. Private notes and the rehearsal log stay\n"
        "# in the coordinator's file.\n"
    )
    if with_boundaries:
        note += "# Performers' boundaries and riders are included.\n"
    else:
        # Checking the copy then reports C405 and N202; say why before anyone worries.
        note += (
            "# Performers' boundaries and riders were left out of this copy, so checking it\n"
            "# reports them as missing (C405, N202); the coordinator's file has them.\n"
        )
    if head != SCHEMA_COMMENT:
        return note + text
    # The schema line stays first, where TOML editors look for it.
    return f"{head}\n{note}{rest}"


RENDERERS: dict[str, Callable[..., str]] = {
    "md": render_markdown,
    "html": render_html,
    "toml": render_toml,
}


def export(score: Score, to: str, *, with_boundaries: bool = False) -> str:
    """The text of a director's copy of ``score`` in format ``to`` (md, html, toml)."""
    if to not in RENDERERS:
        raise ValueError(f"unknown export format {to!r}; choose one of {', '.join(FORMATS)}")
    copy = director_copy(score, with_boundaries=with_boundaries)
    return RENDERERS[to](copy, with_boundaries=with_boundaries, not_cleared=not_cleared(score))


def not_cleared(score: Score) -> frozenset[int]:
    """The 1-based beats with an error finding (a crossed 'no', a missing barrier...):
    a director's copy marks them "not cleared: do not run" and never says why, since
    the reason may be a performer's boundary."""
    return frozenset(f.beat for f in check(score) if f.severity == "error" and f.beat)


__all__ = [
    "FORMATS",
    "ON_REQUEST",
    "SUFFIXES",
    "WITHHELD",
    "agreement_status",
    "director_copy",
    "export",
    "not_cleared",
    "render_html",
    "render_markdown",
    "render_toml",
]
