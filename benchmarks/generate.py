"""Deterministic big scores for the benchmarks: a whole production's intimacy track.

``generate(beats=5000, performers=6, seed=7)`` builds the same score for the
same arguments, every time, on every machine: six performers with boundaries,
will_touch tables, riders and garments; beats with touches, kisses, placements,
timing, barriers, bare areas, agreements and a realistic share of findings
(most beats are clean, some drift past a boundary, miss a timing or lapse an
agreement). Run it to write the score to ``benchmarks/out/``::

    .venv/bin/python benchmarks/generate.py            # 5,000 beats
    .venv/bin/python benchmarks/generate.py --beats 10
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from notation import dumps
from notation.agreement import agree
from notation.checks import BEAT_RULES
from notation.checks.cast import Cast
from notation.checks.context import BeatContext
from notation.model import (
    Barrier,
    Beat,
    BeatGarment,
    Boundaries,
    Garment,
    LogEntry,
    Performer,
    Placement,
    Rider,
    Scene,
    Score,
    Timing,
    Touch,
    WillTouch,
)
from notation.private_write import write_private

OUT = Path(__file__).resolve().parent / "out"

# Invented people: the benchmark never needs real names.
PEOPLE = (
    ("ana", "Ana Ruiz", "Marta"),
    ("ben", "Ben Okafor", "Tomas"),
    ("cai", "Cai Lindqvist", "Iris"),
    ("dee", "Dee Marchetti", "Leo"),
    ("eli", "Élie Durand", "Sam"),
    ("fay", "Fay Nakamura", "young Marta"),
    ("gus", "Gus Abara", "the neighbour"),
    ("hal", "Hal Petrov", "the guard"),
)

STAGE = ("USL", "USC", "USR", "CSL", "CS", "CSR", "DSL", "DSC", "DSR")

# (action, with, on, pressure choices): the gestures a scene is built from.
GESTURES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("hold", "hand", "hand", ("light",)),
    ("hold", "hand_r", "upper_back", ("light", "muscle")),
    ("hold", "hand", "waist", ("light", "muscle")),
    ("hold", "hand_l", "shoulder_r", ("light",)),
    ("caress", "hand_r", "cheek_l", ("light",)),
    ("caress", "hand", "hair", ("light",)),
    ("caress", "hand_l", "forearm_r", ("light",)),
    ("brush", "hand", "face", ("light",)),
    ("embrace", "arm", "back", ("light", "muscle")),
    ("embrace", "arm", "torso", ("muscle",)),
    ("lean", "forehead", "forehead", ("light",)),
    ("lean", "shoulder_l", "shoulder_r", ("light",)),
    ("press", "hand", "chest", ("light", "muscle")),
    ("grip", "hand", "upper_arm_l", ("muscle", "firm")),
    ("kiss", "lips", "lips", ("light",)),
    ("kiss", "lips", "cheek_r", ("light",)),
    ("kiss", "lips", "forehead", ("light",)),
    ("kiss", "lips", "neck", ("light",)),
    ("caress", "hand", "thigh_l", ("light",)),
    ("hold", "hand", "lower_back", ("light",)),
)

GREEN = ("hand", "arm", "upper_back", "shoulder", "forehead", "hair")
MAYBE = ("face", "cheek", "waist", "lower_back", "torso", "thigh", "knee")
CLOSE = ("lips", "neck", "chest", "abdomen", "buttocks", "inner_thigh", "groin")

NOTES = (
    "",
    "",
    "",
    "Marta turns away first; the line is 'Not here.'",
    'Tomas: "Stay." A breath before the hold.',
    "The light fades on the count of four.",
    "Beat of stillness: they listen for the door.",
    "José's letter is on the table; she reads it aloud.",
    "Café noise under; keep the hold loose.",
)
PRIVATE = (
    "",
    "",
    "",
    "",
    "Check in after this beat.",
    "Ana asked for a reset word between takes.\nAgreed: 'pause'.",
    'Ben prefers the hold "muscle-level", never firm.',
)


def _rule(rng: random.Random, status: str) -> str | dict[str, Any]:
    """An area rule, now and then with a condition."""
    if status != "no" and rng.random() < 0.25:
        return {"status": status, "only": [rng.choice(("light", "over_clothing"))]}
    return status


def _boundaries(rng: random.Random, lips: bool) -> Boundaries:
    areas: dict[str, Any] = {}
    for area in GREEN:
        areas[area] = _rule(rng, "yes" if rng.random() < 0.9 else "ask")
    for area in MAYBE:
        areas[area] = _rule(rng, rng.choice(("yes", "yes", "ask", "no")))
    for area in CLOSE:
        areas[area] = _rule(rng, rng.choice(("ask", "no", "no")))
    if lips:
        areas["lips"] = {"status": "yes", "only": ["closed_mouth"]}
    return Boundaries.model_validate(
        {
            "recorded": date(2026, 11, 2) + timedelta(days=rng.randrange(20)),
            "default": "ask",
            "areas": areas,
        }
    )


def _performers(rng: random.Random, count: int) -> tuple[Performer, ...]:
    cast: list[Performer] = []
    for index, (pid, name, character) in enumerate(PEOPLE[:count]):
        minor = index == 5
        sex_scenes = index < 2
        rider = None
        garments: tuple[Garment, ...] = ()
        if index < 4:
            expose = ["upper_back", "lower_back", "shoulder"] + (["buttocks"] if sex_scenes else [])
            rider = Rider(
                signed=date(2026, 10, 20 + index),
                may_expose=tuple(expose),
                simulated_sex=sex_scenes,
            )
        if sex_scenes:
            garments = (Garment(kind=("modesty_pouch", "strapless_thong")[index % 2]),)
        will = None
        if index % 3 == 1:
            will = WillTouch.model_validate({"areas": {"groin": "no", "chest": "ask"}})
        cast.append(
            Performer(
                id=pid,
                name=name,
                character=character,
                minor=minor,
                guardian="Maria Okafor" if minor else "",
                private_notes="Prefers check-ins by first name." if index == 2 else "",
                # One performer's boundary conversation is still to come (C405).
                boundaries=None if index == 4 else _boundaries(rng, lips=index < 4),
                will_touch=will,
                rider=rider,
                garments=garments,
            )
        )
    return tuple(cast)


def _touch(rng: random.Random, by: str, to: str) -> Touch:
    action, with_, on, pressures = rng.choice(GESTURES)
    data: dict[str, Any] = {
        "by": by,
        "with": with_,
        "to": to,
        "on": on,
        "action": action,
        "pressure": rng.choice(pressures),
    }
    if action in ("hold", "caress", "press") and rng.random() < 0.3:
        data["over_clothing"] = True
    if action == "kiss":
        # Most kisses are fully specified; a few drift (T504, or an open mouth).
        if rng.random() < 0.95:
            data["mouth"] = "closed" if rng.random() < 0.9 else "open"
        if rng.random() < 0.95:
            data["counts"] = rng.choice((2, 3, 4))
    elif rng.random() < 0.4:
        data["counts"] = rng.choice((1, 2, 4, 8))
    return Touch.model_validate(data)


def _beat(
    rng: random.Random,
    number: int,
    cast: tuple[Performer, ...],
    drift: bool,
    draft: bool = False,
) -> Beat:
    """One beat; unless it ``drift``s, its timing, placements and agreement are in order.

    A ``draft`` beat (of a score dense with findings) has more touches and its
    performers are not yet placed together.
    """
    adults = [p.id for p in cast if not p.minor]
    who = rng.sample(adults[:4], rng.choice((2, 2, 2, 3)))
    if rng.random() < 0.08 and len(cast) > 5:
        who.append(cast[rng.randrange(4, len(cast))].id)
    simulated = rng.random() < 0.03
    if simulated:
        who = adults[:2]
    count = rng.choice((2, 3, 4, 4)) if draft else rng.choice((1, 1, 2, 2, 3, 4))
    touches = [_touch(rng, *rng.sample(who, 2)) for _ in range(count)]
    if simulated:
        touches.append(
            Touch.model_validate(
                {"by": who[0], "with": "pelvis", "to": who[1], "on": "pelvis", "action": "press"}
            )
        )
    stage = rng.choice(STAGE)
    together = 0.3 if draft else 0.9
    placements = [
        Placement(
            who=pid,
            area=stage if not drift or rng.random() < together else rng.choice(STAGE),
            level=rng.choice(("standing", "standing", "seated", "kneeling", "lying")),
            facing=rng.choice((None, "DS", "US", who[0] if pid != who[0] else "SL")),
            on=rng.choice(("", "", "", "bench", "bed")),
        )
        for pid in who
    ]
    barriers: list[Barrier] = []
    garments: list[BeatGarment] = []
    if simulated and rng.random() < 0.9:
        barriers.append(
            Barrier(kind=rng.choice(("pillow", "bolster", "foam_pad")), between=(who[0], who[1]))
        )
    if simulated and rng.random() < 0.5:
        garments.append(BeatGarment(kind="merkin", who=who[1]))
    elif rng.random() < 0.02:
        garments.append(BeatGarment(kind="skin_tone_underwear", who=who[0]))
    bare: dict[str, tuple[str, ...]] = {}
    if rng.random() < 0.04:
        bare[who[0]] = ("upper_back",) if rng.random() < 0.85 else ("upper_back", "chest")
    timing = None
    roll = rng.random()
    if roll < 0.9 or not drift:
        timing = Timing(counts=rng.choice((2, 4, 4, 8, 16)), cue=rng.choice(("", "", "lights 14")))
    elif roll < 0.97:
        timing = Timing(seconds=rng.choice((1.5, 3.0, 6.0)))
    beat = Beat(
        title=f"{rng.choice(('the approach', 'the turn', 'the hold', 'the kiss', 'release'))} "
        f"{number}",
        notes=rng.choice(NOTES),
        private_notes=rng.choice(PRIVATE),
        simulated=simulated,
        placeholder=rng.random() < 0.02,
        timing=timing,
        touches=tuple(touches),
        placements=tuple(placements),
        barriers=tuple(barriers),
        garments=tuple(garments),
        bare=bare,
    )
    roll = rng.random()
    if roll < 0.35:
        beat = agree(beat, who, date(2026, 11, 20))
    elif roll < 0.45 and drift:
        # Agreed once, then the choreography changed: the agreement lapsed (C401).
        beat = agree(beat, who, date(2026, 11, 12))
        beat = beat.model_copy(
            update={"timing": Timing(counts=(beat.timing.counts or 4) + 2 if beat.timing else 4)}
        )
    return beat


DRIFT = 0.12
"""Share of beats that drift past a boundary, the protocol or the craft rules."""


DENSE = 1.0
"""A draft before it is cleared: every beat drifts, about four findings a beat."""


def _choreographed(
    rng: random.Random, number: int, stage: BeatContext, share: float = DRIFT
) -> Beat:
    """A beat as a coordinator would choreograph it: inside what everyone agreed,
    except for the ``share`` that drifts (and the odd clean-up nobody did)."""
    drift = rng.random() < share
    for _ in range(30):
        beat = _beat(rng, number, stage.score.performers, drift, share >= DENSE)
        if drift:
            return beat
        trial = BeatContext(stage.score, stage.cast, 0, beat)
        if not any(rule(trial) for rule in BEAT_RULES):
            return beat
    return beat


def generate(beats: int = 5000, performers: int = 6, seed: int = 7, drift: float = DRIFT) -> Score:
    """The same big, realistic score for the same arguments, every time.

    ``drift`` is the share of beats that drift past the rules: ``DRIFT`` for a
    score as it is rehearsed, ``DENSE`` for a draft dense with findings.
    """
    rng = random.Random(seed)
    cast = _performers(rng, performers)
    scene = Scene(
        title="The whole intimacy track",
        production="Orchard (feature film)",
        medium="film",
        self_care_cue="hold",
        closed_set=True,
        tempo=72.0,
        coordinator="R. Adeyemi",
        director="K. Solberg",
        notes="Generated for the benchmarks.",
        private_notes="Nothing private here: the score is invented.",
    )
    start = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    log = tuple(
        LogEntry(
            at=start + timedelta(days=day, minutes=7 * i),
            event=event,
            who=tuple(p.id for p in cast[:2]),
            note="" if event != "hold" else "Paused for water.",
        )
        for day in range(10)
        for i, event in enumerate(("checkin", "hold", "closure"))
    )
    empty = Score(scene=scene, performers=cast)
    stage = BeatContext(empty, Cast(empty), 0, Beat())
    return Score(
        scene=scene,
        performers=cast,
        beats=tuple(_choreographed(rng, n + 1, stage, drift) for n in range(beats)),
        log=log,
    )


def write(
    beats: int = 5000,
    performers: int = 6,
    seed: int = 7,
    out: Path = OUT,
    drift: float = DRIFT,
) -> Path:
    """Generate a score and write it (0600) to ``out``; the path written.

    The realistic score is ``big-N.score.toml``; any other ``drift`` is
    ``big-N-dense.score.toml``.
    """
    suffix = "" if drift == DRIFT else "-dense"
    path = out / f"big-{beats}{suffix}.score.toml"
    out.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(path, dumps(generate(beats, performers, seed, drift)))
    return path


def main(argv: list[str] | None = None) -> int:
    """Command line: ``generate.py [--beats N] [--performers N] [--seed N] [--out DIR]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--beats", type=int, default=5000)
    parser.add_argument("--performers", type=int, default=6, choices=range(2, len(PEOPLE) + 1))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--dense", action="store_true", help="a draft dense with findings")
    args = parser.parse_args(argv)
    drift = DENSE if args.dense else DRIFT
    print(write(args.beats, args.performers, args.seed, args.out, drift))
    return 0


if __name__ == "__main__":
    sys.exit(main())
