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
  check of the production (goal ≤ 0.05), for a lead, a supporting player and a
  small part, each a narrow and a wide change: the first re-check of the edit and
  a second one, against the first full check after reading (cold) and a full check
  repeated on the same scenes (warm), one read of production.toml shared by every
  scene as ``choreo check DIR`` does;
- the app's ripple after the lead's wide change (merging every scene again, the
  re-check, the same beats under the old cast) ÷ a warm full check.

    .venv/bin/python benchmarks/production.py            # writes benchmarks/out/production/
    .venv/bin/python benchmarks/production.py --runs 7
"""

from __future__ import annotations

import argparse
import json
import os
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
    PRODUCTION_FILE,
    BoundariesLayer,
    PerformerLayer,
    Production,
    ProductionInfo,
    Productions,
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


def _read(folder: Path) -> tuple[Production, list[ProductionScene]]:
    """Every scene of the production, with one read of production.toml shared by all,
    as ``choreo check DIR`` and the app's ripple read it."""
    cache: Productions = {}
    opened = [open_score(p, cache) for p in sorted(folder.glob("*.score.toml"))]
    scenes = [s for s in opened if isinstance(s, ProductionScene)]
    return scenes[0].production, scenes


def _narrowed(production: Production, pid: str, area: str) -> Production:
    """The production after ``pid`` says "not the ``area`` any more" (new objects every call)."""
    performer = production.by_id[pid]
    assert performer.boundaries is not None
    areas = {**performer.boundaries.areas, area: AreaRule(status="no")}
    return production.with_performer(
        performer.model_copy(
            update={"boundaries": performer.boundaries.model_copy(update={"areas": areas})}
        )
    )


EDITS = (("lead", "p01"), ("supporting", "p05"), ("small_part", "p20"))
"""Who changes a boundary: a lead (in most scenes), a supporting player, a small part."""


def _edits(production: Production) -> list[tuple[str, str, str]]:
    found = []
    for label, pid in EDITS:
        boundaries = production.by_id[pid].boundaries
        assert boundaries is not None
        table = boundaries.areas
        # "Not the waist any more": the first of these the performer has not already said no to.
        narrow = next(a for a in ("waist", "face", "lower_back") if table[a].status != "no")
        found += [(label, pid, narrow), (label, pid, "upper_back")]
    return found


Sample = tuple[float, float]
"""Wall-clock and CPU seconds (the process's own: other agents' load does not count)."""


def _timed(fn: Callable[[], object]) -> Sample:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def _median(samples: list[Sample], which: int) -> float:
    return statistics.median(s[which] for s in samples)


def _both(samples: list[Sample]) -> dict[str, object]:
    cpu = [s[1] for s in samples]
    return {
        **_spread([s[0] for s in samples]),
        "cpu_median_ms": round(statistics.median(cpu) * 1000, 1),
        "cpu_min_ms": round(min(cpu) * 1000, 1),
    }


def _ratios(name: str, part: list[Sample], whole: list[Sample]) -> dict[str, float]:
    return {
        f"{name}": round(_median(part, 1) / _median(whole, 1), 3),
        f"{name}_wall": round(_median(part, 0) / _median(whole, 0), 3),
    }


ROUNDS = 3
"""Fresh edits per performer and area in each run: a re-check takes milliseconds, and on
a loaded machine one descheduling is as long, so each figure gets runs x 3 samples."""


def _rechecks(folder: Path, runs: int) -> dict[str, object]:
    """Each run reads the production afresh (GC on, as a user's process has it), times
    the first full check (cold: the one a user waits for), then, for each edit, three
    times over with new objects: the first re-check of the edit, a full check of the
    same scene objects again (warm: it reuses the digests, resolved tables and views
    the first one kept) and a second re-check of the same edit. Ratios are of medians
    of CPU time (``*_wall``: of wall-clock time), each part beside its whole."""
    target = str(folder / PRODUCTION_FILE)
    cold: list[Sample] = []
    warm: list[Sample] = []
    seen: dict[str, dict[str, list[Sample]]] = {}
    sizes: dict[str, tuple[int, int]] = {}
    for _ in range(runs):
        production, scenes = _read(folder)
        cold.append(_timed(lambda: check_production(production, target, scenes)))  # noqa: B023
        for label, pid, area in _edits(production):
            key = f"recheck_{label}_{area}_no"
            times = seen.setdefault(key, {"first": [], "later": [], "warm": []})
            for _ in range(ROUNDS):
                changed = _narrowed(production, pid, area)
                times["first"].append(_timed(lambda: recheck(scenes, changed, pid)))  # noqa: B023
                times["warm"].append(
                    _timed(lambda: check_production(production, target, scenes))  # noqa: B023
                )
                times["later"].append(_timed(lambda: recheck(scenes, changed, pid)))  # noqa: B023
            warm += times["warm"][-ROUNDS:]
            affected = recheck(scenes, changed, pid)
            sizes[key] = (len(affected), sum(len(r.beats) for r in affected))
    results: dict[str, object] = {
        "full_check_cold": _both(cold),
        "full_check_warm": _both(warm),
    }
    for key, times in seen.items():
        results[key] = {
            "scenes": sizes[key][0],
            "beats": sizes[key][1],
            "first": _both(times["first"]),
            "later": _both(times["later"]),
            **_ratios("first_to_warm", times["first"], times["warm"]),
            **_ratios("later_to_warm", times["later"], times["warm"]),
            **_ratios("first_to_cold", times["first"], cold),
            **_ratios("later_to_cold", times["later"], cold),
        }
    return results


def _ripple(folder: Path, runs: int) -> dict[str, object]:
    """The app's path: after a cast edit its worker merges every other scene (layers kept
    from the start screen's read and check) and reports what the lead's wide change did."""
    from choreo_tui.production.overview import overview
    from choreo_tui.production.ripple import ripple_report

    target = folder / PRODUCTION_FILE
    overview(target)  # the start screen: reads and checks every scene, keeps the layers
    production, scenes = _read(folder)
    full: list[Sample] = []
    ripple: list[Sample] = []
    for _ in range(runs):
        changed = _narrowed(production, "p01", "upper_back")
        ripple.append(_timed(lambda: ripple_report(production, changed, target, ["p01"])))  # noqa: B023
        full.append(_timed(lambda: check_production(production, str(target), scenes)))
    return {
        "ripple_lead_upper_back_no": _both(ripple),
        "full_check_beside": _both(full),
        **_ratios("ripple_to_warm", ripple, full),
    }


def _child(run: Callable[[], object]) -> Sample:
    """Wall-clock seconds of a child process, and the CPU seconds it used."""
    before = os.times()
    wall = time.perf_counter()
    run()
    after = os.times()
    cpu = (after.children_user + after.children_system) - (
        before.children_user + before.children_system
    )
    return time.perf_counter() - wall, cpu


def measure(folder: Path, runs: int) -> dict[str, object]:
    """Every figure, with its spread; medians make the ratios."""
    python = sys.executable
    check_dir = _process([python, "-m", "choreo_tui", "check", str(folder), "--format", "json"])
    parse_only = _process([python, "-c", PARSE_ONLY, str(folder)])
    # Interleaved, so a busy moment on the shared machine hits both alike.
    check_times: list[Sample] = []
    parse_times: list[Sample] = []
    for _ in range(runs):
        parse_times.append(_child(parse_only))
        check_times.append(_child(check_dir))
    return {
        "check_dir_process": _both(check_times),
        "tomllib_parse_process": _both(parse_times),
        "check_dir_ratio": round(_median(check_times, 0) / _median(parse_times, 0), 2),
        "check_dir_ratio_cpu": round(_median(check_times, 1) / _median(parse_times, 1), 2),
        **_rechecks(folder, runs),
        **_ripple(folder, runs),
    }


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
