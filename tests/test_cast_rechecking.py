"""The cast's re-check on a big score: what a key press no longer waits for.

Every score counts as big here (``AT_ONCE`` below zero), so re-checks run in a
worker thread as they do at 5,000 beats. Nothing here depends on timing: the
worker is held or released by events, and waits are bounded loops.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import pytest
from cast_fixtures import orchard
from test_cast_screen import CastHost, drive, settle, text_of, type_into
from textual.pilot import Pilot

from choreo_tui.cast import CastScreen, performer_form, rechecking
from choreo_tui.cast.rechecking import BackgroundRecheck, Recheck, share_blocking
from choreo_tui.cast.tables import set_status
from notation import change_effects, check
from notation.blocking import every_beat
from notation.cast_edits import put_performer, remove_performer
from notation.change_effects import summarise
from notation.checks.incremental import LiveFindings
from notation.model import Performer, Score


@pytest.fixture(autouse=True)
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every score is re-checked in a worker, as a big one is."""
    monkeypatch.setattr(rechecking, "AT_ONCE", -1)


async def until(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    """Let the app run until ``done()`` holds (bounded, never a fixed sleep)."""
    for _ in range(500):
        if done():
            return
        await pilot.pause()
        await asyncio.sleep(0.01)
    raise AssertionError("never happened")


def neck(score: Score, status: str) -> Score:
    """The score with Ana's neck set to ``status``."""
    ana = score.performers[0]
    table = set_status(ana.boundaries, "boundaries", "neck", status)  # type: ignore[arg-type]
    return put_performer(score, 0, ana.model_copy(update={"boundaries": table}))


def test_opening_the_performer_form_checks_nothing_in_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The form used to check the whole score again (0.4 s of a worker at 5,000 beats)."""
    built: list[int] = []
    init = LiveFindings.__init__

    def counted(self: LiveFindings, score: Score) -> None:
        built.append(len(score.beats))
        init(self, score)

    monkeypatch.setattr(LiveFindings, "__init__", counted)

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await settle(pilot, app)
        await pilot.press("b")
        await settle(pilot, app)
        await pilot.press("slash")
        await type_into(pilot, "neck")
        await pilot.press("enter", "n")
        await settle(pilot, app)
        assert "✗ 1 beat now crosses a boundary: 2" in text_of(app, "#recheck")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert "✗ 1 beat now crosses a boundary: 2" in text_of(app, "#cast-summary")

    drive(steps)
    assert built == [4], "one full check, by the cast screen, for the screen and its form"


def test_the_candidate_score_is_built_in_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building it validates the whole score (and renames an id in every beat)."""
    threads: list[str] = []

    def watched(score: Score, index: int | None, performer: Performer) -> Score:
        threads.append(threading.current_thread().name)
        return put_performer(score, index, performer)

    monkeypatch.setattr(performer_form, "put_performer", watched)

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await settle(pilot, app)
        await pilot.press("b")
        await settle(pilot, app)
        await pilot.press("n")  # body: no
        await settle(pilot, app)
        assert "Whole score: ✗" in text_of(app, "#recheck")

    drive(steps)
    assert threads and threading.main_thread().name not in threads


def test_a_running_recheck_stands_aside_while_a_key_is_taken_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker checking beside the keys took half the interpreter's time from them."""
    monkeypatch.setattr(rechecking, "SETTLE", 60.0)  # only the test lets the keys "pause"
    monkeypatch.setattr(rechecking, "HOLD_AT_MOST", 60.0)
    inside = threading.Event()
    proceed = threading.Event()
    trapped = {"on": False}
    checked: list[int] = []
    recheck_beat = LiveFindings._recheck

    def slow(self: LiveFindings, index: int) -> None:
        checked.append(index)
        if trapped["on"] and len(checked) == 1:
            inside.set()
            proceed.wait(60)
        recheck_beat(self, index)

    monkeypatch.setattr(LiveFindings, "_recheck", slow)

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        cast = app.screen
        assert isinstance(cast, CastScreen)
        await until(pilot, lambda: cast.rechecks.busy)
        cast.rechecks._start()  # the keys pause: the cast's first check
        await settle(pilot, app)
        await pilot.press("b")
        await pilot.press("slash")
        await type_into(pilot, "neck")
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, performer_form.PerformerForm)
        form.rechecks._start()
        await settle(pilot, app)
        checked.clear()
        trapped["on"] = True
        await pilot.press("n")
        form.rechecks._start()  # the keys pause: the worker starts, and is caught in beat 1
        await until(pilot, inside.is_set)
        await pilot.press("down")  # a key that asks for no re-check of its own
        proceed.set()
        await until(pilot, lambda: form.rechecks.held > 0)
        assert checked == [checked[0]], "no other beat is checked while the key is taken in"
        form.rechecks._start()  # the keys pause again
        await settle(pilot, app)
        assert len(checked) > 1
        assert "✗ 1 beat now crosses a boundary: 2" in text_of(app, "#recheck")

    drive(steps)


def test_a_candidate_with_the_same_beats_shares_the_placements_in_force() -> None:
    score = orchard()
    score.blocking  # noqa: B018 - worked out once, as a check does
    same = neck(score, "no")
    share_blocking(score, same)
    assert same.__dict__["blocking"] is score.blocking
    assert same.blocking == every_beat(same)
    purged = remove_performer(score, "ben", purge=True)
    share_blocking(score, purged)
    assert "blocking" not in purged.__dict__, "other beats: worked out afresh"
    assert purged.blocking == every_beat(purged)


def test_the_shared_checker_answers_as_a_full_check_for_every_screen() -> None:
    """The cast screen's re-check and a form's, one checker between them, through
    status changes, an id carried into the beats, a removal with purge and back."""
    before = orchard()
    cast = Recheck(before)
    assert cast.lines(before) == summarise(check(before), check(before))
    current = neck(before, "no")
    assert cast.lines(current) == summarise(check(before), check(current))
    form = Recheck(current, cast)
    renamed = put_performer(current, 0, current.performers[0].model_copy(update={"id": "ana_r"}))
    candidates: list[Callable[[], Score] | Score] = [
        lambda: neck(current, "yes"),
        renamed,
        lambda: remove_performer(current, "ben", purge=True),
        lambda: remove_performer(current, "ana", purge=False),
        current,
    ]
    for candidate in candidates:
        after = candidate() if callable(candidate) else candidate
        assert form.lines(candidate) == summarise(check(current), check(after))
    assert cast.lines(renamed) == change_effects.recheck(before, renamed)


def test_leaving_while_a_worker_is_held_never_waits_for_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``lines_now`` (leaving the cast) takes the checker a held worker still has: it
    lets that worker go on first, or the two would wait for each other."""
    monkeypatch.setattr(rechecking, "HOLD_AT_MOST", 60.0)

    class Screen:
        """Only what a re-check outside an app needs: nothing."""

    before = orchard()
    recheck = BackgroundRecheck(Screen(), before, lambda lines: None)  # type: ignore[arg-type]
    recheck.lines_now(before)  # the first, full check
    recheck._quiet.clear()  # a key is being taken in
    worker = threading.Thread(
        target=recheck.recheck.lines, args=(neck(before, "no"), recheck._checkpoint)
    )
    worker.start()
    for _ in range(1000):
        if recheck.held:
            break
        worker.join(0.01)
    assert recheck.held, "the worker waits for the keys at its first beat"
    answer: list[list[str]] = []
    leaving = threading.Thread(target=lambda: answer.append(recheck.lines_now(before)))
    leaving.start()
    leaving.join(20)
    worker.join(20)
    assert not leaving.is_alive() and not worker.is_alive()
    assert answer == [summarise(check(before), check(before))]
