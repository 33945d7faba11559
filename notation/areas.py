"""The body-area tree of score format 1, its aliases, and status resolution.

Areas form a tree rooted at ``body``. Sided leaves end in ``_l``/``_r`` (the
performer's own left and right); every sided name also has an unsided alias that
stands for both sides. Any node or alias may be used in a touch, a bare list or a
rider, and stands for all the leaves under it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Literal

Status = Literal["yes", "ask", "no"]
"""Traffic-light status of an area: green, yellow (ask first), red."""

STATUS_ORDER: dict[str, int] = {"yes": 0, "ask": 1, "no": 2}
"""Strictness of each status; the strictest of several leaves wins."""


def _sided(name: str, children: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Both sides of a limb: ``arm`` with ``(upper_arm, hand)`` gives arm_l and arm_r."""
    return {f"{name}_{side}": tuple(f"{child}_{side}" for child in children) for side in "lr"}


# Parent -> children, in the order the format's diagram draws them.
TREE: dict[str, tuple[str, ...]] = {
    "body": ("head", "neck", "nape", "torso", "arm_l", "arm_r", "pelvis", "leg_l", "leg_r"),
    "head": ("hair", "ear_l", "ear_r", "face"),
    "face": ("forehead", "cheek_l", "cheek_r", "lips", "chin"),
    "torso": ("shoulder_l", "shoulder_r", "chest", "abdomen", "waist_l", "waist_r", "back"),
    "back": ("upper_back", "lower_back"),
    **_sided("arm", ("upper_arm", "forearm", "hand")),
    "pelvis": ("hip_l", "hip_r", "groin", "buttocks"),
    **_sided("leg", ("thigh", "inner_thigh", "knee", "lower_leg", "foot")),
}

PARENT: dict[str, str] = {child: parent for parent, kids in TREE.items() for child in kids}


def _preorder(node: str) -> tuple[str, ...]:
    return (node, *(n for child in TREE.get(node, ()) for n in _preorder(child)))


NODES: tuple[str, ...] = _preorder("body")
"""Every node of the tree, depth first, each parent before its children."""

LEAVES: tuple[str, ...] = tuple(node for node in NODES if node not in TREE)

ALIASES: dict[str, tuple[str, str]] = {
    node[:-2]: (f"{node[:-2]}_l", f"{node[:-2]}_r") for node in NODES if node.endswith("_l")
}
"""Unsided alias -> its two sided nodes (``hand`` -> ``hand_l``, ``hand_r``)."""

AREA_NAMES: frozenset[str] = frozenset(NODES) | frozenset(ALIASES)
"""Every name valid wherever the format takes an area."""

HAND_LEAVES: frozenset[str] = frozenset({"hand_l", "hand_r"})
GROIN = "groin"


@cache
def leaves_of(area: str) -> frozenset[str]:
    """All leaves an area name stands for (a leaf stands for itself)."""
    if area in ALIASES:
        left, right = ALIASES[area]
        return leaves_of(left) | leaves_of(right)
    if area not in TREE:
        if area not in PARENT:
            raise KeyError(area)
        return frozenset({area})
    return frozenset().union(*(leaves_of(child) for child in TREE[area]))


def alias_of(node: str) -> str | None:
    """The unsided alias of a sided node (``hand_l`` -> ``hand``), else None."""
    if node.endswith(("_l", "_r")) and node[:-2] in ALIASES:
        return node[:-2]
    return None


def ancestry(leaf: str) -> tuple[str, ...]:
    """The path from a node up to ``body``, the node first."""
    path = [leaf]
    while path[-1] in PARENT:
        path.append(PARENT[path[-1]])
    return tuple(path)


def suggest(name: str, choices: Iterable[str]) -> str | None:
    """The closest valid name to a misspelt one, for a did-you-mean."""
    close = difflib.get_close_matches(name, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def is_area(name: str) -> bool:
    """Whether ``name`` is a node or alias of the body-area tree."""
    return name in AREA_NAMES


def resolve_key(areas: Mapping[str, object], leaf: str) -> str | None:
    """The key of ``areas`` that decides ``leaf``, or None when the default does.

    Walk from the leaf up to ``body``; at each node the sided key wins over its
    unsided alias; the first hit decides.
    """
    for node in ancestry(leaf):
        if node in areas:
            return node
        alias = alias_of(node)
        if alias is not None and alias in areas:
            return alias
    return None


def strictest(statuses: Iterable[Status]) -> Status:
    """The strictest of several statuses (``no`` over ``ask`` over ``yes``)."""
    result: Status = "yes"
    for status in statuses:
        if STATUS_ORDER[status] > STATUS_ORDER[result]:
            result = status
    return result


@lru_cache(maxsize=512)
def area_label(area: str) -> str:
    """Plain words for an area name: ``hand_r`` -> "right hand"."""
    if area.endswith("_l") and area[:-2] in ALIASES:
        return "left " + area[:-2].replace("_", " ")
    if area.endswith("_r") and area[:-2] in ALIASES:
        return "right " + area[:-2].replace("_", " ")
    return area.replace("_", " ")
