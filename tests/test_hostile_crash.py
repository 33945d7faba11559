"""No traceback, ever, and a crash message that tells the truth (issue 11, item 5)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from factories import beat, performer, score

from choreo_tui.app import ChoreoApp
from choreo_tui.cli import EXIT_CRASH
from choreo_tui.lock import ScoreLock
from notation import save

CANARY = "Quillfeather-private"


ARGS = {"agree": ["1", "--by", "ana"], "diff": ["y.score.toml"]}


def _crash_cli(state: Path, command: str) -> subprocess.CompletedProcess[str]:
    argv = [command, "x.score.toml", *ARGS.get(command, [])]
    code = (
        f"import choreo_tui.cli.{command} as module\n"
        "def boom(args):\n"
        f"    private_notes = {CANARY!r}\n"
        "    raise ValueError(private_notes)\n"
        "module.run = boom\n"
        "from choreo_tui.cli import main\n"
        f"raise SystemExit(main({argv!r}))\n"
    )
    env = {**os.environ, "CHOREO_STATE_DIR": str(state)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.mark.parametrize("command", ["check", "show", "agree", "export", "diff"])
def test_an_unexpected_error_in_a_subcommand_is_one_line_and_a_report(
    tmp_path: Path, command: str
) -> None:
    done = _crash_cli(tmp_path, command)
    assert done.returncode == EXIT_CRASH == 70
    assert "Traceback" not in done.stderr
    assert CANARY not in done.stdout + done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert f"choreo {command}: internal error (ValueError)" in done.stderr
    reports = list((tmp_path / "crashes").glob("crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in done.stderr
    assert CANARY not in reports[0].read_text()


def _crash_app(app: ChoreoApp, capsys: pytest.CaptureFixture[str], *keys: str) -> str:
    def explode() -> None:
        raise ValueError(CANARY)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            app.call_later(explode)
            await pilot.pause()

    capsys.readouterr()
    with pytest.raises(ValueError):
        asyncio.run(run())
    captured = capsys.readouterr()
    assert "Choreo stopped" in captured.err
    return captured.err


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "scene.score.toml"
    save(score(beat(title="one"), performers=(performer("ana", "Ana Ruiz"),)), target)
    return target


def _app(path: Path) -> ChoreoApp:
    return ChoreoApp(path, keymap_file=path.parent / "no-keys.toml", folder=path.parent)


def test_a_crash_with_nothing_unsaved_does_not_claim_edits_were_kept(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _crash_app(_app(path), capsys)
    assert "kept in a recovery copy" not in text
    assert "no unsaved edits" in text


def test_a_crash_with_edits_that_could_not_be_kept_says_so(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Another editor holds the score: this one is read-only and keeps no recovery copy.
    other = ScoreLock(path)
    assert other.acquire() is None
    try:
        text = _crash_app(_app(path), capsys, "a")
    finally:
        other.release()
    assert "kept in a recovery copy" not in text


def test_a_crash_with_edits_kept_says_where(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _crash_app(_app(path), capsys, "a")
    assert "kept in a recovery copy" in text
