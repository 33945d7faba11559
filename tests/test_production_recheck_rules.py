"""What a re-check after a cast edit keeps from before still equals a full check.

``recheck`` re-runs, in the beats a change can reach, only the rules that read
what changed (boundaries and will_touch: the B rules; the rider: the N and S
rules), reuses the cast's own scene-level findings between scenes that share one
read of ``production.toml``, keeps each scene's breakdown (who is in which beats,
where each is touched) and placements in force with the scene's layer, and
recasts a scene with a shallow copy. These tests hold each of those to a scan or
a full check, including scenes sharing one production read where one overrides
the edited performer, a performer who is not in the cast, and one removed from it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from test_production_properties import EXAMPLES, layers, productions
from test_roundtrip import boundaries, performer, rider, scores, will_touch

from notation import check
from notation.blocking import every_beat
from notation.model import Score
from notation.production import (
    Production,
    SceneLayer,
    check_production_scene,
    merge,
    recheck,
    remerge,
)
from notation.production.breakdown import Breakdown
from notation.production.merging import recast


def _others(findings: Any, families: str) -> Counter[tuple[int | None, str, str]]:
    # Beat findings only: scene-level ones (C405 reads boundaries) are re-checked anyway.
    return Counter(
        (f.beat, f.code, f.message)
        for f in findings
        if f.beat is not None and f.code[0] not in families
    )


@EXAMPLES
@given(scores, st.data())
def test_only_the_b_rules_read_boundaries_and_only_n_and_s_read_the_rider(
    score: Score, data: st.DataObject
) -> None:
    # recheck re-runs only these families after such a change: a rule of another
    # family that read them would leave a stale finding behind.
    if not score.performers:
        return
    position = data.draw(st.integers(0, len(score.performers) - 1))
    old = score.performers[position]
    table = data.draw(st.sampled_from(["boundaries", "will_touch", "rider"]))
    value = data.draw({"boundaries": boundaries, "will_touch": will_touch, "rider": rider}[table])
    new = old.model_copy(update={table: data.draw(st.none() | st.just(value))})
    performers = list(score.performers)
    performers[position] = new
    changed = score.model_copy(update={"performers": tuple(performers)})
    families = "NS" if table == "rider" else "B"
    assert _others(check(changed), families) == _others(check(score), families)


def _all(findings: Any) -> Counter[tuple[str, int | None, str, str]]:
    return Counter((f.path, f.beat, f.code, f.message) for f in findings)


def _edited(production: Production, pid: str, data: st.DataObject) -> Production:
    cast = production.by_id.get(pid)
    how = data.draw(st.sampled_from(["boundaries", "will_touch", "rider", "all", "remove"]))
    if how == "remove" or (cast is None and how != "all"):
        if cast is None:
            # Someone the cast does not have (a scene-only performer, or nobody) joins it.
            return production.with_performer(data.draw(performer).model_copy(update={"id": pid}))
        kept = tuple(p for p in production.performers if p.id != pid)
        return production.model_copy(update={"performers": kept})
    drawn = data.draw(performer).model_copy(update={"id": pid})
    if how == "all" or cast is None:
        return production.with_performer(drawn)
    return production.with_performer(cast.model_copy(update={how: getattr(drawn, how)}))


@EXAMPLES
@given(productions, st.lists(layers, min_size=2, max_size=3), st.data())
def test_scenes_sharing_one_production_read_recheck_like_a_full_check(
    production: Production, scene_layers: list[SceneLayer], data: st.DataObject
) -> None:
    # One read of production.toml for every scene, as ``choreo check DIR`` and the
    # app's ripple do: cast members are shared objects, some scenes override them.
    ids = sorted({p.id for p in production.performers} | {"ana", "ben", "cara", "dana"})
    pid = data.draw(st.sampled_from(ids))
    paths = [f"s{n}.score.toml" for n in range(len(scene_layers))]
    scenes = [
        merge(production, layer, path) for layer, path in zip(scene_layers, paths, strict=True)
    ]
    findings = {s.path: check_production_scene(s) for s in scenes}
    current = production
    for _ in range(2):
        current = _edited(current, pid, data)
        items = {item.scene.path: item for item in recheck(scenes, current, pid)}
        scenes = [items[s.path].scene if s.path in items else s for s in scenes]
        for path, item in items.items():
            findings[path] = item.applied_to(findings[path])
    for layer, path in zip(scene_layers, paths, strict=True):
        full = check_production_scene(merge(current, layer, path))
        assert _all(findings[path]) == _all(full), path
        # In the same order as a full check, too.
        assert [(f.beat, f.code) for f in findings[path] if f.beat is not None] == [
            (f.beat, f.code) for f in full if f.beat is not None
        ], path


@EXAMPLES
@given(productions, layers, layers, st.data())
def test_what_a_layer_keeps_follows_its_beats(
    production: Production, layer: SceneLayer, other: SceneLayer, data: st.DataObject
) -> None:
    scene = merge(production, layer)
    check_production_scene(scene)
    again = merge(production, layer)
    assert again.breakdown == Breakdown.of(layer.beats)
    assert again.score.blocking == every_beat(again.score)
    # A copy of the layer with other beats (an edit), or a scene whose score holds
    # other beats than its layer, never answers from what the old beats gave.
    moved = layer.model_copy(update={"beats": other.beats})
    assert merge(production, moved).breakdown == Breakdown.of(other.beats)
    assert merge(production, moved).score.blocking == every_beat(merge(production, moved).score)
    if production.performers:
        pid = data.draw(st.sampled_from([p.id for p in production.performers]))
        changed = production.with_performer(data.draw(performer).model_copy(update={"id": pid}))
        fresh = recast(scene, changed, pid)
        assert fresh.score == remerge(scene, production=changed).score
        assert fresh.score.blocking == every_beat(fresh.score)
        assert fresh.score.by_id == {p.id: p for p in fresh.score.performers}
