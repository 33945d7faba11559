"""The unreadable-file screen and the restore and external-change dialogs, under Pilot."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Button, Static

from choreo_tui.recovery import Recovered
from choreo_tui.screens.external_change import (
    CANCEL,
    RELOAD,
    SAVE_AGAIN,
    SAVE_COPY,
    ExternalChangeScreen,
)
from choreo_tui.screens.restore import DISCARD, RESTORE, RestoreScreen, what_differs
from choreo_tui.screens.unreadable import UnreadableScreen
from notation import LoadError, Score, load
from notation.model import Beat, Performer, Scene, Timing
from notation.stamp import DiskState

BAD_SCORE = """\
format = "choreo-score"
version = 1

[scene]
title = "The orchard"

[[performers]]
idd = "ana"
name = "Ana Reyes"
"""


class Host(App[None]):
    """Pushes one screen and keeps its answer."""

    def __init__(self, make: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make = make
        self.answers: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(self.make(), self.answers.append)


def drive(app: Host, keys: list[str], check: Callable[[Host], None] | None = None) -> None:
    """Run ``app``, press ``keys``, then run ``check`` while it is still up."""

    async def run() -> None:
        async with app.run_test(size=(90, 30)) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            if check is not None:
                check(app)

    asyncio.run(run())


def _text(app: Host, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def _score(beats: int = 1, notes: str = "") -> Score:
    return Score(
        scene=Scene(title="The orchard", self_care_cue="hold"),
        performers=(Performer(id="ana", name="Ana Reyes", private_notes=notes),),
        beats=tuple(Beat(title=f"beat {i + 1}", timing=Timing(counts=4)) for i in range(beats)),
    )


# ----- the unreadable file ------------------------------------------------------------


def test_an_unreadable_score_shows_file_line_and_problem_and_stays_unchanged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "orchard.score.toml"
    path.write_text(BAD_SCORE)
    before = path.read_bytes(), path.stat().st_mtime_ns
    with pytest.raises(LoadError) as caught:
        load(path)
    seen: dict[str, str] = {}

    def look(app: Host) -> None:
        seen["file"] = _text(app, "#file")
        seen["problems"] = _text(app, "#problems")
        seen["advice"] = _text(app, "#advice")

    app = Host(lambda: UnreadableScreen(caught.value))
    drive(app, [], look)
    assert str(path) in seen["file"]
    assert "line 8" in seen["problems"]
    assert "`idd`" in seen["problems"]
    assert 'idd = "ana"' in seen["problems"], "the line is quoted to find it"
    assert "Traceback" not in "".join(seen.values())
    assert "Nothing was changed" in seen["advice"]
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_the_unreadable_screen_closes_on_enter(tmp_path: Path) -> None:
    error = LoadError(str(tmp_path / "gone.score.toml"), [])
    app = Host(lambda: UnreadableScreen(error))
    drive(app, ["enter"])
    assert app.answers == [None]


# ----- the restore dialog -------------------------------------------------------------


def _recovered(score: Score) -> Recovered:
    return Recovered(score=score, written=datetime.now(UTC), base=None)


def test_what_differs_names_the_changes_but_never_quotes_private_notes() -> None:
    words = what_differs(_score(1), _score(2, notes="knee injury"))
    assert "added" in words
    assert "knee injury" not in words
    assert "whole score" in what_differs(None, _score(2))


def test_restore_shows_what_differs_and_restores_by_default() -> None:
    seen: list[str] = []
    app = Host(lambda: RestoreScreen(_recovered(_score(3)), _score(1)))
    drive(app, [], lambda a: seen.extend(str(w.render()) for w in a.screen.query(Static)))
    assert any("Unsaved edits were found" in text for text in seen)
    assert any("added" in text for text in seen)
    for keys in (["r"], ["escape"], ["enter"]):
        app = Host(lambda: RestoreScreen(_recovered(_score(3)), _score(1)))
        drive(app, keys)
        assert app.answers == [RESTORE], keys


def test_discard_needs_a_second_press() -> None:
    app = Host(lambda: RestoreScreen(_recovered(_score(3)), _score(1)))
    drive(app, ["d"], lambda a: None)
    assert app.answers == []
    app = Host(lambda: RestoreScreen(_recovered(_score(3)), _score(1)))
    drive(app, ["d", "d"])
    assert app.answers == [DISCARD]


def test_restore_warns_when_the_disk_moved_on_too() -> None:
    seen: list[str] = []
    app = Host(lambda: RestoreScreen(_recovered(_score(3)), _score(2), disk_moved_on=True))
    drive(app, [], lambda a: seen.extend(str(w.render()) for w in a.screen.query(Static)))
    assert any("also changed" in text for text in seen)


# ----- the external-change dialog ---------------------------------------------------------


def _buttons(app: Host) -> list[str]:
    return [b.id or "" for b in app.screen.query(Button)]


def test_a_changed_file_offers_reload_copy_or_cancel(tmp_path: Path) -> None:
    path = tmp_path / "orchard.score.toml"
    seen: list[list[str]] = []

    def make() -> ExternalChangeScreen:
        return ExternalChangeScreen(path, DiskState.CHANGED, _score(3), _score(1))

    app = Host(make)
    drive(app, ["s"], lambda a: seen.append(_buttons(a)))
    assert seen == [[RELOAD, SAVE_COPY, CANCEL]]
    assert app.answers == [], "saving over it is not offered"
    for key, answer in (("c", SAVE_COPY), ("l", RELOAD), ("escape", CANCEL), ("enter", SAVE_COPY)):
        app = Host(make)
        drive(app, [key])
        assert app.answers == [answer], key


def test_a_missing_file_can_be_saved_again(tmp_path: Path) -> None:
    path = tmp_path / "orchard.score.toml"
    seen: list[list[str]] = []
    app = Host(lambda: ExternalChangeScreen(path, DiskState.MISSING, _score(1), None))
    drive(app, [], lambda a: seen.append(_buttons(a)))
    assert seen == [[SAVE_AGAIN, SAVE_COPY, CANCEL]]
    app = Host(lambda: ExternalChangeScreen(path, DiskState.MISSING, _score(1), None))
    drive(app, ["s"])
    assert app.answers == [SAVE_AGAIN]


def test_an_unreadable_file_on_disk_cannot_be_reloaded(tmp_path: Path) -> None:
    path = tmp_path / "orchard.score.toml"
    broken = LoadError(str(path), [])
    seen: list[list[str]] = []
    app = Host(lambda: ExternalChangeScreen(path, DiskState.CHANGED, _score(1), broken))
    drive(app, ["l"], lambda a: seen.append(_buttons(a)))
    assert seen == [[SAVE_COPY, CANCEL]]
    assert app.answers == []
