"""The production commands: check DIR, a scene checked alone, show, production init, agree,
export and schema on productions. Formats, exit codes, and never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from production_fixtures import PRODUCTION, SCENE_ONE, make_production

from choreo_tui.cli import main
from choreo_tui.lock import ScoreLock
from notation import check, load
from notation.production import ProductionScene, load_layer, open_score
from notation.production.folder import check_paths

SAMPLES = ROOT / "sample_scenes"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# -- check DIR -------------------------------------------------------------------------


def test_check_dir_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_production(tmp_path / "show")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "show"], capsys)
    assert code == 1  # Kit's C403 (no guardian in the cast)
    lines = out.splitlines()
    kit = PRODUCTION.splitlines().index('id = "kit"')  # the line of its [[performers]]
    assert lines[0] == (
        f"show/production.toml:{kit}: C403 error: scene: Kit Lowe is a minor and no guardian is "
        "recorded. Name the guardian or additional adult who will be present."
    )
    assert sum("C403" in line for line in lines) == 1
    assert all(
        line.startswith(("show/production.toml:", "show/one.score.toml:", "show/two"))
        for line in lines
    )
    assert "3 files checked" in err


def test_check_dir_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_production(tmp_path)
    code, out, _ = run(["check", str(folder), "--format", "json"], capsys)
    document = json.loads(out)
    assert code == 1 and document["errors"] == []
    paths = {Path(f["path"]).name for f in document["findings"]}
    assert paths <= {"production.toml", "one.score.toml", "two.score.toml"}
    c403 = [f for f in document["findings"] if f["code"] == "C403"]
    assert len(c403) == 1 and c403[0]["path"].endswith("production.toml")
    assert set(c403[0]) == {"path", "line", "beat", "code", "severity", "message"}


def test_a_scene_checked_alone_finds_its_production(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_production(tmp_path)
    code, out, _ = run(["check", str(folder / "two.score.toml")], capsys)
    # Kit's guardian is given in this scene: no C403, and the cast's defaults apply.
    assert code == 0, out
    assert "C402" not in out


def test_unreadable_production_is_exit_2_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_production(tmp_path, production=PRODUCTION.replace('medium = "tv"', "medium ="))
    code, out, err = run(["check", str(folder), "--format", "json"], capsys)
    assert code == 2
    errors = json.loads(out)["errors"]
    assert len(errors) == 1
    assert errors[0]["path"].endswith("production.toml") and errors[0]["line"] == 6
    code, _, err = run(["check", str(folder / "one.score.toml")], capsys)
    assert code == 2 and "production.toml:6: error: not valid TOML" in err


def test_plain_folder_checks_every_score(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", str(SAMPLES)], capsys)
    assert code == 1  # the problems demo
    assert f"{len(list(SAMPLES.glob('*.score.toml')))} files checked" in err


def test_strict_and_clean_production(capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(SAMPLES / "northern-light")
    assert run(["check", folder], capsys)[0] == 0
    assert run(["check", folder, "--strict"], capsys)[0] == 0  # P602 is info


# -- show -------------------------------------------------------------------------------


def test_show_says_where_values_come_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    folder = make_production(tmp_path)
    path = folder / "one.score.toml"
    path.write_text(
        SCENE_ONE.replace(
            "[[beats]]",
            '[[performers]]\nid = "ana"\n\n[performers.boundaries.areas]\nknee = "no"\n\n[[beats]]',
            1,
        )
    )
    code, out, _ = run(["show", str(path)], capsys)
    assert code == 0
    assert "Where each value comes from" in out
    row = next(line for line in out.splitlines() if "Ana Reyes" in line and "boundaries" in line)
    assert "boundaries: knee" in row and "upper_back" in row
    assert "Tide Line" in out  # the production's title as the scene's production


# -- production init ---------------------------------------------------------------------


def _copy_samples(folder: Path) -> list[Path]:
    folder.mkdir()
    for sample in SAMPLES.glob("*.score.toml"):
        shutil.copy(sample, folder / sample.name)
    return sorted(folder.glob("*.score.toml"))


def test_init_from_the_samples_loses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "block"
    paths = _copy_samples(folder)
    before = {p.name: (load(p), {(f.beat, f.code) for f in check(load(p))}) for p in paths}
    code, out, _ = run(["production", "init", str(folder), "--title", "Block one"], capsys)
    assert code == 0, out
    assert "Moved into the cast (14):" in out and "Stayed as scene overrides:" in out
    for path in paths:
        opened = open_score(path)
        assert isinstance(opened, ProductionScene)
        original, found = before[path.name]
        assert opened.score.by_id == original.by_id
        assert opened.score.beats == original.beats
        after = {(f.beat, f.code) for f in check_paths([str(path)]).findings}
        assert {x for x in found if x[1] != "C403"} == {x for x in after if x[1] != "C403"}
        assert ((None, "C403") in found) == ((None, "C403") in after)
    # The scene files hold no cast: a performer's name lives in production.toml only.
    assert "Jules Notreal" not in (folder / "harbour-night.score.toml").read_text()
    assert "Jules Notreal" in (folder / "production.toml").read_text()


def test_init_keeps_differences_as_overrides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    orchard = (SAMPLES / "orchard-kiss.score.toml").read_text()
    (folder / "a.score.toml").write_text(orchard)
    # The same people; in this copy one of them has a narrower record (knees: no).
    narrower = orchard.replace(
        "[performers.boundaries.areas]\n", '[performers.boundaries.areas]\nknee = "no"\n', 1
    )
    assert narrower != orchard
    (folder / "b.score.toml").write_text(narrower)
    code, out, _ = run(["production", "init", str(folder)], capsys)
    assert code == 0, out
    layer = load_layer(folder / "b.score.toml")
    overridden = [e for e in layer.performers if e.boundaries is not None]
    assert len(overridden) == 1 and "knee" in overridden[0].boundaries.areas  # type: ignore[union-attr]
    assert "Check with" in out and "b.score.toml" in out
    assert not [f for f in check_paths([str(folder)]).findings if f.code == "P602"]


def test_init_refuses_an_existing_production(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_production(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, _, err = run(["production", "init", str(folder)], capsys)
    assert code == 2 and "a production already exists here" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_init_refuses_an_unreadable_score_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "block"
    paths = _copy_samples(folder)
    paths[0].write_text(paths[0].read_text().replace("[scene]", "[scene", 1))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, _, err = run(["production", "init", str(folder)], capsys)
    assert code == 2 and "nothing was written" in err and paths[0].name in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_init_refuses_while_a_score_is_being_edited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "block"
    paths = _copy_samples(folder)
    before = {p.name: p.read_bytes() for p in paths}
    lock = ScoreLock(paths[1])
    assert lock.acquire() is None
    try:
        code, _, err = run(["production", "init", str(folder)], capsys)
    finally:
        lock.release()
    assert code == 2 and "nothing was written" in err
    assert {p.name: p.read_bytes() for p in paths} == before
    assert not (folder / "production.toml").exists()


def test_init_of_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["production", "init", str(tmp_path)], capsys)
    assert code == 2 and "no *.score.toml files" in err


# -- agree, export, schema on a production scene -------------------------------------------


def test_agree_writes_back_only_the_scene(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_production(tmp_path)
    production_before = (folder / "production.toml").read_bytes()
    code, out, _ = run(["agree", str(folder / "one.score.toml"), "1", "--by", "ana"], capsys)
    assert code == 0 and "Ana Reyes" in out
    text = (folder / "one.score.toml").read_text()
    assert "[beats.agreed]" in text and "Ana Reyes" not in text and "recorded" not in text
    assert (folder / "production.toml").read_bytes() == production_before
    scene = open_score(folder / "one.score.toml")
    assert isinstance(scene, ProductionScene)
    assert scene.score.scene.medium == "tv"  # still inherited, not written into the scene


def test_export_of_a_production_scene(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_production(tmp_path)
    code, out, _ = run(["export", str(folder / "two.score.toml"), "--to", "md", "-o", "-"], capsys)
    assert code == 0
    assert "Ana Reyes as Mara" in out and "Jo Lowe" in out
    assert "PRIVATE-ANA-NOTE" not in out and "PRIVATE-PRODUCTION-NOTE" not in out
    assert "2026-11-20" not in out  # boundaries only with --with-boundaries
    code, out, _ = run(
        ["export", str(folder / "two.score.toml"), "--to", "md", "-o", "-", "--with-boundaries"],
        capsys,
    )
    assert code == 0 and "2026-11-20" in out


def test_schema_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    for kind, title in (
        ("production", "Choreo production, format 1"),
        ("production-score", "Choreo scene score inside a production, format 1"),
    ):
        code, out, _ = run(["schema", "--kind", kind], capsys)
        assert code == 0 and json.loads(out)["title"] == title
