"""The samples carry the schema they name, so TOML editors validate them as they stand."""

from __future__ import annotations

from conftest import SAMPLES

from notation.schema import schema_text


def test_the_schema_beside_the_samples_is_the_current_one() -> None:
    beside = (SAMPLES / "score-1.schema.json").read_text(encoding="utf-8")
    assert beside == schema_text(), (
        "run: choreo schema -o sample_scenes/score-1.schema.json --force"
    )


def test_every_sample_names_the_schema_beside_it() -> None:
    for sample in SAMPLES.glob("*.score.toml"):
        first = sample.read_text(encoding="utf-8").splitlines()[0]
        assert first == "#:schema ./score-1.schema.json", sample.name
