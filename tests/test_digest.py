"""The agreement digest: blind to layout and to words, sensitive to choreography."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from test_roundtrip import beat as roundtrip_beats

from notation import check, loads
from notation.agreement import UNDIGESTED, agree, digest, has_agreed, is_current
from notation.model import (
    Agreed,
    Barrier,
    Beat,
    BeatGarment,
    Placement,
    Timing,
    Touch,
)

HEAD = """format = "choreo-score"
version = 1

[scene]
title = "Digest"
self_care_cue = "hold"

[[performers]]
id = "ana"
name = "Ana"

[[performers]]
id = "ben"
name = "Ben"
"""

COMPACT = """
[[beats]]
title = "the approach"
simulated = true

[beats.timing]
counts = 4
cue = "door"

[[beats.touches]]
by = "ben"
to = "ana"
on = "upper_back"
pressure = "muscle"

[[beats.touches]]
by = "ana"
with = "lips"
to = "ben"
on = "cheek"
action = "kiss"
mouth = "closed"
counts = 2

[[beats.placements]]
who = "ana"
area = "CS"

[[beats.barriers]]
kind = "pillow"
between = ["ana", "ben"]

[[beats.garments]]
who = "ana"
kind = "modesty_pouch"

[beats.bare]
ana = ["upper_back"]
ben = ["back"]
"""

# The same beat: keys reordered, spacing and comments, inline tables, every
# default spelt out, different words in title/notes/private_notes.
REFORMATTED = """
# a comment before the beat
[[beats]]
private_notes = "Ana asked to rehearse this one twice."
simulated    =    true   # still simulated
notes = '''
Story: they meet again.
'''
placeholder = false
title = "the approach, renamed"
timing = { cue = "door", counts = 4 }

[[beats.touches]]
pressure = "muscle"
on = "upper_back"
over_clothing = false
tongue = false
action = "hold"
with = "hand"
to = "ana"
by = "ben"

[[beats.touches]]
counts = 2
mouth = "closed"
action = "kiss"
on = "cheek"
to = "ben"
with = "lips"
by = "ana"
pressure = "light"

[[beats.placements]]
level = "standing"
area = "CS"
who = "ana"
on = ""

[[beats.barriers]]
at = "pelvis"
between = [
  "ana",   # first
  "ben",
]
kind = "pillow"

[[beats.garments]]
kind = "modesty_pouch"
who = "ana"

[beats.bare]
ben = ["back"]
ana = ["upper_back"]
"""


def beat_of(text: str) -> Beat:
    return loads(HEAD + text).beats[0]


def test_reformatting_keeps_the_digest() -> None:
    compact, reformatted = beat_of(COMPACT), beat_of(REFORMATTED)
    assert compact.title != reformatted.title
    assert digest(compact) == digest(reformatted)


def test_an_agreement_survives_reformatting_of_the_file() -> None:
    agreed = f'\n[beats.agreed]\nby = ["ana", "ben"]\ndigest = "{digest(beat_of(COMPACT))}"\n'
    score = loads(HEAD + REFORMATTED + agreed)
    assert is_current(score.beats[0])
    assert has_agreed(score.beats[0], "ana") and has_agreed(score.beats[0], "ben")
    assert "C401" not in {f.code for f in check(score)}


def test_the_digest_is_a_labelled_sha256() -> None:
    value = digest(beat_of(COMPACT))
    assert value.startswith("sha256:") and len(value) == len("sha256:") + 64


def test_the_agreement_itself_is_not_digested() -> None:
    beat = beat_of(COMPACT)
    agreed = beat.model_copy(update={"agreed": Agreed(by=("ana",), on=date(2026, 1, 2))})
    assert digest(agreed) == digest(beat)
    assert {"title", "notes", "private_notes", "agreed"} == UNDIGESTED


@pytest.mark.parametrize("field", ["title", "notes", "private_notes"])
def test_words_do_not_change_the_digest(field: str) -> None:
    beat = beat_of(COMPACT)
    assert digest(beat.model_copy(update={field: "something else entirely"})) == digest(beat)


def _touch(beat: Beat, **change: Any) -> Beat:
    first = beat.touches[0].model_copy(update=change)
    return beat.model_copy(update={"touches": (first, *beat.touches[1:])})


def _touch_edit(name: str, value: object) -> Callable[[Beat], Beat]:
    return lambda b: _touch(b, **{name: value})


BEAT_EDITS: dict[str, Callable[[Beat], Beat]] = {
    "simulated": lambda b: b.model_copy(update={"simulated": False}),
    "placeholder": lambda b: b.model_copy(update={"placeholder": True}),
    "timing": lambda b: b.model_copy(update={"timing": Timing(counts=5, cue="door")}),
    "touches": lambda b: b.model_copy(update={"touches": b.touches[:1]}),
    "placements": lambda b: b.model_copy(update={"placements": ()}),
    "barriers": lambda b: b.model_copy(update={"barriers": ()}),
    "garments": lambda b: b.model_copy(update={"garments": ()}),
    "bare": lambda b: b.model_copy(update={"bare": {"ana": ("upper_back",)}}),
}


def test_every_digested_field_has_an_edit() -> None:
    assert set(BEAT_EDITS) == set(Beat.model_fields) - UNDIGESTED


@pytest.mark.parametrize("field", sorted(BEAT_EDITS))
def test_any_other_beat_field_changes_the_digest(field: str) -> None:
    beat = beat_of(COMPACT)
    changed = BEAT_EDITS[field](beat)
    assert digest(changed) != digest(beat)
    agreed = agree(beat, ["ana"], date(2026, 11, 20))
    lapsed = BEAT_EDITS[field](agreed)
    assert not is_current(lapsed)
    assert not has_agreed(lapsed, "ana")


SUB_EDITS: dict[str, Callable[[Beat], Beat]] = {
    **{
        f"touch.{name}": _touch_edit(name, value)
        for name, value in {
            "by": "ana",
            "with_": "forearm",
            "to": "ben",
            "on": "lower_back",
            "action": "caress",
            "pressure": "light",
            "over_clothing": True,
            "mouth": "open",
            "tongue": True,
            "counts": 3,
        }.items()
    },
    "touch order": lambda b: b.model_copy(update={"touches": b.touches[::-1]}),
    "timing.counts": lambda b: b.model_copy(update={"timing": Timing(counts=3, cue="door")}),
    "timing.seconds": lambda b: b.model_copy(update={"timing": Timing(seconds=4, cue="door")}),
    "timing.tempo": lambda b: b.model_copy(
        update={"timing": Timing(counts=4, cue="door", tempo=90)}
    ),
    "timing.cue": lambda b: b.model_copy(update={"timing": Timing(counts=4, cue="window")}),
    "placement.area": lambda b: b.model_copy(
        update={"placements": (Placement(who="ana", area="DSL"),)}
    ),
    "placement.level": lambda b: b.model_copy(
        update={"placements": (Placement(who="ana", area="CS", level="lying"),)}
    ),
    "placement.facing": lambda b: b.model_copy(
        update={"placements": (Placement(who="ana", area="CS", facing="ben"),)}
    ),
    "placement.on": lambda b: b.model_copy(
        update={"placements": (Placement(who="ana", area="CS", on="bed"),)}
    ),
    "barrier.kind": lambda b: b.model_copy(
        update={"barriers": (Barrier(kind="bolster", between=("ana", "ben")),)}
    ),
    "barrier.at": lambda b: b.model_copy(
        update={"barriers": (Barrier(kind="pillow", between=("ana", "ben"), at="torso"),)}
    ),
    "garment.kind": lambda b: b.model_copy(
        update={"garments": (BeatGarment(who="ana", kind="merkin"),)}
    ),
    "garment.who": lambda b: b.model_copy(
        update={"garments": (BeatGarment(who="ben", kind="modesty_pouch"),)}
    ),
    "garment.covers": lambda b: b.model_copy(
        update={"garments": (BeatGarment(who="ana", kind="modesty_pouch", covers=("pelvis",)),)}
    ),
    "bare.areas": lambda b: b.model_copy(update={"bare": {"ana": ("back",), "ben": ("back",)}}),
}


@pytest.mark.parametrize("edit", sorted(SUB_EDITS))
def test_any_choreography_detail_changes_the_digest(edit: str) -> None:
    beat = beat_of(COMPACT)
    assert digest(SUB_EDITS[edit](beat)) != digest(beat)


def test_agree_keeps_earlier_agreement_only_while_current() -> None:
    beat = beat_of(COMPACT)
    once = agree(beat, ["ana"], date(2026, 11, 20))
    both = agree(once, ["ben"], date(2026, 11, 21))
    assert both.agreed is not None and both.agreed.by == ("ana", "ben")
    changed = both.model_copy(update={"placeholder": True})
    again = agree(changed, ["ben"], date(2026, 11, 22))
    assert again.agreed is not None and again.agreed.by == ("ben",)
    assert is_current(again) and not has_agreed(again, "ana")


def test_an_agreement_without_a_digest_is_never_current() -> None:
    beat = beat_of(COMPACT).model_copy(update={"agreed": Agreed(by=("ana",))})
    assert not is_current(beat) and not has_agreed(beat, "ana")


def test_explicit_touch_defaults_match_omitted_ones() -> None:
    plain = Beat(touches=(Touch(by="a", to="b", on="neck"),))
    explicit = Beat(
        touches=(
            Touch.model_validate(
                {
                    "by": "a",
                    "with": "hand",
                    "to": "b",
                    "on": "neck",
                    "action": "hold",
                    "pressure": "light",
                    "over_clothing": False,
                    "tongue": False,
                }
            ),
        )
    )
    assert digest(plain) == digest(explicit)


# Digests already written into coordinators' files must stay valid: a change to
# how the digest is computed would lapse every recorded agreement at once.
PINNED = {
    "compact": "sha256:4e7418c97052a31b7d125cf8bb613ebbcfd8ce262b2f3c5edd78344d15a1e3c0",
    "one touch": "sha256:171e95749f0aa17db91c262dae4931c0b9e8901845708fc3c06bf752063446ec",
    "empty": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
}


def test_digests_are_stable_across_releases() -> None:
    assert digest(beat_of(COMPACT)) == PINNED["compact"]
    assert digest(beat_of(REFORMATTED)) == PINNED["compact"]
    one = Beat(touches=(Touch(by="ben", to="ana", on="upper_back"),))
    assert digest(one) == PINNED["one touch"]
    assert digest(Beat(title="only words", notes="n")) == PINNED["empty"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=roundtrip_beats, second=roundtrip_beats)
def test_a_digest_worked_out_before_an_edit_never_outlives_it(first: Beat, second: Beat) -> None:
    # Worked out first, so any cached value would be carried into the copy.
    before = digest(first)
    digested = set(Beat.model_fields) - UNDIGESTED
    moved = first.model_copy(update={name: getattr(second, name) for name in digested})
    assert digest(moved) == digest(second)
    same = all(getattr(first, name) == getattr(second, name) for name in digested)
    assert (digest(moved) == before) == same


def _canonical(beat: Beat) -> str:
    """The digest as the format defines it: sha256 of the sorted, compact JSON of the
    beat's dump without defaults and without the four undigested fields."""
    data = beat.model_dump(mode="json", exclude=set(UNDIGESTED), exclude_defaults=True)
    blob = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(blob.encode("utf-8")).hexdigest()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(beat=roundtrip_beats)
def test_the_digest_is_the_canonical_dump_for_any_beat(beat: Beat) -> None:
    # digest() takes shortcuts (pydantic's serializer and json's C encoder, made once);
    # whatever they are, the value is the one written into coordinators' files.
    assert digest(beat) == _canonical(beat)


@pytest.mark.parametrize(
    "timing",
    [
        Timing(seconds=1e16, cue="\x1b]0;x\x07 \u202e"),
        Timing(seconds=0.0001, tempo=1e-7),
        Timing(seconds=2.5, tempo=72.0, cue='quote " back \\ slash / é 😀'),
    ],
)
def test_the_digest_writes_numbers_and_text_as_json_does(timing: Timing) -> None:
    beat = beat_of(COMPACT).model_copy(update={"timing": timing})
    assert digest(beat) == _canonical(beat)
