"""The director's copy: a new score built field by field from what may be shared.

Nothing here copies a model wholesale or deletes fields from a dump. Every value
in the copy is named below, so a field added to the format later stays in the
coordinator's file until someone decides here that it may leave. What never
leaves: ``private_notes`` (scene, performers, beats) and the rehearsal log.
Boundaries, ``will_touch`` and riders leave only when the coordinator asks, and
then as areas, statuses and conditions (no notes field exists there to leak).
"""

from __future__ import annotations

from notation.model import (
    Agreed,
    AreaRule,
    Barrier,
    Beat,
    BeatGarment,
    Boundaries,
    Garment,
    Performer,
    Placement,
    Rider,
    Scene,
    Score,
    Timing,
    Touch,
    WillTouch,
)

WITHHELD: frozenset[str] = frozenset(
    {
        "Scene.private_notes",
        "Performer.private_notes",
        "Beat.private_notes",
        "Score.log",
    }
)
"""Fields that never leave the coordinator's file, as ``Model.field``."""

ON_REQUEST: frozenset[str] = frozenset(
    {"Performer.boundaries", "Performer.will_touch", "Performer.rider"}
)
"""Fields that leave only with ``with_boundaries=True``."""


def _scene(s: Scene) -> Scene:
    return Scene(
        title=s.title,
        production=s.production,
        medium=s.medium,
        self_care_cue=s.self_care_cue,
        closed_set=s.closed_set,
        tempo=s.tempo,
        coordinator=s.coordinator,
        director=s.director,
        notes=s.notes,
    )


def _rule(rule: AreaRule) -> AreaRule:
    return AreaRule(status=rule.status, only=tuple(rule.only))


def _boundaries(table: Boundaries) -> Boundaries:
    return Boundaries(
        recorded=table.recorded,
        default=table.default,
        areas={area: _rule(rule) for area, rule in table.areas.items()},
    )


def _will_touch(table: WillTouch) -> WillTouch:
    return WillTouch(
        recorded=table.recorded,
        default=table.default,
        areas={area: _rule(rule) for area, rule in table.areas.items()},
    )


def _rider(rider: Rider) -> Rider:
    return Rider(
        signed=rider.signed,
        may_expose=tuple(rider.may_expose),
        simulated_sex=rider.simulated_sex,
    )


def _garment(garment: Garment) -> Garment:
    return Garment(kind=garment.kind, covers=tuple(garment.covers))


def _performer(p: Performer, with_boundaries: bool) -> Performer:
    return Performer(
        id=p.id,
        name=p.name,
        character=p.character,
        minor=p.minor,
        # The guardian's presence is part of the on-set protocol, not a private note.
        guardian=p.guardian,
        boundaries=_boundaries(p.boundaries) if with_boundaries and p.boundaries else None,
        will_touch=_will_touch(p.will_touch) if with_boundaries and p.will_touch else None,
        rider=_rider(p.rider) if with_boundaries and p.rider else None,
        # Garments are costume and protocol: wardrobe and the 1st AD need them.
        garments=tuple(_garment(g) for g in p.garments),
    )


def _timing(t: Timing) -> Timing:
    return Timing(counts=t.counts, seconds=t.seconds, tempo=t.tempo, cue=t.cue)


def _touch(t: Touch) -> Touch:
    return Touch(
        by=t.by,
        with_=t.with_,
        to=t.to,
        on=t.on,
        action=t.action,
        pressure=t.pressure,
        over_clothing=t.over_clothing,
        mouth=t.mouth,
        tongue=t.tongue,
        counts=t.counts,
        start=t.start,
    )


def _placement(p: Placement) -> Placement:
    return Placement(who=p.who, area=p.area, level=p.level, facing=p.facing, on=p.on)


def _barrier(b: Barrier) -> Barrier:
    return Barrier(kind=b.kind, between=(b.between[0], b.between[1]), at=b.at)


def _beat_garment(g: BeatGarment) -> BeatGarment:
    return BeatGarment(who=g.who, kind=g.kind, covers=tuple(g.covers))


def _agreed(a: Agreed) -> Agreed:
    # The digest travels so the copy shows the same current/lapsed status as the
    # original: it covers the choreography, which the copy keeps in full.
    return Agreed(by=tuple(a.by), on=a.on, digest=a.digest)


def _beat(b: Beat) -> Beat:
    return Beat(
        title=b.title,
        notes=b.notes,
        simulated=b.simulated,
        placeholder=b.placeholder,
        timing=_timing(b.timing) if b.timing else None,
        touches=tuple(_touch(t) for t in b.touches),
        placements=tuple(_placement(p) for p in b.placements),
        barriers=tuple(_barrier(x) for x in b.barriers),
        garments=tuple(_beat_garment(g) for g in b.garments),
        bare={who: tuple(areas) for who, areas in b.bare.items()},
        agreed=_agreed(b.agreed) if b.agreed else None,
    )


def director_copy(score: Score, *, with_boundaries: bool = False) -> Score:
    """The score as it may be handed to a director, stage manager or 1st AD.

    Built from an allow-list: private notes and the rehearsal log are never
    copied; boundaries, ``will_touch`` and riders only with ``with_boundaries``.
    """
    return Score(
        scene=_scene(score.scene),
        performers=tuple(_performer(p, with_boundaries) for p in score.performers),
        beats=tuple(_beat(b) for b in score.beats),
    )
