"""``choreo diff``: beats matched, moved, added, removed; changes in words; lapsed agreements."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from choreo_tui.cli import main
from notation import loads, save
from notation.agreement import agree
from notation.diff import diff_scores, match_beats
from notation.model import Beat, Placement, Score, Timing, Touch

BASE = """format = "choreo-score"
version = 1

[scene]
title = "Kitchen"
self_care_cue = "hold"
tempo = 60

[[performers]]
id = "ana"
name = "Ana"

[performers.boundaries]
default = "yes"

[performers.boundaries.areas]
neck = "no"

[[performers]]
id = "ben"
name = "Ben"
"""


def beat(title: str, on: str = "hand", counts: int = 4) -> Beat:
    return Beat(
        title=title,
        timing=Timing(counts=counts),
        touches=(Touch(by="ben", to="ana", on=on),),
        placements=(Placement(who="ana", area="CS"), Placement(who="ben", area="CS")),
    )


def score(*beats: Beat) -> Score:
    return loads(BASE).replace(beats=beats)


def test_match_prefers_same_choreography_then_title_then_position() -> None:
    a, b, c = beat("a", "hand"), beat("b", "arm"), beat("c", "shoulder")
    assert match_beats([a, b, c], [c, a, b]) == [(0, 1), (1, 2), (2, 0)]
    retitled = b.model_copy(update={"title": "b2"})
    rechoreographed = c.model_copy(update={"touches": ()})
    assert match_beats([a, b, c], [a, retitled, rechoreographed]) == [(0, 0), (1, 1), (2, 2)]
    assert match_beats([a, b], [beat("x", "knee"), beat("y", "foot")]) == [(0, 0), (1, 1)]


def test_identical_scores_have_no_change() -> None:
    result = diff_scores(score(beat("a")), score(beat("a")))
    assert not result.changed
    assert [b.status for b in result.beats] == ["same"]


def test_an_insertion_renumbers_but_does_not_move() -> None:
    a, b = beat("a", "hand"), beat("b", "arm")
    result = diff_scores(score(a, b), score(beat("new", "knee"), a, b))
    statuses = [(x.old, x.new, x.status) for x in result.beats]
    assert statuses == [(None, 1, "added"), (1, 2, "same"), (2, 3, "same")]
    assert result.changed


def test_a_swap_moves_one_beat_and_removal_is_reported() -> None:
    a, b, c = beat("a", "hand"), beat("b", "arm"), beat("c", "shoulder")
    result = diff_scores(score(a, b, c), score(b, a))
    by_title = {x.title: x for x in result.beats}
    assert by_title["c"].status == "removed"
    assert sum(x.moved for x in result.beats) == 1


def test_changed_touch_timing_placement_and_flags_in_words() -> None:
    old = beat("kiss")
    new = old.model_copy(
        update={
            "touches": (old.touches[0].model_copy(update={"pressure": "firm"}),),
            "timing": Timing(counts=8),
            "placements": (Placement(who="ana", area="CS", level="kneeling"), old.placements[1]),
            "simulated": True,
        }
    )
    (found,) = diff_scores(score(old), score(new)).beats
    texts = {(c.kind, c.change): c.text for c in found.choreography}
    assert texts[("touch", "changed")] == (
        "Ben, hand, holds Ana's hand: firm (was: pressure light → firm)"
    )
    assert texts[("timing", "changed")] == "4 counts at 60/min → 8 counts at 60/min"
    assert texts[("placement", "changed")] == (
        "Ana: centre stage, kneeling (was: centre stage, standing)"
    )
    assert texts[("flag", "changed")] == "now a simulated beat"
    assert found.status == "changed"


def test_barriers_garments_and_bare_are_listed() -> None:
    old = beat("bed")
    new = Beat.model_validate(
        {
            **old.model_dump(by_alias=True),
            "barriers": [{"kind": "pillow", "between": ["ana", "ben"]}],
            "garments": [{"who": "ana", "kind": "modesty_pouch"}],
            "bare": {"ana": ["upper_back"]},
        }
    )
    (found,) = diff_scores(score(old), score(new)).beats
    texts = [(c.kind, c.change, c.text) for c in found.choreography]
    assert ("barrier", "added", "pillow between Ana and Ben, at the pelvis") in texts
    assert ("garment", "added", "Ana: modesty pouch (covers groin)") in texts
    assert ("bare", "added", "Ana: now bare upper back") in texts


def test_a_choreography_change_lapses_a_current_agreement() -> None:
    agreed = agree(beat("a"), ["ana", "ben"], date(2026, 11, 20))
    changed = agreed.model_copy(update={"timing": Timing(counts=5)})
    (found,) = diff_scores(score(agreed), score(changed)).beats
    assert found.lapses == ("ana", "ben")
    assert [c.text for c in found.agreement] == [
        "lapses the agreement Ana and Ben gave on 2026-11-20"
    ]
    reagreed = agree(changed, ["ana"], date(2026, 11, 21))
    (again,) = diff_scores(score(agreed), score(reagreed)).beats
    assert again.lapses == ("ben",)


def test_notes_only_changes_are_apart_and_never_quote_private_notes() -> None:
    agreed = agree(beat("a"), ["ana"], date(2026, 11, 20))
    noted = agreed.model_copy(
        update={"title": "a!", "notes": "new words", "private_notes": "PRIVATE-xyz"}
    )
    result = diff_scores(score(agreed), score(noted))
    (found,) = result.beats
    assert not result.changed
    assert found.status == "notes" and found.lapses == () and not found.choreography
    assert [c.kind for c in found.notes] == ["title", "notes", "private_notes"]
    assert all("PRIVATE" not in c.text for c in found.notes)


def test_cast_and_scene_changes() -> None:
    old = loads(BASE)
    new = loads(BASE.replace('neck = "no"', 'neck = "no"\nhand = "no"').replace("60", "72"))
    result = diff_scores(old, new)
    assert result.scene[0].text.startswith("tempo: 60 → 72")
    assert [c.text for c in result.cast] == ["Ana: boundaries: hand: not listed → no"]
    assert result.changed


def write(path: Path, s: Score) -> str:
    save(s, path)
    return str(path)


def test_cli_text_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agreed = agree(beat("a"), ["ana", "ben"], date(2026, 11, 20))
    old = write(tmp_path / "old.score.toml", score(agreed, beat("b", "arm")))
    same = write(tmp_path / "same.score.toml", score(agreed, beat("b", "arm")))
    changed = agreed.model_copy(update={"touches": (Touch(by="ben", to="ana", on="arm"),)})
    new = write(tmp_path / "new.score.toml", score(beat("b", "arm"), changed))
    assert main(["diff", old, same]) == 0
    assert "No choreography change." in capsys.readouterr().out
    assert main(["diff", old, new]) == 1
    out = capsys.readouterr().out
    assert "beat 1 → 2 “a”: changed" in out
    assert "⚠ agreement: lapses the agreement Ana and Ben gave on 2026-11-20" in out
    assert "- touch: Ben, hand, holds Ana's hand: light" not in out  # paired as a change
    assert "~ touch: Ben, hand, holds Ana's arm: light (was: on hand → arm)" in out


def test_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write(tmp_path / "old.score.toml", score(beat("a")))
    new = write(tmp_path / "new.score.toml", score(beat("a"), beat("b", "arm")))
    assert main(["diff", old, new, "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["changed"] is True
    (added,) = document["beats"]
    assert {k: added[k] for k in ("old", "new", "title", "status", "moved", "lapses")} == {
        "old": None,
        "new": 2,
        "title": "b",
        "status": "added",
        "moved": False,
        "lapses": [],
    }
    assert {"kind": "touch", "change": "added", "text": "Ben, hand, holds Ana's arm: light"} in (
        added["choreography"]
    )
    assert added["agreement"] == [] and added["notes"] == []


def test_cli_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write(tmp_path / "old.score.toml", score(beat("a")))
    broken = tmp_path / "broken.score.toml"
    broken.write_text("format = \n", encoding="utf-8")
    assert main(["diff", old, str(broken)]) == 2
    err = capsys.readouterr().err
    assert "broken.score.toml:1: error: not valid TOML" in err and "Traceback" not in err
    assert main(["diff", old, str(broken), "--format", "json"]) == 2
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert errors[0]["path"].endswith("broken.score.toml") and errors[0]["line"] == 1


def test_cli_lists_moves_removals_and_notes_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c = agree(beat("a"), ["ana"], date(2026, 11, 20)), beat("b", "arm"), beat("c", "knee")
    old = write(tmp_path / "old.score.toml", score(a, b, c))
    noted = b.model_copy(update={"private_notes": "SECRET-note"})
    new = write(tmp_path / "new.score.toml", score(noted, c))
    assert main(["diff", old, new]) == 1
    out = capsys.readouterr().out
    assert "beat 1 “a”: removed\n" in out
    assert "- agreement: the agreement Ana gave goes with it" in out
    assert "- touch: Ben, hand, holds Ana's hand: light" in out
    notes = out.split("Notes only (no agreement lapses):")[1]
    assert "beat 2 → 1 “b”: private notes changed" in notes
    assert "SECRET" not in out
    assert out.rstrip().endswith("Beats: 1 removed.")
    moved = write(tmp_path / "moved.score.toml", score(c, a, b))
    assert main(["diff", old, moved]) == 1
    out = capsys.readouterr().out
    assert "beat 3 → 1 “c”: moved" in out
    assert "Beats: 1 moved." in out


def test_added_and_removed_beats_say_what_they_held() -> None:
    agreed = agree(beat("a"), ["ana", "ben"], date(2026, 11, 20))
    kept = beat("x", "knee")
    result = diff_scores(score(agreed, kept), score(kept, beat("b", "arm")))
    removed, _, added = result.beats
    assert (removed.status, added.status) == ("removed", "added")
    assert [(c.kind, c.change) for c in removed.choreography] == [
        ("timing", "removed"),
        ("touch", "removed"),
        ("placement", "removed"),
        ("placement", "removed"),
    ]
    assert [c.text for c in removed.agreement] == ["the agreement Ana and Ben gave goes with it"]
    assert removed.lapses == ()
    assert ("touch", "added", "Ben, hand, holds Ana's arm: light") in [
        (c.kind, c.change, c.text) for c in added.choreography
    ]
