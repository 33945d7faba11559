"""A seeded production for the benchmarks, and its measurements.

``generate_production(folder, scenes=60, beats=100, performers=30, seed=7)``
writes the same production for the same arguments, every time: a cast of 30
with boundaries, riders and garments; 60 scenes of 100 beats, each scene with
four to six of the cast (the two leads in most scenes, supporting players in
some, a few in one or two) and now and then a scene-specific override.

Measured (GC on, several runs, the baseline in the same run):

- ``choreo check DIR`` as a whole process ÷ a process that only parses the same
  files with ``tomllib`` (goal ≤ 1.3);
- after a cast edit, re-checking only what it can affect (``recheck``) ÷ a full
  check of the production (goal ≤ 0.05), for a lead and for a supporting player.

    .venv/bin/python benchmarks/production.py            # writes benchmarks/out/production/
    .venv/bin/python benchmarks/production.py --runs 7
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import _boundaries, _touch

from notation.agreement import agree
from notation.checks import check_beat
from notation.checks.cast import Cast
from notation.model import (
    AreaRule,
    Beat,
    Garment,
    Performer,
    Placement,
    Rider,
    Score,
    Timing,
)
from notation.production import (
    BoundariesLayer,
    PerformerLayer,
    Production,
    ProductionInfo,
    ProductionScene,
    SceneHeader,
    SceneLayer,
    check_production,
    merge,
    open_score,
    recheck,
    save_layer,
    save_production,
)

OUT = Path(__file__).resolve().parent / "out" / "production"
STAGE = ("USL", "USC", "USR", "CSL", "CS", "CSR", "DSL", "DSC", "DSR")
FIRST = ("Ana", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivo", "Jun")
LAST = ("Ruiz", "Okafor", "Lindqvist")


def _cast(rng: random.Random, count: int) -> tuple[Performer, ...]:
    cast: list[Performer] = []
    for index in range(count):
        name = f"{FIRST[index % len(FIRST)]} {LAST[index // len(FIRST) % len(LAST)]}"
        minor = index == 7
        cast.append(
            Performer(
                id=f"p{index + 1:02d}",
                name=name,
                character=f"Role {index + 1}",
                minor=minor,
                guardian="A. Guardian" if minor else "",
                boundaries=_boundaries(rng, lips=index < 6),
                rider=Rider(
                    signed=None, may_expose=("upper_back", "shoulder"), simulated_sex=index < 2
                )
                if index < 10
                else None,
                garments=(Garment(kind="modesty_pouch"),) if index < 2 else (),
            )
        )
    return tuple(cast)


def _roster(rng: random.Random, cast: tuple[Performer, ...]) -> list[str]:
    leads = [p.id for p in cast[:2]]
    supporting = [p.id for p in cast[2:12] if p.id != "p08"]
    others = [p.id for p in cast[12:]]
    who = [pid for pid in leads if rng.random() < 0.8]
    who += rng.sample(supporting, rng.choice((1, 2, 2, 3)))
    who += rng.sample(others, rng.choice((1, 1, 2)))
    return who if len(who) >= 2 else [*who, *rng.sample(supporting, 2 - len(who))]


def _beat(rng: random.Random, number: int, who: list[str]) -> Beat:
    pair = rng.sample(who, 2)
    touches = tuple(_touch(rng, *rng.sample(pair, 2)) for _ in range(rng.choice((1, 1, 2))))
    stage = rng.choice(STAGE)
    beat = Beat(
        title=f"beat {number}",
        timing=Timing(counts=rng.choice((2, 4, 8))),
        touches=touches,
        placements=tuple(Placement(who=pid, area=stage) for pid in pair),
    )
    return agree(beat, pair, beat_day(rng)) if rng.random() < 0.5 else beat


def beat_day(rng: random.Random) -> date:
    """A day of the rehearsal fortnight."""
    return date(2026, 11, 20) + timedelta(days=rng.randrange(10))


DRIFT = 0.1
"""Share of beats left as generated (some cross a boundary); the rest are kept clean."""


def _choreographed(rng: random.Random, number: int, who: list[str], stage: Score) -> Beat:
    """A beat as a coordinator would leave it: clean, except the share that drifts."""
    drift = rng.random() < DRIFT
    cast = Cast(stage)
    beat = _beat(rng, number, who)
    for _ in range(30):
        if drift:
            return beat
        trial = stage.model_copy(update={"beats": (beat,)})
        if not check_beat(trial, 0, cast):
            return beat
        beat = _beat(rng, number, who)
    return beat


def generate_production(
    folder: Path = OUT, scenes: int = 60, beats: int = 100, performers: int = 30, seed: int = 7
) -> Path:
    """Write the production (0600 files) under ``folder``; returns the folder."""
    rng = random.Random(seed)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for old in folder.glob("*.score.toml"):
        old.unlink()
    cast = _cast(rng, performers)
    production = Production(
        production=ProductionInfo(
            title="Orchard (generated series)", medium="tv", self_care_cue="hold", closed_set=True
        ),
        performers=cast,
    )
    save_production(production, folder / "production.toml")
    for number in range(1, scenes + 1):
        who = _roster(rng, cast)
        entries: list[PerformerLayer] = []
        if rng.random() < 0.1:
            areas = {"neck": AreaRule(status="no")}
            entries.append(PerformerLayer(id=who[-1], boundaries=BoundariesLayer(areas=areas)))
        header = SceneHeader(title=f"Episode {(number - 1) // 6 + 1}, scene {number}")
        empty = SceneLayer(scene=header, performers=tuple(entries))
        stage = merge(
            production,
            empty.model_copy(
                update={
                    "beats": (Beat(placements=tuple(Placement(who=pid, area="CS") for pid in who)),)
                }
            ),
        ).score
        layer = empty.model_copy(
            update={"beats": tuple(_choreographed(rng, n + 1, who, stage) for n in range(beats))}
        )
        save_layer(layer, folder / f"scene-{number:02d}.score.toml")
    return folder


def _runs(fn: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


PARSE_ONLY = (
    "import sys, tomllib, pathlib; "
    "[tomllib.loads(p.read_text(encoding='utf-8')) "
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.toml'))]"
)


def _process(args: list[str]) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    return run


def _spread(times: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(times) * 1000, 1),
        "min_ms": round(min(times) * 1000, 1),
        "max_ms": round(max(times) * 1000, 1),
    }


def measure(folder: Path, runs: int) -> dict[str, object]:
    """Every figure, with its spread; medians make the ratios."""
    python = sys.executable
    check_dir = _process([python, "-m", "choreo_tui", "check", str(folder), "--format", "json"])
    parse_only = _process([python, "-c", PARSE_ONLY, str(folder)])
    # Interleaved, so a busy moment on the shared machine hits both alike.
    check_times: list[float] = []
    parse_times: list[float] = []
    for _ in range(runs):
        parse_times += _runs(parse_only, 1)
        check_times += _runs(check_dir, 1)
    paths = sorted(folder.glob("*.score.toml"))
    scenes = [open_score(p) for p in paths]
    production_scenes = [s for s in scenes if isinstance(s, ProductionScene)]
    production = production_scenes[0].production
    target = str(folder / "production.toml")

    def full() -> object:
        return check_production(production, target, production_scenes)

    results: dict[str, object] = {
        "check_dir_process": _spread(check_times),
        "tomllib_parse_process": _spread(parse_times),
        "check_dir_ratio": round(
            statistics.median(check_times) / statistics.median(parse_times), 2
        ),
    }
    full_times = _runs(full, runs)
    for label, pid in (("lead", "p01"), ("supporting", "p05"), ("small_part", "p20")):
        performer = production.by_id[pid]
        assert performer.boundaries is not None
        table = performer.boundaries.areas
        # "Not the waist any more": the first of these the performer has not already said no to.
        narrow = next(a for a in ("waist", "face", "lower_back") if table[a].status != "no")
        for area, status in ((narrow, "no"), ("upper_back", "no")):
            areas = {**performer.boundaries.areas, area: AreaRule(status=status)}
            narrowed = performer.model_copy(
                update={"boundaries": performer.boundaries.model_copy(update={"areas": areas})}
            )
            changed = production.with_performer(narrowed)
            # Each re-check right after a full check: a busy moment hits both alike.
            times, beside = [], []
            for _ in range(runs):
                beside += _runs(full, 1)
                times += _runs(lambda: recheck(production_scenes, changed, pid), 1)  # noqa: B023
            full_times += beside
            affected = recheck(production_scenes, changed, pid)
            results[f"recheck_{label}_{area}_{status}"] = {
                **_spread(times),
                # The first re-check for this edit also makes what later ones reuse
                # (where the performer's touches are, the changed tables resolved).
                "first_ms": round(times[0] * 1000, 1),
                "scenes": len(affected),
                "beats": sum(len(r.beats) for r in affected),
                "full_ms": round(statistics.median(beside) * 1000, 1),
                "ratio": round(statistics.median(times) / statistics.median(beside), 3),
            }
    results["full_check"] = _spread(full_times)
    return results


def main(argv: list[str] | None = None) -> int:
    """Generate the production and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenes", type=int, default=60)
    parser.add_argument("--beats", type=int, default=100)
    args = parser.parse_args(argv)
    folder = generate_production(OUT, args.scenes, args.beats)
    results = {
        "scenes": args.scenes,
        "beats_per_scene": args.beats,
        "performers": 30,
        "bytes": sum(p.stat().st_size for p in folder.glob("*.toml")),
        **measure(folder, args.runs),
    }
    print(json.dumps(results, indent=2))
    (OUT.parent / "production-results.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
