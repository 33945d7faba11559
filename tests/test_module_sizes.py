"""Modules of one job each stay small: no module of notation or the app passes 400 lines.

A module past that size has taken on a second job; split it by job (as editor.py,
lines.py, model.py and replay/screen.py were) rather than raise the limit.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 400


def test_no_module_passes_400_lines() -> None:
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for package in ("notation", "choreo_tui")
        for path in (ROOT / package).rglob("*.py")
    }
    assert len(sizes) > 100  # the walk found the packages
    too_long = {module: lines for module, lines in sizes.items() if lines > LIMIT}
    assert not too_long, f"split these by job: {too_long}"
