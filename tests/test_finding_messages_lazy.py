"""Finding messages are built when first read, and are exactly the words checking
would have built at once; a plain string still works as before."""

from __future__ import annotations

from conftest import SAMPLES
from factories import beat, bounds, performer, placed, score, touch, with_performer

from notation import Finding, check, load
from notation.checks.incremental import LiveFindings
from notation.model import Score


def _dense() -> Score:
    # A red area, an 'ask' area, a condition and a pair placed apart: B101, B104,
    # B105 and T503 in one beat, each with words worth building.
    ana = performer(
        "ana",
        "Ana",
        boundaries=bounds(neck="no", arm="ask", face={"status": "yes", "only": ["light"]}),
    )
    return score(
        beat(
            touch(on="neck"),
            touch(on="arm"),
            touch(on="face", pressure="firm"),
            placements=(placed("ana", "USL"), placed("ben", "DSR")),
        ),
        performers=(ana, performer("ben", "Ben")),
    )


def test_a_plain_string_message_keeps_working() -> None:
    finding = Finding(2, "T506", "This touch runs past its beat.", touch=0)
    assert finding.message == "This touch runs past its beat."


def test_a_message_is_built_once_when_first_read() -> None:
    calls: list[int] = []

    def words() -> str:
        calls.append(1)
        return "built"

    finding = Finding(1, "B101", words)
    assert calls == []
    assert finding.message == "built" and finding.message == "built"
    assert calls == [1]
    assert finding == Finding(1, "B101", "built")
    assert "built" in repr(finding)


def test_messages_read_after_the_score_moved_on_still_describe_the_score_checked() -> None:
    before = _dense()
    found = check(before)
    assert {f.code for f in found} >= {"B101", "B104", "B105", "T503"}
    eager = [f.message for f in check(before)]
    renamed = with_performer(before, "ana", name="Anna")
    assert any("Anna" in f.message for f in check(renamed))
    # The findings of the first check were never read; they still speak of Ana.
    assert [f.message for f in found] == eager
    assert not any("Anna" in f.message for f in found)


def test_the_incremental_checker_keeps_messages_unbuilt_and_equal() -> None:
    s = load(SAMPLES / "problems-demo.score.toml")
    live = LiveFindings(s)
    moved = s.replace(beats=(s.beats[-1], *s.beats[:-1]))
    live.update(moved)
    assert [f.message for f in live.findings()] == [f.message for f in check(moved)]
