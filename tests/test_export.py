"""Director's copies: what leaves the coordinator's file, what never does, and how it reads.

The canary tests plant a unique string in every private field (and a unique
timestamp in the rehearsal log) and look for it in every format; a structural
test walks every field of every model so a field added later must be decided on
in ``notation.sharing.allowlist`` before it can leave.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from notation import check, load, loads
from notation.agreement import digest
from notation.model import Score
from notation.sharing import (
    FORMATS,
    ON_REQUEST,
    WITHHELD,
    agreement_status,
    director_copy,
    export,
)
from notation.sharing.markdown import md_escape

CANARY = "CANARY-7f3a9c"
LOG_STAMP = "2031-07-19T03:17:59"

FULL = f"""
format = "choreo-score"
version = 1

[scene]
title = "Act 1: <the> \\"barn\\" & loft"
production = "Harvest Moon"
medium = "film"
self_care_cue = "hold"
closed_set = true
tempo = 66
coordinator = "Kim Coord"
director = "Dee Rector"
notes = "Shareable scene note."
private_notes = "{CANARY}-scene"

[[performers]]
id = "ana"
name = "Ana Alvarez"
character = "Mara"
minor = true
guardian = "Gus Guardian"
private_notes = "{CANARY}-ana"

[performers.boundaries]
recorded = 2029-02-03
default = "no"

[performers.boundaries.areas]
upper_back = {{ status = "yes", only = ["over_clothing"] }}
inner_thigh_l = {{ status = "ask", only = ["light", "hands_only"] }}

[performers.will_touch]
recorded = 2029-02-04
default = "ask"

[performers.will_touch.areas]
nape = "no"

[performers.rider]
signed = 2029-04-05
may_expose = ["lower_back"]
simulated_sex = true

[[performers.garments]]
kind = "other"
covers = ["knee"]

[[performers]]
id = "ben"
name = "Ben Brook"
private_notes = "{CANARY}-ben"

[[beats]]
title = "the <script>alert(1)</script> reach"
notes = "Shareable beat note."
private_notes = "{CANARY}-beat1"
simulated = true
placeholder = true

[beats.timing]
counts = 4
seconds = 2.5
tempo = 50
cue = "SM: go"

[[beats.touches]]
by = "ben"
with = "hand_r"
to = "ana"
on = "upper_back"
action = "kiss"
pressure = "firm"
over_clothing = true
mouth = "open"
tongue = true
counts = 3
start = 2

[[beats.placements]]
who = "ana"
area = "DSL"
level = "kneeling"
facing = "ben"
on = "the bale"

[[beats.placements]]
who = "ben"
area = "DSL"
level = "lifted"
facing = "US"

[[beats.barriers]]
kind = "bolster"
between = ["ana", "ben"]
at = "hip"

[[beats.garments]]
who = "ben"
kind = "modesty_pouch"
covers = ["groin"]

[beats.bare]
ana = ["lower_back"]

[beats.agreed]
by = ["ana", "ben"]
on = 2029-05-06
digest = "sha256:stale"

[[beats]]
title = "second"
private_notes = "{CANARY}-beat2"

[[log]]
at = {LOG_STAMP}+01:00
event = "hold"
beat = 1
who = ["ana"]
note = "{CANARY}-log"
"""


def full() -> Score:
    """The fixture with a current agreement on beat 2 and a lapsed one on beat 1."""
    score = loads(FULL)
    beats = list(score.beats)
    agreed = beats[0].agreed
    assert agreed is not None
    beats[1] = beats[1].model_copy(
        update={"agreed": agreed.model_copy(update={"digest": digest(beats[1])})}
    )
    return score.replace(beats=tuple(beats))


BOUNDARY_TRACES = ("2029-02-03", "2029-02-04", "2029-04-05", "inner thigh", "inner_thigh", "nape")


@pytest.mark.parametrize("to", FORMATS)
@pytest.mark.parametrize("with_boundaries", [False, True])
def test_no_private_note_or_log_leaves_in_any_format(to: str, with_boundaries: bool) -> None:
    text = export(full(), to, with_boundaries=with_boundaries)
    assert CANARY not in text
    assert LOG_STAMP not in text
    assert "[[log]]" not in text


@pytest.mark.parametrize("to", FORMATS)
def test_without_boundaries_no_boundary_or_rider_data_appears(to: str) -> None:
    text = export(full(), to)
    for trace in BOUNDARY_TRACES:
        assert trace not in text, trace
    for trace in (
        "[performers.b",
        "[performers.r",
        "[performers.w",
        "may_expose",
        "may be bare",
        "simulated sex agreed",
        "ask first",
    ):
        assert trace not in text, trace


@pytest.mark.parametrize("to", FORMATS)
def test_with_boundaries_areas_and_conditions_appear(to: str) -> None:
    text = export(full(), to, with_boundaries=True)
    assert "2029-02-03" in text
    assert "2029-04-05" in text
    if to == "toml":
        assert 'inner_thigh_l = { status = "ask", only = ["light", "hands_only"] }' in text
    else:
        assert "left inner thigh: ask first, only light, hands only" in text
        assert "nape: no" in text


def _walk(original: Any, copy: Any, path: str, seen: set[str], kept: set[str]) -> None:
    """Compare field by field; record every field met with a value other than its default."""
    if isinstance(original, BaseModel):
        name = type(original).__name__
        for field, info in type(original).model_fields.items():
            key = f"{name}.{field}"
            mine, theirs = getattr(original, field), getattr(copy, field)
            default = info.get_default(call_default_factory=True)
            if mine != default:
                seen.add(key)
            if key in WITHHELD:
                assert theirs == default, key
                continue
            kept.add(key)
            _walk(mine, theirs, f"{path}.{field}", seen, kept)
    elif isinstance(original, tuple | list):
        assert len(original) == len(copy), path
        for index, (a, b) in enumerate(zip(original, copy, strict=True)):
            _walk(a, b, f"{path}[{index}]", seen, kept)
    elif isinstance(original, dict):
        assert original.keys() == copy.keys(), path
        for key in original:
            _walk(original[key], copy[key], f"{path}.{key}", seen, kept)
    else:
        assert original == copy, path


def _model_fields(model: type[BaseModel], found: set[str]) -> None:
    for name, info in model.model_fields.items():
        key = f"{model.__name__}.{name}"
        if key in found:
            continue
        found.add(key)
        stack = [info.annotation]
        while stack:
            current = stack.pop()
            if isinstance(current, type) and issubclass(current, BaseModel):
                _model_fields(current, found)
            stack.extend(getattr(current, "__args__", ()))


def test_every_field_of_the_format_is_either_copied_or_withheld_by_name() -> None:
    score = full()
    seen: set[str] = set()
    kept: set[str] = set()
    _walk(score, director_copy(score, with_boundaries=True), "score", seen, kept)
    every: set[str] = set()
    _model_fields(Score, every)
    # The fixture sets every field of the format (but the log's, which is withheld
    # whole) to something other than its default, so no field can pass unchecked.
    # format and version have one possible value; the walk compares them all the same.
    constant = {"Score.format", "Score.version"}
    reachable = {key for key in every if not key.startswith("LogEntry.")} - constant
    assert reachable <= seen, sorted(reachable - seen)
    assert every >= WITHHELD | ON_REQUEST
    without = director_copy(score)
    assert all(p.boundaries is None and p.rider is None for p in without.performers)
    assert all(p.will_touch is None for p in without.performers)


def test_the_toml_copy_is_a_score_that_loads_checks_and_keeps_agreements() -> None:
    score = full()
    text = export(score, "toml")
    copy = loads(text, "copy.score.toml")
    assert copy.log == ()
    assert [b.agreed for b in copy.beats] == [b.agreed for b in score.beats]
    states = [agreement_status(copy, b).state for b in copy.beats]
    assert states == ["lapsed", "current"]
    assert {(f.beat, f.code) for f in check(copy)} >= {(1, "C401")}
    assert text.splitlines()[0].startswith("#:schema")
    assert "Director's copy" in text.splitlines()[1]


def test_toml_copy_with_boundaries_checks_like_the_original() -> None:
    score = full()
    copy = loads(export(score, "toml", with_boundaries=True))
    assert {(f.beat, f.code) for f in check(copy)} == {(f.beat, f.code) for f in check(score)}


def test_html_escapes_every_value_and_has_no_external_reference() -> None:
    text = export(full(), "html")
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;the&gt; &quot;barn&quot; &amp; loft" in text
    assert text.count("<script>") == 1
    # Nothing to fetch: no src/href to another document, no url(), no @import.
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#)""", text)
    assert "url(" not in text and "@import" not in text
    assert "default-src 'none'" in text


def test_html_shows_each_beat_with_plot_timing_touches_and_status() -> None:
    text = export(full(), "html")
    assert text.count('<section class="beat"') == 2
    assert text.count('<svg class="stage-plot"') == 2
    assert 'data-who="ana" data-area="DSL" data-level="kneeling" data-facing="ben"' in text
    assert 'class="barrier" data-kind="bolster"' in text
    assert "CAMERA (downstage)" in text
    assert "4 counts at 50/min + 2.5 s; cue: SM: go" in text
    assert "Ben Brook, right hand, kisses Ana Alvarez&#x27;s upper back" in text
    assert "⚠ lapsed" in text and "✓ current" in text
    assert "Ben Brook: modesty pouch (covers groin)" in text
    assert "Ana Alvarez: other (covers knee) (all scene)" in text
    assert "Ana Alvarez: bare lower back" in text
    assert "@media print" in text
    assert "minor; guardian: Gus Guardian" in text


def test_markdown_reads_plainly_and_escapes_markup() -> None:
    text = export(full(), "md")
    assert text.startswith('# Act 1: \\<the\\> "barn" & loft\n')
    assert "### Beat 1: the \\<script\\>alert(1)\\</script\\> reach" in text
    assert "**Agreement:** ⚠ lapsed:" in text
    assert "**Agreement:** ✓ current: Agreed by Ana Alvarez and Ben Brook on 2029-05-06." in text
    assert "- Ben Brook, right hand, kisses Ana Alvarez's upper back: firm" in text
    assert "**Self-care cue:**" in text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("[link](http://x)", "\\[link\\](http\\[:\\]//x)"),
        ("1. not a list", "1\\. not a list"),
        ("- not an item", "\\- not an item"),
        ("<b>bold</b>", "\\<b\\>bold\\</b\\>"),
        ("a *b* _c_ `d`", "a \\*b\\* \\_c\\_ \\`d\\`"),
        ("two\nlines", "two lines"),
        ("tempo 72.5 & more", "tempo 72.5 & more"),
    ],
)
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


def test_an_empty_score_exports_in_every_format() -> None:
    score = loads('format = "choreo-score"\nversion = 1\n[scene]\ntitle = "Empty"\n')
    for to in FORMATS:
        text = export(score, to)
        assert "Empty" in text
    assert "No beats yet." in export(score, "html")


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(full(), "pdf")


def test_a_current_agreement_missing_someone_in_the_beat_is_partial() -> None:
    score = full()
    beat = score.beats[1].model_copy(update={"placements": score.beats[0].placements})
    agreed = beat.agreed
    assert agreed is not None
    beat = beat.model_copy(
        update={"agreed": agreed.model_copy(update={"by": ("ana",), "digest": digest(beat)})}
    )
    status = agreement_status(score, beat)
    assert (status.state, status.mark) == ("partial", "⚠")
    assert status.text.endswith("Not yet agreed by Ben Brook.")


SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_scenes").glob("*.score.toml"))


@pytest.mark.skipif(not SAMPLES, reason="no sample scores yet")
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_exports_and_its_toml_copy_checks_like_it(path: Path) -> None:
    score = load(path)
    for to in FORMATS:
        text = export(score, to)
        for p in score.performers:
            if p.private_notes:
                assert p.private_notes not in text
        for b in score.beats:
            if b.private_notes:
                assert b.private_notes not in text
    copy = loads(export(score, "toml", with_boundaries=True))
    assert {(f.beat, f.code) for f in check(copy)} == {(f.beat, f.code) for f in check(score)}


def test_markdown_shows_control_and_bidi_characters_escaped_never_raw() -> None:
    # md_escape folds whitespace: a NEL (U+0085) or an information separator (U+001F)
    # used to become a plain space, and ESC went into the file raw.
    from notation.sharing.markdown import md_escape

    shown = md_escape("Ana\x1b]0;t\x07 B\x85n\u202e C\x1fy\ttab")
    assert "\x1b" not in shown and "\x85" not in shown and "\u202e" not in shown
    assert "\x07" not in shown and "\x1f" not in shown
    assert "x1b" in shown and "x85" in shown and "u202e" in shown and "x1f" in shown
    assert shown.endswith("y tab"), "tabs and newlines still fold to a space"
