"""A beat's findings are sorted by one precomputed int (``BeatFinding.order``): it must
order them exactly as the plain key, (touch, or -1 for the beat's own; then code)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from notation.findings import SEVERITY, BeatFinding


def _no_lines(*path: str | int) -> int | None:
    return None


def plain_key(finding: BeatFinding) -> tuple[int, str]:
    """The order a beat's findings are reported in, read attribute by attribute."""
    return (-1 if finding.touch is None else finding.touch, finding.code)


made = st.builds(
    BeatFinding,
    beat=st.just(1),
    code=st.sampled_from(sorted(SEVERITY)),
    message=st.just("words"),
    touch=st.none() | st.integers(0, 10_000),
    lines=st.just(_no_lines),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(made, max_size=12))
def test_order_sorts_a_beats_findings_as_touch_then_code(findings: list[BeatFinding]) -> None:
    by_order = sorted(findings, key=lambda f: f.order)
    assert [plain_key(f) for f in by_order] == sorted(plain_key(f) for f in findings)
    # Equal keys keep their order (the sort is stable): the same findings, in place.
    assert [id(f) for f in by_order] == [id(f) for f in sorted(findings, key=plain_key)]


@given(made, made)
def test_order_compares_as_the_plain_key_does(a: BeatFinding, b: BeatFinding) -> None:
    assert (a.order < b.order) == (plain_key(a) < plain_key(b))
    assert (a.order == b.order) == (plain_key(a) == plain_key(b))


def test_every_code_has_a_place() -> None:
    for code in SEVERITY:
        assert BeatFinding(1, code, "words", None, _no_lines).order >= 0
