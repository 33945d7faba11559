"""The body map as text: front and back outlines divided into the format's areas.

Pure (rich Text only, no Textual), so it is unit-tested. Each area is filled
with its resolved status for one performer: ``✓`` yes, ``?`` ask first, ``✗``
no, at the start of each run, then shaded ``░ ▒ ▓`` (colour only repeats what the
marks say). Areas in contact in the current
beat (touched on this performer, or this performer's own contact surface) start
with ``●`` and are listed in words under the map, with their conditions.

The figures are drawn with one character per code letter; ``FIGURE_CODES``
says which leaf each letter is. The front is seen face to face, so the
performer's right is on the viewer's left; the back is seen from behind.
"""

from __future__ import annotations

from rich.text import Text

from notation.areas import LEAVES, area_label, leaves_of
from notation.checks.cast import Cast, Resolved
from notation.model import Beat, Score

STATUS_MARK: dict[str, str] = {"yes": "✓", "ask": "?", "no": "✗"}
STATUS_FILL: dict[str, str] = {"yes": "░", "ask": "▒", "no": "▓"}
"""The rest of an area's run: density grows with strictness, so it reads without colour."""
STATUS_STYLE: dict[str, str] = {"yes": "green", "ask": "yellow", "no": "bold red"}
TOUCHED_MARK = "●"
LEGEND = "✓░ yes  ?▒ ask first  ✗▓ no  ● in contact now"
LEGEND_COMPACT = "✓yes ?ask ✗no ●now"

FIGURE_CODES: dict[str, str] = {
    "h": "hair",
    "E": "ear_r",
    "F": "ear_l",
    "f": "forehead",
    "C": "cheek_r",
    "D": "cheek_l",
    "m": "lips",
    "j": "chin",
    "n": "neck",
    "N": "nape",
    "S": "shoulder_r",
    "Q": "shoulder_l",
    "x": "chest",
    "a": "abdomen",
    "W": "waist_r",
    "V": "waist_l",
    "b": "upper_back",
    "B": "lower_back",
    "1": "upper_arm_r",
    "2": "forearm_r",
    "3": "hand_r",
    "4": "upper_arm_l",
    "5": "forearm_l",
    "6": "hand_l",
    "P": "hip_r",
    "R": "hip_l",
    "g": "groin",
    "y": "buttocks",
    "T": "thigh_r",
    "t": "thigh_l",
    "I": "inner_thigh_r",
    "i": "inner_thigh_l",
    "K": "knee_r",
    "k": "knee_l",
    "L": "lower_leg_r",
    "l": "lower_leg_l",
    "O": "foot_r",
    "o": "foot_l",
}
"""Code letter -> leaf, shared by every figure below."""

FRONT = (
    "     hhhhhhh     ",
    "    EEfffffFF    ",
    "     CCmmmDD     ",
    "      jjjjj      ",
    "       nnn       ",
    " SSSSSxxxxxQQQQQ ",
    " 11  xxxxxxx  44 ",
    " 11  aaaaaaa  44 ",
    " 22 WWaaaaaVV 55 ",
    " 22 PPPgggRRR 55 ",
    "33  TTTIIiittt 66",
    "    TTTII iittt  ",
    "     KKK   kkk   ",
    "     LLL   lll   ",
    "     OOO   ooo   ",
)
BACK = (
    "     hhhhhhh     ",
    "    FFhhhhhEE    ",
    "     hhhhhhh     ",
    "      NNNNN      ",
    "       NNN       ",
    " QQQQQbbbbbSSSSS ",
    " 44  bbbbbbb  11 ",
    " 44  BBBBBBB  11 ",
    " 55 VVBBBBBWW 22 ",
    " 55 RRRyyyPPP 22 ",
    "66   ttttTTTT  33",
    "     tttt TTTT   ",
    "     kkk   KKK   ",
    "     lll   LLL   ",
    "     ooo   OOO   ",
)
FRONT_COMPACT = (
    "   hhhh   ",
    "  EffffF  ",
    "   CmmD   ",
    "    jj    ",
    "    nn    ",
    " SSxxxxQQ ",
    "1 Waaaav 4",
    "2 PPggRR 5",
    "3 TIIiit 6",
    "  KK  kk  ",
    "  LL  ll  ",
    "  OO  oo  ",
)
BACK_COMPACT = (
    "   hhhh   ",
    "  FhhhhE  ",
    "    NN    ",
    " QQbbbbSS ",
    "4 VBBBBW 1",
    "5 RRyyPP 2",
    "6 tttTTT 3",
    "  kk  KK  ",
    "  ll  LL  ",
    "  oo  OO  ",
)
# The compact front spells waist_l with a lower-case code letter of its own.
_COMPACT_CODES: dict[str, str] = {**FIGURE_CODES, "v": "waist_l"}


def contact_leaves(beat: Beat, performer_id: str) -> frozenset[str]:
    """Leaves of this performer in contact in the beat: touched on, or touching with."""
    found: set[str] = set()
    for touch in beat.touches:
        if touch.to == performer_id:
            found |= leaves_of(touch.on)
        if touch.by == performer_id:
            found |= leaves_of(touch.with_)
    return frozenset(found)


def statuses(score: Score, performer_id: str) -> dict[str, Resolved]:
    """Every leaf's resolved boundary status for a performer (all 'ask' if unknown)."""
    view = Cast(score).get(performer_id)
    if view is None:
        return {leaf: Resolved("ask") for leaf in LEAVES}
    return view.boundaries


def _figure(
    rows: tuple[str, ...],
    codes: dict[str, str],
    status: dict[str, Resolved],
    touched: frozenset[str],
) -> list[Text]:
    lines: list[Text] = []
    for row in rows:
        line = Text()
        previous = ""
        for char in row:
            leaf = codes.get(char)
            if leaf is None:
                line.append(char)
                previous = ""
                continue
            state = status[leaf].status
            style = STATUS_STYLE[state]
            # The first cell of each run names the status (or the touch); the rest shade it.
            mark = STATUS_FILL[state] if char == previous else STATUS_MARK[state]
            if leaf in touched:
                style += " reverse"
                if char != previous:
                    mark = TOUCHED_MARK
            line.append(mark, style)
            previous = char
        lines.append(line)
    return lines


def _touched_words(status: dict[str, Resolved], touched: frozenset[str]) -> list[str]:
    words = []
    for leaf in LEAVES:
        if leaf in touched:
            entry = status[leaf]
            only = f" ({', '.join(c.replace('_', ' ') for c in entry.only)})" if entry.only else ""
            words.append(f"{STATUS_MARK[entry.status]} {area_label(leaf)}{only}")
    return words


def render_body(
    score: Score, index: int | None, performer_id: str | None, *, compact: bool = False
) -> Text:
    """The body map of ``performer_id`` for the beat at 0-based ``index``."""
    out = Text()
    if performer_id is None or performer_id not in score.by_id:
        out.append("Body map: no performer in this score yet.", "italic")
        return out
    performer = score.by_id[performer_id]
    beat = score.beats[index] if index is not None and 0 <= index < len(score.beats) else Beat()
    status = statuses(score, performer_id)
    touched = contact_leaves(beat, performer_id)
    front_rows, back_rows = (FRONT_COMPACT, BACK_COMPACT) if compact else (FRONT, BACK)
    codes = _COMPACT_CODES if compact else FIGURE_CODES
    front = _figure(front_rows, codes, status, touched)
    back = _figure(back_rows, codes, status, touched)
    width = len(front_rows[0])
    role = f" ({performer.character})" if performer.character else ""
    out.append(f"{performer.name}{role}\n", "bold")
    if performer.boundaries is None:
        out.append("no boundaries recorded: every area is ask\n", "italic")
    gap = "  "
    out.append(f"{'FRONT':^{width}}{gap}{'BACK':^{width}}\n", "dim")
    for n in range(max(len(front), len(back))):
        out.append_text(front[n] if n < len(front) else Text(" " * width))
        out.append(gap)
        if n < len(back):
            out.append_text(back[n])
        out.append("\n")
    out.append(LEGEND_COMPACT if compact else LEGEND, "dim")
    words = _touched_words(status, touched)
    if words:
        out.append(f"\n{TOUCHED_MARK} " + ("; ".join(words)))
    elif index is not None:
        out.append(f"\n{TOUCHED_MARK} no contact for {performer.name.split()[0]} in this beat")
    return out


def default_performer(score: Score, index: int | None) -> str | None:
    """Who the body map shows when nobody chose: the first touched in the beat, else first."""
    if index is not None and 0 <= index < len(score.beats):
        for touch in score.beats[index].touches:
            return touch.to
    return score.performers[0].id if score.performers else None
