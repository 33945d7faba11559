"""Property tests over generated scores: exports never leak, copies load, diffs are sound.

The scores come from the round-trip tests' strategy, which plants a marker in
private notes (scene, performers, beats) and in log notes.
"""

from __future__ import annotations

import random
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roundtrip import PLANT, scores

from notation import loads
from notation.diff import diff_scores
from notation.model import Score
from notation.sharing import FORMATS, director_copy, export

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class _Tags(HTMLParser):
    """Counts open and close tags of the elements the page builds."""

    def __init__(self) -> None:
        super().__init__()
        self.depth: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("section", "svg", "g", "ul", "table", "script", "style"):
            self.depth[tag] = self.depth.get(tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.depth:
            self.depth[tag] -= 1


@EXAMPLES
@given(scores, st.booleans())
def test_no_export_of_any_score_carries_a_private_note_or_the_log(
    score: Score, with_boundaries: bool
) -> None:
    for to in FORMATS:
        text = export(score, to, with_boundaries=with_boundaries)
        assert PLANT not in text
        for entry in score.log:
            assert entry.at.isoformat() not in text


@EXAMPLES
@given(scores)
def test_the_toml_copy_reads_back_as_the_director_copy(score: Score) -> None:
    copy = director_copy(score, with_boundaries=True)
    assert loads(export(score, "toml", with_boundaries=True)) == copy


@EXAMPLES
@given(scores)
def test_the_html_page_keeps_its_structure_whatever_the_text(score: Score) -> None:
    page = _Tags()
    page.feed(export(score, "html", with_boundaries=True))
    page.close()
    assert all(depth == 0 for depth in page.depth.values()), page.depth
    assert page.depth.get("script", 0) == 0


@EXAMPLES
@given(scores)
def test_a_score_against_itself_has_no_change(score: Score) -> None:
    result = diff_scores(score, score)
    assert not result.changed
    assert all(b.status == "same" for b in result.beats)
    assert len(result.beats) == len(score.beats)


@EXAMPLES
@given(scores, st.randoms(use_true_random=False))
def test_reordering_beats_is_only_moves(score: Score, rnd: random.Random) -> None:
    beats = list(score.beats)
    rnd.shuffle(beats)
    result = diff_scores(score, score.replace(beats=tuple(beats)))
    assert all(b.status in ("same", "moved") for b in result.beats)
    assert not any(b.lapses for b in result.beats)


@EXAMPLES
@given(scores, st.text(max_size=10))
def test_notes_only_edits_never_count_as_changes(score: Score, words: str) -> None:
    beats = tuple(
        b.model_copy(update={"title": b.title + words, "notes": words, "private_notes": words})
        for b in score.beats
    )
    result = diff_scores(score, score.replace(beats=beats))
    assert not result.changed
    assert not any(b.lapses or b.choreography for b in result.beats)
