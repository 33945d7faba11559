"""Shared fixtures: paths to the repository and its sample scenes."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_scenes"


@pytest.fixture
def samples() -> Path:
    """The folder of bundled sample scores."""
    return SAMPLES
