"""Prove a performance change changed nothing a user can see.

    .venv/bin/python benchmarks/compare.py [REV]      # REV defaults to HEAD

Runs the notation package of git revision REV and the one in the working tree
over the same inputs (the generated 5,000-beat score, every sample scene, and
broken variants of them) and compares, exactly: findings (beat, code, message,
line, touch), every table and key line, load errors (rendered), saved bytes,
and the incremental checker against a full check. The working tree is run once
with each TOML parser (tomli's compiled wheel and the tomllib fallback, chosen
with ``CHOREO_TOML_PARSER``); both must match REV. Prints only counts and the
first difference's location, never score contents. Exit 0 when identical.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"

# Runs inside each interpreter: prints one JSON document of everything observable.
PROBE = r"""
import json, sys
from pathlib import Path
import notation
from notation.lines import table_lines

def observe(name, text):
    try:
        score = notation.loads(text, name)
    except notation.LoadError as error:
        return {"error": error.render()}
    found = [[f.beat, f.code, f.message, f.line, f.touch] for f in notation.check(score)]
    lines = {repr(k): score.line_of(*k) for k in table_lines(text)}
    return {"findings": found, "lines": lines, "saved": notation.dumps(score)}

inputs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
print(json.dumps({name: observe(name, text) for name, text in inputs.items()}))
"""

# Productions: ``choreo check DIR``'s findings (with file, line and whether from the
# cast), unreadable files, each scene's saved layer, and re-checks after cast edits.
PRODUCTION_PROBE = r"""
import json, sys
from notation.model import AreaRule
from notation.production import (
    ProductionScene, check_production_scene, dumps_layer, open_score, recheck,
)
from notation.production.folder import check_paths, scores_under
from pathlib import Path

def placed(findings):
    return [[f.path, f.line, f.beat, f.code, f.message, f.from_cast] for f in findings]

def observe(folder):
    report = check_paths([folder])
    result = {
        "findings": placed(report.findings),
        "errors": [e.render() for e in report.errors],
    }
    scenes = [open_score(p) for p in scores_under(Path(folder))]
    scenes = [s for s in scenes if isinstance(s, ProductionScene)]
    result["saved"] = [dumps_layer(s.layer) for s in scenes]
    before = {s.path: check_production_scene(s) for s in scenes}
    production = scenes[0].production
    for performer in production.performers[:3]:
        table = performer.boundaries
        if table is None:
            continue
        for area in ("upper_back", "waist", "face"):
            areas = {**table.areas, area: AreaRule(status="no")}
            narrowed = performer.model_copy(
                update={"boundaries": table.model_copy(update={"areas": areas})}
            )
            changed = production.with_performer(narrowed)
            items = recheck(scenes, changed, performer.id)
            result[f"recheck {performer.id} {area}"] = [
                [i.scene.path, list(i.beats), placed(i.applied_to(before[i.scene.path]))]
                for i in items
            ]
    return result

folders = json.loads(sys.argv[1])
print(json.dumps({folder: observe(folder) for folder in folders}))
"""


def _broken(name: str, text: str) -> dict[str, str]:
    """Variants of a score that must fail to load, each in its own way."""
    first_beat = text.find("[[beats]]")
    variants = {
        f"{name}+unknown-key": text.replace("[scene]\n", "[scene]\ncolour = 1\n", 1),
        f"{name}+bad-area": text.replace('on = "', 'on = "elbow', 1),
        f"{name}+bad-toml": text.replace("[scene]", "[scene", 1),
        f"{name}+newer": text.replace("version = 1", "version = 9", 1),
        f"{name}+wrong-type": text.replace("closed_set = ", "closed_set = 1 #", 1),
    }
    if first_beat >= 0:
        variants[f"{name}+beat-typo"] = (
            text[:first_beat] + "[[beats]]\ntitel = 1\n" + text[first_beat + 10 :]
        )
    return variants


def inputs() -> dict[str, str]:
    """The generated big scores (realistic and finding-dense), the samples, and broken
    variants of the samples."""
    texts: dict[str, str] = {}
    big = OUT / "big-5000.score.toml"
    if not big.exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from generate import write

        write()
    texts["big-5000"] = big.read_text(encoding="utf-8")
    dense = OUT / "big-5000-dense.score.toml"
    if not dense.exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from generate import DENSE, write

        write(drift=DENSE)
    texts["big-5000-dense"] = dense.read_text(encoding="utf-8")
    for sample in sorted((ROOT / "sample_scenes").glob("*.score.toml")):
        text = sample.read_text(encoding="utf-8")
        texts[sample.name] = text
        texts[sample.name + "+crlf"] = text.replace("\n", "\r\n")
        texts.update(_broken(sample.name, text))
    return texts


PARSERS = ("tomli", "tomllib")


def observe(
    python: str, package_root: Path, source: Path, parser: str = "tomllib"
) -> dict[str, object]:
    """Everything observable, computed by the notation package under ``package_root``."""
    return _probe(python, package_root, PROBE, str(source), parser, "the probe")


def _probe(
    python: str, package_root: Path, code: str, argument: str, parser: str, what: str
) -> dict[str, object]:
    """Run ``code`` with ``argument`` against the notation package under ``package_root``
    (and nothing else on its path), reading with ``parser``; its JSON answer."""
    result = subprocess.run(
        [python, "-c", code, argument],
        capture_output=True,
        text=True,
        cwd=package_root,
        env={
            "PYTHONPATH": str(package_root),
            "PATH": "/usr/bin:/bin",
            "CHOREO_TOML_PARSER": parser,
        },
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{what} failed under {package_root} (exit {result.returncode})")
    answer: dict[str, object] = json.loads(result.stdout)
    return answer


def production_folders() -> list[str]:
    """The generated 60-scene production and the sample production."""
    generated = OUT / "production"
    if not (generated / "production.toml").exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from production import generate_production

        generate_production(generated)
    return [str(generated), str(ROOT / "sample_scenes" / "northern-light")]


def observe_productions(
    python: str, package_root: Path, folders: list[str], parser: str = "tomllib"
) -> dict[str, object]:
    """``choreo check DIR`` and re-checks, computed by the notation package under
    ``package_root``."""
    return _probe(
        python, package_root, PRODUCTION_PROBE, json.dumps(folders), parser, "the production probe"
    )


def incremental_matches(path: Path) -> bool:
    """After an edit in the middle of the big score, LiveFindings equals check()."""
    import notation
    from notation.checks.incremental import LiveFindings

    score = notation.load(path)
    live = LiveFindings(score)
    index = len(score.beats) // 2
    beat = score.beats[index]
    edited = score.replace(beats=(*score.beats[:index], beat.model_copy(), *score.beats[index:]))
    live.beats_inserted(edited, index)
    return live.findings() == notation.check(edited)


def main(argv: list[str]) -> int:
    """Compare REV (default HEAD) with the working tree; 0 when identical."""
    rev = argv[0] if argv else "HEAD"
    with tempfile.TemporaryDirectory() as folder:
        old_root = Path(folder) / "old"
        old_root.mkdir()
        archive = subprocess.run(
            ["git", "archive", rev, "notation"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old_root)], input=archive, check=True)
        source = Path(folder) / "inputs.json"
        texts = inputs()
        source.write_text(json.dumps(texts), encoding="utf-8")
        before = observe(sys.executable, old_root, source)
        afters = {parser: observe(sys.executable, ROOT, source, parser) for parser in PARSERS}
        folders = production_folders()
        productions_before = observe_productions(sys.executable, old_root, folders)
        productions_after = {
            parser: observe_productions(sys.executable, ROOT, folders, parser) for parser in PARSERS
        }
    failed = False
    for parser, observed in productions_after.items():
        for folder in folders:
            old_p, new_p = productions_before[folder], observed[folder]
            assert isinstance(old_p, dict) and isinstance(new_p, dict)
            parts = sorted(k for k in old_p.keys() | new_p.keys() if old_p.get(k) != new_p.get(k))
            state = f"differs in {', '.join(parts)}" if parts else "identical"
            print(f"production {Path(folder).name} ({parser}): {state}")
            failed = failed or bool(parts)
    for parser, after in afters.items():
        differences = [name for name in texts if before[name] != after[name]]
        for name in differences:
            old, new = before[name], after[name]
            assert isinstance(old, dict) and isinstance(new, dict)
            parts = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
            print(f"differs ({parser}): {name}: {', '.join(parts)}")
        print(
            f"{len(texts) - len(differences)} of {len(texts)} inputs identical between {rev} "
            f"and the working tree reading with {parser}"
        )
        failed = failed or bool(differences)
    same_live = incremental_matches(OUT / "big-5000.score.toml")
    print(f"incremental findings {'equal' if same_live else 'DIFFER from'} check()")
    return 0 if not failed and same_live else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
