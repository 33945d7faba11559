"""The sample production: realistic, clean but for its one scene-specific consent, canonical,
valid against the schemas its files name, and shipped with the samples."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT

from choreo_tui.cli import main
from choreo_tui.samples import sample_productions
from notation.agreement import is_current
from notation.production import (
    ProductionScene,
    dumps_layer,
    dumps_production,
    loads_layer,
    loads_production,
    open_score,
)
from notation.production.folder import check_paths, scores_under
from notation.production.schema import layer_schema, production_schema, text_of
from notation.schema import as_json_data

FOLDER = ROOT / "sample_scenes" / "northern-light"
SCENES = sorted(p.name for p in FOLDER.glob("*.score.toml"))


def _scenes() -> list[ProductionScene]:
    opened = [open_score(FOLDER / name) for name in SCENES]
    assert all(isinstance(s, ProductionScene) for s in opened)
    return opened  # type: ignore[return-value]


def test_the_sample_production_is_listed_with_the_samples() -> None:
    assert FOLDER.resolve() in [p.resolve() for p in sample_productions()]


def test_it_covers_what_a_production_needs() -> None:
    scenes = _scenes()
    production = scenes[0].production
    assert len(scenes) >= 4
    assert len(production.performers) >= 5
    minors = [p for p in production.performers if p.minor]
    assert minors and all(p.guardian for p in minors)
    day_players = [
        (s.path, p.id) for s in scenes for p in s.score.performers if p.id not in production.by_id
    ]
    assert len(day_players) == 1, "a day player who exists in one scene only"


def test_check_finds_only_the_scene_specific_consent(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = check_paths([str(FOLDER)])
    assert not report.errors
    found = {(Path(f.path).name, f.beat, f.code) for f in report.findings}
    assert found == {("ep4-sc09-bedroom.score.toml", None, "P602")}
    monkeypatch.chdir(ROOT)
    assert main(["check", "sample_scenes/northern-light"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sample_scenes/northern-light/ep4-sc09-bedroom.score.toml:10: P602 info")


def test_p601_is_shown_when_an_entry_names_no_one(tmp_path: Path) -> None:
    for file in FOLDER.iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    ward = tmp_path / "ep4-sc03-ward.score.toml"
    ward.write_text(ward.read_text().replace('name = "Mia Fakenham"\n', ""))
    codes = {(f.beat, f.code) for f in check_paths([str(tmp_path)]).findings}
    assert (None, "P601") in codes


def test_files_are_in_canonical_layout() -> None:
    text = (FOLDER / "production.toml").read_text()
    assert dumps_production(loads_production(text)) == text
    for name in SCENES:
        text = (FOLDER / name).read_text()
        assert dumps_layer(loads_layer(text, name)) == text, name


def test_schemas_beside_it_are_current_and_every_header_holds() -> None:
    assert (FOLDER / "production-1.schema.json").read_text() == text_of(production_schema())
    assert (FOLDER / "production-score-1.schema.json").read_text() == text_of(layer_schema())
    for file in FOLDER.glob("*.toml"):
        first = file.read_text().splitlines()[0]
        assert first.startswith("#:schema ./")
        assert (FOLDER / first.removeprefix("#:schema ./")).is_file(), file.name


def test_files_validate_against_their_schemas() -> None:
    import tomllib

    production = json.loads((FOLDER / "production-1.schema.json").read_text())
    layer = json.loads((FOLDER / "production-score-1.schema.json").read_text())
    data = as_json_data(tomllib.loads((FOLDER / "production.toml").read_text()))
    jsonschema.validate(data, production)
    for name in SCENES:
        jsonschema.validate(as_json_data(tomllib.loads((FOLDER / name).read_text())), layer)
    # And they refuse what the loader refuses.
    bad = dict(data, production={**data["production"], "medum": "tv"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, production)


def test_recorded_agreements_are_current() -> None:
    for scene in _scenes():
        agreed = [b for b in scene.score.beats if b.agreed is not None]
        assert agreed, scene.path
        assert all(is_current(b) for b in agreed)


def test_shipped_schemas_match_the_models() -> None:
    from notation.production.schema import shipped

    assert shipped("production-1.schema.json") == text_of(production_schema())
    assert shipped("production-score-1.schema.json") == text_of(layer_schema())


def test_scores_under_finds_the_scenes() -> None:
    assert [p.name for p in scores_under(FOLDER)] == SCENES
