"""No command prints a control or bidi character from a score raw (issue 11, item 1).

Every command runs in a subprocess on the canary score (and a canary file
name); its real stdout and stderr must hold no unsafe character, and JSON must
stay valid JSON that decodes back to the original text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_canary import EVIL, FILE_NAME, UNSAFE, canary_score_text, write_canary


def choreo(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``choreo ARGS`` and return what it printed (decoded, errors kept visible)."""
    done = subprocess.run(
        [sys.executable, "-m", "choreo_tui", *map(str, args)],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "CHOREO_STATE_DIR": str(cwd / "state")},
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "backslashreplace"),
        done.stderr.decode("utf-8", "backslashreplace"),
    )


def assert_clean(done: subprocess.CompletedProcess[str]) -> None:
    for stream in (done.stdout, done.stderr):
        found = UNSAFE.search(stream)
        assert found is None, f"raw {found.group()!r} in output of {done.args[3:]}"
    assert "Traceback" not in done.stderr


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    return write_canary(tmp_path, FILE_NAME)


@pytest.fixture
def changed(tmp_path: Path) -> Path:
    text = canary_score_text().replace('title = "Second ', 'title = "Third ')
    path = tmp_path / ("new-" + FILE_NAME)
    path.write_text(text.replace("counts = 4 }", "counts = 8 }"))
    return path


COMMANDS: list[tuple[str, ...]] = [
    ("check", "{f}"),
    ("check", "--format", "json", "{f}"),
    ("show", "{f}"),
    ("diff", "{f}", "{g}"),
    ("diff", "--format", "json", "{f}", "{g}"),
    ("export", "{f}", "--to", "md", "-o", "-"),
    ("export", "{f}", "--to", "html", "-o", "-"),
    ("export", "{f}", "--to", "toml", "-o", "-", "--with-boundaries"),
    ("export", "{f}", "--to", "md"),
    ("agree", "{f}", "1", "--by", "ana", "--by", "ben"),
    ("check", "missing-{f}"),
    ("show", "missing-{f}"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c).replace("{", ""))
def test_every_command_escapes_the_canary(
    command: tuple[str, ...], canary: Path, changed: Path, tmp_path: Path
) -> None:
    args = [a.format(f=canary.name, g=changed.name) for a in command]
    done = choreo(*args, cwd=tmp_path)
    assert done.returncode in (0, 1, 2), done.stderr
    assert_clean(done)
    if "missing" not in args[-1]:
        assert "\\x1b" in done.stdout + done.stderr or "\\u001b" in done.stdout


def test_check_json_is_still_json_with_the_true_text(canary: Path, tmp_path: Path) -> None:
    done = choreo("check", "--format", "json", canary.name, cwd=tmp_path)
    document = json.loads(done.stdout)
    assert any(EVIL in finding["message"] for finding in document["findings"])
    assert document["findings"][0]["path"] == FILE_NAME


def test_the_toml_copy_on_stdout_is_a_score_with_the_true_text(
    canary: Path, tmp_path: Path
) -> None:
    from notation import loads

    done = choreo("export", canary.name, "--to", "toml", "-o", "-", cwd=tmp_path)
    assert loads(done.stdout).scene.title == "Scene " + EVIL


def test_a_crash_line_escapes_too(tmp_path: Path) -> None:
    done = choreo("check", "--format", "json", cwd=tmp_path)  # argparse error: usage
    assert_clean(done)
