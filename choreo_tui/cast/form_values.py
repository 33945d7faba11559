"""Turning what the performer form holds into performer values: a typed date, and the
area picker's table as a will_touch table."""

from __future__ import annotations

from datetime import date

from notation.model import Boundaries, WillTouch


def parse_day(text: str) -> date | str | None:
    """A date from "2026-11-20", None for blank, or the problem as a string."""
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return "✗ A date like 2026-11-20."


def as_will_touch(table: Boundaries | None) -> WillTouch | None:
    """The picker's table as a will_touch table (the picker builds one of the right type)."""
    if table is None or isinstance(table, WillTouch):
        return table
    return WillTouch(recorded=table.recorded, default=table.default, areas=table.areas)
