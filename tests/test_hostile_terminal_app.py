"""The app never draws a control or bidi character from a score raw (issue 11, item 1).

Each screen is opened under Pilot on the canary score (or a canary file name,
lock owner or unreadable line), and the rendered strips, exactly what would be
sent to the terminal as text, are read: no unsafe character, and the canary is
shown escaped (``\\x1b``) where the screen shows that text.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from hostile_canary import FILE_NAME, UNSAFE, canary_score_text, write_canary

from choreo_tui.app import ChoreoApp
from choreo_tui.lock import lock_path_of

SIZES = [(100, 30), (80, 24)]
Steps = Callable[[ChoreoApp, object], Awaitable[None]]


DROPPED = "SGVsbG8=[2J"
"""The canary as it looks when its controls were dropped by the net, not escaped."""


def screen_text(app: ChoreoApp, *, inputs: bool = True) -> str:
    """The text of every cell of the current screen, as composed for the terminal.

    ``inputs=False`` blanks text fields: they hold the true value for editing,
    so there the net drops unsafe characters instead of showing them escaped.
    """
    strips = app.screen._compositor.render_strips()
    hidden = [] if inputs else [w.region for w in app.screen.query("Input, TextArea")]
    lines = []
    for y, strip in enumerate(strips):
        cuts = sorted((r.x, r.right) for r in hidden if r.y <= y < r.bottom)
        pieces, x = [], 0
        for start, end in cuts:
            pieces.append(strip.crop(x, max(x, start)))
            x = max(x, end)
        pieces.append(strip.crop(x, strip.cell_length))
        lines.append("".join(s.text for p in pieces for s in p if not s.control))
    return "\n".join(lines)


def run(app: ChoreoApp, keys: tuple[str, ...], size: tuple[int, int]) -> list[str]:
    shots: list[str] = []

    async def go() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            shots.extend((screen_text(app), screen_text(app, inputs=False)))
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
                await pilot.pause()
                shots.extend((screen_text(app), screen_text(app, inputs=False)))

    asyncio.run(go())
    return shots


def assert_safe(shots: list[str], *, shown: bool = True) -> None:
    for number, shot in enumerate(shots):
        found = UNSAFE.search(shot)
        assert found is None, f"raw {found.group()!r} on screen {number}:\n{shot}"
    if shown:
        assert all("\\x1b" in shot for shot in shots), "the canary is not shown escaped"
    for shot in shots[1::2]:
        assert DROPPED not in shot, f"shown with its controls dropped, not escaped:\n{shot}"
        # Rich drops BEL from text it is given raw: escaped before, it is seen.
        assert "SGVsbG8=\\x1b[2J" not in shot, f"BEL silently dropped:\n{shot}"


def app_on(path: Path | None, folder: Path) -> ChoreoApp:
    return ChoreoApp(path, keymap_file=folder / "no-keys.toml", folder=folder)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "keys",
    [(), ("down", "e"), ("c",), ("r",), ("p",), ("s",), ("g",)],
    ids=["editor", "form", "cast", "replay", "problems", "scene", "agree"],
)
def test_the_editors_screens_escape_the_canary(
    tmp_path: Path, keys: tuple[str, ...], size: tuple[int, int]
) -> None:
    path = write_canary(tmp_path)
    assert_safe(run(app_on(path, tmp_path), keys, size))


@pytest.mark.parametrize("size", SIZES)
def test_start_screen_file_names_are_escaped(tmp_path: Path, size: tuple[int, int]) -> None:
    write_canary(tmp_path, FILE_NAME)
    assert_safe(run(app_on(None, tmp_path), (), size))


def test_an_unreadable_files_quoted_line_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(canary_score_text().replace("[[beats]]", 'bad = "\x1b]0;x\x07\n[[beats]]', 1))
    shots = run(app_on(path, tmp_path), (), (100, 30))
    assert_safe(shots)
    assert 'bad = "\\x1b]0;x\\x07' in shots[-1]


def test_the_lock_owners_host_is_escaped(tmp_path: Path) -> None:
    path = write_canary(tmp_path)
    # A lock from another host (so never stale here), naming a hostile host.
    lock_path_of(path).write_text("1\nhost\x1b]0;pwned\x07\u202e\n")
    app = app_on(path, tmp_path)
    shots = run(app, (), (100, 30))
    assert_safe(shots)
    # The holder is named in a notice (a toast, drawn on its own layer).
    notices = [str(n.message) for n in app._notifications]
    assert any("host\\x1b]0;pwned\\x07\\u202e" in notice for notice in notices), notices
    assert not any(UNSAFE.search(notice) for notice in notices)


def test_the_restore_offer_shows_changed_titles_escaped(tmp_path: Path) -> None:
    from choreo_tui.recovery import RecoveryCopy
    from notation import load

    path = write_canary(tmp_path)
    edited = load(path)
    edited = edited.replace(beats=(*edited.beats, edited.beats[0]))
    RecoveryCopy(path).write(edited)
    shots = run(app_on(path, tmp_path), (), (100, 30))
    assert_safe(shots)
    assert "Beat \\x1b]52" in shots[-1]
