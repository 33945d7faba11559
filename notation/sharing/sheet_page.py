"""The performer's sheet on paper: Markdown and one self-contained HTML page.

Both render a ``Sheet`` (``notation.sharing.sheet``) and nothing else, so they can
only say what the sheet's allow-list put in it. Every value is escaped (Markdown
punctuation; ``html.escape``). The HTML page has no script, fetches nothing (its
Content-Security-Policy allows only its inline style, by hash) and prints one
scene per page, each ending in a line to sign and date.
"""

from __future__ import annotations

from html import escape

from notation.sharing.html_page import _csp_hash
from notation.sharing.markdown import md_escape
from notation.sharing.sheet import Sheet, SheetBeat, SheetScene

INTRO = (
    "Everything this production asks of you, beat by beat, for you to read before you "
    "agree. You may ask for any change, and you may withdraw consent at any time, "
    "including on the day."
)
SIGN = "Agreed by the performer: ______________________   Date: ____________"


def _who(sheet: Sheet) -> str:
    text = sheet.name + (f" as {sheet.character}" if sheet.character else "")
    if sheet.minor:
        text += f" (minor; guardian: {sheet.guardian})" if sheet.guardian else " (minor)"
    return text


def _beat_lines(beat: SheetBeat) -> list[tuple[str, list[str]]]:
    """(label, lines) for what a beat holds for the performer, in a fixed order."""
    parts: list[tuple[str, list[str]]] = [
        ("You do", list(beat.does) or ["nothing (no touch given)"]),
        ("Done to you", list(beat.receives) or ["nothing (no touch received)"]),
        ("Timing", [beat.timing]),
        ("Where you are", list(beat.placement) or ["not placed yet"]),
    ]
    if beat.bare:
        parts.append(("Bare", [", ".join(beat.bare)]))
    if beat.simulated:
        parts.append(
            ("Simulated sex", ["yes: a barrier and your own modesty garment are required"])
        )
    if beat.garments:
        parts.append(("Your garments", list(beat.garments)))
    if beat.barriers:
        parts.append(("Barriers", list(beat.barriers)))
    return parts


def _beat_heading(beat: SheetBeat) -> str:
    # Under its scene's heading, so the scene title is not repeated.
    title = f": {beat.title}" if beat.title else ""
    return f"Beat {beat.number}{title}"


# -- Markdown ---------------------------------------------------------------------


def render_sheet_markdown(sheet: Sheet) -> str:
    """The sheet as Markdown, for email and print."""
    out = [f"# {md_escape(_who(sheet))}", ""]
    if sheet.production:
        out += [f"**Production:** {md_escape(sheet.production)}", ""]
    out += [f"*{md_escape(INTRO)}*", "", "## Your record", ""]
    for head, lines in sheet.record:
        out.append(f"**{md_escape(head)}**")
        out += [f"- {md_escape(line)}" for line in lines]
        out.append("")
    if not sheet.scenes:
        out += ["No scene names you yet.", ""]
    for scene in sheet.scenes:
        closed = ", closed set" if scene.closed_set else ""
        out += [f"## {md_escape(scene.title)}", "", f"*{md_escape(scene.medium + closed)}*", ""]
        if scene.own_record:
            out += ["**In this scene only, your record is:**", ""]
            for head, lines in scene.own_record:
                out.append(f"- {md_escape(head)}: {md_escape('; '.join(lines))}")
            out.append("")
        for beat in scene.beats:
            out += [f"### {md_escape(_beat_heading(beat))}", ""]
            out += [f"**{beat.mark} {md_escape(beat.state_words)}**", ""]
            for label, items in _beat_lines(beat):
                if len(items) == 1:
                    out.append(f"- {label}: {md_escape(items[0])}")
                else:
                    out.append(f"- {label}:")
                    out += [f"  - {md_escape(item)}" for item in items]
            out.append("")
        out += [md_escape(SIGN), ""]
    return "\n".join(out)


# -- HTML -------------------------------------------------------------------------

STYLE = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #55555f; --line: #c9c9d1; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 48rem; padding: 1rem 1.25rem 3rem; background: #fff; }
h1 { font-size: 1.6rem; margin: .2rem 0; } h2 { font-size: 1.25rem; margin: 1.2rem 0 .4rem; }
h3 { font-size: 1rem; margin: 1rem 0 .2rem; }
.meta, .intro { color: var(--muted); }
.state { font-weight: bold; margin: .2rem 0; }
dl { display: grid; grid-template-columns: 9rem 1fr; gap: .15rem .8rem; margin: .3rem 0; }
dt { color: var(--muted); } dd { margin: 0; }
ul { margin: .1rem 0 .4rem; padding-left: 1.2rem; }
section.scene { border-top: 2px solid var(--ink); margin-top: 1.5rem; }
article.beat { border-bottom: 1px solid var(--line); padding-bottom: .4rem; break-inside: avoid; }
.sign { margin-top: 1.6rem; padding-top: 1.6rem; font-size: 1.05rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  section.scene { break-before: page; border-top: none; }
  .sign { break-inside: avoid; }
}
"""

CSP = (
    f"default-src 'none'; style-src {_csp_hash(STYLE)}; img-src 'none'; "
    "connect-src 'none'; form-action 'none'; base-uri 'none'"
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _list(lines: list[str] | tuple[str, ...]) -> str:
    if len(lines) == 1:
        return _e(lines[0])
    return "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>"


def _record_html(record: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    return "".join(
        f"<h3>{_e(head)}</h3><ul>" + "".join(f"<li>{_e(x)}</li>" for x in lines) + "</ul>"
        for head, lines in record
    )


def _beat_html(scene: SheetScene, beat: SheetBeat) -> str:
    rows = "".join(
        f"<dt>{_e(label)}</dt><dd>{_list(lines)}</dd>" for label, lines in _beat_lines(beat)
    )
    return (
        f'<article class="beat" data-beat="{beat.number}" data-state="{_e(beat.state)}">'
        f"<h3>{_e(_beat_heading(beat))}</h3>"
        f'<p class="state">{_e(beat.mark)} {_e(beat.state_words)}</p><dl>{rows}</dl></article>'
    )


def _scene_html(scene: SheetScene) -> str:
    closed = ", closed set" if scene.closed_set else ""
    own = (
        "<p><strong>In this scene only, your record is:</strong></p>"
        + _record_html(scene.own_record)
        if scene.own_record
        else ""
    )
    beats = "".join(_beat_html(scene, beat) for beat in scene.beats)
    return (
        f'<section class="scene"><h2>{_e(scene.title)}</h2>'
        f'<p class="meta">{_e(scene.medium + closed)}</p>{own}{beats}'
        f'<p class="sign">{_e(SIGN)}</p></section>'
    )


def render_sheet_html(sheet: Sheet) -> str:
    """The sheet as one self-contained HTML page that prints one scene per page."""
    production = f'<p class="meta">{_e(sheet.production)}</p>' if sheet.production else ""
    scenes = "".join(_scene_html(s) for s in sheet.scenes) or "<p>No scene names you yet.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{_e(sheet.name)}: performer's sheet</title>"
        f"<style>{STYLE}</style></head><body>"
        f"<header><h1>{_e(_who(sheet))}</h1>{production}"
        f'<p class="intro">{_e(INTRO)}</p></header>'
        f'<section class="record"><h2>Your record</h2>{_record_html(sheet.record)}</section>'
        f"{scenes}</body></html>\n"
    )
