"""Choreo's notation core: scene scores, the body-area tree, and the checker.

Pure Python with pydantic; it never imports Textual, so tools and tests can use
it headless.
"""

from notation.checks import check, check_beat, check_scene
from notation.findings import SEVERITY, Finding
from notation.model import Beat, Performer, Score, Touch
from notation.private_write import SaveError
from notation.reading import LoadError, Problem, load, loads
from notation.writing import dumps, save

__all__ = [
    "SEVERITY",
    "Beat",
    "Finding",
    "LoadError",
    "Performer",
    "Problem",
    "SaveError",
    "Score",
    "Touch",
    "check",
    "check_beat",
    "check_scene",
    "dumps",
    "load",
    "loads",
    "save",
]
