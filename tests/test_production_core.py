"""The production core: loading with lines, merging, P601/P602, C403 once, saving, editing."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from production_fixtures import PRODUCTION, SCENE_ONE, make_production

from notation import LoadError, check, dumps, load, loads
from notation.model import AreaRule
from notation.production import (
    ProductionScene,
    apply_performer_edit,
    check_production,
    check_production_scene,
    dumps_layer,
    dumps_production,
    find_production,
    loads_production,
    open_score,
    recheck,
    ripple,
    save_layer,
    save_production,
    split,
)


def scene_at(path: Path) -> ProductionScene:
    opened = open_score(path)
    assert isinstance(opened, ProductionScene)
    return opened


def codes_of(findings: list) -> set[tuple[int | None, str]]:  # type: ignore[type-arg]
    return {(f.beat, f.code) for f in findings}


# -- loading production.toml -----------------------------------------------------


def test_production_loads_with_its_cast() -> None:
    production = loads_production(PRODUCTION)
    assert production.production.title == "Tide Line"
    assert [p.id for p in production.performers] == ["ana", "ben", "kit"]
    assert (
        production.line_of("performers", 1)
        == PRODUCTION.splitlines().index("[[performers]]", 20) + 1
    )


def _problem(text: str) -> tuple[int | None, str]:
    with pytest.raises(LoadError) as caught:
        loads_production(text, "production.toml")
    problem = caught.value.problems[0]
    assert "Traceback" not in caught.value.render()
    return problem.line, problem.message


def test_unknown_key_names_line_and_valid_keys() -> None:
    text = PRODUCTION.replace('medium = "tv"', 'medum = "tv"')
    line, message = _problem(text)
    assert line == 6
    assert "`medum`" in message and "did you mean `medium`" in message
    assert "title" in message  # the valid keys of [production] are listed


def test_bad_id_names_line() -> None:
    text = PRODUCTION.replace('id = "kit"', 'id = "Kit Lowe"')
    line, message = _problem(text)
    assert line == text.splitlines().index('id = "Kit Lowe"') + 1
    assert "must be an id" in message
    assert "Kit Lowe" not in message  # values from the file never reach a message


def test_duplicate_id_points_at_the_duplicate() -> None:
    text = PRODUCTION.replace('id = "kit"', 'id = "ana"')
    line, message = _problem(text)
    assert line == text.splitlines().index("[[performers]]", 40) + 1 or line is not None
    assert "same id as performer 1" in message


def test_a_score_is_not_a_production() -> None:
    _, message = _problem(SCENE_ONE)
    assert "scene score, not a production" in message


def test_newer_version_refused() -> None:
    _, message = _problem(PRODUCTION.replace("version = 1", "version = 2"))
    assert "newer Choreo" in message


def test_missing_title() -> None:
    line, message = _problem(PRODUCTION.replace('title = "Tide Line"\n', ""))
    assert line == 4 and "missing the required key `title`" in message


def test_syntax_error_has_line() -> None:
    line, message = _problem(PRODUCTION.replace('character = "Mara"', "character = "))
    assert line == PRODUCTION.splitlines().index('character = "Mara"') + 1
    assert "not valid TOML" in message


# -- discovery and merging --------------------------------------------------------


def test_find_production_in_folder_or_above(tmp_path: Path) -> None:
    make_production(tmp_path)
    deeper = tmp_path / "block-2" / "ep3"
    deeper.mkdir(parents=True)
    (deeper / "x.score.toml").write_text(SCENE_ONE)
    found = find_production(deeper / "x.score.toml")
    assert found is not None and found.resolve() == (tmp_path / "production.toml").resolve()


def test_standalone_score_is_unchanged(tmp_path: Path, samples: Path) -> None:
    for path in sorted(samples.glob("*.score.toml")):
        copy = tmp_path / path.name
        copy.write_bytes(path.read_bytes())
        opened = open_score(copy)
        assert not isinstance(opened, ProductionScene)
        assert opened == load(copy)
        assert check(opened) == check(load(copy))


def test_scene_defaults_come_from_production(tmp_path: Path) -> None:
    make_production(tmp_path)
    one = scene_at(tmp_path / "one.score.toml").score.scene
    assert (one.medium, one.self_care_cue, one.closed_set, one.production) == (
        "tv",
        "hold",
        True,
        "Tide Line",
    )
    two = scene_at(tmp_path / "two.score.toml").score.scene
    assert two.self_care_cue == "pause"


def test_roster_is_who_the_scene_names(tmp_path: Path) -> None:
    make_production(tmp_path)
    assert [p.id for p in scene_at(tmp_path / "one.score.toml").score.performers] == [
        "ana",
        "ben",
    ]
    two = scene_at(tmp_path / "two.score.toml").score
    assert [p.id for p in two.performers] == ["ana", "ben", "kit"]
    assert two.by_id["kit"].guardian == "Jo Lowe"


def test_boundaries_layer_replaces_only_its_keys(tmp_path: Path) -> None:
    make_production(tmp_path)
    path = tmp_path / "one.score.toml"
    path.write_text(
        SCENE_ONE.replace(
            "[[beats]]",
            '[[performers]]\nid = "ana"\n\n[performers.boundaries.areas]\nneck = "no"\n\n[[beats]]',
            1,
        )
    )
    scene = scene_at(path)
    ana = scene.score.by_id["ana"]
    assert ana.boundaries is not None
    assert ana.boundaries.areas["neck"] == AreaRule(status="no")
    assert ana.boundaries.areas["upper_back"] == AreaRule(status="yes")
    assert ana.boundaries.recorded is not None
    assert scene.sources("ana")["boundaries.areas.neck"] == "scene"
    assert scene.sources("ana")["boundaries.areas.upper_back"] == "cast"
    assert scene.sources("ana")["name"] == "cast"
    # The narrowed neck now gives B101 on beat 1, at the scene's touch line.
    found = check_production_scene(scene)
    b101 = [f for f in found if f.code == "B101"]
    assert b101 and b101[0].beat == 1 and b101[0].path == str(path)
    assert b101[0].line == path.read_text().splitlines().index("[[beats.touches]]") + 1


# -- P601 / P602 -------------------------------------------------------------------


def _with_entry(tmp_path: Path, entry: str) -> ProductionScene:
    make_production(tmp_path)
    path = tmp_path / "one.score.toml"
    path.write_text(SCENE_ONE.replace("[[beats]]", entry + "\n[[beats]]", 1))
    return scene_at(path)


@pytest.mark.parametrize("trigger", [True, False])
def test_p601_unknown_id_without_name(tmp_path: Path, trigger: bool) -> None:
    entry = '[[performers]]\nid = "zed"\n' + ("" if trigger else 'name = "Zed Day"\n')
    scene = _with_entry(tmp_path, entry)
    found = check_production_scene(scene)
    assert ((None, "P601") in codes_of(found)) is trigger
    if trigger:
        p601 = next(f for f in found if f.code == "P601")
        assert p601.line == 7 and p601.path == scene.path
    else:
        assert "zed" in scene.score.by_id  # a day player of this scene only


@pytest.mark.parametrize(
    ("areas", "trigger"),
    [
        ('lips = "yes"', True),  # ask -> yes
        ('lips = { status = "ask" }', True),  # drops closed_mouth
        ('neck = "ask"', False),  # yes -> ask narrows
        ('lips = { status = "no" }', False),  # narrows
        ('lips = { status = "ask", only = ["closed_mouth", "light"] }', False),  # adds
    ],
)
def test_p602_widened_boundaries(tmp_path: Path, areas: str, trigger: bool) -> None:
    entry = f'[[performers]]\nid = "ana"\n\n[performers.boundaries.areas]\n{areas}\n'
    found = check_production_scene(_with_entry(tmp_path, entry))
    assert ((None, "P602") in codes_of(found)) is trigger
    if trigger:
        p602 = next(f for f in found if f.code == "P602")
        assert p602.line == 7 and "Ana Reyes" in p602.message and "lips" in p602.message


@pytest.mark.parametrize(("default", "trigger"), [('"yes"', True), ('"no"', False)])
def test_p602_widened_default(tmp_path: Path, default: str, trigger: bool) -> None:
    entry = f'[[performers]]\nid = "ana"\n\n[performers.boundaries]\ndefault = {default}\n'
    found = check_production_scene(_with_entry(tmp_path, entry))
    assert ((None, "P602") in codes_of(found)) is trigger


@pytest.mark.parametrize(("expose", "trigger"), [('["chest"]', True), ("[]", False)])
def test_p602_widened_rider(tmp_path: Path, expose: str, trigger: bool) -> None:
    entry = f'[[performers]]\nid = "ana"\n\n[performers.rider]\nmay_expose = {expose}\n'
    found = check_production_scene(_with_entry(tmp_path, entry))
    assert ((None, "P602") in codes_of(found)) is trigger


def test_p602_for_will_touch(tmp_path: Path) -> None:
    make_production(tmp_path)
    text = PRODUCTION.replace(
        '[[performers]]\nid = "kit"',
        '[performers.will_touch.areas]\nface = "no"\n\n[[performers]]\nid = "kit"',
    )
    (tmp_path / "production.toml").write_text(text)
    path = tmp_path / "one.score.toml"
    entry = '[[performers]]\nid = "ben"\n\n[performers.will_touch.areas]\nface = "yes"\n'
    path.write_text(SCENE_ONE.replace("[[beats]]", entry + "\n[[beats]]", 1))
    assert (None, "P602") in codes_of(check_production_scene(scene_at(path)))


# -- C403 once, on production.toml -------------------------------------------------


def test_c403_from_cast_points_into_production_once(tmp_path: Path) -> None:
    make_production(tmp_path)
    (tmp_path / "two.score.toml").write_text(
        (tmp_path / "two.score.toml").read_text().replace('guardian = "Jo Lowe"\n', "")
    )
    three = tmp_path / "three.score.toml"
    three.write_text((tmp_path / "two.score.toml").read_text())
    scenes = [scene_at(tmp_path / n) for n in ("one.score.toml", "two.score.toml", three.name)]
    production = scenes[0].production
    report = check_production(production, scenes[0].production_path, scenes)
    c403 = [f for findings in report.values() for f in findings if f.code == "C403"]
    assert len(c403) == 1
    assert c403[0].path == scenes[0].production_path
    assert c403[0].line == PRODUCTION.splitlines().index('id = "kit"')  # its [[performers]]
    # A scene that gives the guardian itself has no C403.
    assert "C403" not in {f.code for f in report[scenes[1].path]}


def test_c403_from_a_scene_override_points_into_the_scene(tmp_path: Path) -> None:
    scene = _with_entry(tmp_path, '[[performers]]\nid = "kit"\nguardian = ""\n')
    c403 = [f for f in check_production_scene(scene) if f.code == "C403"]
    assert len(c403) == 1 and c403[0].path == scene.path and c403[0].line == 7


# -- saving --------------------------------------------------------------------------


def test_saving_writes_only_what_the_scene_sets(tmp_path: Path) -> None:
    make_production(tmp_path)
    scene = scene_at(tmp_path / "two.score.toml")
    text = dumps_layer(split(scene, scene.score))
    assert "Ana Reyes" not in text and "Okafor" not in text and "recorded" not in text
    assert 'guardian = "Jo Lowe"' in text
    assert text.startswith("#:schema ./production-score-1.schema.json\n")
    out = tmp_path / "saved.score.toml"
    save_layer(split(scene, scene.score), out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    again = scene_at(out)
    assert again.score == scene.score
    assert dumps_layer(again.layer) == text  # same value, same bytes


def test_production_saves_deterministically(tmp_path: Path) -> None:
    production = loads_production(PRODUCTION)
    path = tmp_path / "production.toml"
    save_production(production, path)
    first = path.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = loads_production(path.read_text())
    assert again == production
    save_production(again, path)
    assert path.read_bytes() == first
    assert dumps_production(production).startswith("#:schema ./production-1.schema.json\n")


def test_merged_view_checks_like_standalone(tmp_path: Path) -> None:
    make_production(tmp_path)
    for name in ("one.score.toml", "two.score.toml"):
        scene = scene_at(tmp_path / name)
        standalone = loads(dumps(scene.score))
        placed = {(f.beat, f.code) for f in check_production_scene(scene)}
        assert placed == {(f.beat, f.code) for f in check(standalone)}


# -- edits and ripples ---------------------------------------------------------------


def test_cast_change_ripples_into_another_scene(tmp_path: Path) -> None:
    make_production(tmp_path)
    one = scene_at(tmp_path / "one.score.toml")
    two = scene_at(tmp_path / "two.score.toml")
    before = {s.path: check_production_scene(s) for s in (one, two)}
    assert "B101" not in {f.code for f in before[two.path]}
    ana = one.score.by_id["ana"]
    assert ana.boundaries is not None
    narrowed = ana.model_copy(
        update={
            "boundaries": ana.boundaries.model_copy(
                update={"areas": {**ana.boundaries.areas, "neck": AreaRule(status="no")}}
            )
        }
    )
    edited = apply_performer_edit(one, ana, narrowed, "production")
    assert edited.production.by_id["ana"].boundaries.areas["neck"].status == "no"  # type: ignore[union-attr]
    assert edited.layer == one.layer  # nothing was written into the scene
    result = recheck([one, two], edited.production, "ana")
    assert [r.scene.path for r in result] == [one.path, two.path]
    by_path = {r.scene.path: r for r in result}
    # Only the beat where Ana's neck is touched: her touch on Ben's arm cannot change.
    assert by_path[two.path].beats == (1,)
    assert (2, "B101") in codes_of(list(by_path[two.path].findings))
    change = ripple("Ana Reyes", before, result)
    assert change.beats == {one.path: (1,), two.path: (2,)}
    assert change.words() == "2 beats in 2 scenes now cross Ana Reyes's record."


def test_scene_only_edit_becomes_an_override(tmp_path: Path) -> None:
    make_production(tmp_path)
    one = scene_at(tmp_path / "one.score.toml")
    ana = one.score.by_id["ana"]
    assert ana.boundaries is not None
    wider = ana.model_copy(
        update={
            "boundaries": ana.boundaries.model_copy(
                update={"areas": {**ana.boundaries.areas, "lips": AreaRule(status="yes")}}
            )
        }
    )
    edited = apply_performer_edit(one, ana, wider, "scene")
    assert edited.production == one.production
    entry = edited.layer.entry_of("ana")
    assert entry is not None and entry[1].boundaries is not None
    assert entry[1].boundaries.areas == {"lips": AreaRule(status="yes")}
    assert (None, "P602") in codes_of(check_production_scene(edited))


def test_production_edit_drops_the_scenes_override_of_that_key(tmp_path: Path) -> None:
    scene = _with_entry(
        tmp_path, '[[performers]]\nid = "ana"\n\n[performers.boundaries.areas]\nneck = "ask"\n'
    )
    ana = scene.score.by_id["ana"]
    assert ana.boundaries is not None
    no_neck = ana.model_copy(
        update={
            "boundaries": ana.boundaries.model_copy(
                update={"areas": {**ana.boundaries.areas, "neck": AreaRule(status="no")}}
            )
        }
    )
    edited = apply_performer_edit(scene, ana, no_neck, "production")
    entry = edited.layer.entry_of("ana")
    assert entry is not None and entry[1].boundaries is not None
    assert "neck" not in entry[1].boundaries.areas
    assert edited.score.by_id["ana"].boundaries.areas["neck"].status == "no"  # type: ignore[union-attr]


def test_removed_area_key_is_pinned_in_the_layer(tmp_path: Path) -> None:
    make_production(tmp_path)
    one = scene_at(tmp_path / "one.score.toml")
    ana = one.score.by_id["ana"]
    assert ana.boundaries is not None
    areas = {k: v for k, v in ana.boundaries.areas.items() if k != "arm"}
    fewer = ana.model_copy(
        update={"boundaries": ana.boundaries.model_copy(update={"areas": areas})}
    )
    edited = apply_performer_edit(one, ana, fewer, "scene")
    merged = edited.score.by_id["ana"]
    from notation.checks.cast import resolve_table

    def statuses(table: object) -> dict[str, tuple[str, tuple[str, ...]]]:
        resolved = resolve_table(table, "ask")  # type: ignore[arg-type]
        return {leaf: (r.status, r.only) for leaf, r in resolved.items()}

    assert statuses(merged.boundaries) == statuses(fewer.boundaries)
