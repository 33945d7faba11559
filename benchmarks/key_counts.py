"""What one Down/Up in the editor makes Textual do, counted (not timed), so it can be
compared on a busy machine: frames, layout passes, widgets asked to repaint, widgets
drawn into a frame, lines rendered again, DataTable cells rendered through Rich (the
parts table's until it drew its own lines, or the bare app's).

    .venv/bin/python benchmarks/key_counts.py [--beats 5000] [--presses 20] [--start 6]

Runs the editor headless under Pilot at 120x40 on the generated score, moves to beat
``--start`` + 1, then presses Down and Up in turn, each followed by a pause long enough
for every later frame. Counts are per press. ``--bare`` counts the bare DataTable app
instead. The numbers are the same on every run of the same code (they are counts);
Pilot forces a frame of its own at each pause, so ``frames`` is at least one more
than a terminal would show. Prints one JSON object; never prints score contents.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from textual._styles_cache import StylesCache
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write  # noqa: E402

SIZE = (120, 40)
counts: Counter[str] = Counter()
counting = [False]


def _watch() -> None:
    """Count Textual's work by wrapping the methods that do it (this process only)."""
    refresh, layout, frame = Widget.refresh, Screen._refresh_layout, Screen._compositor_refresh
    line = StylesCache.render_line
    cell = DataTable._render_cell
    draw = StylesCache.render_widget

    def counted_refresh(self: Widget, *regions: Any, **kwargs: Any) -> Widget:
        if counting[0]:
            kind = "layout requests" if kwargs.get("layout") else "repaint requests"
            counts[f"{kind}: {type(self).__name__}"] += 1
        return refresh(self, *regions, **kwargs)

    def counted_layout(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        if counting[0]:
            counts["layout passes"] += 1
        layout(self, *args, **kwargs)

    def counted_frame(self: Screen[Any]) -> None:
        if counting[0]:
            counts["frames"] += 1
        frame(self)

    def counted_draw(self: StylesCache, widget: Widget, crop: Any) -> Any:
        if counting[0]:
            counts["widgets drawn into frames"] += 1
            counts[f"widgets drawn: {type(widget).__name__}#{widget.id}"] += 1
        return draw(self, widget, crop)

    def counted_line(self: StylesCache, *args: Any, **kwargs: Any) -> Any:
        if counting[0]:
            owner = getattr(args[7], "__self__", None)  # the widget's render_line
            counts["lines rendered"] += 1
            counts[f"lines rendered: {type(owner).__name__}"] += 1
        return line(self, *args, **kwargs)

    def counted_cell(self: DataTable[Any], *args: Any, **kwargs: Any) -> Any:
        if counting[0]:
            before = len(self._cell_render_cache)
            lines = cell(self, *args, **kwargs)
            counts["DataTable cells rendered"] += len(self._cell_render_cache) != before
            return lines
        return cell(self, *args, **kwargs)

    Widget.refresh = counted_refresh  # type: ignore[method-assign,assignment]
    Screen._refresh_layout = counted_layout  # type: ignore[method-assign]
    Screen._compositor_refresh = counted_frame  # type: ignore[method-assign]
    StylesCache.render_widget = counted_draw  # type: ignore[method-assign]
    StylesCache.render_line = counted_line  # type: ignore[method-assign]
    DataTable._render_cell = counted_cell  # type: ignore[method-assign]


async def _run(app: Any, presses: int, start: int, editor: bool) -> None:
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(600):  # the editor reads and checks a big score in threads
            await pilot.pause(0.1)
            marks = getattr(app.focused, "marks", None)
            if not editor or (marks and marks[0] != "·"):
                break
        await pilot.pause(0.5)
        for _ in range(start):
            await pilot.press("down")
        await pilot.pause(0.5)
        counting[0] = True
        for index in range(presses):
            await pilot.press("down" if index % 2 == 0 else "up")
            await pilot.pause(0.3)
        counting[0] = False


def main(argv: list[str] | None = None) -> int:
    """Count, and print the counts per press as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--beats", type=int, default=5000)
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--start", type=int, default=6, help="Down presses before counting")
    parser.add_argument("--bare", action="store_true", help="count the bare DataTable app")
    args = parser.parse_args(argv)
    _watch()
    if args.bare:
        from bare_table import BareTable

        app: Any = BareTable(args.beats)
    else:
        from choreo_tui.app import ChoreoApp

        app = ChoreoApp(write(beats=args.beats))
    asyncio.run(_run(app, args.presses, args.start, not args.bare))
    per_press = {k: round(v / args.presses, 2) for k, v in sorted(counts.items())}
    print(json.dumps({"presses": args.presses, "start": args.start, "per_press": per_press}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
