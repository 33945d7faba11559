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


@pytest.fixture(autouse=True)
def private_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Recovery copies and crash reports of every test go to a fresh folder, never the user's."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("CHOREO_STATE_DIR", str(folder))
    return folder
