"""The performer's sheet: everything a production asks of one performer, for them to read.

Built from an allow-list, like the director's copy: each field of the sheet is
taken on purpose from the merged scores, never by deleting from a dump. It holds
the performer's name and character; their own boundaries, will_touch and rider as
recorded, with dates (the cast's, and a scene's own where it differs); then every
beat of every scene that names them: what they do and what is done to them in
plain words, timing, their placement in force, their bare areas, simulated sex,
their garments, the barriers they are part of, and the beat's state for them.

Never in it: private notes (scene, performer, beat, production), beat and scene
notes, the log, and any other performer's boundaries, will_touch or rider. Other
performers appear by name only. A beat's state is worked out against this
performer's record alone: the other performers' records are replaced by
permissive stand-ins before checking, so no rule message (which could quote
someone else's boundary) and no other person's record can reach the sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from notation.agreement import is_current
from notation.areas import area_label
from notation.checks import check_beat
from notation.checks.cast import Cast
from notation.describe import (
    barrier_words,
    garment_words,
    placement_words,
    timing_words,
    touch_words,
)
from notation.findings import RULE_WORDS
from notation.model import Beat, Boundaries, Performer, Rider, Score
from notation.sharing.words import agreement_sections

THEIR_CODES = frozenset({"B101", "B102", "B103", "B105", "N201", "N202", "S301", "S303", "C404"})
"""Error codes that a beat gives because of this performer's own record."""

STATES = {
    "crosses": ("✗", "crosses your record"),
    "lapsed": ("⚠", "agreement lapsed: the beat changed since you agreed it"),
    "needs": ("⚠", "needs your agreement"),
    "agreed": ("✓", "agreed"),
}
"""A beat's state for the performer: (mark, words); colour never alone."""


@dataclass(frozen=True)
class SheetBeat:
    """One beat that names the performer, as it concerns them."""

    number: int
    title: str
    does: tuple[str, ...]
    """Touches they give, in plain words."""
    receives: tuple[str, ...]
    """Touches done to them, in plain words."""
    timing: str
    placement: tuple[str, ...]
    """Where they are in this beat (placements carry forward from earlier beats)."""
    bare: tuple[str, ...]
    simulated: bool
    garments: tuple[str, ...]
    barriers: tuple[str, ...]
    state: str
    """``crosses``, ``lapsed``, ``needs`` or ``agreed`` (see ``STATES``)."""
    codes: tuple[str, ...]
    """The rule codes behind ``crosses`` (or B104 behind ``needs``)."""

    @property
    def mark(self) -> str:
        """✗, ⚠ or ✓ for the state."""
        return STATES[self.state][0]

    @property
    def state_words(self) -> str:
        """The state in plain words, with the rule codes when there are any."""
        words = STATES[self.state][1]
        if not self.codes:
            return words
        if self.state != "crosses":
            return f"{words} ({', '.join(self.codes)})"
        # The performer reads this: each rule in a few words, not only its code.
        return f"{words} ({'; '.join(f'{code}: {RULE_WORDS[code]}' for code in self.codes)})"


@dataclass(frozen=True)
class SheetScene:
    """One scene that names the performer, and its beats that do."""

    title: str
    medium: str
    closed_set: bool
    own_record: tuple[tuple[str, tuple[str, ...]], ...]
    """The performer's record in this scene where it differs from the cast's (else empty)."""
    beats: tuple[SheetBeat, ...]


@dataclass(frozen=True)
class Sheet:
    """A performer's sheet (see the module's docstring for what it holds and never holds)."""

    production: str
    performer_id: str
    name: str
    character: str
    minor: bool
    guardian: str
    record: tuple[tuple[str, tuple[str, ...]], ...]
    """Boundaries, will_touch and rider as (heading, lines), with dates."""
    scenes: tuple[SheetScene, ...]


def _record(performer: Performer) -> tuple[tuple[str, tuple[str, ...]], ...]:
    sections = agreement_sections(performer)
    if performer.boundaries is None:
        sections.insert(
            0, ("May be touched", ["no boundaries recorded yet: every area is ask first"])
        )
    if performer.rider is None:
        sections.append(("Rider", ["no rider signed: nothing may be bare"]))
    return tuple((head, tuple(lines)) for head, lines in sections)


def _stand_in(performer: Performer) -> Performer:
    # Permissive, so a finding that remains comes from the sheet's own performer.
    return Performer.model_construct(
        id=performer.id,
        name=performer.name,
        boundaries=Boundaries(default="yes"),
        rider=Rider(may_expose=("body",), simulated_sex=True),
        # Garments stay: without them S303 would fire about someone else.
        garments=performer.garments,
    )


def _their_view(score: Score, performer_id: str) -> Score:
    performers = tuple(p if p.id == performer_id else _stand_in(p) for p in score.performers)
    return score.replace(performers=performers)


def _in_force(score: Score, index: int, performer_id: str) -> tuple[str, ...]:
    for earlier in range(index, -1, -1):
        mine = [p for p in score.beats[earlier].placements if p.who == performer_id]
        if mine:
            return tuple(placement_words(score, p) for p in mine)
    return ()


def _state(
    view: Score, cast: Cast, index: int, beat: Beat, pid: str
) -> tuple[str, tuple[str, ...]]:
    findings = check_beat(view, index, cast)
    crossing = sorted({f.code for f in findings if f.code in THEIR_CODES})
    if crossing:
        return "crosses", tuple(crossing)
    agreed = beat.agreed
    if agreed is not None and pid in agreed.by and not is_current(beat):
        return "lapsed", ()
    if agreed is None or pid not in agreed.by or not is_current(beat):
        asks = ("B104",) if any(f.code == "B104" for f in findings) else ()
        return "needs", asks
    return "agreed", ()


def _beats(score: Score, pid: str) -> tuple[SheetBeat, ...]:
    view = _their_view(score, pid)
    cast = Cast(view)
    performer = score.by_id[pid]
    result: list[SheetBeat] = []
    for index, beat in enumerate(score.beats):
        if pid not in beat.ids():
            continue
        state, codes = _state(view, cast, index, beat, pid)
        garments = [garment_words(score, g) for g in beat.garments if g.who == pid]
        garments += [f"{garment_words(score, g)} (all scene)" for g in performer.garments]
        result.append(
            SheetBeat(
                number=index + 1,
                title=beat.title,
                does=tuple(touch_words(score, t) for t in beat.touches if t.by == pid),
                receives=tuple(
                    touch_words(score, t) for t in beat.touches if t.to == pid and t.by != pid
                ),
                timing=timing_words(beat, score.scene.tempo),
                placement=_in_force(score, index, pid),
                bare=tuple(area_label(a) for a in beat.bare.get(pid, ())),
                simulated=beat.simulated,
                garments=tuple(garments),
                barriers=tuple(barrier_words(score, b) for b in beat.barriers if pid in b.between),
                state=state,
                codes=codes,
            )
        )
    return tuple(result)


def build_sheet(
    performer_id: str, scenes: Sequence[Score], cast: Performer | None = None, production: str = ""
) -> Sheet:
    """The sheet of one performer over merged scores, in order.

    ``cast`` is their production record (None for a standalone score: the first
    scene's record is then theirs). Scenes that do not name them are left out.
    Raises ``KeyError`` if no scene and no cast knows the performer.
    """
    named = [s for s in scenes if performer_id in s.by_id]
    record = cast if cast is not None else (named[0].by_id[performer_id] if named else None)
    if record is None:
        raise KeyError(performer_id)
    sheet_scenes: list[SheetScene] = []
    for score in named:
        here = score.by_id[performer_id]
        own = _record(here) if _record(here) != _record(record) else ()
        sheet_scenes.append(
            SheetScene(
                title=score.scene.title,
                medium=score.scene.medium,
                closed_set=score.scene.closed_set,
                own_record=own,
                beats=_beats(score, performer_id),
            )
        )
    return Sheet(
        production=production or (named[0].scene.production if named else ""),
        performer_id=performer_id,
        name=record.name,
        character=record.character,
        minor=record.minor,
        guardian=record.guardian,
        record=_record(record),
        scenes=tuple(sheet_scenes),
    )
