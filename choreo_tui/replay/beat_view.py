"""What the replay screen says about a beat, as text (pure: rich only, no Textual).

Layers follow Ita O'Brien's practice of layering a scene: first the touch alone,
then the touch with its story, then everything. Findings show on every layer,
because a safety problem is never a detail to be layered away. Private notes
never show: the replay screen is read by the whole room.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from notation.areas import area_label
from notation.blocking import in_force_words
from notation.describe import (
    barrier_words,
    garment_words,
    timing_words,
    touch_words,
)
from notation.findings import MARK, Finding, worst
from notation.model import Score
from notation.terminal import safe_line
from notation.timeline import MARKING_SPEED, Playhead

LAYERS: tuple[str, ...] = ("touch", "story", "everything")
LAYER_WORDS: dict[str, str] = {
    "touch": "touch only",
    "story": "touch + story",
    "everything": "everything",
}
BROKEN_MARK = "*"
SEVERITY_STYLE: dict[str, str] = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def beat_findings(findings: Sequence[Finding], index: int) -> list[Finding]:
    """The findings of the beat at 0-based ``index``."""
    return [f for f in findings if f.beat == index + 1]


def beat_mark(findings: Sequence[Finding], index: int) -> str:
    """✗, ⚠, ℹ or ✓ for the worst finding of a beat."""
    return MARK[worst(beat_findings(findings, index)) or "ok"]


def _section(out: Text, heading: str, lines: Sequence[str]) -> None:
    if not lines:
        return
    out.append(f"\n{heading}\n", "bold underline")
    for line in lines:
        # Escaped here, before Rich drops BEL and friends without a trace.
        out.append(f"  {safe_line(line)}\n")


def beat_text(
    score: Score,
    index: int,
    layer: str,
    findings: Sequence[Finding],
    broken: bool = False,
) -> Text:
    """The current beat in plain words, for the given layer."""
    beat = score.beats[index]
    out = Text()
    if beat.placeholder:
        out.append("PLACEHOLDER: choreography not final yet\n", "bold reverse")
    if beat.simulated:
        out.append("SIMULATED: barriers and modesty garments in place\n", "bold")
    if beat.timing is not None and beat.timing.cue:
        out.append("Cue: ", "bold")
        out.append(safe_line(beat.timing.cue) + "\n")
    touches = [touch_words(score, t) for t in beat.touches] or ["(no touch in this beat)"]
    _section(out, "WHO DOES WHAT", touches)
    if layer in ("story", "everything") and beat.notes.strip():
        _section(out, "THE STORY", beat.notes.strip().splitlines())
    if layer == "everything":
        _section(out, "WHERE", in_force_words(score, index))
        _section(out, "BARRIERS", [barrier_words(score, b) for b in beat.barriers])
        garments = [garment_words(score, g) for g in beat.garments]
        garments += [
            garment_words(score, g, p.id) + " (whole scene)"
            for p in score.performers
            if p.id in beat.ids()
            for g in p.garments
        ]
        _section(out, "GARMENTS", garments)
        bare = [
            f"{score.name_of(who)}: {', '.join(area_label(a) for a in areas)}"
            for who, areas in beat.bare.items()
            if areas
        ]
        _section(out, "BARE", bare)
    own = beat_findings(findings, index)
    if broken:
        out.append(
            f"\n{BROKEN_MARK} ✗ A boundary change in this rehearsal broke this beat.\n", "bold red"
        )
    if own:
        out.append("\nFINDINGS\n", "bold underline")
        for finding in own:
            out.append(f"  {finding.mark} {finding.code} ", SEVERITY_STYLE[finding.severity])
            out.append(safe_line(finding.message) + "\n")
    else:
        out.append(f"\n{MARK['ok']} no findings for this beat\n", "green")
    return out


def strip_text(
    findings: Sequence[Finding],
    count: int,
    current: int,
    broken: frozenset[int],
    width: int,
) -> Text:
    """A one-line strip of the beats with their marks, the current one bracketed.

    It shows a window around the current beat when all beats do not fit.
    """
    tokens: list[tuple[str, str]] = []
    for index in range(count):
        mark = beat_mark(findings, index)
        star = BROKEN_MARK if index in broken else ""
        text = f"{index + 1}{mark}{star}"
        style = "bold red" if mark == MARK["error"] else ""
        if index == current:
            text, style = f"[{text}]", style + " reverse bold"
        tokens.append((text, style))
    if not tokens:
        return Text("(no beats yet)", "italic")
    start, end = current, current + 1
    used = len(tokens[current][0])
    # Grow the window alternately after and before the current beat while it fits.
    while True:
        grown = False
        for side in (1, -1):
            pick = end if side == 1 else start - 1
            if 0 <= pick < count and used + len(tokens[pick][0]) + 1 <= width - 2:
                used += len(tokens[pick][0]) + 1
                if side == 1:
                    end += 1
                else:
                    start -= 1
                grown = True
        if not grown:
            break
    out = Text("…" if start > 0 else "")
    for n, (text, style) in enumerate(tokens[start:end]):
        if n:
            out.append(" ")
        out.append(text, style.strip())
    if end < count:
        out.append("…")
    return out


def next_text(score: Score, index: int, findings: Sequence[Finding]) -> Text:
    """A two-line preview of the beat after ``index`` (or the end of the scene)."""
    out = Text()
    out.append("NEXT ▸ ", "bold")
    following = index + 1
    if following >= len(score.beats):
        out.append("end of scene: then closure (q)")
        return out
    beat = score.beats[following]
    mark = beat_mark(findings, following)
    out.append(f"beat {following + 1} {mark}", SEVERITY_STYLE["error"] if mark == "✗" else "")
    if beat.title:
        out.append(f" · {safe_line(beat.title)}", "bold")
    out.append(f" · {timing_words(beat, score.scene.tempo)}")
    first = touch_words(score, beat.touches[0]) if beat.touches else "(no touch)"
    more = f" (+{len(beat.touches) - 1} more)" if len(beat.touches) > 1 else ""
    out.append(f"\n  {safe_line(first)}{more}")
    return out


def cue_text(score: Score, keys: str) -> Text:
    """The self-care cue line, always on screen; says so plainly when none is set."""
    cue = score.scene.self_care_cue.strip()
    out = Text()
    if cue:
        out.append(" SELF-CARE CUE: ", "bold")
        out.append(f"“{safe_line(cue.upper())}”", "bold reverse")
        out.append(f"  anyone may call it to stop at once · {keys}")
    else:
        out.append(" ✗ NO SELF-CARE CUE SET: agree one now. ", "bold")
        out.append(f"Anyone may still stop it · {keys}")
    return out


def status_text(playhead: Playhead, total: int, layer: str, stops: bool, title: str) -> str:
    """The top line: where replay is, whether it plays, speed, layer, stops, scene."""
    head = playhead
    if head.held:
        state = "■ HELD"
    elif head.waiting:
        state = "… WAITING"
    elif head.playing:
        state = "▶ PLAYING"
    else:
        state = "❚❚ PAUSED"
    speed = f"×{head.speed:g}" + (" marking run" if head.speed == MARKING_SPEED else "")
    return (
        f" REPLAY {head.beat + 1 if total else 0}/{total} · {state} · {speed} · "
        f"{LAYER_WORDS[layer]} · stop before ✗: {'on' if stops else 'off'} · {title}"
    )


def cue_word(score: Score) -> str:
    """The scene's self-care cue as the room calls it ("PAUSE"), or HOLD when none is set:
    replay names the stop by the word everyone agreed, never a word of its own."""
    cue = " ".join(score.scene.self_care_cue.split())
    return safe_line(cue.upper()) if cue else "HOLD"


def notice_text(playhead: Playhead, word: str = "HOLD") -> str:
    """Why replay is not simply playing or paused (held, stopped, waiting, ended), or "".
    ``word`` is the scene's cue word (``cue_word``)."""
    if playhead.held:
        return f"■ {word}: everything has stopped."
    if playhead.stopped_before is not None:
        return (
            f"✗ Stopped before beat {playhead.stopped_before + 1}: error findings. "
            "space plays on · e: no stops"
        )
    if playhead.waiting:
        return "… Untimed beat: → steps on when the room is ready."
    if playhead.finished:
        return "End of scene. space plays from the top · q ends with closure."
    return ""
