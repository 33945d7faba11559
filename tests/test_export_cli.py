"""``choreo export`` as a user runs it: paths, modes, refusals, exit codes."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from choreo_tui.cli import main
from choreo_tui.cli.export import default_output
from notation import loads

SCORE = """format = "choreo-score"
version = 1

[scene]
title = "Porch"
self_care_cue = "hold"
private_notes = "SECRET-porch"

[[performers]]
id = "ana"
name = "Ana"
private_notes = "SECRET-ana"

[performers.boundaries]
default = "yes"

[[beats]]
title = "look"
private_notes = "SECRET-beat"
"""


@pytest.fixture
def score_file(tmp_path: Path) -> Path:
    path = tmp_path / "porch.score.toml"
    path.write_text(SCORE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("to", "name"),
    [
        ("md", "porch.director.md"),
        ("html", "porch.director.html"),
        ("toml", "porch.director.score.toml"),
    ],
)
def test_default_output_is_beside_the_score_and_private(
    score_file: Path, to: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(score_file), "--to", to]) == 0
    out = score_file.with_name(name)
    assert out.exists()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "SECRET" not in out.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "director's copy written" in err and "SECRET" not in err


def test_default_output_names() -> None:
    assert default_output(Path("a/b.score.toml"), "html") == Path("a/b.director.html")
    assert default_output(Path("b.toml"), "md") == Path("b.director.md")
    assert default_output(Path("notes"), "toml") == Path("notes.director.score.toml")


def test_an_existing_output_is_never_replaced_without_force(
    score_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "copy.md"
    out.write_text("keep me", encoding="utf-8")
    assert main(["export", str(score_file), "--to", "md", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    assert "--force" in capsys.readouterr().err
    assert main(["export", str(score_file), "--to", "md", "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Porch")


def test_the_score_itself_is_never_overwritten_even_with_force(score_file: Path) -> None:
    before = score_file.read_bytes()
    code = main(["export", str(score_file), "--to", "toml", "-o", str(score_file), "--force"])
    assert code == 2
    assert score_file.read_bytes() == before


def test_a_folder_as_output_is_refused(score_file: Path, tmp_path: Path) -> None:
    assert main(["export", str(score_file), "--to", "md", "-o", str(tmp_path)]) == 2


def test_dash_prints_to_stdout_and_writes_nothing(
    score_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(score_file), "--to", "toml", "-o", "-"]) == 0
    text = capsys.readouterr().out
    copy = loads(text)
    assert copy.scene.title == "Porch"
    assert copy.performers[0].boundaries is None
    assert sorted(p.name for p in score_file.parent.iterdir()) == ["porch.score.toml"]


def test_with_boundaries_flag_keeps_them(
    score_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(score_file), "--to", "toml", "-o", "-", "--with-boundaries"]) == 0
    copy = loads(capsys.readouterr().out)
    assert copy.performers[0].boundaries is not None


def test_an_unreadable_score_exits_2_with_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.score.toml"
    bad.write_text('format = "choreo-score"\nversion = 1\n[scene]\ntitle = 3\n', encoding="utf-8")
    assert main(["export", str(bad), "--to", "html"]) == 2
    err = capsys.readouterr().err
    assert "bad.score.toml:" in err and "Traceback" not in err
    assert not (tmp_path / "bad.director.html").exists()
    assert main(["export", str(tmp_path / "missing.score.toml"), "--to", "md"]) == 2


def test_an_unwritable_folder_exits_2(score_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert main(["export", str(score_file), "--to", "md", "-o", str(blocker / "x.md")]) == 2


def test_the_format_follows_outs_name_when_to_is_left_out(
    score_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(score_file), "-o", str(tmp_path / "copy.html")]) == 0
    assert (tmp_path / "copy.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["export", str(score_file), "-o", str(tmp_path / "copy.txt")]) == 2
    assert main(["export", str(score_file)]) == 2
    assert "--to md" in capsys.readouterr().err


def test_export_diff_and_schema_never_import_textual() -> None:
    code = (
        "import sys\n"
        "import notation.sharing, notation.diff, notation.schema\n"
        "import choreo_tui.cli.export, choreo_tui.cli.diff, choreo_tui.cli.schema\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
