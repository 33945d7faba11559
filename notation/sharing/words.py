"""Words shared by every export: agreement status, flags, the cast line.

The markdown and HTML copies say the same things in the same words; only the
markup differs. Plain wording of touches, timing, placements, barriers and
garments comes from ``notation.describe``.
"""

from __future__ import annotations

from dataclasses import dataclass

from notation.agreement import is_current
from notation.areas import area_label
from notation.describe import garment_words, names_of
from notation.model import Beat, Boundaries, Performer, Score

DISCLAIMER = (
    "Director's copy exported by Choreo: performers' private notes and the rehearsal "
    "log stay in the coordinator's file."
)


@dataclass(frozen=True)
class AgreementStatus:
    """Where a beat's agreement stands: a mark, a word and a sentence."""

    state: str
    """``current``, ``partial`` (current, but not everyone in the beat agreed), ``lapsed``
    or ``none``."""
    mark: str
    word: str
    text: str


def agreement_status(score: Score, beat: Beat) -> AgreementStatus:
    """The beat's agreement: current (✓), partly agreed or lapsed (⚠), or not recorded (✗)."""
    agreed = beat.agreed
    if agreed is None or not agreed.by:
        return AgreementStatus("none", "✗", "not agreed", "No agreement recorded for this beat.")
    when = f" on {agreed.on.isoformat()}" if agreed.on else ""
    who = names_of(score, agreed.by)
    if not is_current(beat):
        return AgreementStatus(
            "lapsed",
            "⚠",
            "lapsed",
            f"Changed since {who} agreed it{when}: agree it again before it is performed.",
        )
    missing = [p.id for p in score.performers if p.id in beat.ids() and p.id not in agreed.by]
    text = f"Agreed by {who}{when}."
    if missing:
        # Still current, but a director must not read it as everyone's yes.
        text += f" Not yet agreed by {names_of(score, missing)}."
        return AgreementStatus("partial", "⚠", "current, partly agreed", text)
    return AgreementStatus("current", "✓", "current", text)


def beat_flags(beat: Beat) -> list[str]:
    """Words for the beat's flags: simulated, placeholder."""
    flags = []
    if beat.simulated:
        flags.append("simulated (barrier and modesty garments required)")
    if beat.placeholder:
        flags.append("placeholder (choreography not final)")
    return flags


def bare_words(score: Score, beat: Beat) -> list[str]:
    """ "Ana: bare upper back, buttocks", one line per performer."""
    return [
        f"{score.name_of(who)}: bare {', '.join(area_label(a) for a in areas)}"
        for who, areas in beat.bare.items()
        if areas
    ]


def beat_garment_words(score: Score, beat: Beat) -> list[str]:
    """Every garment worn in the beat: its own, then scene-wide ones of those in it."""
    named = beat.ids()
    worn = [garment_words(score, g) for g in beat.garments]
    for p in score.performers:
        if p.id in named:
            worn += [f"{garment_words(score, g, p.id)} (all scene)" for g in p.garments]
    return worn


def performer_line(p: Performer) -> str:
    """ "Rosa Testwell as Nell (minor; guardian: Sam Guard)"."""
    text = p.name + (f" as {p.character}" if p.character else "")
    if p.minor:
        text += f" (minor; guardian: {p.guardian})" if p.guardian else " (minor; no guardian named)"
    return text


def rule_words(area: str, status: str, only: tuple[str, ...]) -> str:
    """ "lips: ask first, only closed mouth"."""
    word = STATUS_WORD[status]
    conditions = f", only {', '.join(c.replace('_', ' ') for c in only)}" if only else ""
    return f"{area_label(area)}: {word}{conditions}"


STATUS_MARK: dict[str, str] = {"yes": "✓", "ask": "⚠", "no": "✗"}
"""A mark per traffic-light status, so the boundary colour is never alone."""

STATUS_WORD: dict[str, str] = {"yes": "yes", "ask": "ask first", "no": "no"}


def _boundary_section(title: str, table: Boundaries) -> tuple[str, list[str]]:
    lines = [
        f"{STATUS_MARK[rule.status]} {rule_words(area, rule.status, rule.only)}"
        for area, rule in table.areas.items()
    ]
    lines.append(f"{STATUS_MARK[table.default]} every other area: {STATUS_WORD[table.default]}")
    recorded = f" (recorded {table.recorded.isoformat()})" if table.recorded else ""
    return title + recorded, lines


def agreement_sections(p: Performer) -> list[tuple[str, list[str]]]:
    """A performer's boundaries, will_touch and rider as (heading, lines), areas and
    conditions only: what ``--with-boundaries`` shows."""
    sections = []
    if p.boundaries is not None:
        sections.append(_boundary_section("May be touched", p.boundaries))
    if p.will_touch is not None:
        sections.append(_boundary_section("Will touch", p.will_touch))
    if p.rider is not None:
        r = p.rider
        shown = ", ".join(area_label(a) for a in r.may_expose) or "nothing"
        sim = "✓ simulated sex agreed" if r.simulated_sex else "✗ no simulated sex"
        signed = f" (signed {r.signed.isoformat()})" if r.signed else ""
        sections.append((f"Rider{signed}", [f"may be bare: {shown}", sim]))
    return sections


NOT_CLEARED = "✗ NOT CLEARED: do not run"
"""The mark on a beat with an error finding in a director's copy; it never says why."""
