"""The app's ripple checks the old cast with only the rules a cast change can reach.

After a whole-production cast change the app's worker (``choreo_tui.production.ripple``)
re-checks the other scenes with the new cast and the same beats with the old one, and
lists what is new. A change to boundaries can only change B findings, a change to the
rider only N and S findings (``SceneRecheck.families``), so the old cast's check runs
only those rules too. These tests hold the narrowed ripple to the one that ran every
rule, and to the difference between two full checks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_production_properties import EXAMPLES, layers, productions
from test_production_recheck_rules import _edited
from test_roundtrip import scores

from choreo_tui.production import ripple
from choreo_tui.production.ripple import newly_flagged, ripple_report
from notation.checks import boundaries, check_beat
from notation.checks.cast import Cast
from notation.checks.context import BeatContext
from notation.model import AreaRule, Boundaries, Performer, Rider, Score
from notation.production import (
    Production,
    ProductionScene,
    SceneLayer,
    check_production_scene,
    load_production,
    merge,
)
from notation.production.checking import beat_findings
from notation.production.rippling import SceneRecheck, _rules_of

NORTHERN_LIGHT = Path(__file__).parent.parent / "sample_scenes" / "northern-light"
PRODUCTION = NORTHERN_LIGHT / "production.toml"

Items = list[tuple[str, int, str, str, str]]


def _items(found: Sequence[ripple.RippleItem]) -> Items:
    return [(i.path.name, i.beat, i.code, i.severity, i.message) for i in found]


def _every_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    # The ripple as it was: the old cast checked with every rule.
    monkeypatch.setattr(SceneRecheck, "rules", property(lambda self: None))


def _both(
    monkeypatch: pytest.MonkeyPatch,
    scenes: Sequence[ProductionScene],
    after: Production,
    pids: Sequence[str],
) -> tuple[Items, Items]:
    narrowed = _items(newly_flagged(scenes, after, pids))
    with monkeypatch.context() as patch:
        _every_rule(patch)
        every = _items(newly_flagged(scenes, after, pids))
    return narrowed, every


def _with_table(performer: Performer, table: str, area: str, status: str) -> Performer:
    current: Boundaries | None = getattr(performer, table)
    areas = dict(current.areas) if current is not None else {}
    areas[area] = AreaRule(status=status)
    value = (current or Boundaries()).model_copy(update={"areas": areas})
    return performer.model_copy(update={table: value})


def _sample_edits(production: Production) -> Iterator[tuple[str, Production, Production]]:
    """What a coordinator changes about one person (an area, what they touch, the rider,
    a name): who, the cast before and after."""
    for performer in production.performers:
        pid = performer.id

        def edit(changed: Performer) -> tuple[str, Production, Production]:
            return pid, production, production.with_performer(changed)  # noqa: B023

        for area in ("lips", "face", "neck", "upper_back", "waist", "hand", "chest", "groin"):
            for status in ("no", "ask"):
                yield edit(_with_table(performer, "boundaries", area, status))
            yield edit(_with_table(performer, "will_touch", area, "no"))
        yield edit(performer.model_copy(update={"rider": None}))
        yield edit(performer.model_copy(update={"name": performer.name + " Jr"}))
        # A rider that lists nothing, then one that lists the chest: wherever they are
        # bare (beyond the chest) the N201 was already there, so it is not new.
        before = production.with_performer(performer.model_copy(update={"rider": Rider()}))
        wider = Rider(may_expose=("chest",))
        yield pid, before, before.with_performer(performer.model_copy(update={"rider": wider}))


def test_the_sample_productions_edits_ripple_the_same_with_only_the_rules_they_reach(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    flagged = 0
    for pid, before, after in _sample_edits(load_production(PRODUCTION)):
        narrowed = _items(ripple_report(before, after, PRODUCTION, [pid]).items)
        with monkeypatch.context() as patch:
            _every_rule(patch)
            every = _items(ripple_report(before, after, PRODUCTION, [pid]).items)
        assert narrowed == every, pid
        flagged += len(narrowed)
    assert flagged >= 10  # the edits do reach beats: the comparison is not of empty lists


def test_a_boundary_change_checks_the_old_cast_with_the_boundary_rules_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = load_production(PRODUCTION)
    mara = before.by_id["mara"]
    after = before.with_performer(_with_table(mara, "boundaries", "hand", "no"))
    asked: list[Any] = []

    def spy(scene: ProductionScene, *args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs.get("rules"))
        return beat_findings(scene, *args, **kwargs)

    monkeypatch.setattr(ripple, "beat_findings", spy)
    report = ripple_report(before, after, PRODUCTION, ["mara"])
    assert report.items  # the change does reach other scenes
    assert asked and all(rules == (boundaries.check,) for rules in asked)


@EXAMPLES
@given(productions, st.lists(layers, min_size=1, max_size=3), st.data())
def test_the_ripple_is_the_same_narrowed_and_is_what_full_checks_differ_by(
    production: Production, scene_layers: list[SceneLayer], data: st.DataObject
) -> None:
    ids = sorted({p.id for p in production.performers} | {"ana", "ben", "cara", "dana"})
    pid = data.draw(st.sampled_from(ids))
    after = _edited(production, pid, data)
    paths = [f"s{n}.score.toml" for n in range(len(scene_layers))]
    scenes = [
        merge(production, layer, path) for layer, path in zip(scene_layers, paths, strict=True)
    ]
    with pytest.MonkeyPatch.context() as monkeypatch:
        narrowed, every = _both(monkeypatch, scenes, after, [pid])
    assert narrowed == every
    # What the ripple means: each beat and code that an error or warning of a full check
    # with the new cast has and a full check with the old cast has not, with its message.
    expected: dict[tuple[str, int, str], tuple[str, str]] = {}
    for scene, layer, path in zip(scenes, scene_layers, paths, strict=True):
        old = {(f.beat, f.code) for f in check_production_scene(scene)}
        for f in check_production_scene(merge(after, layer, path)):
            if f.beat is None or f.severity == "info" or (f.beat, f.code) in old:
                continue
            expected.setdefault((path, f.beat, f.code), (f.severity, f.message))
    assert narrowed == [(*key, *value) for key, value in sorted(expected.items())]


@EXAMPLES
@given(scores, st.sets(st.sampled_from("BNS")))
def test_the_rules_of_a_family_find_exactly_that_familys_findings(
    score: Score, families: set[str]
) -> None:
    # SceneRecheck.rules stands in for its families: every finding of those code
    # families comes from those rules, and those rules find nothing else.
    rules = _rules_of(frozenset(families))
    assert rules is not None
    for index, beat in enumerate(score.beats):
        every = [(f.code, f.touch, f.message) for f in check_beat(score, index)]
        ctx = BeatContext(score, Cast(score), index, beat)
        found = sorted(
            ((f.code, f.touch, f.message) for rule in rules for f in rule(ctx)),
            key=lambda item: (-1 if item[1] is None else item[1], item[0]),
        )
        assert found == [item for item in every if item[0][0] in families]
