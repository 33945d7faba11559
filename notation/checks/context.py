"""What every rule needs to look at one beat: the score, the cast and plain words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Generic, TypeVar, overload

from notation.agreement import is_current
from notation.areas import AREA_NAMES, GROIN, area_label, leaves_of
from notation.checks.cast import Cast
from notation.describe import and_list, possessive
from notation.findings import BeatFinding, Finding, Words
from notation.model import Agreed, Beat, Score, Timing, Touch

_PLURAL = frozenset({"lips", "buttocks"})

T = TypeVar("T")


class once(Generic[T]):
    """``functools.cached_property`` without its lock (Python 3.11 takes an RLock on
    every first access): a BeatContext lives in one thread, for one beat."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> once[T]: ...
    @overload
    def __get__(self, instance: object, owner: type[Any]) -> T: ...
    def __get__(self, instance: object | None, owner: type[Any]) -> T | once[T]:
        if instance is None:
            return self
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value


_GROIN_AREAS = frozenset(area for area in AREA_NAMES if GROIN in leaves_of(area))
"""Every area name whose leaves include the groin (``groin``, ``pelvis``, ``body``)."""


def touches_groin(touch: Touch) -> bool:
    """Whether the leaves of a touch's ``on`` or ``with`` include the groin."""
    return touch.on in _GROIN_AREAS or touch.with_ in _GROIN_AREAS


def leaf_list(leaves: tuple[str, ...] | list[str]) -> str:
    """Areas in plain words: "chest", "right hand and chest"."""
    return and_list([area_label(leaf) for leaf in leaves])


def locator(score: Score, index: int, touch: int | None) -> Callable[[], int | None]:
    """What finds the line of beat ``index``'s touch (or of the beat) in ``score``'s file."""
    if touch is not None:
        return partial(score.line_of, "beats", index, "touches", touch)
    return partial(score.line_of, "beats", index)


@dataclass(init=False)
class BeatContext:
    """One beat under check, with the helpers the rules share."""

    score: Score
    cast: Cast
    index: int
    beat: Beat

    @property
    def number(self) -> int:
        """The beat's 1-based number."""
        return self.index + 1

    def name(self, performer_id: str) -> str:
        """A performer's name for a message."""
        return self.score.name_of(performer_id)

    def finding(self, code: str, message: Words, touch: int | None = None) -> Finding:
        """A finding on this beat, carrying the line of its touch or beat (looked up
        when first read). ``message`` may be a function or a recipe that builds the
        words when first read (see ``Finding`` and ``Words``)."""
        return BeatFinding(self.index + 1, code, message, touch, self.lines)

    contacts: list[tuple[int, Touch]] = field(init=False)
    """The touches between two different performers, with their index."""
    receivers: list[str] = field(init=False)
    """Who each of ``contacts`` touches, in the same order."""
    fields: list[dict[str, Any]] = field(init=False)
    """Each touch's fields by name (its ``__dict__``), by touch index: what the rules
    read a touch's values from in their loops. Never change one."""
    groin_touches: list[tuple[int, Touch]] = field(init=False)
    """Touches (with index) whose ``on`` or ``with`` involves the groin."""
    kisses: list[tuple[int, Touch]] = field(init=False)
    """The kisses, with their index."""
    is_sexual: bool = field(init=False)
    """Whether the beat is simulated sex or has a touch involving the groin."""
    has_nudity: bool = field(init=False)
    """Whether anyone is bare in this beat."""
    timing: Timing | None = field(init=False)
    """The beat's timing (``Beat.timing``)."""
    bare: dict[str, tuple[str, ...]] = field(init=False)
    """Who is bare where in the beat (``Beat.bare``); never change it."""
    agreed: Agreed | None = field(init=False)
    """The beat's recorded agreement (``Beat.agreed``)."""
    lines: Callable[..., int | None] = field(init=False)
    """The score's ``line_of``, taken once: every finding of the beat shares it."""

    def __init__(self, score: Score, cast: Cast, index: int, beat: Beat) -> None:
        # Every beat's rules ask for these: worked out once, up front, in one pass,
        # in the one call that makes the context (a check makes one per beat).
        self.score = score
        self.cast = cast
        self.index = index
        self.beat = beat
        self.lines = score.line_of
        contacts: list[tuple[int, Touch]] = []
        receivers: list[str] = []
        groin: list[tuple[int, Touch]] = []
        kisses: list[tuple[int, Touch]] = []
        fields_of: list[dict[str, Any]] = []
        # The beat's own fields read at once, for the rules too: each ``beat.timing``
        # is a read through pydantic's __getattr__ hook (see ``fields`` below).
        parts = beat.__dict__
        for pair in enumerate(parts["touches"]):
            # A touch's fields read from its __dict__, once for every rule: pydantic
            # models define __getattr__, so each ``touch.by`` is a slow, unspecialised
            # lookup, and a draft's check read hundreds of thousands of them.
            fields = pair[1].__dict__
            fields_of.append(fields)
            to = fields["to"]
            if fields["by"] != to:
                contacts.append(pair)
                receivers.append(to)
            if fields["on"] in _GROIN_AREAS or fields["with_"] in _GROIN_AREAS:
                groin.append(pair)
            if fields["action"] == "kiss":
                kisses.append(pair)
        self.contacts = contacts
        self.receivers = receivers
        self.fields = fields_of
        self.groin_touches = groin
        self.kisses = kisses
        self.timing = parts["timing"]
        self.agreed = parts["agreed"]
        bare = self.bare = parts["bare"]
        self.is_sexual = parts["simulated"] or bool(groin)
        self.has_nudity = any(bare.values())

    @once
    def agreed_by(self) -> frozenset[str]:
        """Who agreed this beat as it stands now (``has_agreed`` for each of them)."""
        agreed = self.agreed
        if agreed is None or not is_current(self.beat):
            return frozenset()
        return frozenset(agreed.by)

    @once
    def ids(self) -> set[str]:
        """Every performer id the beat names anywhere (``Beat.ids``); never change it."""
        # The touches' fields are read already (``fields``): Beat.ids need not again.
        return self.beat.ids(self.fields)

    @once
    def involved(self) -> list[str]:
        """Everyone who touches or is touched in this beat, in order of appearance."""
        seen: dict[str, None] = {}
        for touch in self.beat.touches:
            seen.setdefault(touch.by)
            seen.setdefault(touch.to)
        return list(seen)


def surface(name: str, area: str) -> str:
    """ "Ben's right hand" ."""
    return f"{possessive(name)} {area_label(area)}"


def touches_verb(area: str) -> str:
    """'touches' or 'touch', agreeing with the contact surface."""
    return "touch" if area in _PLURAL else "touches"


def contact(ctx: BeatContext, touch: Touch) -> str:
    """ "Ben's right hand touches Ana's neck" ."""
    giver = surface(ctx.name(touch.by), touch.with_)
    return f"{giver} {touches_verb(touch.with_)} {surface(ctx.name(touch.to), touch.on)}"
