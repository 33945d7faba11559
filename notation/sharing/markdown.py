"""The director's copy as Markdown, for email and print.

It reads as plain text in a mail client and renders cleanly in any Markdown
viewer. Every value from the score is escaped so that a title or a note can
never become a link, an image, raw HTML or a heading.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from notation.blocking import in_force_words
from notation.describe import (
    barrier_words,
    garment_words,
    timing_words,
    touch_words,
)
from notation.model import Beat, Performer, Score
from notation.sharing.words import (
    DISCLAIMER,
    NOT_CLEARED,
    agreement_sections,
    agreement_status,
    bare_words,
    beat_flags,
    beat_garment_words,
    performer_line,
)
from notation.terminal import safe

# Punctuation that can start emphasis, code, links, images, raw HTML, tables or
# strike-through anywhere in a line, and an entity-looking "&name;".
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~]|&(?=#?\w+;))")
# What turns the start of a line into a list item, a heading underline or a rule.
_LEADING = re.compile(r"^([-+=]|\d+(?=[.)](?:\s|$)))")
# What GitHub-flavoured Markdown links by itself even with every punctuation mark
# escaped (its "autolinks"): a scheme's "://", "www." and an e-mail's "@". Each is
# defanged the way security write-ups do ("https[:]//", "www[.]", "ana[@]x.org"),
# so the words still read and nothing in a shared copy is one click from a site.
_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*):(?=//)")
_WWW = re.compile(r"(?i)\b(www)\.")
_AT = re.compile(r"@(?=[\w-]+\.)")


def _defang(text: str) -> str:
    return _AT.sub("[@]", _WWW.sub(r"\1[.]", _SCHEME.sub(r"\1[:]", text)))


def _leading(match: re.Match[str]) -> str:
    token = match.group(1)
    # "1." becomes "1\." and "-" becomes "\-": either way no list starts.
    return token + "\\" if token[0].isdigit() else "\\" + token


def md_escape(text: str) -> str:
    """``text`` on one line with Markdown and HTML punctuation backslash-escaped.

    Web and e-mail addresses are defanged too (``https[:]//``, ``www[.]``, ``[@]``).
    Control and bidi characters are shown escaped first (``\\x1b``), as everywhere
    Choreo shows score text: the file may be printed by ``cat`` or drawn in the app, and
    folding whitespace must not turn a NEL (U+0085) or a separator into a plain space.
    """
    shown = " ".join(safe(text).split())
    return _LEADING.sub(_leading, _SPECIAL.sub(r"\\\1", _defang(shown)))


def _block(text: str) -> list[str]:
    """A multi-line note as a quoted block, each line escaped and kept as its own line."""
    lines = [line for line in text.splitlines() if line.strip()]
    # An empty quoted line between lines keeps them apart when rendered.
    return [out for line in lines for out in (">", f"> {md_escape(line)}")][1:]


def _items(lines: list[str], empty: str) -> list[str]:
    return [f"- {md_escape(line)}" for line in lines] if lines else [f"- {md_escape(empty)}"]


def _header(score: Score) -> list[str]:
    s = score.scene
    out = [f"# {md_escape(s.title)}", ""]
    facts = [
        ("Production", s.production),
        ("Medium", s.medium),
        ("Tempo", f"{s.tempo:g} counts per minute"),
        ("Coordinator", s.coordinator),
        ("Director", s.director),
        ("Closed set", "✓ yes" if s.closed_set else "no"),
        (
            "Self-care cue",
            f"“{s.self_care_cue}” (anyone may call it; everything stops at once)"
            if s.self_care_cue
            else "✗ none agreed yet",
        ),
    ]
    out += [f"- **{label}:** {md_escape(value)}" for label, value in facts if value]
    if s.notes:
        out += ["", *_block(s.notes)]
    out += ["", f"*{md_escape(DISCLAIMER)}*", ""]
    return out


def _agreements(p: Performer) -> list[str]:
    out: list[str] = []
    for head, lines in agreement_sections(p):
        out.append(f"  - {md_escape(head)}:")
        out += [f"    - {md_escape(line)}" for line in lines]
    return out or ["  - no boundaries or rider on record"]


def _cast(score: Score, with_boundaries: bool) -> list[str]:
    out = ["## Cast", ""]
    if not score.performers:
        out.append("No performers.")
    for p in score.performers:
        garments = "; ".join(garment_words(score, g) for g in p.garments)
        line = f"- **{md_escape(performer_line(p))}** ({md_escape(p.id)})"
        if garments:
            line += f"; all scene: {md_escape(garments)}"
        out.append(line)
        if with_boundaries:
            out += _agreements(p)
    return [*out, ""]


def _beat(score: Score, beat: Beat, number: int) -> list[str]:
    status = agreement_status(score, beat)
    timing = timing_words(beat, score.scene.tempo)
    if beat.timing is not None and beat.timing.cue:
        timing += f"; cue: {beat.timing.cue}"
    out = [f"### Beat {number}: {md_escape(beat.title or '(untitled)')}", ""]
    flags = beat_flags(beat)
    if flags:
        out += [f"**{md_escape(' · '.join(flags))}**", ""]
    out += [
        f"**Agreement:** {status.mark} {status.word}: {md_escape(status.text)}",
        "",
        f"**Timing:** {md_escape(timing)}",
        "",
        "**Touches:**",
        "",
        *_items([touch_words(score, t) for t in beat.touches], "no touch in this beat"),
        "",
        "**Placements:**",
        "",
        *_items(in_force_words(score, number - 1), "nobody placed"),
        "",
    ]
    if beat.barriers:
        out += ["**Barriers:**", "", *_items([barrier_words(score, b) for b in beat.barriers], "")]
        out.append("")
    garments = beat_garment_words(score, beat)
    if garments:
        out += ["**Garments:**", "", *_items(garments, ""), ""]
    if beat.bare:
        out += ["**Nudity:**", "", *_items(bare_words(score, beat), ""), ""]
    if beat.notes:
        out += ["**Notes:**", "", *_block(beat.notes), ""]
    return out


def render_markdown(
    score: Score, *, with_boundaries: bool = False, not_cleared: Collection[int] = ()
) -> str:
    """The Markdown for a director's copy (pass the copy, never the original).
    ``not_cleared``: 1-based beats marked "not cleared: do not run", never saying why."""
    lines = _header(score) + _cast(score, with_boundaries) + ["## Beats", ""]
    if not score.beats:
        lines += ["No beats yet.", ""]
    for number, beat in enumerate(score.beats, start=1):
        beat_lines = _beat(score, beat, number)
        if number in not_cleared:
            beat_lines[2:2] = [f"**{NOT_CLEARED}.**", ""]
        lines += beat_lines
    return "\n".join(lines).rstrip("\n") + "\n"
