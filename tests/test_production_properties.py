"""Property tests over generated productions.

A production score's merged view must check exactly like the same score written
out standalone; its layer must survive a save; splitting the merged view gives a
layer that merges back to it; and ``production init`` of generated standalone
scores loses nothing.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roundtrip import (
    area_table,
    beat,
    day,
    garment,
    log_entry,
    maybe,
    name,
    performer,
    positive,
    private,
    rider,
    scene,
    status,
    text,
)

from notation import check, dumps, loads, save
from notation.model import MEDIA, Score
from notation.production import (
    BoundariesLayer,
    PerformerLayer,
    Production,
    ProductionInfo,
    SceneHeader,
    SceneLayer,
    check_production_scene,
    dumps_layer,
    loads_layer,
    merge,
    recheck,
    split,
)
from notation.production.adopting import AdoptError, plan, write
from notation.production.folder import check_paths

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

layer_table = st.builds(
    BoundariesLayer, recorded=maybe(day), default=maybe(status), areas=area_table
)
entry_id = st.sampled_from(["ana", "ben", "cara", "dana"])
entry = st.builds(
    PerformerLayer,
    id=entry_id,
    name=maybe(name),
    character=maybe(text),
    minor=maybe(st.booleans()),
    guardian=maybe(text),
    private_notes=maybe(private),
    boundaries=maybe(layer_table),
    will_touch=maybe(layer_table),
    rider=maybe(rider),
    garments=maybe(st.lists(garment, max_size=2).map(tuple)),
)
header = st.builds(
    SceneHeader,
    title=name,
    production=maybe(text),
    medium=maybe(st.sampled_from(MEDIA)),
    self_care_cue=maybe(text),
    closed_set=maybe(st.booleans()),
    tempo=maybe(positive),
    coordinator=maybe(text),
    director=maybe(text),
    notes=maybe(text),
    private_notes=maybe(private),
)
info = st.builds(
    ProductionInfo,
    title=name,
    medium=st.sampled_from(MEDIA),
    closed_set=st.booleans(),
    self_care_cue=text,
    tempo=positive,
)
productions = st.builds(
    Production,
    production=info,
    performers=st.lists(performer, max_size=3, unique_by=lambda p: p.id).map(tuple),
)
layers = st.builds(
    SceneLayer,
    scene=header,
    performers=st.lists(entry, max_size=3, unique_by=lambda e: e.id).map(tuple),
    beats=st.lists(beat, max_size=3).map(tuple),
    log=st.lists(log_entry, max_size=1).map(tuple),
)


def _scene_findings(findings: Any) -> Counter[tuple[int | None, str, str]]:
    return Counter((f.beat, f.code, f.message) for f in findings if not f.code.startswith("P6"))


@EXAMPLES
@given(productions, layers)
def test_merged_view_checks_exactly_like_the_standalone_score(
    production: Production, layer: SceneLayer
) -> None:
    scene = merge(production, loads_layer(dumps_layer(layer)))
    standalone = loads(dumps(scene.score))
    assert standalone == scene.score
    assert _scene_findings(check_production_scene(scene)) == _scene_findings(check(standalone))


@EXAMPLES
@given(productions, layers)
def test_layer_survives_a_save_and_split_gives_it_back(
    production: Production, layer: SceneLayer
) -> None:
    text = dumps_layer(layer)
    again = loads_layer(text)
    assert again == layer
    assert dumps_layer(again) == text
    scene = merge(production, again)
    resplit = split(scene, scene.score)
    assert merge(production, resplit).score == scene.score


@st.composite
def folders(draw: st.DrawFn) -> list[Score]:
    """Two or three standalone scores sharing some performers, each with its own version."""
    count = draw(st.integers(min_value=1, max_value=3))
    return [
        Score(
            scene=draw(scene),
            performers=draw(st.lists(performer, max_size=3, unique_by=lambda p: p.id).map(tuple)),
            beats=draw(st.lists(beat, max_size=3).map(tuple)),
        )
        for _ in range(count)
    ]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(folders(), maybe(name))
def test_production_init_round_trips(scores: list[Score], title: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = [folder / f"s{i}.score.toml" for i in range(len(scores))]
        for path, score in zip(paths, scores, strict=True):
            save(score, path)
        named = list(zip(paths, scores, strict=True))
        before = {str(p): {(f.beat, f.code) for f in check(s)} for p, s in named}
        everyone = {p.id for s in scores for p in s.performers}
        borrows = any((b.ids() - set(s.by_id)) & everyone for s in scores for b in s.beats)
        try:
            adoption = plan(folder, named, title)
        except AdoptError as error:
            # The one refusal by design: a beat naming someone only another score has.
            assert borrows and "is not among this score's performers" in str(error)
            return
        assert not borrows
        write(adoption, folder)
        report = check_paths([str(folder)])
        assert not report.errors
        after: dict[str, set[tuple[int | None, str]]] = {str(p): set() for p in paths}
        cast_c403 = False
        for finding in report.findings:
            if finding.path.endswith("production.toml"):
                assert finding.code in ("C403", "C405")
                cast_c403 = cast_c403 or finding.code == "C403"
                continue
            after[finding.path].add((finding.beat, finding.code))
        widened = {p for scenes in adoption.widening.values() for p in scenes}
        for name in map(str, paths):
            drop = {"C403", "C405"}
            if Path(name).name not in widened:
                assert not any(code == "P602" for _, code in after[name]), name
            drop.add("P602")
            assert {x for x in before[name] if x[1] not in drop} == {
                x for x in after[name] if x[1] not in drop
            }, name
        had_c403 = any((None, "C403") in found for found in before.values())
        now_c403 = cast_c403 or any((None, "C403") in found for found in after.values())
        assert had_c403 == now_c403


@EXAMPLES
@given(productions, layers, st.data())
def test_recheck_after_a_cast_change_equals_a_full_check(
    production: Production, layer: SceneLayer, data: st.DataObject
) -> None:
    # A missed re-check is a missed violation: what recheck leaves alone must not change.
    if not production.performers:
        return
    scene = merge(production, layer)
    old = production.performers[data.draw(st.integers(0, len(production.performers) - 1))]
    new = data.draw(performer).model_copy(update={"id": old.id})
    if data.draw(st.booleans()):
        # Often only the boundaries change, the usual edit on the day.
        new = old.model_copy(update={"boundaries": new.boundaries})
    changed = production.with_performer(new)
    before = check_production_scene(scene)
    result = recheck([scene], changed, old.id)
    full = check_production_scene(merge(changed, layer))
    if not result:
        assert old.id not in scene.score.by_id
        assert _all(full) == _all(before)
        return
    (item,) = result
    assert _all(item.applied_to(before)) == _all(full)


def _all(findings: Any) -> Counter[tuple[str, int | None, str, str]]:
    return Counter((f.path, f.beat, f.code, f.message) for f in findings)
