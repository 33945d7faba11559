"""The JSON Schema of format 1: shipped, printed, in step with the models, and valid for samples."""

from __future__ import annotations

import json
import tomllib
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel
from test_roundtrip import scores

from choreo_tui.cli import main
from notation import dumps, loads
from notation.json_schema import LINK, document
from notation.model import (
    Agreed,
    AreaRule,
    Barrier,
    Beat,
    BeatGarment,
    Boundaries,
    Garment,
    LogEntry,
    Performer,
    Placement,
    Rider,
    Scene,
    Score,
    Timing,
    Touch,
    WillTouch,
)
from notation.schema import (
    DRAFT,
    SCHEMA_FILE,
    as_json_data,
    build_schema,
    schema_text,
    shipped_schema_text,
)
from notation.writing import SCHEMA_COMMENT

SAMPLES = Path(__file__).resolve().parent.parent / "sample_scenes"

DEFS: dict[str, type[BaseModel]] = {
    "scene": Scene,
    "performer": Performer,
    "boundaries": Boundaries,
    "will_touch": WillTouch,
    "rider": Rider,
    "garment": Garment,
    "beat_garment": BeatGarment,
    "timing": Timing,
    "touch": Touch,
    "placement": Placement,
    "barrier": Barrier,
    "agreed": Agreed,
    "beat": Beat,
    "log_entry": LogEntry,
}


def _keys(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def test_the_shipped_file_is_the_generated_schema() -> None:
    assert shipped_schema_text() == schema_text(), (
        "regenerate it: choreo schema -o notation/score-1.schema.json --force"
    )


def test_the_schema_is_draft_2020_12_with_its_dollar_schema() -> None:
    schema = json.loads(schema_text())
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["version"]["const"] == 1
    assert schema["properties"]["format"]["const"] == "choreo-score"
    assert schema["required"] == ["format", "version", "scene"]


@pytest.mark.parametrize("name", sorted(DEFS))
def test_each_table_lists_exactly_the_model_keys(name: str) -> None:
    definition = build_schema()["$defs"][name]
    assert set(definition["properties"]) == _keys(DEFS[name])
    assert definition["additionalProperties"] is False
    required = {
        info.alias or field for field, info in DEFS[name].model_fields.items() if info.is_required()
    }
    assert set(definition.get("required", ())) == required


def test_the_top_level_and_area_rules_match_the_models() -> None:
    schema = build_schema()
    assert set(schema["properties"]) == _keys(Score)
    rule = schema["$defs"]["area_rule"]["oneOf"][1]
    assert set(rule["properties"]) == _keys(AreaRule)
    conditions = typing.get_args(typing.get_args(AreaRule.model_fields["only"].annotation)[0])
    assert rule["properties"]["only"]["items"]["enum"] == list(conditions)


def test_saved_scores_begin_by_naming_the_shipped_schema() -> None:
    score = loads('format = "choreo-score"\nversion = 1\n[scene]\ntitle = "T"\n')
    text = dumps(score)
    assert text.splitlines()[0] == SCHEMA_COMMENT == f"#:schema ./{SCHEMA_FILE}"
    assert dumps(loads(text)) == text


def test_choreo_schema_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()


def test_choreo_schema_writes_beside_scores_and_never_overwrites(tmp_path: Path) -> None:
    assert main(["schema", "-o", str(tmp_path)]) == 0
    written = tmp_path / SCHEMA_FILE
    assert written.read_text(encoding="utf-8") == schema_text()
    written.write_text("{}", encoding="utf-8")
    assert main(["schema", "-o", str(written)]) == 2
    assert written.read_text(encoding="utf-8") == "{}"
    assert main(["schema", "-o", str(written), "--force"]) == 0
    assert written.read_text(encoding="utf-8") == schema_text()


def _validator() -> Any:
    # jsonschema is in the test extra; the checks that need it skip without it.
    jsonschema = pytest.importorskip("jsonschema")
    schema = build_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _errors(text: str) -> list[str]:
    data = as_json_data(tomllib.loads(text))
    return [error.message for error in _validator().iter_errors(data)]


SAMPLE_FILES = sorted(SAMPLES.glob("*.score.toml"))


@pytest.mark.skipif(not SAMPLE_FILES, reason="no sample scores in sample_scenes/ yet")
@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_validates(path: Path) -> None:
    assert _errors(path.read_text(encoding="utf-8")) == []


def test_a_score_using_every_key_validates() -> None:
    from test_export import FULL  # the export tests' fixture sets every field

    assert _errors(FULL) == []


HEAD = 'format = "choreo-score"\nversion = 1\n[scene]\ntitle = "T"\n'


@pytest.mark.parametrize(
    "body",
    [
        '[[performers]]\nid = "Ana"\nname = "A"\n',  # id not a slug
        '[[performers]]\nid = "ana"\nname = "A"\n[performers.boundaries.areas]\nelbow = "no"\n',
        '[[beats]]\n[[beats.touches]]\nby = "a"\nto = "b"\non = "lips"\nactoin = "kiss"\n',
        '[[beats]]\n[[beats.barriers]]\nkind = "pillow"\nbetween = ["a", "a"]\n',
        '[[beats]]\n[[beats.garments]]\nwho = "a"\nkind = "other"\n',
        "[[beats]]\n[beats.timing]\ncounts = 0\n",
        '[[beats]]\n[[beats.placements]]\nwho = "a"\narea = "CENTER"\n',
        '[[log]]\nat = 2026-01-01T10:00:00Z\nevent = "party"\n',
    ],
)
def test_what_does_not_load_does_not_validate(body: str) -> None:
    text = HEAD + body
    with pytest.raises(Exception, match="error"):
        loads(text)
    assert _errors(text)


def test_version_2_does_not_validate() -> None:
    assert _errors(HEAD.replace("version = 1", "version = 2"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scores)
def test_every_score_choreo_can_save_validates(score: Score) -> None:
    # The schema must never reject what Choreo itself writes and reads.
    assert _errors(dumps(score)) == []


def test_the_schema_is_generated_from_the_models_as_a_whole_document() -> None:
    # Nothing of the schema is written by hand but the area names and the notes:
    # a model's docstring is its description, a default is the model's default.
    schema = build_schema()
    touch = schema["$defs"]["touch"]
    assert touch["description"] == Touch.__doc__
    assert touch["properties"]["with"] == {
        "$ref": "#/$defs/area",
        "default": "hand",
        "description": "the contact surface on `by`",
    }
    assert schema["$defs"]["area"]["enum"][:3] == ["body", "head", "hair"]
    assert schema["$defs"]["scene"]["properties"]["tempo"]["default"] == 60
    text = json.dumps(schema)
    assert "null" not in text, "TOML has no null: an optional key is absent"
    assert LINK not in text


def test_a_note_for_a_key_the_models_do_not_have_fails_loudly() -> None:
    with pytest.raises(KeyError):
        document(Scene, schema_id="x", title="t", description="d", notes={"top": {"nope": "x"}})


def test_a_link_without_its_definition_fails_loudly() -> None:
    with pytest.raises(KeyError, match="area"):
        document(Touch, schema_id="x", title="t", description="d")
