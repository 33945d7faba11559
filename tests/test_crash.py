"""Crash reports say where the code failed and nothing about the score."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from choreo_tui import crash

CANARY = "Quillfeather-inner-thigh"
"""Stands for a performer's data: it must appear in no report, message or output."""


def _fail_with_data(notes: str) -> None:
    boundaries = {"inner_thigh": "no", "who": notes}  # a local that must not leak
    raise KeyError(boundaries["who"])


def _chained() -> BaseException:
    try:
        try:
            _fail_with_data(CANARY)
        except KeyError as inner:
            raise ValueError(f"bad boundary for {CANARY}") from inner
    except ValueError as error:
        return error
    raise AssertionError("unreachable")


def test_a_report_names_types_and_frames_but_no_messages_or_locals() -> None:
    text = crash.format_report(_chained())
    assert CANARY not in text
    assert "KeyError (message withheld)" in text
    assert "ValueError (message withheld)" in text
    assert "which directly caused" in text
    assert "_fail_with_data" in text
    assert "test_crash.py" in text
    assert "python:" in text and "choreo:" in text
    # Oldest first, as Python prints it.
    assert text.index("KeyError") < text.index("ValueError (message")


def test_an_exception_group_reports_every_member() -> None:
    group = ExceptionGroup(CANARY, [KeyError(CANARY), OSError(2, CANARY)])
    text = crash.format_report(group)
    assert CANARY not in text
    assert "sub-exception 1" in text and "sub-exception 2" in text
    assert "KeyError" in text and "FileNotFoundError" in text


def test_a_self_referencing_chain_ends() -> None:
    error = ValueError(CANARY)
    error.__context__ = error
    assert "ValueError" in crash.format_report(error)


def test_the_report_is_private(private_state: Path) -> None:
    report = crash.write_report(_chained())
    assert report is not None
    assert report.is_relative_to(private_state)
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert stat.S_IMODE(report.parent.stat().st_mode) == 0o700
    assert CANARY not in report.read_text()


def test_a_failed_report_is_no_second_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    monkeypatch.setenv("CHOREO_STATE_DIR", str(blocker))
    assert crash.write_report(_chained()) is None
    assert "No crash report" in crash.short_message(_chained(), None)


def test_the_short_message_is_calm_and_clean(tmp_path: Path) -> None:
    text = crash.short_message(_chained(), tmp_path / "crash.txt")
    assert CANARY not in text
    assert "ValueError" in text
    assert "recovery copy" in text
    assert str(tmp_path / "crash.txt") in text
    assert "Traceback" not in text


class _Crashing(App[int]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "explode", "Explode", id="test.explode")]

    def compose(self) -> ComposeResult:
        yield Static("ready")

    def action_explode(self) -> None:
        _fail_with_data(CANARY)

    def _handle_exception(self, error: Exception) -> None:
        crash.handle_exception(self, error)


def test_an_app_crash_writes_a_report_and_still_fails_the_test(private_state: Path) -> None:
    app = _Crashing()

    async def run() -> None:
        async with app.run_test() as pilot:
            await pilot.press("x")
            await pilot.pause()

    with pytest.raises(KeyError):
        asyncio.run(run())
    assert app.return_code == 1
    reports = list((private_state / "crashes").glob("crash-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text()
    assert "KeyError (message withheld)" in text
    assert CANARY not in text


def _run_python(code: str, state: Path) -> subprocess.CompletedProcess[str]:
    env: dict[str, Any] = {**os.environ, "CHOREO_STATE_DIR": str(state)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )


def test_an_error_outside_the_app_is_reported_the_same_way(tmp_path: Path) -> None:
    code = (
        "from choreo_tui.crash import install_excepthook\n"
        "install_excepthook()\n"
        f"private_notes = {CANARY!r}\n"
        "raise ValueError(private_notes)\n"
    )
    result = _run_python(code, tmp_path)
    assert result.returncode == 1
    assert CANARY not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "Choreo stopped because of an internal error (ValueError)" in result.stderr
    reports = list((tmp_path / "crashes").glob("crash-*.txt"))
    assert len(reports) == 1
    assert CANARY not in reports[0].read_text()
