"""Each performer's boundaries resolved once, leaf by leaf, for fast checking.

Resolving a touch walks the area tree; doing it once per performer (38 leaves)
instead of once per touch keeps a 5,000-beat check cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from notation.areas import LEAVES, STATUS_ORDER, Status, leaves_of, resolve_key
from notation.model import Boundaries, Performer, Score


@dataclass(frozen=True)
class Resolved:
    """A leaf's status for one performer, its conditions and the key that decided it."""

    status: Status
    only: tuple[str, ...] = ()
    source: str | None = None
    """The boundaries key that decided the leaf, or None when the default did."""


def resolve_table(table: Boundaries | None, default: Status) -> dict[str, Resolved]:
    """Every leaf's resolved status under a boundaries (or will_touch) table."""
    if table is None:
        return {leaf: Resolved(default) for leaf in LEAVES}
    resolved: dict[str, Resolved] = {}
    for leaf in LEAVES:
        key = resolve_key(table.areas, leaf)
        if key is None:
            resolved[leaf] = Resolved(table.default)
        else:
            rule = table.areas[key]
            resolved[leaf] = Resolved(rule.status, rule.only, key)
    return resolved


@dataclass(frozen=True)
class AreaView:
    """What a table says about one area used in a touch: its leaves, grouped."""

    status: Status
    """The strictest status among the area's leaves."""
    leaves_by_status: dict[str, tuple[str, ...]]
    conditioned: tuple[tuple[str, tuple[str, ...]], ...]
    """(leaf, conditions) for the leaves that are not 'no' and carry conditions."""
    quiet: bool = field(init=False)
    """No leaf is 'no' or 'ask' and none has conditions: the area can yield no finding."""
    by_condition: tuple[tuple[str, tuple[str, ...]], ...] = field(init=False)
    """(condition, leaves it is set on), conditions in order of first appearance."""

    def __post_init__(self) -> None:
        groups = self.leaves_by_status
        object.__setattr__(
            self, "quiet", not groups["no"] and not groups["ask"] and not self.conditioned
        )
        by_condition: dict[str, list[str]] = {}
        for leaf, only in self.conditioned:
            for condition in only:
                by_condition.setdefault(condition, []).append(leaf)
        object.__setattr__(
            self, "by_condition", tuple((c, tuple(leaves)) for c, leaves in by_condition.items())
        )


@dataclass(frozen=True)
class PerformerView:
    """One performer's boundaries and will_touch, resolved for every leaf."""

    performer: Performer
    boundaries: dict[str, Resolved]
    will_touch: dict[str, Resolved]
    _seen: dict[tuple[bool, str], AreaView] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Views already summarised: a score asks about the same few areas thousands of times."""
    _body: dict[str, AreaView] = field(default_factory=dict, init=False, repr=False, compare=False)
    _will: dict[str, AreaView] = field(default_factory=dict, init=False, repr=False, compare=False)
    touches: dict[tuple[object, ...], tuple[PerformerView | None, tuple[Any, ...]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """The boundary findings of each shape of touch on this performer, beside the
    giver's view they were worked out with (``notation.checks.boundaries``)."""

    @classmethod
    def of(cls, performer: Performer) -> PerformerView:
        """Resolve a performer's tables (no boundaries: every area 'ask')."""
        return cls(
            performer,
            resolve_table(performer.boundaries, "ask"),
            resolve_table(performer.will_touch, "yes"),
        )

    def on_body(self, area: str) -> AreaView:
        """``view(self.boundaries, area)``, remembered by area alone: the checker asks
        three times per touch, and building a tuple key for each ask adds up."""
        found = self._body.get(area)
        if found is None:
            found = self._body[area] = self.view(self.boundaries, area)
        return found

    def willing(self, area: str) -> AreaView:
        """``view(self.will_touch, area)``, remembered as ``on_body``."""
        found = self._will.get(area)
        if found is None:
            found = self._will[area] = self.view(self.will_touch, area)
        return found

    def view(self, table: dict[str, Resolved], area: str) -> AreaView:
        """Summarise ``area`` under ``table`` (this performer's boundaries or will_touch)."""
        # Only this view's own tables are remembered: another table may change.
        own = table is self.boundaries or table is self.will_touch
        key = (table is self.boundaries, area)
        if own and key in self._seen:
            return self._seen[key]
        groups: dict[str, list[str]] = {"yes": [], "ask": [], "no": []}
        conditioned: list[tuple[str, tuple[str, ...]]] = []
        for leaf in sorted(leaves_of(area)):
            entry = table[leaf]
            groups[entry.status].append(leaf)
            if entry.status != "no" and entry.only:
                conditioned.append((leaf, entry.only))
        status: Status = max(
            (s for s in ("yes", "ask", "no") if groups[s]), key=STATUS_ORDER.__getitem__
        )
        view = AreaView(status, {k: tuple(v) for k, v in groups.items()}, tuple(conditioned))
        if own:
            self._seen[key] = view
        return view


class Cast:
    """The resolved views of a score's performers, keyed by id."""

    def __init__(self, score: Score) -> None:
        self.views: dict[str, PerformerView] = {p.id: PerformerView.of(p) for p in score.performers}

    def get(self, performer_id: str) -> PerformerView | None:
        """The view of a performer, or None for an id not in the cast."""
        return self.views.get(performer_id)

    def refresh(self, performer: Performer) -> None:
        """Re-resolve one performer after their boundaries changed."""
        self.views[performer.id] = PerformerView.of(performer)
