"""The director's copy as one self-contained HTML page.

One file, no network, no external assets: the style and the script are inline
and a Content-Security-Policy allows exactly those two (by hash) and nothing
else, so the page cannot fetch anything even if a value slipped through. Every
value from the score is escaped with ``html.escape``.

On screen the beats show one at a time (←/→ keys, or the buttons); without
script, and in print, the whole scene shows, one beat per block.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Collection
from html import escape

from notation.blocking import blocked, in_force_words
from notation.describe import (
    barrier_words,
    garment_words,
    timing_words,
    touch_words,
)
from notation.model import Beat, Performer, Score
from notation.sharing.stage_plot import stage_plot
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

STYLE = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b66; --line: #c9c9d1;
  --ok: #1b6e3a; --warn: #8a5a00; --bad: #a31b1b; --paper: #fbfbfd; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  background: var(--paper); margin: 0 auto; max-width: 62rem; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: .2rem 0; } h2 { font-size: 1.25rem; margin: .2rem 0 .6rem; }
h3 { font-size: 1rem; margin: .8rem 0 .2rem; color: var(--muted); }
.meta, .disclaimer { color: var(--muted); margin: .2rem 0; }
.cue { font-size: 1.1rem; border: 2px solid var(--ink); display: inline-block;
  padding: .2rem .6rem; border-radius: .3rem; margin: .4rem 0; }
.pre { white-space: pre-line; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border-bottom: 1px solid var(--line); text-align: left; padding: .3rem .4rem;
  vertical-align: top; }
ul { margin: .1rem 0 .4rem; padding-left: 1.2rem; }
.beat-nav { position: sticky; top: 0; background: var(--paper); padding: .5rem 0;
  border-bottom: 1px solid var(--line); display: flex; gap: .6rem; align-items: center; }
.beat-nav button { font: inherit; padding: .3rem .8rem; border: 1px solid var(--ink);
  border-radius: .3rem; background: #fff; cursor: pointer; }
.beat-nav button:disabled { opacity: .4; cursor: default; }
.beat-nav .hint { color: var(--muted); font-size: .9rem; margin-left: auto; }
.no-script .beat-nav { display: none; }
section.beat { border: 1px solid var(--line); border-radius: .5rem; padding: .8rem 1rem;
  margin: 1rem 0; background: #fff; scroll-margin-top: 3.5rem; }
.js section.beat:not(.current) { display: none; }
.beat-body { display: grid; grid-template-columns: minmax(16rem, 26rem) 1fr; gap: 1rem; }
@media (max-width: 46rem) { .beat-body { grid-template-columns: 1fr; } }
.beat-index a[aria-current] { font-weight: 700; }
.beat-index a[aria-current]::after { content: "  ◀ showing"; color: var(--muted); }
.flags { color: var(--warn); font-weight: 600; }
.agreement { font-weight: 600; } .agreement-current { color: var(--ok); }
.agreement-lapsed, .agreement-partial { color: var(--warn); } .agreement-none { color: var(--bad); }
svg.stage-plot { width: 100%; height: auto; font-family: system-ui, sans-serif; }
svg .grid rect { fill: #f4f4f8; stroke: var(--line); }
svg text { font-size: 11px; text-anchor: middle; fill: var(--ink); }
svg text.area { text-anchor: start; fill: var(--muted); font-size: 10px; }
svg text.side { fill: var(--muted); font-size: 10px; }
svg .house rect { fill: #e3e3ea; stroke: var(--ink); }
svg .house text { font-weight: 700; letter-spacing: .1em; }
svg .performer .body { fill: #dde8f7; stroke: #1f4e8c; stroke-width: 2; }
svg .performer .lift { fill: none; stroke: #1f4e8c; stroke-dasharray: 3 2; }
svg .performer .initials { font-weight: 700; font-size: 11px; }
svg .performer .level { font-size: 9.5px; fill: var(--muted); }
svg .facing { stroke: #1f4e8c; stroke-width: 2; } svg .facing-head { fill: #1f4e8c; }
svg .barrier line { stroke: #7a4b00; stroke-width: 6; stroke-linecap: round; }
svg .barrier text { fill: #7a4b00; font-size: 10px; font-weight: 700; }
@media print {
  body { background: #fff; max-width: none; padding: 0; font-size: 11pt; }
  .beat-nav, .no-print { display: none !important; }
  section.beat, .js section.beat:not(.current) { display: block !important;
    break-inside: avoid; page-break-inside: avoid; border-color: #999; }
  .beat-body { grid-template-columns: 22rem 1fr; }
}
"""

SCRIPT = """
(function () {
  var root = document.documentElement;
  root.classList.remove("no-script");
  var beats = Array.prototype.slice.call(document.querySelectorAll("section.beat"));
  if (!beats.length) { return; }
  root.classList.add("js");
  var prev = document.getElementById("prev"), next = document.getElementById("next");
  var position = document.getElementById("position"), index = 0;
  var links = Array.prototype.slice.call(document.querySelectorAll(".beat-index a"));
  function show(n, reveal) {
    index = Math.max(0, Math.min(beats.length - 1, n));
    beats.forEach(function (beat, k) { beat.classList.toggle("current", k === index); });
    links.forEach(function (link, k) {
      if (k === index) { link.setAttribute("aria-current", "step"); }
      else { link.removeAttribute("aria-current"); }
    });
    position.textContent = "Beat " + (index + 1) + " of " + beats.length;
    prev.disabled = index === 0;
    next.disabled = index === beats.length - 1;
    var top = beats[index].getBoundingClientRect().top;
    if (reveal && (top < 0 || top > window.innerHeight / 2)) { beats[index].scrollIntoView(); }
  }
  function fromHash() {
    var match = /^#beat-(\\d+)$/.exec(window.location.hash);
    if (match) { show(parseInt(match[1], 10) - 1, true); }
  }
  prev.addEventListener("click", function () { show(index - 1, true); });
  next.addEventListener("click", function () { show(index + 1, true); });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: beats.length - 1 };
    if (event.key in moves) { show(moves[event.key], true); event.preventDefault(); }
  });
  window.addEventListener("hashchange", fromHash);
  show(0, false);
  fromHash();
})();
"""


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


CSP = (
    f"default-src 'none'; style-src {_csp_hash(STYLE)}; script-src {_csp_hash(SCRIPT)}; "
    "img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
)
"""Only the inline style and script (by hash) may run; nothing may be fetched."""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _list(items: list[str], empty: str) -> str:
    if not items:
        return f'<p class="none">{_e(empty)}</p>'
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def _header(score: Score) -> str:
    s = score.scene
    meta = " · ".join(
        part for part in (s.production, s.medium, f"tempo {s.tempo:g} counts/min") if part
    )
    crew = " · ".join(
        f"{role}: {name}"
        for role, name in (("Coordinator", s.coordinator), ("Director", s.director))
        if name
    )
    cue = (
        f'<p class="cue">Self-care cue: <strong>“{_e(s.self_care_cue)}”</strong> '
        "— anyone may call it; everything stops at once.</p>"
        if s.self_care_cue
        else '<p class="cue agreement-none">✗ No self-care cue agreed yet.</p>'
    )
    closed = "✓ Closed set" if s.closed_set else "Open set (not closed)"
    return (
        f'<header><h1 id="scene-title">{_e(s.title)}</h1>'
        f'<p class="meta">{_e(meta)}</p>'
        + (f'<p class="meta">{_e(crew)}</p>' if crew else "")
        + cue
        + f'<p class="meta">{_e(closed)}</p>'
        + (f'<p class="pre">{_e(s.notes)}</p>' if s.notes else "")
        + f'<p class="disclaimer">{_e(DISCLAIMER)}</p></header>'
    )


def _agreements(p: Performer) -> str:
    parts = [f"<h3>{_e(head)}</h3>" + _list(lines, "") for head, lines in agreement_sections(p)]
    return "".join(parts) or "<p>No boundaries or rider on record.</p>"


def _cast(score: Score, with_boundaries: bool) -> str:
    rows = []
    for p in score.performers:
        garments = ", ".join(garment_words(score, g) for g in p.garments) or "—"
        cells = [performer_line(p), p.id, garments]
        row = "".join(f"<td>{_e(c)}</td>" for c in cells)
        if with_boundaries:
            row += f"<td>{_agreements(p)}</td>"
        rows.append(f'<tr data-performer="{_e(p.id)}">{row}</tr>')
    heads = ["Performer", "id", "Garments all scene"]
    if with_boundaries:
        heads.append("Boundaries and rider (areas and conditions)")
    head = "".join(f"<th>{h}</th>" for h in heads)
    body = "".join(rows) or f'<tr><td colspan="{len(heads)}">No performers.</td></tr>'
    return f'<section class="cast"><h2>Cast</h2><table><tr>{head}</tr>{body}</table></section>'


def _beat(score: Score, beat: Beat, number: int, total: int) -> str:
    status = agreement_status(score, beat)
    title = beat.title or "(untitled)"
    timing = timing_words(beat, score.scene.tempo)
    if beat.timing is not None and beat.timing.cue:
        timing += f"; cue: {beat.timing.cue}"
    flags = beat_flags(beat)
    plot = stage_plot(score, blocked(score, number - 1), number)
    garments = beat_garment_words(score, beat)
    details = (
        f'<h3>Timing</h3><p class="timing">{_e(timing)}</p>'
        "<h3>Touches</h3>"
        + _list([touch_words(score, t) for t in beat.touches], "No touch in this beat.")
        + "<h3>Placements</h3>"
        + _list(in_force_words(score, number - 1), "Nobody placed.")
        + "<h3>Barriers</h3>"
        + _list([barrier_words(score, b) for b in beat.barriers], "None.")
        + "<h3>Garments</h3>"
        + _list(garments, "None.")
        + ("<h3>Nudity</h3>" + _list(bare_words(score, beat), "") if beat.bare else "")
        + (f'<h3>Notes</h3><p class="pre">{_e(beat.notes)}</p>' if beat.notes else "")
    )
    return (
        f'<section class="beat" id="beat-{number}" data-beat="{number}">'
        f'<h2><span class="number">Beat {number} of {total}:</span> '
        f'<span class="beat-title">{_e(title)}</span></h2>'
        + (f'<p class="flags">{_e(" · ".join(flags))}</p>' if flags else "")
        + f'<p class="agreement agreement-{status.state}" data-state="{status.state}">'
        f"{_e(status.mark)} {_e(status.word)}: {_e(status.text)}</p>"
        f'<div class="beat-body"><div class="plot">{plot}</div>'
        f'<div class="details">{details}</div></div></section>'
    )


def render_html(
    score: Score, *, with_boundaries: bool = False, not_cleared: Collection[int] = ()
) -> str:
    """The page for a director's copy (pass the copy, never the original).
    ``not_cleared``: 1-based beats marked "not cleared: do not run", never saying why."""
    total = len(score.beats)
    beats = "".join(
        _beat(score, b, n, total).replace(
            "</h2>", f'</h2><p class="not-cleared"><strong>{NOT_CLEARED}.</strong></p>', 1
        )
        if n in not_cleared
        else _beat(score, b, n, total)
        for n, b in enumerate(score.beats, start=1)
    )
    index = "".join(
        f'<li><a href="#beat-{n}">{_e(b.title or "(untitled)")}</a></li>'
        for n, b in enumerate(score.beats, start=1)
    )
    nav = (
        '<nav class="beat-nav" aria-label="Beats">'
        '<button type="button" id="prev">← Previous</button>'
        f'<span id="position" aria-live="polite">Beat 1 of {total}</span>'
        '<button type="button" id="next">Next →</button>'
        '<span class="hint">keys: ← → (Home, End)</span></nav>'
        if total
        else ""
    )
    beats_part = (
        f'<section class="beats"><h2>Beats</h2><ol class="beat-index no-print">{index}</ol>'
        f"{nav}{beats}</section>"
        if total
        else '<section class="beats"><h2>Beats</h2><p>No beats yet.</p></section>'
    )
    return (
        '<!DOCTYPE html>\n<html lang="en" class="no-script"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{_e(score.scene.title)} (director's copy)</title>"
        f"<style>{STYLE}</style></head><body>"
        + _header(score)
        + _cast(score, with_boundaries)
        + beats_part
        + f"<script>{SCRIPT}</script></body></html>\n"
    )
