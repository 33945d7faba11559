"""A real browser opens an HTML export and steps through the beats with the keyboard.

Headless Chromium (Debian's ``chromium``; ``.ci/run`` installs it when missing) is
driven over the DevTools protocol with ``websocket-client``. The test asserts on
the DOM (the current beat's title and its SVG markers), checks that the page
asks the network for nothing, that print shows every beat, and saves a
screenshot (to ``$CHOREO_BROWSER_SHOTS`` when set, else the test's temp folder).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import websocket  # websocket-client, from the test extra

from notation import loads
from notation.sharing import export

CHROMIUM = next(
    (p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and os.path.exists(p)), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium at /usr/bin/chromium (apt-get install chromium)"
)

SCORE = """format = "choreo-score"
version = 1

[scene]
title = "Station platform <night>"
medium = "film"
self_care_cue = "hold"
closed_set = true

[[performers]]
id = "ana"
name = "Ana Alvarez"

[[performers]]
id = "ben"
name = "Ben Brook"

[[beats]]
title = "the wait"

[beats.timing]
counts = 4

[[beats.placements]]
who = "ana"
area = "USL"
facing = "DS"

[[beats]]
title = "the approach"

[beats.timing]
counts = 6

[[beats.touches]]
by = "ben"
with = "hand_r"
to = "ana"
on = "upper_back"

[[beats.placements]]
who = "ana"
area = "CS"
level = "seated"
facing = "ben"

[[beats.placements]]
who = "ben"
area = "CS"
facing = "ana"

[[beats]]
title = "the lean"

[beats.timing]
seconds = 5

[[beats.touches]]
by = "ana"
with = "torso"
to = "ben"
on = "chest"
action = "lean"

[[beats.placements]]
who = "ana"
area = "DSR"
level = "lying"

[[beats.placements]]
who = "ben"
area = "DSR"
level = "kneeling"
facing = "SR"

[[beats.barriers]]
kind = "bolster"
between = ["ana", "ben"]
"""

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1100,900",
)
DEADLINE = 60.0
"""A guard against a hung browser, not a timing assertion."""


class DevTools:
    """A minimal DevTools-protocol client: commands by id, events kept in order."""

    def __init__(self, url: str) -> None:
        self.socket = websocket.create_connection(url, timeout=DEADLINE, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its result, keeping events that arrive meanwhile."""
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message: dict[str, Any] = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for the next event called ``method``."""
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        while True:
            message: dict[str, Any] = json.loads(self.socket.recv())
            if message.get("method") == method:
                return message
            self.events.append(message)

    def js(self, expression: str) -> Any:
        """Evaluate JavaScript in the page and return its value."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def key(self, key: str, code: int) -> None:
        """Press and release one key, as a user would."""
        for kind in ("keyDown", "keyUp"):
            self.send(
                "Input.dispatchKeyEvent",
                type=kind,
                key=key,
                code=key,
                windowsVirtualKeyCode=code,
                nativeVirtualKeyCode=code,
            )


def _port(profile: Path, process: subprocess.Popen[bytes]) -> int:
    marker = profile / "DevToolsActivePort"
    give_up = time.monotonic() + DEADLINE
    while not marker.exists() or not marker.read_text().strip():
        if process.poll() is not None or time.monotonic() > give_up:
            raise AssertionError("Chromium did not start its DevTools endpoint")
        time.sleep(0.05)
    return int(marker.read_text().split()[0])


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[DevTools]:
    profile = tmp_path / "profile"
    profile.mkdir()
    assert CHROMIUM is not None
    process = subprocess.Popen(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port = _port(profile, process)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=DEADLINE) as r:
            targets = json.load(r)
        page = next(t for t in targets if t["type"] == "page")
        tools = DevTools(page["webSocketDebuggerUrl"])
        yield tools
        tools.socket.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


CURRENT_TITLE = "document.querySelector('section.beat.current .beat-title').textContent"
CURRENT_MARKERS = (
    "Array.from(document.querySelectorAll('section.beat.current svg g.performer'))"
    ".map(g => [g.dataset.who, g.dataset.level, g.dataset.facing])"
)
VISIBLE_BEATS = (
    "Array.from(document.querySelectorAll('section.beat'))"
    ".filter(s => getComputedStyle(s).display !== 'none').length"
)


def test_html_export_steps_through_beats_with_the_keyboard(
    browser: DevTools, tmp_path: Path
) -> None:
    page = tmp_path / "platform.director.html"
    page.write_text(export(loads(SCORE), "html"), encoding="utf-8")
    browser.send("Network.enable")
    browser.send("Page.enable")
    browser.send("Runtime.enable")
    browser.send("Log.enable")
    browser.send("Page.navigate", url=page.as_uri())
    browser.wait_for("Page.loadEventFired")

    assert browser.js("document.getElementById('scene-title').textContent") == (
        "Station platform <night>"
    )
    assert browser.js(CURRENT_TITLE) == "the wait"
    # The inline style ran under the page's Content-Security-Policy (by its hash).
    assert browser.js("getComputedStyle(document.querySelector('.beat-nav')).position") == (
        "sticky"
    )
    assert browser.js(CURRENT_MARKERS) == [["ana", "standing", "DS"]]
    assert browser.js(VISIBLE_BEATS) == 1
    assert browser.js("document.getElementById('position').textContent") == "Beat 1 of 3"
    assert browser.js("document.getElementById('prev').disabled") is True

    browser.key("ArrowRight", 39)
    assert browser.js(CURRENT_TITLE) == "the approach"
    assert browser.js(CURRENT_MARKERS) == [["ana", "seated", "ben"], ["ben", "standing", "ana"]]
    assert browser.js("document.querySelectorAll('section.beat.current .facing').length") == 2

    browser.key("ArrowRight", 39)
    assert browser.js(CURRENT_TITLE) == "the lean"
    assert browser.js(CURRENT_MARKERS) == [["ana", "lying", ""], ["ben", "kneeling", "SR"]]
    assert browser.js("document.querySelector('section.beat.current g.barrier').dataset.kind") == (
        "bolster"
    )
    assert browser.js("document.getElementById('next').disabled") is True
    browser.key("ArrowRight", 39)  # past the last beat: stays
    assert browser.js(CURRENT_TITLE) == "the lean"

    whole = browser.send("Page.captureScreenshot", format="png")
    shot = base64.b64decode(whole["data"])
    assert shot.startswith(b"\x89PNG\r\n\x1a\n")
    folder = Path(os.environ.get("CHOREO_BROWSER_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "html-export-beat-3.png").write_bytes(shot)

    browser.key("ArrowLeft", 37)
    assert browser.js(CURRENT_TITLE) == "the approach"
    browser.js("document.getElementById('prev').click()")
    assert browser.js(CURRENT_TITLE) == "the wait"

    # A link to #beat-3 opens beat 3 (the page's own listener runs before this one).
    jump = (
        "new Promise(done => { window.addEventListener('hashchange', () => done("
        + CURRENT_TITLE
        + "), {once: true}); window.location.hash = '#beat-3'; })"
    )
    result = browser.send("Runtime.evaluate", expression=jump, awaitPromise=True)
    assert result["result"]["value"] == "the lean"

    # The page fetched nothing but itself.
    requested = [
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    assert requested and all(url == page.as_uri() for url in requested), requested
    # Nor did the browser refuse or fail anything (a CSP violation is logged as an error).
    problems = [
        e["params"]["entry"]["text"]
        for e in browser.events
        if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"
    ]
    assert problems == []

    # In print every beat shows, one block each.
    browser.send("Emulation.setEmulatedMedia", media="print")
    assert browser.js(VISIBLE_BEATS) == 3
    assert browser.js("getComputedStyle(document.querySelector('.beat-nav')).display") == "none"

    # Without script every beat shows too, and the buttons that need it are hidden.
    browser.send("Emulation.setEmulatedMedia", media="")
    browser.send("Emulation.setScriptExecutionDisabled", value=True)
    browser.send("Page.reload")
    browser.wait_for("Page.loadEventFired")
    assert browser.js(VISIBLE_BEATS) == 3
    assert browser.js("getComputedStyle(document.querySelector('.beat-nav')).display") == "none"
