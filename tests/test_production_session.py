"""The editor's production files: cast changes split by the answer, production.toml
written under its lock without losing another editor's change, and the ripple."""

from __future__ import annotations

from pathlib import Path

import pytest
from production_fixtures import make_production

from choreo_tui.production.ripple import ripple_report
from choreo_tui.production.session import ProductionSession
from notation.model import AreaRule, Performer, Score
from notation.production import load_layer, load_production, open_score
from notation.production.cast_merge import merge_cast, parts_of, performer_of


def _with_area(performer: Performer, area: str, status: str) -> Performer:
    table = performer.boundaries
    assert table is not None
    areas = {**table.areas, area: AreaRule(status=status)}
    return performer.model_copy(update={"boundaries": table.model_copy(update={"areas": areas})})


def _edit(score: Score, performer: Performer) -> Score:
    return score.replace(
        performers=tuple(performer if p.id == performer.id else p for p in score.performers)
    )


def _session(tmp_path: Path, name: str = "one") -> tuple[ProductionSession, Score]:
    folder = make_production(tmp_path / "prod")
    session = ProductionSession.open(folder / f"{name}.score.toml")
    assert session is not None
    return session, session.scene.score


def test_parts_round_trip(tmp_path: Path) -> None:
    session, _ = _session(tmp_path)
    for performer in session.production.performers:
        assert performer_of(parts_of(performer)) == performer


def test_whole_production_change_goes_to_production_toml(tmp_path: Path) -> None:
    session, score = _session(tmp_path)
    ana = _with_area(score.by_id["ana"], "neck", "no")
    plan = session.plan_cast_change(score, _edit(score, ana), {"ana": "production"})
    assert plan.to_production == ("ana",)
    result = session.write_cast(plan)
    assert not result.conflicts
    on_disk = load_production(session.production_path)
    assert on_disk.by_id["ana"].boundaries.areas["neck"].status == "no"  # type: ignore[union-attr]
    session.save(session.scene_after(plan), Path(session.scene.path))
    assert load_layer(session.scene.path).performers == ()


def test_scene_only_change_stays_in_the_scene(tmp_path: Path) -> None:
    session, score = _session(tmp_path)
    ana = _with_area(score.by_id["ana"], "neck", "no")
    plan = session.plan_cast_change(score, _edit(score, ana), {"ana": "scene"})
    assert not plan.touches_production
    session.save(plan.score, Path(session.scene.path))
    layer = load_layer(session.scene.path)
    entry = layer.entry_of("ana")
    assert entry is not None
    assert entry[1].boundaries is not None
    assert entry[1].boundaries.areas["neck"].status == "no"
    on_disk = load_production(session.production_path)
    assert on_disk.by_id["ana"].boundaries.areas["neck"].status == "yes"  # type: ignore[union-attr]


def test_another_editors_change_is_kept(tmp_path: Path) -> None:
    # Two editors read the same cast; the other one writes first (a different area).
    mine, score = _session(tmp_path)
    theirs = ProductionSession.open(mine.production_path.parent / "two.score.toml")
    assert theirs is not None
    other = _with_area(theirs.scene.score.by_id["ana"], "arm", "no")
    theirs.write_cast(
        theirs.plan_cast_change(theirs.scene.score, _edit(theirs.scene.score, other), {})
    )
    ana = _with_area(score.by_id["ana"], "neck", "no")
    result = mine.write_cast(mine.plan_cast_change(score, _edit(score, ana), {}))
    assert result.theirs_changed and not result.conflicts
    areas = load_production(mine.production_path).by_id["ana"].boundaries.areas  # type: ignore[union-attr]
    assert areas["neck"].status == "no"
    assert areas["arm"].status == "no"


def test_same_part_changed_both_ways_is_asked(tmp_path: Path) -> None:
    mine, score = _session(tmp_path)
    theirs = ProductionSession.open(mine.production_path.parent / "two.score.toml")
    assert theirs is not None
    other = _with_area(theirs.scene.score.by_id["ana"], "neck", "ask")
    theirs.write_cast(
        theirs.plan_cast_change(theirs.scene.score, _edit(theirs.scene.score, other), {})
    )
    written = mine.production_path.read_bytes()
    plan = mine.plan_cast_change(
        score, _edit(score, _with_area(score.by_id["ana"], "neck", "no")), {}
    )
    result = mine.write_cast(plan)
    assert [c.part for c in result.conflicts] == ["boundaries.areas.neck"]
    assert "yours: no; on disk: ask" in result.conflicts[0].words()
    assert mine.production_path.read_bytes() == written  # nothing written before asking
    mine.write_cast(plan, prefer="mine")
    areas = load_production(mine.production_path).by_id["ana"].boundaries.areas  # type: ignore[union-attr]
    assert areas["neck"].status == "no"


def test_rebase_takes_the_cast_from_disk(tmp_path: Path) -> None:
    mine, score = _session(tmp_path)
    theirs = ProductionSession.open(mine.production_path.parent / "two.score.toml")
    assert theirs is not None
    other = _with_area(theirs.scene.score.by_id["ana"], "neck", "no")
    theirs.write_cast(
        theirs.plan_cast_change(theirs.scene.score, _edit(theirs.scene.score, other), {})
    )
    assert mine.moved_on()
    fresh = mine.rebase(score)
    assert fresh is not None
    assert fresh.by_id["ana"].boundaries.areas["neck"].status == "no"  # type: ignore[union-attr]
    assert mine.rebase(fresh) is None


def test_a_change_ripples_into_the_other_scene(tmp_path: Path) -> None:
    session, score = _session(tmp_path)
    before = session.production
    ana = _with_area(score.by_id["ana"], "neck", "no")
    session.write_cast(session.plan_cast_change(score, _edit(score, ana), {}))
    report = ripple_report(
        before, session.production, session.production_path, ["ana"], Path(session.scene.path)
    )
    assert [(i.path.name, i.beat, i.code) for i in report.items] == [("two.score.toml", 2, "B101")]
    assert report.words() == "✗ 1 beat in 1 other scene now crosses Ana Reyes's record."


def test_merge_cast_without_other_changes_is_mine(tmp_path: Path) -> None:
    session, score = _session(tmp_path)
    ana = _with_area(score.by_id["ana"], "neck", "no")
    plan = session.plan_cast_change(score, _edit(score, ana), {})
    result = merge_cast(session.production, plan.production, session.production)
    assert result.production == plan.production and not result.theirs_changed
    assert isinstance(open_score(session.scene.path), object)


def test_a_writer_holding_the_lock_is_waited_for_then_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import SoftFileLock

    from choreo_tui import lock as lock_module
    from choreo_tui.production import session as session_module
    from notation.private_write import SaveError

    session, score = _session(tmp_path)
    monkeypatch.setattr(session_module, "LOCK_WAIT", 0.05)
    before = session.production_path.read_bytes()
    held = SoftFileLock(str(lock_module.lock_path_of(session.production_path)), timeout=0)
    held.acquire()
    try:
        plan = session.plan_cast_change(
            score, _edit(score, _with_area(score.by_id["ana"], "neck", "no")), {}
        )
        with pytest.raises(SaveError, match="another editor is writing"):
            session.write_cast(plan)
    finally:
        held.release()
    assert session.production_path.read_bytes() == before
    session.write_cast(plan)  # once the other writer is done, it goes through
    assert session.production_path.read_bytes() != before


def test_the_ripple_counts_only_what_is_new(tmp_path: Path) -> None:
    # Ana's neck is "ask": the other scene's beat 2 (Ben's hand on her neck) already
    # needs her agreement (B104). Adding "light only" keeps just that warning.
    session, score = _session(tmp_path)
    asked = _edit(score, _with_area(score.by_id["ana"], "neck", "ask"))
    session.write_cast(session.plan_cast_change(score, asked, {}))
    session.rebase(asked)
    before = session.production
    ana = asked.by_id["ana"]
    table = ana.boundaries
    assert table is not None
    light = AreaRule(status="ask", only=("light",))
    ana = ana.model_copy(
        update={"boundaries": table.model_copy(update={"areas": {**table.areas, "neck": light}})}
    )
    session.write_cast(session.plan_cast_change(asked, _edit(asked, ana), {}))
    report = ripple_report(
        before, session.production, session.production_path, ["ana"], Path(session.scene.path)
    )
    assert report.items == ()
    assert report.words() == "✓ No beat in another scene newly crosses Ana Reyes's record."


def test_a_scene_file_is_read_again_once_it_changed(tmp_path: Path) -> None:
    from choreo_tui.production.layer_cache import cached_layer

    session, _ = _session(tmp_path)
    path = Path(session.scene.path)
    first = cached_layer(path)
    assert cached_layer(path) is first  # unchanged: not parsed again
    path.write_text(
        path.read_text(encoding="utf-8").replace("the approach", "the long approach"),
        encoding="utf-8",
    )
    assert cached_layer(path).beats[0].title == "the long approach"


def test_the_overview_leaves_out_a_production_in_a_folder_below(tmp_path: Path) -> None:
    from choreo_tui.production.overview import overview

    folder = make_production(tmp_path / "prod")
    make_production(folder / "spin-off")
    found = overview(folder / "production.toml")
    assert sorted(row.path.name for row in found.scenes) == ["one.score.toml", "two.score.toml"]
    assert all(row.path.parent == folder for row in found.scenes)


def test_a_scene_only_change_never_rewrites_production_toml(tmp_path: Path) -> None:
    session, score = _session(tmp_path)
    # A production with a log already, hand-written (not in Choreo's layout).
    path = session.production_path
    path.write_text(
        path.read_text(encoding="utf-8")
        + '\n[[log]]\nat = 2026-11-28T09:15:00+00:00\nevent = "closure"\n',
        encoding="utf-8",
    )
    reopened = ProductionSession.open(Path(session.scene.path))
    assert reopened is not None
    session = reopened
    plan = session.plan_cast_change(
        score, _edit(score, _with_area(score.by_id["ana"], "neck", "no")), {"ana": "scene"}
    )
    assert not plan.touches_production
