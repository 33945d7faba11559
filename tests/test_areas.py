"""The body-area tree and how a performer's table resolves each leaf."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from factories import AreaSpec, beat, bounds, performer, score, touch, will
from hypothesis import given, settings
from hypothesis import strategies as st

from notation import check
from notation.areas import (
    ALIASES,
    AREA_NAMES,
    LEAVES,
    NODES,
    PARENT,
    TREE,
    area_label,
    leaves_of,
    resolve_key,
    strictest,
    suggest,
)
from notation.checks.cast import PerformerView

EXPECTED_LEAVES = {
    "hair", "ear_l", "ear_r", "forehead", "cheek_l", "cheek_r", "lips", "chin",
    "neck", "nape",
    "shoulder_l", "shoulder_r", "chest", "abdomen", "waist_l", "waist_r",
    "upper_back", "lower_back",
    "upper_arm_l", "forearm_l", "hand_l", "upper_arm_r", "forearm_r", "hand_r",
    "hip_l", "hip_r", "groin", "buttocks",
    "thigh_l", "inner_thigh_l", "knee_l", "lower_leg_l", "foot_l",
    "thigh_r", "inner_thigh_r", "knee_r", "lower_leg_r", "foot_r",
}  # fmt: skip

EXPECTED_ALIASES = {
    "ear", "cheek", "shoulder", "waist", "arm", "upper_arm", "forearm", "hand",
    "hip", "leg", "thigh", "inner_thigh", "knee", "lower_leg", "foot",
}  # fmt: skip

GROUPS = {
    "head": {"hair", "ear_l", "ear_r", "forehead", "cheek_l", "cheek_r", "lips", "chin"},
    "face": {"forehead", "cheek_l", "cheek_r", "lips", "chin"},
    "back": {"upper_back", "lower_back"},
    "torso": {
        "shoulder_l", "shoulder_r", "chest", "abdomen", "waist_l", "waist_r",
        "upper_back", "lower_back",
    },
    "arm_l": {"upper_arm_l", "forearm_l", "hand_l"},
    "arm_r": {"upper_arm_r", "forearm_r", "hand_r"},
    "pelvis": {"hip_l", "hip_r", "groin", "buttocks"},
    "leg_l": {"thigh_l", "inner_thigh_l", "knee_l", "lower_leg_l", "foot_l"},
    "leg_r": {"thigh_r", "inner_thigh_r", "knee_r", "lower_leg_r", "foot_r"},
}  # fmt: skip


def test_the_38_leaves() -> None:
    assert len(LEAVES) == 38
    assert set(LEAVES) == EXPECTED_LEAVES


def test_every_leaf_reaches_body() -> None:
    for leaf in LEAVES:
        node = leaf
        for _ in range(10):
            if node == "body":
                break
            node = PARENT[node]
        assert node == "body", leaf


def test_nodes_list_each_parent_before_its_children() -> None:
    position = {node: i for i, node in enumerate(NODES)}
    for parent, children in TREE.items():
        for child in children:
            assert position[parent] < position[child]
    assert NODES[0] == "body"


def test_aliases_are_the_fifteen_unsided_names() -> None:
    assert set(ALIASES) == EXPECTED_ALIASES


@pytest.mark.parametrize("alias", sorted(EXPECTED_ALIASES))
def test_every_alias_covers_both_sides(alias: str) -> None:
    left, right = f"{alias}_l", f"{alias}_r"
    assert ALIASES[alias] == (left, right)
    assert leaves_of(alias) == leaves_of(left) | leaves_of(right)
    assert leaves_of(left).isdisjoint(leaves_of(right))
    assert leaves_of(left) and leaves_of(right)


@pytest.mark.parametrize(("group", "leaves"), sorted(GROUPS.items()))
def test_group_areas_stand_for_their_leaves(group: str, leaves: set[str]) -> None:
    assert leaves_of(group) == leaves


def test_body_is_every_leaf_and_a_leaf_is_itself() -> None:
    assert leaves_of("body") == EXPECTED_LEAVES
    for leaf in LEAVES:
        assert leaves_of(leaf) == {leaf}


def test_area_names_are_nodes_and_aliases_only() -> None:
    assert frozenset(NODES) | frozenset(EXPECTED_ALIASES) == AREA_NAMES
    assert "elbow" not in AREA_NAMES
    with pytest.raises(KeyError):
        leaves_of("elbow")


def test_strictest_status() -> None:
    assert strictest([]) == "yes"
    assert strictest(["yes", "ask"]) == "ask"
    assert strictest(["ask", "no", "yes"]) == "no"


def test_area_labels_are_plain_words() -> None:
    assert area_label("hand_r") == "right hand"
    assert area_label("inner_thigh_l") == "left inner thigh"
    assert area_label("upper_back") == "upper back"


def test_suggest_offers_the_closest_area() -> None:
    assert suggest("sholder", AREA_NAMES) == "shoulder"
    assert suggest("zzzzzz", AREA_NAMES) is None


# -- resolution ----------------------------------------------------------------


def status(table: Mapping[str, AreaSpec], leaf: str, default: str = "ask") -> str:
    view = PerformerView.of(performer("ana", boundaries=bounds(default, **table)))
    return view.boundaries[leaf].status


def test_the_format_example_arm_yes_left_hand_no() -> None:
    table = {"arm": "yes", "hand_l": "no"}
    assert status(table, "hand_l") == "no"
    for leaf in ("hand_r", "upper_arm_l", "upper_arm_r", "forearm_l", "forearm_r"):
        assert status(table, leaf) == "yes", leaf


def test_sided_key_wins_over_its_alias_at_the_same_node() -> None:
    assert status({"hand": "yes", "hand_l": "no"}, "hand_l") == "no"
    assert status({"hand": "yes", "hand_l": "no"}, "hand_r") == "yes"
    assert status({"hand": "no", "hand_r": "yes"}, "hand_r") == "yes"
    assert status({"hand": "no", "hand_r": "yes"}, "hand_l") == "no"


def test_alias_applies_to_both_sides() -> None:
    for alias in EXPECTED_ALIASES:
        for leaf in leaves_of(alias):
            assert status({alias: "no"}, leaf, default="yes") == "no", (alias, leaf)


def test_nearest_node_wins_over_an_ancestor() -> None:
    table = {"torso": "no", "upper_back": "yes"}
    assert status(table, "upper_back") == "yes"
    assert status(table, "lower_back") == "no"
    assert status(table, "chest") == "no"


def test_alias_on_a_nearer_node_beats_a_sided_key_further_up() -> None:
    # hand_l -> hand (alias) is met before arm_l (sided) on the walk up.
    assert status({"arm_l": "no", "hand": "yes"}, "hand_l") == "yes"
    assert status({"arm_l": "no", "hand": "yes"}, "forearm_l") == "no"


def test_body_key_decides_everything_not_more_specific() -> None:
    assert status({"body": "no", "hair": "yes"}, "hair") == "yes"
    assert status({"body": "no", "hair": "yes"}, "foot_r") == "no"


@pytest.mark.parametrize("default", ["yes", "ask", "no"])
def test_the_default_applies_to_uncovered_leaves(default: str) -> None:
    assert status({"neck": "no"}, "foot_l", default) == default
    assert status({"neck": "no"}, "neck", default) == "no"


def test_boundaries_default_is_ask_and_will_touch_default_is_yes() -> None:
    view = PerformerView.of(performer("ana", boundaries=bounds(), will_touch=will(groin="no")))
    assert all(view.boundaries[leaf].status == "ask" for leaf in LEAVES)
    assert view.will_touch["groin"].status == "no"
    assert all(view.will_touch[leaf].status == "yes" for leaf in LEAVES if leaf != "groin")


def test_no_boundaries_means_every_area_ask_and_no_will_touch_means_yes() -> None:
    view = PerformerView.of(performer("ana", boundaries=None))
    assert {view.boundaries[leaf].status for leaf in LEAVES} == {"ask"}
    assert {view.will_touch[leaf].status for leaf in LEAVES} == {"yes"}


def test_source_names_the_deciding_key() -> None:
    view = PerformerView.of(performer("ana", boundaries=bounds("no", arm="yes", hand_l="ask")))
    assert view.boundaries["hand_l"].source == "hand_l"
    assert view.boundaries["hand_r"].source == "arm"
    assert view.boundaries["neck"].source is None


def test_conditions_travel_with_the_deciding_key() -> None:
    view = PerformerView.of(performer("ana", boundaries=bounds("yes", face=("yes", ("light",)))))
    assert view.boundaries["lips"].only == ("light",)
    assert view.boundaries["neck"].only == ()


def test_resolve_key_directly() -> None:
    assert resolve_key({"arm": 1, "hand_l": 2}, "hand_l") == "hand_l"
    assert resolve_key({"arm": 1}, "hand_r") == "arm"
    assert resolve_key({}, "lips") is None


@pytest.mark.parametrize(
    ("table", "area", "expected"),
    [
        ({"chest": "no"}, "torso", "no"),
        ({"chest": "ask"}, "torso", "ask"),
        ({"chest": "ask", "abdomen": "no"}, "torso", "no"),
        ({"groin": "no"}, "pelvis", "no"),
        ({"hand_l": "no"}, "hand", "no"),
        ({"hand_l": "no"}, "hand_r", "yes"),
        ({"lips": "ask"}, "face", "ask"),
        ({}, "body", "yes"),
    ],
)
def test_a_group_area_takes_the_strictest_of_its_leaves(
    table: dict[str, str], area: str, expected: str
) -> None:
    view = PerformerView.of(performer("ana", boundaries=bounds("yes", **table)))
    assert view.view(view.boundaries, area).status == expected


# -- an independent oracle ---------------------------------------------------------
# The tree as the format draws it, written out again here so the checker's own
# tree and resolver are tested against the contract, not against themselves.

SPEC_CHILDREN: dict[str, list[str]] = {
    "body": ["head", "neck", "nape", "torso", "arm_l", "arm_r", "pelvis", "leg_l", "leg_r"],
    "head": ["hair", "ear_l", "ear_r", "face"],
    "face": ["forehead", "cheek_l", "cheek_r", "lips", "chin"],
    "torso": ["shoulder_l", "shoulder_r", "chest", "abdomen", "waist_l", "waist_r", "back"],
    "back": ["upper_back", "lower_back"],
    "pelvis": ["hip_l", "hip_r", "groin", "buttocks"],
}
for _side in "lr":
    SPEC_CHILDREN[f"arm_{_side}"] = [f"{n}_{_side}" for n in ("upper_arm", "forearm", "hand")]
    SPEC_CHILDREN[f"leg_{_side}"] = [
        f"{n}_{_side}" for n in ("thigh", "inner_thigh", "knee", "lower_leg", "foot")
    ]
SPEC_PARENT = {child: parent for parent, kids in SPEC_CHILDREN.items() for child in kids}


def spec_leaves(area: str) -> set[str]:
    if area in EXPECTED_ALIASES:
        return spec_leaves(f"{area}_l") | spec_leaves(f"{area}_r")
    if area not in SPEC_CHILDREN:
        return {area}
    return set().union(*(spec_leaves(child) for child in SPEC_CHILDREN[area]))


def spec_status(table: dict[str, str], leaf: str, default: str) -> str:
    node: str | None = leaf
    while node is not None:
        if node in table:
            return table[node]
        if node[-2:] in ("_l", "_r") and node[:-2] in EXPECTED_ALIASES and node[:-2] in table:
            return table[node[:-2]]
        node = SPEC_PARENT.get(node)
    return default


ANY_AREA = st.sampled_from(sorted(AREA_NAMES))
STATUS = st.sampled_from(["yes", "ask", "no"])


def test_the_spec_tree_is_the_checkers_tree() -> None:
    assert set(SPEC_PARENT) | {"body"} == set(NODES)
    for name in AREA_NAMES:
        assert leaves_of(name) == spec_leaves(name), name


@settings(max_examples=150, deadline=None)
@given(
    table=st.dictionaries(ANY_AREA, STATUS, max_size=6),
    default=STATUS,
    on=ANY_AREA,
)
def test_b101_and_b104_agree_with_the_spec(table: dict[str, str], default: str, on: str) -> None:
    statuses = {spec_status(table, leaf, default) for leaf in spec_leaves(on)}
    ana = performer("ana", "Ana Ruiz", boundaries=bounds(default, **table))
    found = check(score(beat(touch(on=on)), performers=(ana, performer("ben", "Ben Okafor"))))
    boundary_codes = {f.code for f in found if f.code.startswith("B")}
    expected = {"B101"} if "no" in statuses else set()
    expected |= {"B104"} if "ask" in statuses else set()
    assert boundary_codes == expected


@settings(max_examples=100, deadline=None)
@given(
    table=st.dictionaries(ANY_AREA, STATUS, max_size=6),
    default=STATUS,
    with_=ANY_AREA,
    on=ANY_AREA,
)
def test_b102_and_b103_agree_with_the_spec(
    table: dict[str, str], default: str, with_: str, on: str
) -> None:
    # Ben's own boundaries decide B102 on `with`; the same table as will_touch decides B103.
    ben = performer(
        "ben",
        "Ben Okafor",
        boundaries=bounds(default, **table),
        will_touch=will(default, **table),
    )
    found = check(score(beat(touch(with_=with_, on=on)), performers=(performer("ana"), ben)))
    codes = {f.code for f in found}
    own = {spec_status(table, leaf, default) for leaf in spec_leaves(with_)}
    willing = {spec_status(table, leaf, default) for leaf in spec_leaves(on)}
    assert ("B102" in codes) == ("no" in own)
    assert ("B103" in codes) == ("no" in willing)
    assert ("B104" in codes) == ("ask" in own or "ask" in willing)
