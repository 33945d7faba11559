"""Turning what the performer form holds into performer values: a typed date, the
date of a changed boundary table, and the area picker's table as a will_touch table."""

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


def redated(
    was: Boundaries | None, table: Boundaries | None, shown: str, today: date
) -> tuple[str, str] | None:
    """The recorded date to show after the boundaries became ``table``, and why; or None.

    A change to a table recorded on another day is a new conversation, so its date
    becomes today (as replay's boundary change dates it), unless a date was typed
    (``shown`` is no longer the old one). Undoing the change gives the old date back.
    A performer must not sign a sheet showing an old date beside a boundary set today.
    """
    if was is None or was.recorded is None or table is None or was.recorded == today:
        return None
    old, new = was.recorded.isoformat(), today.isoformat()
    changed = (table.default, table.areas) != (was.default, was.areas)
    if changed and shown == old:
        return new, f"ℹ dated today: a new conversation (was {old}; type the date if earlier)"
    if not changed and shown == new:
        return old, ""
    return None
