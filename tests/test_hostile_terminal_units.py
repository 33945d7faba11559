"""The pieces of terminal safety: the CLI stream, JSON escapes, the app's net and Text."""

from __future__ import annotations

import io
import json

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.color import Color

from choreo_tui.cli.output import SafeStream, console
from choreo_tui.terminal_filter import TerminalSafety, escaped
from notation.terminal import safe_json

EVIL = "a\x1b]0;t\x07\x9b\u202eb"


def test_the_stream_escapes_and_keeps_layout() -> None:
    raw = io.StringIO()
    SafeStream(raw).write(f"{EVIL}\n\tok\n")
    assert raw.getvalue() == "a\\x1b]0;t\\x07\\x9b\\u202eb\n\tok\n"


def test_json_stays_json_and_decodes_to_the_true_text() -> None:
    text = safe_json(json.dumps({"name": EVIL + "\x7f\x85"}, ensure_ascii=False))
    assert "\x9b" not in text and "\u202e" not in text and "\x7f" not in text
    assert json.loads(text) == {"name": EVIL + "\x7f\x85"}


def test_the_rich_console_escapes_text_but_keeps_its_own_styles() -> None:
    raw = io.StringIO()
    out = console(force_terminal=True, color_system="standard", width=80)
    out.file = raw
    out.print(Text(EVIL, style="bold"))
    printed = raw.getvalue()
    assert "\x1b[1m" in printed  # Rich's own bold
    assert "\\x1b]0;t" in printed and "\u202e" not in printed


def test_the_net_drops_unsafe_characters_without_moving_anything() -> None:
    line = [Segment("ab"), Segment(EVIL, Style(bold=True)), Segment("cd")]
    out = TerminalSafety().apply(line, Color(0, 0, 0))
    assert "".join(s.text for s in out) == "ab" + "a]0;tb" + "cd"
    assert out[1].style == Style(bold=True)


def test_escaped_text_keeps_each_style_on_its_characters() -> None:
    text = Text("x")
    text.append("\x1bname", "bold")
    text.append(" tail", "italic")
    shown = escaped(text)
    assert shown.plain == "x\\x1bname tail"
    styles = {shown.plain[s.start : s.end]: str(s.style) for s in shown.spans}
    assert styles == {"\\x1bname": "bold", " tail": "italic"}
