"""Re-checks that reuse what earlier ones worked out still equal a full check.

``recheck`` keeps, per scene, an index of where each performer's touches are
(``ProductionScene.reach_of``), carried to the re-cast scene, and shares one
performer view between the scenes that do not override the performer. These
tests hold both to the full check: the index picks exactly the beats the
touch-by-touch scan picks, two edits in a row (the second re-check working on
the first one's scenes) end where a full check of the twice-changed production
does, and two scenes sharing a cast member's view each get their own findings.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from test_production_properties import EXAMPLES, layers, productions
from test_roundtrip import performer

from notation.production import (
    Production,
    SceneLayer,
    check_production_scene,
    merge,
    recheck,
)
from notation.production.rippling import affected


def _all(findings: Any) -> Counter[tuple[str, int | None, str, str]]:
    return Counter((f.path, f.beat, f.code, f.message) for f in findings)


def _changed(production: Production, data: st.DataObject, pid: str) -> Production:
    old = production.by_id[pid]
    new = data.draw(performer).model_copy(update={"id": pid})
    if data.draw(st.booleans()):
        new = old.model_copy(update={"boundaries": new.boundaries})
    elif data.draw(st.booleans()):
        new = old.model_copy(update={"will_touch": new.will_touch, "rider": new.rider})
    return production.with_performer(new)


@EXAMPLES
@given(productions, layers, st.data())
def test_the_index_picks_the_beats_the_scan_picks(
    production: Production, layer: SceneLayer, data: st.DataObject
) -> None:
    if not production.performers:
        return
    scene = merge(production, layer)
    pid = data.draw(st.sampled_from([p.id for p in production.performers]))
    before = scene.score.by_id.get(pid)
    after = merge(_changed(production, data, pid), layer).score.by_id.get(pid)
    involving = scene.naming.get(pid, ())
    scanned = affected(scene.score, before, after, None, involving)
    indexed = affected(scene.score, before, after, None, involving, scene.reach_of(pid))
    assert indexed == scanned


@EXAMPLES
@given(productions, layers, layers, st.data())
def test_two_edits_in_a_row_equal_a_full_check(
    production: Production, first: SceneLayer, second: SceneLayer, data: st.DataObject
) -> None:
    if not production.performers:
        return
    pid = data.draw(st.sampled_from([p.id for p in production.performers]))
    scenes = [merge(production, first, "a.score.toml"), merge(production, second, "b.score.toml")]
    findings = {s.path: check_production_scene(s) for s in scenes}
    current = production
    for _ in range(2):
        current = _changed(current, data, pid)
        items = {item.scene.path: item for item in recheck(scenes, current, pid)}
        scenes = [items[s.path].scene if s.path in items else s for s in scenes]
        for path, item in items.items():
            findings[path] = item.applied_to(findings[path])
    for layer, path in ((first, "a.score.toml"), (second, "b.score.toml")):
        full = check_production_scene(merge(current, layer, path))
        assert _all(findings[path]) == _all(full), path
