"""The checker: every place a score crosses a boundary, the protocol or the craft.

``check(score)`` runs every rule. ``check_beat`` and ``check_scene`` run the
per-beat and scene-level halves, so an editor can re-check one beat after an
edit, with a ``Cast`` it keeps and refreshes only for the performer who changed.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Collection
from functools import partial
from operator import attrgetter

from notation import collector
from notation.checks import boundaries, craft, protocol
from notation.checks.cast import Cast
from notation.checks.context import BeatContext
from notation.findings import Finding
from notation.model import Score

BeatRule = Callable[[BeatContext], list[Finding]]

BEAT_RULES: tuple[BeatRule, ...] = (
    boundaries.check,
    protocol.nudity,
    protocol.simulated,
    protocol.consent,
    craft.timing,
    craft.placement,
    craft.kisses,
    craft.overrun,
    craft.unknown_ids,
)


_IN_BEAT_ORDER = attrgetter("order")
"""A beat finding's place by touch (the beat's own findings first), then code
(``BeatFinding.order``). Within a beat a finding's line follows from its touch (or
is the beat's own), so ordering by touch orders by line without looking lines up."""


def _beat_findings(ctx: BeatContext) -> list[Finding]:
    """Every rule's findings for one beat, in order of touch and code."""
    found: list[Finding] = []
    for rule in BEAT_RULES:
        found += rule(ctx)
    if len(found) > 1:
        found.sort(key=_IN_BEAT_ORDER)
    return found


def check_beat(score: Score, index: int, cast: Cast | None = None) -> list[Finding]:
    """Findings for the beat at 0-based ``index``."""
    return _beat_findings(BeatContext(score, cast or Cast(score), index, score.beats[index]))


def check_scene(score: Score, touched: Collection[str] | None = None) -> list[Finding]:
    """Scene-level findings: C402 no self-care cue, C403 minor without guardian,
    C405 a touched performer without recorded boundaries.

    ``touched`` is every id touched by another performer in some beat; an
    incremental checker that keeps it passes it to skip the walk over every beat.
    """
    found: list[Finding] = []
    if not score.scene.self_care_cue.strip():
        found.append(
            Finding(
                None,
                "C402",
                "The scene has no self-care cue. Agree a word anyone can say to stop at once "
                "(for example 'hold') and record it as self_care_cue.",
                locate=partial(score.line_of, "scene"),
            )
        )
    if touched is None:
        touched = {t.to for beat in score.beats for t in beat.touches if t.by != t.to}
    for index, performer in enumerate(score.performers):
        line = partial(score.line_of, "performers", index)
        if performer.minor and not performer.guardian.strip():
            found.append(
                Finding(
                    None,
                    "C403",
                    f"{performer.name} is a minor and no guardian is recorded. Name the guardian "
                    "or additional adult who will be present.",
                    locate=line,
                )
            )
        if performer.id in touched and performer.boundaries is None:
            found.append(
                Finding(
                    None,
                    "C405",
                    f"{performer.name} is touched in this scene but has no recorded boundaries, "
                    f"so every area counts as 'ask'. Hold the boundary conversation with "
                    f"{performer.name} and record it.",
                    locate=line,
                )
            )
    return found


def _keep_old(found: list[Finding]) -> None:
    """Hand the check's survivors to the collector's oldest generation at once.

    Everything a check makes is returned and kept (its findings, their message
    recipes): none of it is garbage. Left young, the first collection after the
    pause walks all of it (a third of a draft's check) only to move it up a
    generation, then walks it again a generation later. ``freeze`` then
    ``unfreeze`` moves every tracked object to the oldest generation without
    walking any, so the full collections that come anyway see them, as they
    would any long-lived object. Skipped when someone has frozen objects
    (unfreezing would undo it: the editor freezes an open big score, see
    ``choreo_tui/heap.py``), off the main thread (the editor checks in workers, and
    may freeze meanwhile) and for a check too small to matter.
    """
    if (
        len(found) > 1000
        and gc.get_freeze_count() == 0
        and threading.current_thread() is threading.main_thread()
    ):
        gc.freeze()
        gc.unfreeze()


def check(score: Score) -> list[Finding]:
    """Every finding for a score: scene-level first, then beat by beat."""
    with collector.paused():
        cast = Cast(score)
        # Who is touched (for C405) is gathered from the beats' contexts on the way,
        # rather than by check_scene's own pass over every touch of the score.
        touched: set[str] = set()
        in_beats: list[Finding] = []
        for index, beat in enumerate(score.beats):
            ctx = BeatContext(score, cast, index, beat)
            touched.update(ctx.receivers)
            in_beats += _beat_findings(ctx)
        found = check_scene(score, touched)
        found += in_beats
        _keep_old(found)
    return found
