"""Choreo's one time convention (notation.clock): offset-aware moments, shown in local time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from notation import clock


def test_now_carries_an_offset_and_whole_seconds() -> None:
    moment = clock.now()
    assert moment.tzinfo is not None and moment.utcoffset() is not None
    assert moment.microsecond == 0
    assert clock.today() in (moment.date(), clock.now().date())


def test_parse_refuses_a_time_without_an_offset() -> None:
    assert clock.parse("2026-11-27T19:30+01:00") == datetime(2026, 11, 27, 18, 30, tzinfo=UTC)
    assert clock.parse("2026-11-27T19:30") is None
    assert clock.parse("tomorrow") is None


def test_typed_round_trips_through_parse() -> None:
    moment = datetime(2026, 11, 27, 19, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert clock.parse(clock.typed(moment)) == moment


def test_shown_is_local_time_and_says_today() -> None:
    now = clock.now()
    said, plain = clock.shown(now), clock.shown(now, say_today=False)
    if now.date() == clock.today():  # not across midnight while the test ran
        assert said == f"{now:%H:%M} today"
        assert plain == f"{now:%H:%M}"
    long_ago = datetime(2020, 1, 2, 3, 4, tzinfo=UTC)
    assert clock.shown(long_ago) == f"{long_ago.astimezone():%Y-%m-%d %H:%M}"


def test_file_stamps_are_local_and_sortable() -> None:
    moment = datetime(2026, 11, 27, 19, 30, 5, tzinfo=UTC)
    local = moment.astimezone()
    assert clock.file_stamp(moment) == f"{local:%Y%m%d-%H%M%S}"
    assert clock.file_stamp(moment, seconds=False) == f"{local:%Y%m%d-%H%M}"


def test_timestamps_become_aware_moments() -> None:
    assert clock.from_timestamp(0).tzinfo is not None
    assert clock.from_timestamp(0) == datetime(1970, 1, 1, tzinfo=UTC)
