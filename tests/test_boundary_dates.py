"""A changed boundary table is dated today: a change is a new conversation."""

from __future__ import annotations

from datetime import date

from cast_fixtures import orchard
from test_cast_screen import CastHost, drive, text_of, type_into
from textual.pilot import Pilot
from textual.widgets import Input

from choreo_tui.cast.form_values import redated
from notation import clock
from notation.model import AreaRule, Boundaries

THEN = date(2026, 11, 20)
TODAY = date(2026, 12, 1)
TABLE = Boundaries(recorded=THEN, default="ask", areas={"neck": AreaRule(status="yes")})
NARROWER = TABLE.model_copy(update={"areas": {"neck": AreaRule(status="no")}})


def test_a_changed_table_is_dated_today_and_says_so() -> None:
    answer = redated(TABLE, NARROWER, "2026-11-20", TODAY)
    assert answer is not None
    assert answer[0] == "2026-12-01" and "was 2026-11-20" in answer[1]


def test_a_changed_default_counts_as_a_change() -> None:
    wider = TABLE.model_copy(update={"default": "yes"})
    assert redated(TABLE, wider, "2026-11-20", TODAY) == (
        "2026-12-01",
        "ℹ dated today: a new conversation (was 2026-11-20; type the date if earlier)",
    )


def test_undoing_the_change_gives_the_old_date_back() -> None:
    assert redated(TABLE, TABLE, "2026-12-01", TODAY) == ("2026-11-20", "")


def test_a_typed_date_is_kept() -> None:
    assert redated(TABLE, NARROWER, "2026-11-28", TODAY) is None
    assert redated(TABLE, TABLE, "2026-11-28", TODAY) is None


def test_nothing_to_redate() -> None:
    assert redated(None, NARROWER, "", TODAY) is None  # a new table is dated already
    undated = TABLE.model_copy(update={"recorded": None})
    assert redated(undated, NARROWER, "", TODAY) is None
    assert redated(TABLE, NARROWER, "2026-11-20", THEN) is None  # recorded today already
    assert redated(TABLE, None, "2026-11-20", TODAY) is None


def test_the_form_dates_a_changed_table_today_and_back() -> None:
    async def steps(pilot: Pilot[None], app: CastHost) -> None:
        await pilot.press("b")  # ana's boundaries
        await pilot.pause()
        field = app.screen.query_one("#recorded", Input)
        before = field.value
        assert before and before != clock.today().isoformat()
        await pilot.press("slash")
        await type_into(pilot, "neck")
        await pilot.press("enter", "n")
        await pilot.pause()
        assert field.value == clock.today().isoformat()
        assert f"was {before}" in text_of(app, "#recorded-note")
        await pilot.press("x")  # back as it was: so is the date
        await pilot.pause()
        assert field.value == before
        assert not app.screen.query_one("#recorded-note").display

    drive(steps, orchard())
