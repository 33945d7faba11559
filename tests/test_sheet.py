"""The performer's sheet: what it holds, and the canary test of what it must never hold."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from production_fixtures import PRODUCTION, SCENE_ONE, SCENE_TWO, make_production

from choreo_tui.cli import main
from notation.production import ProductionScene, open_score
from notation.sharing.sheet import build_sheet
from notation.sharing.sheet_page import render_sheet_html, render_sheet_markdown

CANARIES = {
    "production private_notes": "CANARY-PROD-PRIVATE",
    "production notes": "CANARY-PROD-NOTES",
    "production log": "CANARY-PROD-LOG",
    "cast private_notes (ana)": "CANARY-ANA-PRIVATE",
    "cast private_notes (ben)": "CANARY-BEN-PRIVATE",
    "scene private_notes": "CANARY-SCENE-PRIVATE",
    "scene notes": "CANARY-SCENE-NOTES",
    "scene override private_notes": "CANARY-OVERRIDE-PRIVATE",
    "beat private_notes": "CANARY-BEAT-PRIVATE",
    "beat notes": "CANARY-BEAT-NOTES",
    "scene log": "CANARY-SCENE-LOG",
    "ben's boundaries recorded": "1998-03-04",
    "ben's will_touch recorded": "1997-05-06",
    "ben's rider signed": "1999-01-02",
    "ben's garment": "bodysuit",
}


def planted(folder: Path) -> Path:
    """The test production with a canary in every field the sheet must never show."""
    production = (
        PRODUCTION.replace(
            'private_notes = "PRIVATE-PRODUCTION-NOTE"',
            'private_notes = "CANARY-PROD-PRIVATE"\nnotes = "CANARY-PROD-NOTES"',
        )
        .replace('private_notes = "PRIVATE-ANA-NOTE"', 'private_notes = "CANARY-ANA-PRIVATE"')
        .replace(
            'character = "Jonah"',
            'character = "Jonah"\nprivate_notes = "CANARY-BEN-PRIVATE"',
        )
        .replace("recorded = 2026-11-21", "recorded = 1998-03-04")
        .replace(
            'inner_thigh = "no"\n',
            'inner_thigh = "no"\n\n[performers.will_touch]\nrecorded = 1997-05-06\n'
            'default = "yes"\n\n[performers.will_touch.areas]\nhair = "no"\n\n'
            "[performers.rider]\nsigned = 1999-01-02\nmay_expose = []\n\n"
            '[[performers.garments]]\nkind = "bodysuit"\n',
        )
    )
    production += (
        '\n[[log]]\nat = 2026-11-28T10:00:00+00:00\nevent = "boundary_change"\n'
        'who = ["ana"]\nnote = "CANARY-PROD-LOG"\n'
    )
    one = (
        SCENE_ONE.replace(
            'title = "Ep1 Sc4: the dock"',
            'title = "Ep1 Sc4: the dock"\nprivate_notes = "CANARY-SCENE-PRIVATE"\n'
            'notes = "CANARY-SCENE-NOTES"',
        )
        .replace(
            'title = "the approach"',
            'title = "the approach"\nnotes = "CANARY-BEAT-NOTES"\n'
            'private_notes = "CANARY-BEAT-PRIVATE"',
        )
        .replace(
            "[[beats]]",
            '[[performers]]\nid = "ana"\nprivate_notes = "CANARY-OVERRIDE-PRIVATE"\n\n[[beats]]',
            1,
        )
    )
    one += (
        '\n[[log]]\nat = 2026-11-28T11:00:00+00:00\nevent = "hold"\nbeat = 1\n'
        'who = ["ana"]\nnote = "CANARY-SCENE-LOG"\n'
    )
    make_production(folder, production=production)
    (folder / "one.score.toml").write_text(one)
    return folder


def test_canaries_are_planted_where_the_files_are_read(tmp_path: Path) -> None:
    folder = planted(tmp_path)
    text = "".join(p.read_text() for p in folder.glob("*.toml"))
    for where, canary in CANARIES.items():
        assert canary in text, where
    # And the files still read: a canary in a broken file would prove nothing.
    for name in ("one.score.toml", "two.score.toml"):
        assert isinstance(open_score(folder / name), ProductionScene)


@pytest.mark.parametrize("to", ["md", "html"])
def test_sheet_never_holds_private_fields_or_others_records(
    tmp_path: Path, to: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = planted(tmp_path)
    out = tmp_path / f"ana.{to}"
    assert main(["sheet", "ana", str(folder), "--to", to, "-o", str(out)]) == 0
    text = out.read_text()
    for where, canary in CANARIES.items():
        assert canary not in text, f"{where} leaked into the sheet"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    # What it must hold: Ana's own record with its dates, and her beats in both scenes.
    assert "Ana Reyes" in text and "Mara" in text
    assert "2026-11-20" in text and "2026-11-10" in text
    assert "Ep1 Sc4: the dock" in text and "Ep2 Sc1: the kitchen" in text
    assert "Ben Okafor" in text  # other performers appear by name only
    assert "Done to you" in text and "You do" in text
    assert "Date:" in text  # a line per scene to sign and date
    assert text.count("Date:") == 2


def test_sheet_states_and_codes(tmp_path: Path) -> None:
    folder = make_production(tmp_path)
    scenes = [open_score(folder / n) for n in ("one.score.toml", "two.score.toml")]
    merged = [s.score for s in scenes if isinstance(s, ProductionScene)]
    production = scenes[0].production  # type: ignore[union-attr]
    ana = production.by_id["ana"]
    sheet = build_sheet("ana", merged, ana, production.production.title)
    assert [s.title for s in sheet.scenes] == ["Ep1 Sc4: the dock", "Ep2 Sc1: the kitchen"]
    first = sheet.scenes[0].beats
    assert [b.number for b in first] == [1, 2]
    assert all(b.state == "needs" for b in first)
    # Ben's boundary (groin no) is Ben's business: Ana's sheet never says crosses for it.
    kit = build_sheet("kit", merged, production.by_id["kit"], "Tide Line")
    assert [s.title for s in kit.scenes] == ["Ep2 Sc1: the kitchen"]
    assert kit.scenes[0].beats[0].placement == ("Kit Lowe: downstage left, standing",)
    assert kit.guardian == ""  # the cast's; the scene's guardian is the scene's record
    assert kit.scenes[0].own_record == ()  # guardian is not part of the consent record


def test_sheet_marks_a_beat_that_crosses_their_own_record(tmp_path: Path) -> None:
    folder = make_production(tmp_path)
    (folder / "one.score.toml").write_text(SCENE_ONE.replace('on = "neck"', 'on = "groin"'))
    scene = open_score(folder / "one.score.toml")
    assert isinstance(scene, ProductionScene)
    ben = build_sheet("ben", [scene.score], scene.production.by_id["ben"])
    ana = build_sheet("ana", [scene.score], scene.production.by_id["ana"])
    # Ben touches Ana's groin: it crosses Ana's record (ask, and no rider for it)...
    assert ana.scenes[0].beats[0].state == "crosses"
    assert "S301" in ana.scenes[0].beats[0].codes
    # ...and Ben's own rider (none) for a groin touch, but never Ana's record on his sheet.
    assert "B101" not in ben.scenes[0].beats[0].codes
    # The performer reads each rule in words beside its code (findings.RULE_WORDS).
    words = ana.scenes[0].beats[0].state_words
    assert words.startswith("crosses your record (")
    assert "S301: no rider agreeing to simulated sex" in words


def test_scene_specific_consent_shows_in_that_scene(tmp_path: Path) -> None:
    folder = make_production(tmp_path)
    (folder / "one.score.toml").write_text(
        SCENE_ONE.replace(
            "[[beats]]",
            '[[performers]]\nid = "ana"\n\n[performers.boundaries.areas]\nlips = "yes"\n\n'
            "[[beats]]",
            1,
        )
    )
    scene = open_score(folder / "one.score.toml")
    assert isinstance(scene, ProductionScene)
    sheet = build_sheet("ana", [scene.score], scene.production.by_id["ana"])
    own = dict(sheet.scenes[0].own_record)
    assert any("lips: yes" in line for line in own["May be touched (recorded 2026-11-20)"])
    md = render_sheet_markdown(sheet)
    assert "In this scene only" in md
    assert "In this scene only" in render_sheet_html(sheet)


def test_sheet_html_is_self_contained(tmp_path: Path) -> None:
    folder = make_production(tmp_path)
    scene = open_score(folder / "two.score.toml")
    assert isinstance(scene, ProductionScene)
    page = render_sheet_html(build_sheet("ana", [scene.score], scene.production.by_id["ana"]))
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert "@media print" in page and "break-before: page" in page


def test_sheet_escapes_markup(tmp_path: Path) -> None:
    folder = make_production(
        tmp_path, production=PRODUCTION.replace('name = "Ben Okafor"', 'name = "<b>Ben</b> [x](y)"')
    )
    scene = open_score(folder / "two.score.toml")
    assert isinstance(scene, ProductionScene)
    sheet = build_sheet("ana", [scene.score], scene.production.by_id["ana"])
    assert "<b>Ben" not in render_sheet_html(sheet)
    assert "[x](y)" not in render_sheet_markdown(sheet)


def test_cli_sheet_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_production(tmp_path)
    assert main(["sheet", "nobody", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "ids are: ana, ben, kit" in err and "Traceback" not in err
    assert main(["sheet", "Ana Reyes", str(folder)]) == 0
    assert (folder / "ana.sheet.md").exists()
    assert main(["sheet", "ana", str(folder)]) == 2  # never over an existing file
    assert "exists" in capsys.readouterr().err
    (folder / "two.score.toml").write_text(SCENE_TWO.replace("[scene]", "[scene"))
    assert main(["sheet", "ana", str(folder), "-o", "-"]) == 2
    assert "two.score.toml" in capsys.readouterr().err
