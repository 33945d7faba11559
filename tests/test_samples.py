"""The bundled sample scores: golden `choreo check` output, clean checks, format coverage.

The samples are the first thing a user opens (the README's quick start) and the
teaching material for every rule, so they must stay realistic, clean where they
claim to be, in Choreo's canonical layout, and together use every key of format 1.
Set CHOREO_UPDATE_GOLDEN=1 to rewrite tests/golden/ after a deliberate change.
"""

from __future__ import annotations

import os
import tomllib
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import notation
from choreo_tui.cli import main
from notation.agreement import is_current
from notation.areas import GROIN, leaves_of
from notation.findings import SEVERITY
from notation.model import Score

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_scenes"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("CHOREO_UPDATE_GOLDEN") == "1"

DEMO = "problems-demo.score.toml"
ALL = sorted(p.name for p in SAMPLES.glob("*.score.toml"))
CLEAN = [name for name in ALL if name != DEMO]

INTENDED: set[tuple[int | None, str]] = {
    (None, "C402"),  # no self-care cue
    (None, "C403"),  # Kit, a minor, has no guardian
    (None, "C405"),  # Cy is touched (beat 19) with no recorded boundaries
    (1, "B101"),
    (2, "B102"),
    (3, "B103"),
    (4, "B104"),
    (5, "B105"),
    (6, "N201"),
    (6, "N203"),
    (7, "N202"),
    (7, "N203"),
    (8, "N203"),
    (9, "S301"),
    (9, "N203"),
    (10, "S302"),
    (10, "N203"),
    (11, "S303"),
    (11, "N203"),
    (12, "C401"),
    (13, "C404"),
    (13, "N203"),
    (14, "T501"),
    (15, "T502"),
    (16, "T503"),
    (17, "T504"),
    (18, "T505"),
}
"""Every (beat, code) the problems demo is written to trigger; beat 19 only feeds C405."""


def _load(name: str) -> Score:
    return notation.load(SAMPLES / name)


def test_the_required_samples_exist() -> None:
    assert "orchard-kiss.score.toml" in ALL
    assert DEMO in ALL
    assert len(CLEAN) >= 4


@pytest.mark.parametrize("name", ALL)
def test_check_output_matches_golden(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    code = main(["check", f"sample_scenes/{name}"])
    out = capsys.readouterr().out
    golden = GOLDEN / f"{name.removesuffix('.score.toml')}.txt"
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert golden.exists(), f"no golden for {name}: run with CHOREO_UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8")
    assert code == (1 if name == DEMO else 0)


@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_findings(name: str) -> None:
    findings = notation.check(_load(name))
    assert not [f for f in findings if f.severity in ("error", "warning")], [
        (f.beat, f.code) for f in findings
    ]
    # Info findings are avoidable in a finished score; a sample shows a finished one.
    assert findings == [], [(f.beat, f.code) for f in findings]


def test_problems_demo_triggers_exactly_the_intended_findings() -> None:
    found = {(f.beat, f.code) for f in notation.check(_load(DEMO))}
    assert found == INTENDED


def test_problems_demo_shows_every_rule_code() -> None:
    # P601/P602 need a production: the sample production shows them (test_production_sample).
    scene_codes = {code for code in SEVERITY if not code.startswith("P6")}
    assert {code for _, code in INTENDED} == scene_codes


def test_every_problem_beat_explains_its_problem() -> None:
    score = _load(DEMO)
    for beat_number, code in INTENDED:
        if beat_number is None:
            assert code in score.scene.notes
        else:
            assert code in score.beats[beat_number - 1].notes, (beat_number, code)


@pytest.mark.parametrize("name", ALL)
def test_samples_are_in_canonical_layout(name: str) -> None:
    # Saving a sample must not change it: what users open is what Choreo writes.
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert notation.dumps(notation.loads(text, name)) == text


@pytest.mark.parametrize("name", CLEAN)
def test_recorded_agreements_are_current(name: str) -> None:
    score = _load(name)
    agreed = [beat for beat in score.beats if beat.agreed is not None]
    assert agreed, "each clean sample records at least one real agreement"
    for beat in agreed:
        assert is_current(beat), beat.title


def test_orchard_kiss_is_a_theatre_kiss_with_a_placeholder() -> None:
    score = _load("orchard-kiss.score.toml")
    assert score.scene.medium == "theatre"
    assert 6 <= len(score.beats) <= 10
    kisses = [t for b in score.beats for t in b.touches if t.action == "kiss"]
    assert kisses and all(t.mouth == "closed" and not t.tongue and t.counts for t in kisses)
    assert any(b.placeholder for b in score.beats)
    assert not any(b.bare or b.simulated for b in score.beats)


def _medium_samples(*media: str) -> list[Score]:
    return [s for s in map(_load, CLEAN) if s.scene.medium in media]


def test_a_film_sample_has_nudity_inside_riders_on_a_closed_set() -> None:
    nude = [s for s in _medium_samples("film") if any(b.bare for b in s.beats)]
    assert nude
    for score in nude:
        assert score.scene.closed_set
        for beat in score.beats:
            for who in beat.bare:
                assert score.by_id[who].rider is not None


def test_a_screen_sample_stages_simulated_sex_with_barriers_and_garments() -> None:
    scenes = [s for s in _medium_samples("film", "tv") if any(b.simulated for b in s.beats)]
    assert scenes
    for score in scenes:
        assert score.scene.closed_set
        for beat in (b for b in score.beats if b.simulated):
            assert beat.barriers
            for who in {t.by for t in beat.touches} | {t.to for t in beat.touches}:
                performer = score.by_id[who]
                assert performer.rider is not None and performer.rider.simulated_sex
                garments = (*performer.garments, *(g for g in beat.garments if g.who == who))
                assert any(GROIN in leaves_of(a) for g in garments for a in g.covered)


def test_a_theatre_sample_has_a_minor_with_a_guardian_and_no_nudity() -> None:
    scenes = [s for s in _medium_samples("theatre") if any(p.minor for p in s.performers)]
    assert scenes
    for score in scenes:
        minors = {p.id for p in score.performers if p.minor}
        assert all(score.by_id[m].guardian.strip() for m in minors)
        assert not any(b.bare or b.simulated for b in score.beats)


# --- format coverage: every key of format 1 appears in some sample -----------------


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models inside a field's type (through Optional, tuple, dict)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found += _models_in(arg)
    return found


def _is_mapping(annotation: Any) -> bool:
    """Whether a field's type is a dict (its keys are data, not format keys)."""
    if typing.get_origin(annotation) is dict:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_mapping(a) for a in typing.get_args(annotation))
    return False


def _key_of(name: str, field: Any) -> str:
    return str(field.alias or name)


def format_keys(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every key path the format allows, e.g. ``beats.touches.with``.

    A dict field's own keys are data (an area, a performer id), written ``*``.
    """
    keys: set[str] = set()
    for name, field in model.model_fields.items():
        path = prefix + _key_of(name, field)
        keys.add(path)
        if _is_mapping(field.annotation):
            path += ".*"
            keys.add(path)
        for sub in _models_in(field.annotation):
            keys |= format_keys(sub, path + ".")
    return keys


def used_keys(model: type[BaseModel], raw: Any, prefix: str = "") -> set[str]:
    """The key paths a raw TOML table uses, read against ``model``."""
    keys: set[str] = set()
    if not isinstance(raw, dict):
        # e.g. `neck = "no"`: an area rule in its short form has no keys of its own.
        return keys
    for name, field in model.model_fields.items():
        key = _key_of(name, field)
        if key not in raw:
            continue
        path = prefix + key
        keys.add(path)
        value = raw[key]
        if _is_mapping(field.annotation):
            if not isinstance(value, dict) or not value:
                continue
            path += ".*"
            keys.add(path)
            children = list(value.values())
        else:
            children = value if isinstance(value, list) else [value]
        for sub in _models_in(field.annotation):
            for child in children:
                keys |= used_keys(sub, child, path + ".")
    return keys


def test_format_keys_walk_the_whole_model() -> None:
    keys = format_keys(Score)
    for expected in (
        "scene.self_care_cue",
        "performers.boundaries.areas.*.only",
        "performers.will_touch.recorded",
        "beats.touches.with",
        "beats.bare.*",
        "beats.garments.who",
        "beats.agreed.digest",
        "log.note",
    ):
        assert expected in keys


def test_samples_together_use_every_key_of_the_format() -> None:
    used: set[str] = set()
    for name in ALL:
        raw = tomllib.loads((SAMPLES / name).read_text(encoding="utf-8"))
        used |= used_keys(Score, raw)
    assert format_keys(Score) - used == set()
