"""B101-B105: a touch against the boundaries and will_touch of both performers."""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from notation.areas import HAND_LEAVES, area_label, leaves_of
from notation.checks.cast import AreaView, PerformerView
from notation.checks.context import BeatContext, contact, leaf_list
from notation.findings import BeatFinding, Finding
from notation.model import Touch


def _marked(name: str, area: str, red: tuple[str, ...]) -> str:
    """ "which Ana marked 'no'" for a wholly red area, else "where Ana marked chest 'no'"."""
    if set(red) == leaves_of(area):
        return f"which {name} marked 'no'"
    return f"where {name} marked {leaf_list(red)} 'no'"


def _is_hand(area: str) -> bool:
    return leaves_of(area) <= HAND_LEAVES


_PHRASE = {
    "over_clothing": "over clothing",
    "light": "with light pressure",
    "closed_mouth": "with a closed mouth",
    "hands_only": "by hands only",
}


def _unmet(condition: str, touch: Touch, other_surface: str) -> str | None:
    """Why ``touch`` fails ``condition``, or None if it meets it."""
    if condition == "over_clothing" and not touch.over_clothing:
        return "this touch is not marked over clothing"
    if condition == "light" and touch.pressure != "light":
        return f"this touch uses {touch.pressure} pressure"
    if condition == "closed_mouth" and touch.action == "kiss":
        if touch.tongue:
            return "this kiss uses tongue"
        if touch.mouth != "closed":
            return (
                "this kiss is open-mouthed"
                if touch.mouth == "open"
                else ("this kiss does not say it is closed-mouthed")
            )
    if condition == "hands_only" and not _is_hand(other_surface):
        return f"the contact is with the {area_label(other_surface)}"
    return None


Entry = tuple[str, Callable[..., str], tuple[Any, ...], str | None]
"""One finding a touch's shape gives: its code, its message's build and the
arguments after ``(ctx, touch)``, and for B104 whose agreement of the beat
withdraws it (None for the others)."""


def _conditions(
    touch: Touch,
    view: AreaView,
    owner: str,
    whose: str,
    other_surface: str,
) -> list[Entry]:
    """B105 for every unmet condition on the leaves of one area; ``owner`` is the id
    of the performer whose table sets the condition."""
    found: list[Entry] = []
    for condition, leaves in view.by_condition:
        why = _unmet(condition, touch, other_surface)
        if why is None:
            continue
        found.append(("B105", _b105, (owner, whose, leaves, condition, why), None))
    return found


def _b105(
    ctx: BeatContext,
    touch: Touch,
    owner_id: str,
    whose: str,
    leaves: tuple[str, ...],
    condition: str,
    why: str,
) -> str:
    owner = ctx.name(owner_id)
    return (
        f"{contact(ctx, touch)}: {owner} agreed {whose} {leaf_list(leaves)} only "
        f"{_PHRASE[condition]}, but {why}. Change the touch to meet the condition "
        f"or revisit it with {owner}."
    )


def _ask(
    view: AreaView,
    who: str,
    willing: bool = False,
    unrecorded: bool = False,
) -> list[Entry]:
    """B104 when an 'ask' area is involved, unless its owner agreed the beat (left to
    the beat: the entry names ``who``).

    ``willing``: the area is asked about under the giver's willingness to touch.
    ``unrecorded``: the owner has no boundaries on record, so every area is 'ask'
    by the format's rule; the message must not say they marked it.
    """
    asked = view.leaves_by_status["ask"]
    if not asked:
        return []
    return [("B104", _b104, (who, asked, willing, unrecorded), who)]


def _what(ctx: BeatContext, touch: Touch, willing: bool) -> str:
    """The touch in words, or with willingness: "... (Ben's willingness to touch)"."""
    if willing:
        return f"{contact(ctx, touch)} ({ctx.name(touch.by)}'s willingness to touch)"
    return contact(ctx, touch)


def _b104(
    ctx: BeatContext,
    touch: Touch,
    who: str,
    asked: tuple[str, ...],
    willing: bool,
    unrecorded: bool,
) -> str:
    name = ctx.name(who)
    why = (
        f"{name} has no recorded boundaries, so {leaf_list(asked)} counts as 'ask first'"
        if unrecorded
        else f"{name} marked {leaf_list(asked)} 'ask first'"
    )
    return (
        f"{_what(ctx, touch, willing)}: {why}, and {name} has not agreed this beat. "
        f"Ask {name}, then record the agreement."
    )


def _b101(ctx: BeatContext, touch: Touch, red: tuple[str, ...]) -> str:
    r_name = ctx.name(touch.to)
    return (
        f"{contact(ctx, touch)}, {_marked(r_name, touch.on, red)}. "
        f"Choose another area or revisit {r_name}'s boundaries with them."
    )


def _b102(ctx: BeatContext, touch: Touch, own_red: tuple[str, ...]) -> str:
    g_name = ctx.name(touch.by)
    return (
        f"{contact(ctx, touch)}, but {g_name} marked their own "
        f"{leaf_list(own_red)} 'no'. Use another contact surface "
        f"or revisit {g_name}'s boundaries with them."
    )


def _b103(ctx: BeatContext, touch: Touch, refused: tuple[str, ...]) -> str:
    g_name = ctx.name(touch.by)
    return (
        f"{contact(ctx, touch)}, but {g_name} said they will not touch a partner's "
        f"{leaf_list(refused)}. Choose another area or revisit "
        f"what {g_name} is willing to touch."
    )


def unrecorded(view: PerformerView | None) -> bool:
    """Whether a performer has no boundaries on record (every area is then 'ask')."""
    return view is not None and view.performer.boundaries is None


SHAPE = itemgetter(
    "by", "with_", "to", "on", "action", "pressure", "over_clothing", "mouth", "tongue"
)
"""What of a touch its boundary findings depend on, read from its fields at once:
its counts and start never matter, and the agreement is the beat's."""


def shape_findings(
    giver: PerformerView | None, receiver: PerformerView | None, touch: Touch
) -> tuple[Entry, ...]:
    """Every boundary finding a touch of this shape between these two performers
    gives, in order, before anyone's agreement of the beat is taken into account."""
    on = receiver.on_body(touch.on) if receiver is not None else None
    own = giver.on_body(touch.with_) if giver is not None else None
    will = giver.willing(touch.on) if giver is not None else None
    if (on is None or on.quiet) and (own is None or own.quiet) and (will is None or will.quiet):
        # All green and unconditioned: the common case, with nothing to say.
        return ()
    found: list[Entry] = []
    if on is not None:
        red = on.leaves_by_status["no"]
        if red:
            found.append(("B101", _b101, (red,), None))
        if not on.quiet:
            found += _ask(on, touch.to, unrecorded=unrecorded(receiver))
            found += _conditions(touch, on, touch.to, "to be touched on their", touch.with_)
    if own is not None and will is not None:
        own_red = own.leaves_by_status["no"]
        if own_red:
            found.append(("B102", _b102, (own_red,), None))
        if not own.quiet:
            found += _ask(own, touch.by, unrecorded=unrecorded(giver))
            found += _conditions(touch, own, touch.by, "to use their own", touch.on)
        refused = will.leaves_by_status["no"]
        if refused:
            found.append(("B103", _b103, (refused,), None))
        if not will.quiet:
            found += _ask(will, touch.by, willing=True)
            found += _conditions(touch, will, touch.by, "to touch a partner's", touch.with_)
    return tuple(found)


def check(ctx: BeatContext) -> list[Finding]:
    """B101-B105 for every touch between two performers in the beat."""
    found: list[Finding] = []
    views = ctx.cast.views
    number, lines = ctx.index + 1, ctx.lines
    agreed_by: frozenset[str] | None = None
    fields = ctx.fields
    for i, touch in ctx.contacts:
        # shape_findings, remembered by the receiver's view for each shape of touch:
        # a draft's 16,000 contacts have under a thousand shapes. The view holds the
        # answers (a view is replaced, never changed, when its performer changes),
        # each beside the giver's view it was worked out with, and used only while
        # that is the giver's view still. Written out here, not called per contact.
        # The shape first: it holds who gives and who receives (``by``, ``to``),
        # read from the touch's fields at once (see ``BeatContext.fields``).
        shape = SHAPE(fields[i])
        giver, receiver = views.get(shape[0]), views.get(shape[2])
        if receiver is None:
            entries = shape_findings(giver, receiver, touch)
        else:
            kept = receiver.touches.get(shape)
            if kept is None or kept[0] is not giver:
                kept = receiver.touches[shape] = (giver, shape_findings(giver, receiver, touch))
            entries = kept[1]
        for code, build, args, asker in entries:
            if asker is not None:
                if agreed_by is None:
                    agreed_by = ctx.agreed_by
                if asker in agreed_by:
                    continue
            found.append(BeatFinding(number, code, (build, ctx, touch, *args), i, lines))
    return found
