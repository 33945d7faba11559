"""Shared Markdown never turns a note into a clickable link (issue 11, item 7).

GitHub-flavoured Markdown links bare ``https://…``, ``www.…`` and e-mail
addresses by itself ("autolinks"), so escaping punctuation is not enough.
"""

from __future__ import annotations

import re

import pytest

from notation import loads
from notation.sharing.markdown import md_escape, render_markdown

# What GFM's autolink extension recognises (close enough to catch any survivor).
_AUTOLINK = re.compile(
    r"(?i)(?:\b[a-z][a-z0-9+.-]*://|(?<![\w.])www\.|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
)


@pytest.mark.parametrize(
    "text",
    [
        "see https://evil.example/x now",
        "HTTP://EVIL.EXAMPLE",
        "ftp://files.example/f",
        "go to www.evil.example",
        "(WWW.evil.example)",
        "mail ana.b+1@mail.example.org please",
        "mailto:ana@example.org",
    ],
)
def test_md_escape_leaves_nothing_gfm_would_link(text: str) -> None:
    assert not _AUTOLINK.search(md_escape(text)), md_escape(text)


def test_defanged_text_still_reads() -> None:
    assert md_escape("www.x.example") == "www\\[.\\]x.example"
    assert md_escape("https://x.example") == "https\\[:\\]//x.example"
    assert md_escape("ana@x.example") == "ana\\[@\\]x.example"


def test_a_note_with_links_exports_without_any() -> None:
    score = loads(
        'format = "choreo-score"\nversion = 1\n[scene]\ntitle = "www.title.example"\n'
        'notes = "call https://a.example or b@c.example"\n'
    )
    assert not _AUTOLINK.search(render_markdown(score))
