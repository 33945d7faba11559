"""Rule words live once, beside SEVERITY: every code has them, and the format reference
lists every code with the severity the checker gives it."""

from __future__ import annotations

import re
from pathlib import Path

from notation.findings import RULE_WORDS, SEVERITY

FORMAT_DOC = Path(__file__).resolve().parent.parent / "docs" / "format.md"


def test_every_rule_code_has_a_few_words_and_nothing_else_does() -> None:
    assert set(RULE_WORDS) == set(SEVERITY)
    for code, words in RULE_WORDS.items():
        assert words and words == words.strip() and len(words) <= 40, code
        assert not words[0].isupper(), f"{code}: words go inside a sentence"


def test_the_format_reference_lists_every_code_with_its_severity() -> None:
    rows = re.findall(r"^\| ([BNSCTP]\d{3}) \| (\w+) \|", FORMAT_DOC.read_text(), re.MULTILINE)
    assert dict(rows) == SEVERITY
