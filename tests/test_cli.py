"""The ``choreo`` command line: formats, exit codes and never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from factories import (
    RIDER_ALL,
    agreed_by,
    beat,
    bounds,
    dumps,
    line_of,
    performer,
    score,
    touch,
)

from choreo_tui.cli import main
from notation import check, load, save
from notation.agreement import digest, has_agreed, is_current
from notation.model import Performer, Score, Timing
from notation.schema import SCHEMA_FILE

PLANT = "PLANTED-c1c1-private"
TEXT_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+): (?P<code>[BNSCT]\d{3}) (?P<sev>error|warning|info): "
    r"(?P<where>beat \d+|scene): (?P<msg>.+)$"
)


def people(**ana: Any) -> tuple[Performer, ...]:
    a = performer("ana", "Ana Ruiz", private_notes=PLANT, **ana)
    return (a, performer("ben", "Ben Okafor", rider=RIDER_ALL))


def clean() -> Score:
    return score(beat(touch()), beat(touch(on="nape")), performers=people())


def with_error() -> Score:
    """Beat 2 touches Ana's neck, which she marked 'no' (B101, an error)."""
    return score(
        beat(touch()),
        beat(touch(), touch(on="neck"), private_notes=PLANT),
        performers=people(boundaries=bounds("yes", neck="no")),
        private_notes=PLANT,
    )


def with_warning() -> Score:
    """Beat 1 has no timing (T501, a warning) and nothing worse."""
    return score(beat(touch(), timing=None), performers=people())


def with_info() -> Score:
    """Ana has no recorded boundaries (C405, info); her 'ask' areas are agreed."""
    return score(agreed_by(beat(touch()), "ana"), performers=people(boundaries=None))


def write(tmp_path: Path, name: str, s: Score) -> Path:
    path = tmp_path / f"{name}.score.toml"
    save(s, path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert PLANT not in out + err
    return code, out, err


# -- check: text --------------------------------------------------------------


def test_check_text_lines_follow_the_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "bad", with_error())
    code, out, _ = run(capsys, "check", path)
    assert code == 1
    lines = out.splitlines()
    assert lines, "findings go to stdout"
    parsed = [TEXT_LINE.match(line) for line in lines]
    assert all(parsed), lines
    b101 = next(m for m in parsed if m and m["code"] == "B101")
    assert b101["path"] == str(path)
    assert int(b101["line"]) == line_of(path.read_text(), "[[beats.touches]]", 3)
    assert b101["sev"] == "error"
    assert b101["where"] == "beat 2"
    assert "Ana Ruiz" in b101["msg"] and "Ben Okafor" in b101["msg"]


def test_check_text_scene_level_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "nocue", score(beat(touch()), performers=people(), self_care_cue=""))
    code, out, _ = run(capsys, "check", path)
    assert code == 1
    (line,) = out.splitlines()
    match = TEXT_LINE.match(line)
    assert match and match["code"] == "C402" and match["where"] == "scene"
    assert int(match["line"]) == line_of(path.read_text(), "[scene]")


def test_check_clean_prints_no_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", write(tmp_path, "ok", clean()))
    assert code == 0
    assert out == ""
    assert "1 file checked" in err


# -- check: JSON --------------------------------------------------------------


def test_check_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path, "bad", with_error())
    missing = tmp_path / "missing.score.toml"
    broken = tmp_path / "broken.score.toml"
    broken.write_text(
        'format = "choreo-score"\nversion = 1\n[scene]\ntitle = 3\n', encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", "--format", "json", bad, missing, broken)
    assert code == 2
    document = json.loads(out)
    assert set(document) == {"findings", "errors"}
    assert document["findings"]
    for finding in document["findings"]:
        assert set(finding) == {"path", "line", "beat", "code", "severity", "message"}
        assert finding["path"] == str(bad)
        assert isinstance(finding["line"], int)
        assert finding["beat"] is None or isinstance(finding["beat"], int)
        assert finding["severity"] in {"error", "warning", "info"}
    b101 = next(f for f in document["findings"] if f["code"] == "B101")
    assert (b101["beat"], b101["severity"]) == (2, "error")
    assert b101["line"] == line_of(bad.read_text(), "[[beats.touches]]", 3)
    errors = {e["path"]: e for e in document["errors"]}
    assert set(errors) == {str(missing), str(broken)}
    for error in document["errors"]:
        assert set(error) == {"path", "line", "message"}
    assert errors[str(missing)]["line"] is None
    assert errors[str(broken)]["line"] == 4


def test_check_json_scene_finding_has_null_beat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "info", with_info())
    code, out, _ = run(capsys, "check", "--format", "json", path)
    assert code == 0
    (finding,) = json.loads(out)["findings"]
    assert finding["code"] == "C405" and finding["beat"] is None and finding["severity"] == "info"


def test_check_json_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", write(tmp_path, "ok", clean()))
    assert code == 0
    assert json.loads(out) == {"findings": [], "errors": []}


# -- check: exit codes ----------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "strict", "expected"),
    [
        (clean, False, 0),
        (clean, True, 0),
        (with_error, False, 1),
        (with_error, True, 1),
        (with_warning, False, 0),
        (with_warning, True, 1),
        (with_info, False, 0),
        (with_info, True, 0),
    ],
)
def test_check_exit_codes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[], Score],
    strict: bool,
    expected: int,
) -> None:
    path = write(tmp_path, "s", make())
    argv: list[str | Path] = ["check", path, *(["--strict"] if strict else [])]
    assert run(capsys, *argv)[0] == expected


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_unreadable_wins_over_findings_across_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    bad = write(tmp_path, "bad", with_error())
    ok = write(tmp_path, "ok", clean())
    missing = tmp_path / "nope.score.toml"
    for order in ([bad, missing, ok], [missing, bad], [ok, bad, missing]):
        code, out, err = run(capsys, "check", "--format", fmt, *order)
        assert code == 2
        if fmt == "text":
            assert "B101" in out
            assert str(missing) in err
    assert run(capsys, "check", "--format", fmt, ok, bad)[0] == 1
    assert run(capsys, "check", "--format", fmt, ok, ok)[0] == 0


def test_check_a_folder_and_non_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin = tmp_path / "latin.score.toml"
    latin.write_bytes(b'format = "choreo-score"\nversion = 1\n[scene]\ntitle = "caf\xe9"\n')
    code, _, err = run(capsys, "check", tmp_path, latin)
    assert code == 2
    assert f"{latin}:4: error:" in err


# -- agree ----------------------------------------------------------------------


def agree_score() -> Score:
    return score(
        beat(touch(on="neck")),
        beat(touch(on="neck"), touch(on="nape")),
        performers=people(boundaries=bounds("yes", neck="ask")),
    )


def test_agree_records_a_current_agreement_and_a_log_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "agree", agree_score())
    code, out, _ = run(capsys, "agree", path, "2", "--by", "ana", "--by", "ben")
    assert code == 0
    assert "Ana Ruiz" in out
    after = load(path)
    beat2 = after.beats[1]
    assert beat2.agreed is not None
    assert beat2.agreed.by == ("ana", "ben")
    assert beat2.agreed.digest == digest(beat2)
    assert beat2.agreed.on is not None
    assert is_current(beat2) and has_agreed(beat2, "ana")
    assert after.beats[0].agreed is None
    (entry,) = after.log
    assert (entry.event, entry.beat, entry.who) == ("agreed", 2, ("ana", "ben"))
    assert entry.at.tzinfo is not None
    assert "[beats.agreed]" in path.read_text()
    codes = {(f.beat, f.code) for f in check(after)}
    assert (1, "B104") in codes and (2, "B104") not in codes


def test_agree_appends_to_the_log_and_keeps_earlier_agreement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "agree", agree_score())
    assert run(capsys, "agree", path, "1", "--by", "ana")[0] == 0
    assert run(capsys, "agree", path, "1", "--by", "ben")[0] == 0
    after = load(path)
    assert after.beats[0].agreed is not None and after.beats[0].agreed.by == ("ana", "ben")
    assert [e.who for e in after.log] == [("ana",), ("ben",)]


@pytest.mark.parametrize(
    "argv",
    [["0", "--by", "ana"], ["3", "--by", "ana"], ["-1", "--by", "ana"], ["1", "--by", "zed"]],
    ids=["beat-0", "beat-past-end", "negative", "unknown-id"],
)
def test_agree_bad_input_exits_2_and_leaves_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    path = write(tmp_path, "agree", agree_score())
    before = path.read_bytes()
    stamp = path.stat().st_mtime_ns
    code, _, err = run(capsys, "agree", path, *argv)
    assert code == 2
    assert err.strip()
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, SCHEMA_FILE])


def test_agree_on_an_unreadable_file_exits_2_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.score.toml"
    path.write_text(
        'format = "choreo-score"\nversion = 1\n[scene]\ntitel = "x"\n', encoding="utf-8"
    )
    before = path.read_bytes()
    code, _, err = run(capsys, "agree", path, "1", "--by", "ana")
    assert code == 2
    assert f"{path}:4:" in err
    assert path.read_bytes() == before
    missing = tmp_path / "missing.score.toml"
    assert run(capsys, "agree", missing, "1", "--by", "ana")[0] == 2
    assert not missing.exists()


def test_agree_refuses_a_newer_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "future.score.toml"
    path.write_text(
        'format = "choreo-score"\nversion = 2\n[scene]\ntitle = "x"\n', encoding="utf-8"
    )
    before = path.read_bytes()
    assert run(capsys, "agree", path, "1", "--by", "ana")[0] == 2
    assert path.read_bytes() == before


# -- show -------------------------------------------------------------------------


def test_show_marks_beats_and_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = score(
        beat(touch(), title="fine"),
        beat(touch(), timing=None, title="untimed"),
        beat(touch(on="neck"), title="crossed"),
        performers=people(boundaries=bounds("yes", neck="no")),
    )
    code, out, _ = run(capsys, "show", write(tmp_path, "show", s))
    assert code == 0
    for mark in ("✓", "⚠", "✗"):
        assert mark in out
    assert "B101" in out and "T501" in out
    assert "Ana Ruiz" in out


def test_show_clean_score_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", write(tmp_path, "clean", clean()))
    assert code == 0
    assert "✓" in out and "✗" not in out


def test_show_unreadable_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", tmp_path / "missing.score.toml")
    assert code == 2 and "no such file" in err


# -- arguments --------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "--format", "xml", "f.toml"],
        ["agree", "f.toml", "1"],
        ["agree", "f.toml", "one", "--by", "ana"],
        ["show"],
        ["--no-such-flag"],
    ],
    ids=[
        "check-no-file",
        "check-bad-format",
        "agree-no-by",
        "agree-bad-beat",
        "show-no-file",
        "flag",
    ],
)
def test_bad_arguments_print_usage_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "usage: choreo" in err
    assert "Traceback" not in err


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for command in ("check", "show", "agree", "replay"):
        assert command in out


# -- the installed command ---------------------------------------------------------


def test_installed_choreo_check_runs(tmp_path: Path) -> None:
    bad = tmp_path / "bad.score.toml"
    bad.write_text(dumps(with_error()), encoding="utf-8")
    result = subprocess.run(
        # The script installed beside the interpreter running the tests, wherever its venv is.
        [str(Path(sys.executable).parent / "choreo"), "check", str(bad), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    document = json.loads(result.stdout)
    assert {(f["beat"], f["code"]) for f in document["findings"]} >= {(2, "B101")}
    assert document["errors"] == []


def test_timing_field_kept_for_readers() -> None:
    # with_warning differs from clean only in timing: the exit-code table relies on it.
    assert with_warning().beats[0].timing is None
    assert clean().beats[0].timing == Timing(counts=4)


def test_agree_that_cannot_save_exits_2_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    path = write(tmp_path, "agree", agree_score())
    before = path.read_bytes()

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        # The one os module, as notation.private_write sees it.
        patch.setattr(os, "replace", disk_full)
        code, _, err = run(capsys, "agree", path, "1", "--by", "ana")
    assert code == 2
    assert "not saved" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, SCHEMA_FILE])


def test_agree_on_a_score_without_beats_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "empty", score(performers=people()))
    code, _, err = run(capsys, "agree", path, "1", "--by", "ana")
    assert code == 2
    assert "no beats" in err and "1 to 0" not in err


def test_show_prints_names_that_look_like_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ana = performer("ana", "Ana [/bold] Ruiz", character="[link=x]Juliet")
    s = score(beat(touch(), title="beat [/] one"), performers=(ana, performer("ben", "[red]Ben")))
    code, out, _ = run(
        capsys,
        "show",
        write(
            tmp_path,
            "markup",
            s.replace(scene=s.scene.model_copy(update={"title": "Markup [/] test"})),
        ),
    )
    assert code == 0
    for text in ("Ana [/bold] Ruiz", "[link=x]Juliet", "[red]Ben", "beat [/] one", "Markup [/]"):
        assert text in out
