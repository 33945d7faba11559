"""What the screen shows of the parts table, in every state a user can put it in.

``tests/golden/parts_screens.json`` holds what the screen showed when the parts were a
``DataTable`` (recorded with ``python tests/parts_screens.py``, before the parts became
a line-API widget); ``test_parts_screens.py`` holds the parts to it, line by line and
style by style. Each state is the parts table's region of the whole screen (its
scrollbar included), as pieces of text with their style, neighbours of one style joined.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from factories import barrier, beat, beat_garment, performer, placed, score, touch
from textual.geometry import Size
from textual.pilot import Pilot

from choreo_tui.app import ChoreoApp
from notation import save

GOLDEN = Path(__file__).parent / "golden" / "parts_screens.json"
SIZES = ((80, 24), (120, 40), (100, 34), (61, 30))

Lines = list[list[list[str]]]


def scenes(folder: Path) -> dict[str, Path]:
    """Scores whose parts cover what the table shows: few and many rows, rows that wrap,
    carried placements, every kind of part, names that look like markup, no beats."""
    people = (
        performer("ana", "安娜·沃尔肯施泰因-鲁伊斯 Anastasia"),
        performer("ben", "B" * 90 + " Okafor 🙂🙂🙂 Lindqvist-" * 3),
        performer("cy", "Cy [bold]not markup[/] Ng"),
    )
    wide = score(
        beat(
            touch(on="neck"),
            touch(by="ana", to="ben", on="hand"),
            touch(by="cy", to="ana", on="upper_back"),
            touch(on="upper_back"),
            title="wide",
            placements=(placed("ana"), placed("cy")),
        ),
        beat(touch(by="cy", to="ben", on="lips", action="kiss"), title="short"),
        beat(
            title="every kind",
            barriers=(barrier(),),
            garments=(beat_garment("ana"),),
            bare={"ben": ("upper_back", "buttocks")},
        ),
        beat(title="nothing"),
        performers=people,
    )
    two = (performer("ana", "Ana Ruiz"), performer("ben", "Ben Okafor"))
    rows = score(
        beat(title="few", placements=(placed("ana"),)),
        *(
            beat(*[touch(on="upper_back", counts=k + 1) for k in range(n)], title=f"{n} touches")
            for n in (1, 3, 5, 8)
        ),
        performers=two,
    )
    empty = score(performers=two)
    paths = {}
    for name, each in (("wide", wide), ("rows", rows), ("empty", empty)):
        paths[name] = folder / f"{name}.score.toml"
        save(each, paths[name])
    return paths


def _region(pilot: Pilot[Any]) -> Lines:
    """The parts table's region of the screen, as (text, style) pieces per line."""
    app = pilot.app
    parts = app.screen.query_one("#parts")
    region = parts.region
    strips = app.screen._compositor.render_strips(Size(*app.size))
    lines: Lines = []
    for y in range(region.y, region.bottom):
        strip = strips[y].crop(region.x, region.right)
        pieces: list[list[str]] = []
        for segment in strip:
            style = str(segment.style) if segment.style else ""
            if pieces and pieces[-1][1] == style:
                pieces[-1][0] += segment.text
            else:
                pieces.append([segment.text, style])
        lines.append(pieces)
    return lines


async def walk(pilot: Pilot[Any], name: str) -> dict[str, Lines]:
    """Every state of the parts table this scene and size are put through."""
    shown: dict[str, Lines] = {}

    async def take(what: str) -> None:
        await pilot.pause()
        await pilot.pause()
        shown[what] = _region(pilot)

    await take("opened")
    if name == "empty":
        return shown
    beats = 5 if name == "rows" else 4
    for index in range(1, beats):
        await pilot.press("down")
        await take(f"beat {index + 1}")
    # The beat with the most rows: into the parts, down through them and back.
    target = beats - 1 if name == "rows" else 0
    for _ in range(beats):
        await pilot.press("up")
    for _ in range(target):
        await pilot.press("down")
    await take("list on the fullest beat")
    pilot.app.screen.query_one("#parts").focus()
    await take("parts focused")
    for step in range(10):
        await pilot.press("down")
        await take(f"parts down {step + 1}")
    for step in range(3):
        await pilot.press("up")
        await take(f"parts up {step + 1}")
    await pilot.press("end")
    await take("parts end")
    await pilot.press("home")
    await take("parts home")
    await pilot.press("pagedown")
    await take("parts page down")
    await pilot.hover("#parts", offset=(4, 1))
    await take("hover first row")
    await pilot.hover("#parts", offset=(20, 2))
    await take("hover second row")
    await pilot.hover("#parts", offset=(3, 0))
    await take("hover header")
    await pilot.press("home")
    await pilot.click("#parts", offset=(4, 2))
    await pilot.pause()
    # Under Pilot a click may leave the widget for a moment (a Leave) before or after
    # the click itself; a real mouse moves there first. Hover there again.
    if type(pilot.app.screen).__name__ == "EditorScreen":
        await pilot.hover("#parts", offset=(4, 2))
    # A click on the highlighted row edits it, as Enter does: its form opens.
    screen = type(pilot.app.screen).__name__
    shown["clicked second line: screen"] = [[[screen, ""]]]
    if screen != "EditorScreen":
        await pilot.press("escape")
    await take("clicked second line")
    await pilot.click("#parts", offset=(4, 2))
    await pilot.pause()
    shown["clicked it again: screen"] = [[[type(pilot.app.screen).__name__, ""]]]
    await pilot.press("escape")
    await pilot.pause()
    pilot.app.screen.query_one("#parts").focus()
    await pilot.hover("#parts", offset=(4, 1))
    await take("hover after the form")
    await pilot.press("down")
    await take("keyboard after the mouse")
    width = pilot.app.screen.query_one("#parts").region.width
    await pilot.hover("#parts", offset=(width - 1, 1))
    await take("hover the scrollbar")
    await pilot.hover("#beat-status", offset=(0, 0))
    await take("mouse away")
    await pilot.press("escape")
    await take("back to the list")
    # Another beat while the parts were scrolled and their cursor down: the new rows
    # start from the top, the cursor stays on its row number where there is one.
    away, back = ("up", "down") if target else ("down", "up")
    await pilot.press(away)
    await take("another beat after the parts scrolled")
    await pilot.press(back)
    await take("and back")
    pilot.app.screen.query_one("#parts").focus()
    await pilot.press("end")
    await pilot.hover("#parts", offset=(4, 1))
    await pilot.press("escape", away)
    await take("another beat under the mouse")
    return shown


async def record(folder: Path) -> dict[str, dict[str, Lines]]:
    """Every scene at every size: ``{"scene WxH": {state: lines}}``."""
    out: dict[str, dict[str, Lines]] = {}
    for name, path in scenes(folder).items():
        for size in SIZES:
            app = ChoreoApp(path, keymap_file=folder / "k.toml", folder=folder)
            async with app.run_test(size=size) as pilot:
                await pilot.pause()
                out[f"{name} {size[0]}x{size[1]}"] = await walk(pilot, name)
    return out


def main() -> int:
    """Record the golden file from the code as it is."""
    with tempfile.TemporaryDirectory() as folder:
        shown = asyncio.run(record(Path(folder)))
    GOLDEN.write_text(json.dumps(shown, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
