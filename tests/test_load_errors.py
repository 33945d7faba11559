"""Every way a score file can be wrong ends in one LoadError with the right line.

Each bad text marks the line the problem must be reported on with ``# <-``.
Every text also carries a planted string in its free-text fields and, where it
can, in the bad value itself: no message may ever echo it.
"""

from __future__ import annotations

import os
import string
from pathlib import Path

import pytest
from factories import RIDER_ALL, barrier, beat, dumps, performer, score, touch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parser_fixtures import every_parser  # noqa: F401

from notation import LoadError, load, loads
from notation.model import Agreed
from notation.reading import MAX_PROBLEMS, loads_bytes

pytestmark = pytest.mark.usefixtures("every_parser")

PLANT = "PLANTED-9d2e-private"

HEAD = f"""format = "choreo-score"
version = 1

[scene]
title = "{PLANT} title"
private_notes = "{PLANT} scene notes"
notes = "{PLANT} notes"
"""

ANA = f"""
[[performers]]
id = "ana"
name = "{PLANT} Ana"
private_notes = "{PLANT} ana notes"
"""

BEAT = f"""
[[beats]]
title = "{PLANT} beat"
private_notes = "{PLANT} beat notes"
"""

TOUCH = """
[[beats.touches]]
by = "ana"
to = "ana"
on = "neck"
"""


def marked_line(text: str) -> int:
    """The line carrying the ``# <-`` marker."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if "# <-" in line)


def refused(text: str | bytes) -> LoadError:
    """The LoadError that reading ``text`` must raise (and nothing else)."""
    with pytest.raises(LoadError) as caught:
        if isinstance(text, bytes):
            loads_bytes(text, "scene.score.toml")
        else:
            loads(text, "scene.score.toml")
    error = caught.value
    assert error.problems, "a LoadError always says what is wrong"
    assert PLANT not in error.render()
    assert PLANT not in str(error)
    return error


CASES: list[tuple[str, str, str]] = [
    ("toml-syntax", HEAD + "tempo =    # <-\n", "not valid TOML"),
    ("toml-unclosed-string", HEAD + f'director = "{PLANT}   # <-\n', "not valid TOML"),
    ("toml-duplicate-key", HEAD + f'title = "{PLANT}"   # <-\n', "not valid TOML"),
    ("string-for-bool", HEAD + f'closed_set = "{PLANT}"   # <-\n', "true or false"),
    ("string-for-bool-yes", HEAD + 'closed_set = "yes"   # <-\n', "true or false"),
    ("int-for-bool", HEAD + "closed_set = 1   # <-\n", "true or false"),
    ("string-for-tempo", HEAD + f'tempo = "{PLANT}"   # <-\n', "must be a number"),
    ("zero-tempo", HEAD + "tempo = 0   # <-\n", "greater than 0"),
    ("nan-tempo", HEAD + "tempo = nan   # <-\n", "`tempo` must be"),
    ("inf-tempo", HEAD + "tempo = inf   # <-\n", "finite"),
    ("float-counts", HEAD + BEAT + "[beats.timing]\ncounts = 2.5   # <-\n", "whole number"),
    ("zero-counts", HEAD + BEAT + "[beats.timing]\ncounts = 0   # <-\n", "greater than 0"),
    ("string-seconds", HEAD + BEAT + '[beats.timing]\nseconds = "3"   # <-\n', "number"),
    ("number-for-text", HEAD + "director = 3   # <-\n", "text in quotes"),
    ("list-for-text", HEAD + f'coordinator = ["{PLANT}"]   # <-\n', "text in quotes"),
    (
        "unknown-key-did-you-mean",
        HEAD + ANA + BEAT + TOUCH + f'presure = "{PLANT}"   # <-\n',
        "did you mean `pressure`",
    ),
    ("unknown-scene-key", HEAD + "self_care = 'hold'   # <-\n", "did you mean `self_care_cue`"),
    ("unknown-top-key", "tempo = 60   # <-\n" + HEAD, "unknown key `tempo`"),
    (
        "unknown-area-in-boundaries",
        HEAD + ANA + '[performers.boundaries.areas]\nsholder = "no"   # <-\n',
        "did you mean 'shoulder'",
    ),
    (
        "unknown-area-on",
        HEAD + ANA + BEAT + TOUCH.replace('on = "neck"', 'on = "nek"   # <-'),
        "did you mean 'neck'",
    ),
    (
        "unknown-area-with",
        HEAD + ANA + BEAT + TOUCH + 'with = "elbow"   # <-\n',
        "not a body area",
    ),
    (
        "unknown-area-in-rider",
        HEAD + ANA + '[performers.rider]\nmay_expose = ["bak"]   # <-\n',
        "did you mean 'back'",
    ),
    (
        "unknown-area-bare",
        HEAD + ANA + BEAT + '[beats.bare]\nana = ["chset"]   # <-\n',
        "did you mean 'chest'",
    ),
    (
        "planted-area-not-echoed",
        HEAD + ANA + BEAT + TOUCH.replace('on = "neck"', f'on = "{PLANT}"   # <-'),
        "not a body area",
    ),
    (
        "planted-bare-key",
        HEAD + ANA + BEAT + f'[beats.bare]\n"{PLANT} Ana" = ["back"]   # <-\n',
        "must be an id",
    ),
    (
        "planted-area-key",
        HEAD + ANA + f'[performers.boundaries.areas]\n"{PLANT} x" = "no"   # <-\n',
        "not a body area",
    ),
    ("planted-unknown-key", HEAD + f'"{PLANT} note" = 1   # <-\n', "unknown key"),
    (
        "stage-area",
        HEAD + BEAT + '[[beats.placements]]\nwho = "ana"\narea = "CX"   # <-\n',
        "USL, USC, USR, CSL, CS, CSR, DSL, DSC, DSR, off",
    ),
    ("enum-medium", HEAD + 'medium = "flim"   # <-\n', "did you mean 'film'"),
    ("enum-medium-planted", HEAD + f'medium = "{PLANT}"   # <-\n', "theatre, film, tv"),
    ("enum-action", HEAD + ANA + BEAT + TOUCH + 'action = "kis"   # <-\n', "did you mean 'kiss'"),
    ("enum-pressure", HEAD + ANA + BEAT + TOUCH + 'pressure = "hard"   # <-\n', "light, muscle"),
    (
        "enum-level",
        HEAD + BEAT + '[[beats.placements]]\nwho = "a"\narea = "CS"\nlevel = "sat"  # <-\n',
        "seated",
    ),
    (
        "enum-status",
        HEAD + ANA + '[performers.boundaries.areas]\nneck = "maybe"   # <-\n',
        "yes, ask, no",
    ),
    (
        "enum-condition",
        HEAD
        + ANA
        + '[performers.boundaries.areas]\nneck = { status = "yes", only = ["soft"] }  # <-\n',
        "over_clothing",
    ),
    (
        "enum-garment-kind",
        HEAD + ANA + '[[performers.garments]]\nkind = "thong"   # <-\n',
        "strapless_thong",
    ),
    (
        "bad-id",
        HEAD + f'\n[[performers]]\nid = "{PLANT}"   # <-\nname = "x"\n',
        "must be an id",
    ),
    (
        "duplicate-performer-id",
        HEAD + ANA + '\n[[performers]]   # <-\nid = "ana"\nname = "Second"\n',
        "same id",
    ),
    (
        "duplicate-id-inline",
        'format = "choreo-score"\nversion = 1\n'
        'performers = [{ id = "ana", name = "A" }, { id = "ana", name = "B" }]  # <-\n'
        '[scene]\ntitle = "t"\n',
        "same id",
    ),
    ("missing-name", HEAD + '\n[[performers]]   # <-\nid = "ana"\n', "`name`"),
    ("empty-name", HEAD + '\n[[performers]]\nid = "ana"\nname = ""   # <-\n', "not be empty"),
    ("missing-on", HEAD + BEAT + '\n[[beats.touches]]   # <-\nby = "a"\nto = "b"\n', "`on`"),
    (
        "missing-title",
        'format = "choreo-score"\nversion = 1\n\n[scene]   # <-\nmedium = "tv"\n',
        "`title`",
    ),
    (
        "wrong-format",
        'format = "choreo-scroe"   # <-\nversion = 1\n[scene]\ntitle = "t"\n',
        "format",
    ),
    (
        "newer-version",
        'format = "choreo-score"\nversion = 2   # <-\n[scene]\ntitle = "t"\n',
        "newer",
    ),
    (
        "version-zero",
        'format = "choreo-score"\nversion = 0   # <-\n[scene]\ntitle = "t"\n',
        "version",
    ),
    (
        "version-text",
        'format = "choreo-score"\nversion = "1"   # <-\n[scene]\ntitle = "t"\n',
        "whole number",
    ),
    (
        "other-garment-without-covers",
        HEAD + ANA + '\n[[performers.garments]]   # <-\nkind = "other"\n',
        "covers",
    ),
    (
        "beat-other-garment-without-covers",
        HEAD + BEAT + '\n[[beats.garments]]   # <-\nwho = "ana"\nkind = "other"\n',
        "covers",
    ),
    (
        "barrier-between-same-id",
        HEAD + BEAT + '\n[[beats.barriers]]   # <-\nkind = "pillow"\nbetween = ["ana", "ana"]\n',
        "two different performers",
    ),
    (
        "barrier-between-three",
        HEAD + BEAT + '\n[[beats.barriers]]\nkind = "pillow"\nbetween = ["a", "b", "c"]  # <-\n',
        "too many",
    ),
    (
        "barrier-between-one",
        HEAD + BEAT + '\n[[beats.barriers]]\nkind = "pillow"\nbetween = ["ana"]  # <-\n',
        "too few items",
    ),
    (
        "touch-without-beat",
        HEAD + '\n[[beats.touches]]   # <-\nby = "a"\nto = "b"\non = "neck"\n',
        "`beats` must be a list",
    ),
    (
        "log-at-without-offset",
        HEAD + '\n[[log]]   # <-\nat = 2026-11-27T19:00:00\nevent = "hold"\n',
        "offset",
    ),
    ("log-at-a-date", HEAD + '\n[[log]]\nat = 2026-11-27   # <-\nevent = "hold"\n', "offset"),
    ("agreed-on-text", HEAD + BEAT + '[beats.agreed]\non = "yesterday"   # <-\n', "date"),
    ("recorded-text", HEAD + ANA + '[performers.boundaries]\nrecorded = "today"  # <-\n', "date"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in CASES], ids=[c[0] for c in CASES]
)
def test_bad_text_names_its_line(text: str, expected: str) -> None:
    error = refused(text)
    assert error.line == marked_line(text)
    assert expected in error.problems[0].message
    assert error.render().startswith(f"scene.score.toml:{marked_line(text)}: error: ")


def test_missing_format_is_refused() -> None:
    error = refused('version = 1\n[scene]\ntitle = "t"\n')
    assert "format" in error.problems[0].message


def test_missing_version_is_refused() -> None:
    error = refused('format = "choreo-score"\n[scene]\ntitle = "t"\n')
    assert "version" in error.problems[0].message


def test_a_newer_version_says_so_and_names_both_versions() -> None:
    error = refused('format = "choreo-score"\nversion = 7\n[scene]\ntitle = "t"\n')
    message = error.problems[0].message
    assert "7" in message and "1" in message and "newer" in message


@pytest.mark.parametrize("text", ["", "\n\n   \n", "# only a comment\n", "\ufeff"])
def test_an_empty_file_is_refused(text: str) -> None:
    assert "empty" in refused(text).problems[0].message


def test_missing_scene() -> None:
    assert "`scene`" in refused('format = "choreo-score"\nversion = 1\n').problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 100_000,
        HEAD + "a = " + "[" * 100_000,
        HEAD + "notes = " + "{a=" * 5000 + "1" + "}" * 5000 + "\n",
        HEAD + "notes = " + "[" * 900 + "]" * 900 + "\n",
    ],
    ids=["bare", "after-header", "inline-tables", "closed-but-deep"],
)
def test_pathological_nesting_is_a_load_error(text: str) -> None:
    refused(text)


def test_non_utf8_bytes_report_their_line() -> None:
    data = HEAD.encode() + b'director = "Jos\xe9"\n'
    error = refused(data)
    assert error.line == HEAD.count("\n") + 1
    assert "UTF-8" in error.problems[0].message


def test_a_utf8_bom_is_accepted() -> None:
    text = '\ufeffformat = "choreo-score"\nversion = 1\n[scene]\ntitle = "t"\n'
    assert loads(text).scene.title == "t"
    assert loads_bytes(text.encode("utf-8")).scene.title == "t"


def test_several_problems_are_all_reported_in_line_order() -> None:
    text = HEAD + 'tempo = "x"\nclosed_set = "y"\nmedium = "z"\n'
    lines = [p.line for p in refused(text).problems]
    base = HEAD.count("\n")
    assert lines == [base + 1, base + 2, base + 3]


def test_a_flood_of_problems_is_capped() -> None:
    body = "".join(f'\n[[performers]]\nid = "p{n}"\nname = 1\n' for n in range(40))
    problems = refused(HEAD + body).problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert "more problems" in problems[-1].message


# -- files ----------------------------------------------------------------------


def test_load_reports_the_path(tmp_path: Path) -> None:
    path = tmp_path / "bad.score.toml"
    path.write_text(HEAD + "tempo = -1\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(path)
    assert caught.value.path == str(path)
    assert caught.value.render().startswith(f"{path}:{HEAD.count(chr(10)) + 1}: error:")


def test_load_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.score.toml"
    path.write_bytes(HEAD.encode() + b"\n\n# caf\xe9\n")
    with pytest.raises(LoadError) as caught:
        load(path)
    assert caught.value.line == HEAD.count("\n") + 3


def test_missing_file_and_folder_are_load_errors(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        load(tmp_path / "nope.score.toml")
    with pytest.raises(LoadError, match="folder"):
        load(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.score.toml"
    path.write_text(HEAD, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(LoadError, match="permission"):
        load(path)


# -- nothing but LoadError, ever --------------------------------------------------


def _valid_text() -> str:
    people = (
        performer("ana", f"{PLANT} Ana", rider=RIDER_ALL, private_notes=PLANT),
        performer("ben", "Ben"),
    )
    b = beat(
        touch(on="neck", action="kiss", mouth="closed", counts=2),
        barriers=(barrier(),),
        bare={"ana": ("back",)},
        agreed=Agreed(by=("ana",), digest="sha256:00"),
        private_notes=PLANT,
    )
    return dumps(score(b, performers=people, private_notes=PLANT))


VALID = _valid_text()
EDIT_CHARS = string.ascii_letters + string.digits + " =[]{}\"'.,#\n-_:\\\t"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(
            st.integers(0, len(VALID)),
            st.integers(0, 8),
            st.text(alphabet=EDIT_CHARS, max_size=6),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_mangled_scores_raise_only_load_error(edits: list[tuple[int, int, str]]) -> None:
    text = VALID
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut :]
    try:
        loads(text)
    except LoadError as error:
        assert PLANT not in error.render()


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_load_error(data: bytes) -> None:
    try:
        loads_bytes(data)
    except LoadError as error:
        assert error.problems


def test_a_name_with_a_nul_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="file name"):
        load("scene\x00.score.toml")


def test_a_misspelt_beats_header_is_named_at_its_own_line() -> None:
    """[[beats]] renamed [[beat]] gave "cannot declare ('beats', 'timing') twice" at the
    next beat's timing, a line that is not wrong."""
    from notation.model import Timing

    text = dumps(score(beat(touch()), beat(touch(), timing=Timing(counts=2))))
    lines = text.split("\n")
    second = [i for i, line in enumerate(lines) if line == "[[beats]]"][1]
    lines[second] = "[[beat]]"
    with pytest.raises(LoadError) as caught:
        loads("\n".join(lines))
    (problem,) = caught.value.problems
    assert problem.line == second + 1
    assert "`[[beat]]` is not a table of a score; did you mean `[[beats]]`?" in problem.message
