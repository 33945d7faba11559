"""Nudity (N2xx), simulated sex (S3xx) and consent (C401, C404) rules for one beat."""

from __future__ import annotations

from notation.agreement import digest
from notation.areas import GROIN, leaves_of
from notation.checks.context import BeatContext, leaf_list
from notation.describe import and_list
from notation.findings import Finding
from notation.model import Agreed


def _bare_leaves(areas: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(leaves_of(a) for a in areas)) if areas else frozenset()


def nudity(ctx: BeatContext) -> list[Finding]:
    """N201 bare beyond the rider, N202 bare with no rider, N203 no closed set."""
    found: list[Finding] = []
    for who, areas in ctx.bare.items():
        if not areas:
            continue
        view = ctx.cast.get(who)
        if view is None:
            continue
        name = ctx.name(who)
        rider = view.performer.rider
        if rider is None:
            found.append(
                ctx.finding(
                    "N202",
                    f"{name} is bare ({leaf_list(list(areas))}) in this beat but has no nudity "
                    f"rider. Nothing may be shown before {name} signs a rider that lists it.",
                )
            )
            continue
        outside = sorted(_bare_leaves(areas) - rider.exposable)
        if outside:
            found.append(
                ctx.finding(
                    "N201",
                    f"{name} is bare on {leaf_list(outside)} in this beat, which {name}'s rider "
                    f"does not list. Cover it, or agree a new rider with {name} before asking.",
                )
            )
    if ctx.has_nudity or ctx.is_sexual:
        # The scene is asked only about beats that show or simulate something.
        scene = ctx.score.scene
        medium = scene.medium
        if medium in ("film", "tv") and not scene.closed_set:
            what = "nudity" if ctx.has_nudity else "simulated sex"
            if ctx.has_nudity and ctx.is_sexual:
                what = "nudity and simulated sex"
            found.append(
                ctx.finding(
                    "N203",
                    f"This beat has {what} on a {'TV' if medium == 'tv' else 'film'} set that "
                    "is not marked closed. Close the set (only essential crew) and set "
                    "closed_set = true.",
                )
            )
    return found


def _covers_groin(ctx: BeatContext, who: str) -> bool:
    if GROIN in _bare_leaves(ctx.bare.get(who, ())):
        # A garment cannot be worn over an area the beat shows bare.
        return False
    view = ctx.cast.get(who)
    scene_wide = view.performer.garments if view is not None else ()
    beat_only = [g for g in ctx.beat.garments if g.who == who]
    return any(g.covers_groin for g in (*scene_wide, *beat_only))


def simulated(ctx: BeatContext) -> list[Finding]:
    """S301 rider, S302 barrier and S303 garment for simulated sex and groin contact."""
    if not ctx.is_sexual:
        # Neither simulated nor touching the groin: nobody is in simulated sex here
        # (the common case, told before anything is gathered).
        return []
    found: list[Finding] = []
    in_sex: dict[str, int | None] = {}
    if ctx.beat.simulated:
        for who in ctx.involved:
            in_sex.setdefault(who, None)
    for i, touch in ctx.groin_touches:
        for who in (touch.by, touch.to):
            if in_sex.get(who) is None:
                in_sex[who] = i
    for who, touch_index in in_sex.items():
        view = ctx.cast.get(who)
        if view is None:
            continue
        name = ctx.name(who)
        rider = view.performer.rider
        if rider is None or not rider.simulated_sex:
            why = "has no rider" if rider is None else "has a rider that does not agree to it"
            found.append(
                ctx.finding(
                    "S301",
                    f"{name} is in simulated sex or genital-area contact here but {why}. "
                    f"Nothing beyond the rider: agree it in writing with {name} first.",
                    touch_index,
                )
            )
    # The barrier's job is to keep pelvises apart: one placed only at the knee
    # or the shoulder does not prevent genital contact, so it does not count.
    shielded = {frozenset(b.between) for b in ctx.beat.barriers if GROIN in leaves_of(b.at)}
    reported: set[frozenset[str]] = set()
    for i, touch in ctx.contacts:
        pair = frozenset((touch.by, touch.to))
        if pair in shielded or pair in reported:
            continue
        reported.add(pair)
        found.append(
            ctx.finding(
                "S302",
                f"{ctx.name(touch.by)} and {ctx.name(touch.to)} are in contact in simulated sex "
                "with no barrier between their pelvises. Add a pillow, bolster or pad between "
                "them, placed at the pelvis.",
                i,
            )
        )
    for who in ctx.involved:
        if ctx.cast.get(who) is not None and not _covers_groin(ctx, who):
            name = ctx.name(who)
            found.append(
                ctx.finding(
                    "S303",
                    f"{name} wears no garment covering the groin in this beat. Add {name}'s own "
                    "modesty garment (pouch, strapless thong or merkin).",
                )
            )
    return found


def _c401(ctx: BeatContext, agreed: Agreed) -> str:
    names = and_list([ctx.name(p) for p in agreed.by]) or "the performers"
    when = f" on {agreed.on.isoformat()}" if agreed.on else ""
    why = (
        "the beat changed after " + names + " agreed it" + when
        if agreed.digest
        else "the agreement carries no digest, so Choreo cannot tell what was agreed"
    )
    return (
        f"The agreement has lapsed: {why}. Walk everyone through the beat as it is "
        "now and record their agreement again."
    )


def consent(ctx: BeatContext) -> list[Finding]:
    """C401 lapsed agreement, C404 a minor in a beat with nudity or simulated sex."""
    found: list[Finding] = []
    agreed = ctx.agreed
    if agreed is not None and agreed.digest != digest(ctx.beat):
        # The words are built when read (a draft has hundreds of lapsed agreements).
        found.append(ctx.finding("C401", (_c401, ctx, agreed)))
    if ctx.has_nudity or ctx.is_sexual:
        for who in sorted(ctx.ids):
            view = ctx.cast.get(who)
            if view is not None and view.performer.minor:
                found.append(
                    ctx.finding(
                        "C404",
                        f"{view.performer.name} is a minor and is in a beat with nudity or "
                        f"simulated sex. Minors are never in such a beat: take "
                        f"{view.performer.name} out of it.",
                    )
                )
    return found
