"""Editing one boundaries (or will_touch) table, and reading it node by node.

Resolution goes through ``notation.checks.cast.resolve_table`` so that what the
area picker shows is exactly what the checker enforces.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from notation import clock
from notation.areas import ALIASES, Status, leaves_of, strictest
from notation.checks.cast import Resolved, resolve_table
from notation.model import AreaRule, Boundaries, WillTouch

TableKind = Literal["boundaries", "will_touch"]

DEFAULT_STATUS: dict[TableKind, Status] = {"boundaries": "ask", "will_touch": "yes"}
"""What an absent table means: no boundaries is 'ask' everywhere, no will_touch is 'yes'."""

STATUS_WORDS: dict[str, str] = {"yes": "✓ yes", "ask": "? ask", "no": "✗ no"}
"""A mark and a word for each status, so colour never carries it alone."""

CONDITION_WORDS: dict[str, str] = {
    "over_clothing": "over clothing",
    "light": "with light pressure",
    "closed_mouth": "with a closed mouth",
    "hands_only": "by hands only",
}
"""The checker's own phrases for the conditions, so the picker and the findings agree."""


@dataclass(frozen=True)
class NodeStatus:
    """What a table says about one node of the area tree, in the picker's words."""

    status: Status
    """The strictest status of the node's leaves: what a touch on this area meets."""
    source: str
    """Where it comes from: "set here", "from arm", "default" or "mixed"."""
    only: tuple[str, ...]
    """Conditions set on this node itself, or shared by all its leaves."""
    uniform: bool
    """Whether every leaf under the node resolves the same way."""

    def words(self) -> str:
        """ "✓ yes · from face · if with light pressure" ."""
        text = f"{STATUS_WORDS[self.status]} · {self.source}"
        if self.only:
            text += " · if " + ", ".join(CONDITION_WORDS[c] for c in self.only)
        return text


def empty_table(kind: TableKind, today: date | None = None) -> Boundaries:
    """A fresh table of the right kind (boundaries are dated the day they are recorded)."""
    if kind == "will_touch":
        return WillTouch()
    return Boundaries(recorded=today or clock.today())


def node_status(
    table: Boundaries | None,
    kind: TableKind,
    area: str,
    resolved: dict[str, Resolved] | None = None,
) -> NodeStatus:
    """How ``area`` (any node or alias) resolves under ``table``, and why.

    ``resolved`` is ``resolve_table`` of the same table, when the caller already has it.
    """
    if resolved is None:
        resolved = resolve_table(table, DEFAULT_STATUS[kind])
    leaves: list[Resolved] = [resolved[leaf] for leaf in sorted(leaves_of(area))]
    status = strictest(entry.status for entry in leaves)
    uniform = len({(e.status, e.only, e.source) for e in leaves}) == 1
    here = table.areas.get(area) if table is not None else None
    if here is not None:
        source = "set here" if uniform else "set here, parts differ"
        return NodeStatus(status, source, here.only, uniform)
    if uniform:
        first = leaves[0]
        source = "default" if first.source is None else f"from {first.source}"
        return NodeStatus(status, source, first.only, True)
    return NodeStatus(status, "mixed", (), False)


def set_status(table: Boundaries | None, kind: TableKind, area: str, status: Status) -> Boundaries:
    """The table with ``area`` set to ``status`` (keeping its conditions)."""
    base = table if table is not None else empty_table(kind)
    old = base.areas.get(area)
    rule = AreaRule(status=status, only=old.only if old else ())
    return base.model_copy(update={"areas": {**base.areas, area: rule}})


def clear(table: Boundaries | None, area: str) -> Boundaries | None:
    """The table without a rule on ``area`` (it falls back to a parent or the default)."""
    if table is None or area not in table.areas:
        return table
    areas = {key: rule for key, rule in table.areas.items() if key != area}
    return table.model_copy(update={"areas": areas})


def toggle_condition(
    table: Boundaries | None, kind: TableKind, area: str, condition: str
) -> Boundaries:
    """The table with ``condition`` switched on ``area``.

    An area without its own rule gets one at its current (strictest) status, so
    adding a condition never loosens what the area already meant.
    """
    base = table if table is not None else empty_table(kind)
    old = base.areas.get(area)
    if old is None:
        status = node_status(table, kind, area).status
        only: tuple[str, ...] = ()
    else:
        status, only = old.status, old.only
    only = tuple(c for c in only if c != condition) if condition in only else (*only, condition)
    rule = AreaRule.model_validate({"status": status, "only": only})
    return base.model_copy(update={"areas": {**base.areas, area: rule}})


def set_default(table: Boundaries | None, kind: TableKind, status: Status) -> Boundaries | None:
    """The table with a new default; an absent table that keeps its meaning stays absent."""
    if table is None and status == DEFAULT_STATUS[kind]:
        return None
    base = table if table is not None else empty_table(kind)
    return base.model_copy(update={"default": status})


def set_recorded(table: Boundaries | None, kind: TableKind, day: date | None) -> Boundaries | None:
    """The table with a new recorded date (an absent table with no date stays absent)."""
    if table is None and day is None:
        return None
    base = table if table is not None else empty_table(kind)
    return base.model_copy(update={"recorded": day})


def alias_names() -> tuple[str, ...]:
    """The unsided aliases (``arm``, ``hand``...) in tree order."""
    return tuple(ALIASES)
