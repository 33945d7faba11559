"""Terminal safety: the one way score text reaches any output.

Scores are untrusted text. A performer's name may hold ESC, BEL, C1 controls or
bidirectional overrides that would move the cursor, set the window title or
write the clipboard if printed raw. ``safe`` shows each such character escaped
(``\\x1b``, ``\\u202e``) and leaves every other character, newline and tab as
they are.
"""

from __future__ import annotations

import re
from typing import Final

# C0 except tab and newline, DEL, C1, and the bidi embeddings, overrides and isolates.
_UNSAFE: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def safe(text: str) -> str:
    """``text`` with every control and bidi-override character shown escaped."""
    return _UNSAFE.sub(_escaped, text)


def safe_line(text: str) -> str:
    """Like ``safe``, but newlines and tabs are escaped too: for one-line places."""
    return _UNSAFE_LINE.sub(_escaped, text)


def _json_escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe_json(text: str) -> str:
    """JSON or TOML text with every control and bidi character as a ``\\uXXXX`` escape.

    For a whole document from ``json.dumps(..., ensure_ascii=False)`` (or a TOML
    file of basic strings): those characters can only stand inside strings there,
    where ``\\uXXXX`` means the same character, so the document still decodes to the
    true text while the terminal sees only escapes. Newline and tab between values
    are layout and are kept.
    """
    return _UNSAFE.sub(_json_escaped, text)
