"""The cast screen driven from the keyboard inside a tiny host app, as the editor pushes it."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Awaitable, Callable

import pytest
from cast_fixtures import orchard
from conftest import sync
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import (
    Button,
    Input,
    OptionList,
    Select,
    SelectionList,
    Static,
    TabbedContent,
)

from choreo_tui.cast import CastScreen, rechecking
from choreo_tui.cast.area_picker import AreaPicker
from choreo_tui.cast.dialogs import Choice, LeaveCast
from choreo_tui.cast.performer_form import PerformerForm
from notation import Score

NOT_YET = object()


class CastHost(App[None]):
    """Pushes the cast screen on a score and keeps what it is dismissed with."""

    def __init__(self, score: Score) -> None:
        super().__init__()
        self.score = score
        self.result: object = NOT_YET

    def on_mount(self) -> None:
        """Open the cast at once."""
        self.push_screen(CastScreen(self.score), self._done)

    def _done(self, result: Score | None) -> None:
        self.result = result


Steps = Callable[[Pilot[None], CastHost], Awaitable[None]]


def drive(steps: Steps, score: Score | None = None, size: tuple[int, int] = (80, 24)) -> CastHost:
    """Run the host, play ``steps``, and return it for inspection."""
    app = CastHost(score or orchard())

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(pilot, app)

    asyncio.run(run())
    return app


def text_of(app: CastHost, selector: str) -> str:
    """The plain text a Static shows."""
    return str(app.screen.query_one(selector, Static).render())


async def type_into(pilot: Pilot[None], text: str) -> None:
    """Type text key by key into the focused field."""
    for char in text:
        await pilot.press(char)


async def settle(pilot: Pilot[None], app: CastHost) -> None:
    """Until the screen on top has its answer: no fixed sleep decides the outcome."""
    for _ in range(500):
        await pilot.pause()
        await app.workers.wait_for_complete()
        rechecks = getattr(app.screen, "rechecks", None)
        if rechecks is None or not rechecks.busy:
            await pilot.pause()
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the re-check never answered")


def test_nothing_changed_returns_none() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("escape")
        await pilot.pause()

    assert drive(steps).result is None


def test_add_a_performer() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PerformerForm)
        await type_into(pilot, "cleo")
        await pilot.press("tab")
        await type_into(pilot, "Cleo Park")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CastScreen)
        listing = app.screen.query_one("#performers")
        # Each performer takes two lines or more: who, then their boundaries at a glance.
        assert any("Cleo Park" in str(listing.render_line(y).text) for y in range(12))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveCast)
        await pilot.press("ctrl+s")
        await pilot.pause()

    result = drive(steps).result
    assert isinstance(result, Score)
    assert [p.id for p in result.performers] == ["ana", "ben", "cleo"]
    assert result.performers[2].name == "Cleo Park"
    assert result.performers[2].boundaries is None
    assert result.log == ()  # no table changed, so no boundary_change is offered


def test_invalid_and_taken_ids_get_a_message_and_block_keeping() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("a")
        await pilot.pause()
        await type_into(pilot, "Cleo")
        await pilot.pause()
        assert "starts with a lower-case letter" in text_of(app, "#id-problem")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PerformerForm)  # not kept
        assert "A name is required" in text_of(app, "#name-problem")
        app.screen.query_one("#id", Input).value = "ben"
        await pilot.pause()
        assert "already has the id 'ben'" in text_of(app, "#id-problem")

    drive(steps)


def test_set_neck_to_no_shows_status_source_and_what_it_breaks() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("b")  # ana is highlighted: her boundaries
        await pilot.pause()
        picker = app.screen.query_one("#b-picker", AreaPicker)
        assert "? ask · default" in str(picker.label_of("neck"))
        await pilot.press("slash")
        await type_into(pilot, "neck")
        await pilot.press("enter")
        await pilot.pause()
        assert picker.selected == "neck"
        await pilot.press("n")
        await pilot.pause()
        assert "✗ no · set here" in str(picker.label_of("neck"))
        assert "neck: ✗ no · set here" in text_of(app, "#detail")
        assert "✗ 1 beat now crosses a boundary: 2" in text_of(app, "#recheck")
        await pilot.press("x")  # clear: back to the default
        await pilot.pause()
        assert "? ask · default" in str(picker.label_of("neck"))
        assert "crosses a boundary" not in text_of(app, "#recheck")

    drive(steps)


def test_toggle_a_condition_on_an_inherited_area() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("b")
        await pilot.pause()
        picker = app.screen.query_one("#b-picker", AreaPicker)
        await pilot.press("slash")
        await type_into(pilot, "forearm_r")
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ yes · from arm" in str(picker.label_of("forearm_r"))
        await pilot.press("o")
        await pilot.pause()
        assert "✓ yes · set here · if over clothing" in str(picker.label_of("forearm_r"))
        # Beat 3 touches the bare forearm: the new condition is unmet there.
        assert "Whole score: ✗" in text_of(app, "#recheck")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    result = drive(steps).result
    assert isinstance(result, Score)
    rule = result.performers[0].boundaries.areas["forearm_r"]  # type: ignore[union-attr]
    assert (rule.status, rule.only) == ("yes", ("over_clothing",))


def test_boundary_change_is_logged_on_leaving() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("slash")
        await type_into(pilot, "nape")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        summary = text_of(app, "#cast-summary")
        assert "✗ 1 beat now crosses a boundary: 4" in summary
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveCast)
        app.screen.query_one("#note", Input).value = "after the warm-up"
        app.screen.query_one("#at", Input).value = "2026-11-27T19:30+01:00"
        await pilot.press("ctrl+s")
        await pilot.pause()

    result = drive(steps).result
    assert isinstance(result, Score)
    assert result.performers[0].boundaries.areas["nape"].status == "no"  # type: ignore[union-attr]
    entry = result.log[-1]
    assert entry.event == "boundary_change"
    assert entry.who == ("ana",)
    assert entry.note == "after the warm-up"
    assert entry.at.isoformat() == "2026-11-27T19:30:00+01:00"


def test_a_time_without_offset_is_refused_in_the_log_offer() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("n")  # will_touch: ana now will not touch anything (body is no)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one("#at", Input).value = "2026-11-27 19:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LeaveCast)
        assert "offset" in text_of(app, "#problem")
        await pilot.press("ctrl+d")
        await pilot.pause()

    assert drive(steps).result is None  # discarded


def test_the_leave_dialog_shows_a_name_with_control_characters_escaped() -> None:
    """Nothing from a score reaches the terminal raw: the list of who to log neither."""
    score = orchard()
    ana = score.performers[0].model_copy(update={"name": "Ana \x1b]0;PWNED\x07"})
    score = score.replace(performers=(ana, *score.performers[1:]))

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("b", "slash")
        await type_into(pilot, "nape")
        await pilot.press("enter", "n", "ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveCast)
        who = app.screen.query_one(SelectionList)
        prompt = str(who.get_option_at_index(0).prompt)
        assert "\x1b" not in prompt and "\x07" not in prompt
        assert prompt == "Ana \\x1b]0;PWNED\\x07 (ana)"

    drive(steps, score)


def test_the_remove_question_shows_a_name_with_control_characters_escaped() -> None:
    """Nothing from a score reaches the terminal raw, nor is dropped unseen: the
    question before removing a performer quotes their name escaped."""
    score = orchard()
    ana = score.performers[0].model_copy(update={"name": "Ana \x1b]0;PWNED\x07\nRuiz"})
    score = score.replace(performers=(ana, *score.performers[1:]))

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        question = str(app.screen.query_one(".question", Static).render())
        assert "\x1b" not in question and "\x07" not in question
        assert question.startswith("Ana \\x1b]0;PWNED\\x07\\x0aRuiz is named in")

    drive(steps, score)


@sync
async def test_a_choice_shows_control_characters_in_its_question_and_answers_escaped() -> None:
    """Every question quotes score text; the dialog escapes what a caller did not."""
    app: App[None] = App()
    async with app.run_test() as pilot:
        app.push_screen(Choice("Open x\x1b[2J.toml?\nSure?", [("yes", "Yes \u202eplease")]))
        await pilot.pause()
        question = str(app.screen.query_one(".question", Static).render())
        answer = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
    assert question == "Open x\\x1b[2J.toml?\nSure?", "escaped, its line break kept"
    assert answer == "Yes \\u202eplease"


def test_remove_a_performer_named_in_beats_asks_and_can_purge() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("down")  # ben
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        question = str(app.screen.query_one(".question", Static).render())
        assert "named in 4 beats (1, 2, 3, 4)" in question
        assert "T505" in question
        await pilot.press("enter")  # the first answer: remove with their part
        await pilot.pause()
        assert isinstance(app.screen, CastScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    result = drive(steps).result
    assert isinstance(result, Score)
    assert [p.id for p in result.performers] == ["ana"]
    assert all(not beat.touches for beat in result.beats)


def test_remove_can_be_refused() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")  # back out of the question
        await pilot.pause()
        await pilot.press("escape")  # leave the cast: nothing changed
        await pilot.pause()

    assert drive(steps).result is None


def test_works_at_120x36() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PerformerForm)
        await pilot.press("ctrl+t", "ctrl+t")
        await pilot.pause()
        assert app.screen.query_one("#w-picker", AreaPicker).area_tree.has_focus

    drive(steps, size=(120, 36))


def test_cancelling_a_changed_form_asks_and_can_discard() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end", "2")  # the id becomes ana2
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        await pilot.press("down", "enter")  # discard the changes
        await pilot.pause()
        assert isinstance(app.screen, CastScreen)
        await pilot.press("escape")
        await pilot.pause()

    assert drive(steps).result is None


def test_minor_without_guardian_is_shown_and_rechecked() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#minor").value = True  # type: ignore[attr-defined]
        await pilot.pause()
        assert "needs a guardian" in text_of(app, "#guardian-problem")
        assert "C403 now" in text_of(app, "#recheck")
        app.screen.query_one("#guardian", Input).value = "Mo Ruiz"
        await pilot.pause()
        assert text_of(app, "#guardian-problem") == ""

    drive(steps)


def test_garment_of_kind_other_must_say_what_it_covers() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#garment-kind", Select).value = "other"
        await pilot.pause()
        app.screen.query_one("#garment-add", Button).press()
        await pilot.pause()
        assert "must list the areas it covers" in text_of(app, "#garment-problem")
        app.screen.query_one("#garment-covers AreaTickList").focus()
        await pilot.press("slash")
        await type_into(pilot, "knee")
        await pilot.press("enter", "space")
        await pilot.pause()
        assert "Covers: knee" in str(app.screen.query_one("#garment-covers .ticked").render())
        app.screen.query_one("#garment-add", Button).press()
        await pilot.pause()
        assert text_of(app, "#garment-problem") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    result = drive(steps).result
    assert isinstance(result, Score)
    garment = result.performers[0].garments[0]
    assert (garment.kind, garment.covers) == ("other", ("knee",))


def test_will_touch_uses_the_same_picker_with_its_own_default() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("down", "w")  # ben's will_touch
        await pilot.pause()
        picker = app.screen.query_one("#w-picker", AreaPicker)
        assert "✓ yes · default" in str(picker.label_of("lips"))
        await pilot.press("slash")
        await type_into(pilot, "upper_back")
        await pilot.press("enter", "n")
        await pilot.pause()
        assert "✗ 1 beat now crosses a boundary: 1" in text_of(app, "#recheck")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    result = drive(steps).result
    assert isinstance(result, Score)
    ben = result.performers[1]
    assert ben.will_touch is not None and ben.will_touch.areas["upper_back"].status == "no"
    assert result.log[-1].who == ("ben",)


def test_a_bad_date_blocks_keeping_and_shows_its_tab() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one("#recorded", Input).value = "20 Nov"
        await pilot.press("ctrl+t")  # away to another tab
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PerformerForm)  # not kept with the date dropped
        assert app.screen.query_one(TabbedContent).active == "boundaries"
        assert "A date like 2026-11-20" in text_of(app, "#recorded-problem")

    drive(steps)


def test_rider_areas_are_found_and_ticked_from_the_keyboard() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("space")  # "Has a nudity rider" has the focus
        app.screen.query_one("#may-expose AreaTickList").focus()
        for area in ("upper_back", "buttocks"):
            await pilot.press("slash")
            await type_into(pilot, area)
            await pilot.press("enter", "space")
        await pilot.pause()
        ticked = str(app.screen.query_one("#may-expose .ticked").render())
        assert ticked == "May expose: upper_back, buttocks"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    result = drive(steps).result
    assert isinstance(result, Score)
    rider = result.performers[0].rider
    assert rider is not None and rider.may_expose == ("upper_back", "buttocks")
    assert not rider.simulated_sex


def test_first_performer_of_an_empty_cast_with_boundaries_is_logged() -> None:
    empty = orchard().replace(performers=(), beats=())

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("e")  # nothing to edit: a message, no crash
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, CastScreen)
        await pilot.press("a")
        await pilot.pause()
        await type_into(pilot, "dee")
        await pilot.press("tab")
        await pilot.pause()
        await type_into(pilot, "Dee Quinn")
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        await type_into(pilot, "groin")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveCast)
        await pilot.press("ctrl+s")
        await pilot.pause()

    result = drive(steps, empty).result
    assert isinstance(result, Score)
    dee = result.performers[0]
    assert dee.boundaries is not None
    assert dee.boundaries.recorded is not None  # dated the day it was recorded
    assert dee.boundaries.areas["groin"].status == "no"
    assert dee.will_touch is None  # untouched tables stay absent
    assert result.log[-1].who == ("dee",)


def test_a_default_set_on_a_performer_without_boundaries_dates_the_table() -> None:
    score = orchard()
    score = score.replace(
        performers=(
            score.performers[0],
            score.performers[1].model_copy(update={"boundaries": None}),
        )
    )

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("down", "b")
        await pilot.pause()
        app.screen.query_one("#b-default", Select).value = "no"
        await pilot.pause()
        assert app.screen.query_one("#recorded", Input).value != ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    result = drive(steps, score).result
    assert isinstance(result, Score)
    ben = result.performers[1]
    assert ben.boundaries is not None
    assert ben.boundaries.default == "no" and ben.boundaries.recorded is not None


def test_names_with_markup_characters_are_shown_as_written() -> None:
    score = orchard()
    odd = score.performers[0].model_copy(update={"name": "Ana [/b] [bold]Ruiz"})
    score = score.replace(
        scene=score.scene.model_copy(update={"title": "Scene [/i] one"}),
        performers=(odd, score.performers[1]),
    )

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("n")  # body to no: findings name her
        await pilot.pause()
        assert "Whole score: ✗" in text_of(app, "#recheck")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        question = str(app.screen.query_one(".question", Static).render())
        assert "Ana [/b] [bold]Ruiz is named in" in question
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveCast)
        await pilot.press("ctrl+d")
        await pilot.pause()

    assert drive(steps, score).result is None


def test_a_big_score_is_rechecked_off_the_ui_thread_with_the_same_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every score counts as big here, so the re-check runs in a worker thread; the
    # lines it shows must be those the at-once path shows.
    monkeypatch.setattr(rechecking, "AT_ONCE", -1)
    threads: list[str] = []
    lines = rechecking.Recheck.lines

    def watched(
        self: rechecking.Recheck, after: rechecking.Candidate, *args: Callable[[], None] | None
    ) -> list[str]:
        threads.append(threading.current_thread().name)
        return lines(self, after, *args)

    monkeypatch.setattr(rechecking.Recheck, "lines", watched)

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await settle(pilot, app)
        assert "No changes yet." in text_of(app, "#cast-summary")
        await pilot.press("b")
        await settle(pilot, app)
        await pilot.press("slash")
        await type_into(pilot, "neck")
        await pilot.press("enter")
        await pilot.press("n")
        await settle(pilot, app)
        assert "✗ 1 beat now crosses a boundary: 2" in text_of(app, "#recheck")
        await pilot.press("x")
        await settle(pilot, app)
        assert "crosses a boundary" not in text_of(app, "#recheck")

    drive(steps)
    assert threads and threading.main_thread().name not in threads


def test_the_cast_list_shows_each_performers_boundaries_at_a_glance() -> None:
    """No summary used to show: the room had to open each performer to see a 'no'."""

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        from textual.widgets import OptionList

        listing = app.screen.query_one("#performers", OptionList)
        ana = str(listing.get_option_at_index(0).prompt)
        ben = str(listing.get_option_at_index(1).prompt)
        assert "✗ no: left hand" in ana and "else ask" in ana and "no rider ✗" in ana
        assert "yes with conditions: face" in ana
        assert "✗ no:" not in ben and "else yes" in ben

    drive(steps, size=(120, 36))


def test_date_fields_show_words_not_a_date_and_f4_puts_today() -> None:
    """A grey '2026-11-20' looked like a real date in monochrome."""

    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        from datetime import date

        await pilot.press("e", "ctrl+t")  # ana's boundaries
        await pilot.pause()
        field = app.screen.query_one("#recorded", Input)
        assert not re.search(r"\d{4}-\d\d", field.placeholder), "no example date"
        assert "F4" in field.placeholder
        field.value = ""
        await pilot.press("f4")  # wherever focus is on the Boundaries tab
        await pilot.pause()
        assert field.value == date.today().isoformat()

    drive(steps)
