"""Choreo's one time convention: every moment carries its UTC offset, and is shown in local time.

The rehearsal log needs an offset (a log read in another time zone must still say
when a hold was called), so a naive time never enters a score, a recovery copy, a
lock description or a file name. Everything that asks "what time is it" or "how do
I show this time" comes here, so there is one answer and one seam for tests.
"""

from __future__ import annotations

from datetime import date, datetime


def now() -> datetime:
    """The current moment in local time with its UTC offset, to the second.

    Seconds are enough for a log and keep saved times short and readable.
    """
    return datetime.now().astimezone().replace(microsecond=0)


def today() -> date:
    """Today's date where the coordinator is (the local date)."""
    return now().date()


def from_timestamp(seconds: float) -> datetime:
    """A POSIX timestamp (a file's mtime) as a local, offset-aware moment."""
    return datetime.fromtimestamp(seconds).astimezone()


def parse(text: str) -> datetime | None:
    """A moment with an offset (``2026-11-27T19:30+00:00``), or None.

    A time without an offset is refused rather than guessed: the log must say
    when, wherever it is read.
    """
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def typed(moment: datetime | None = None) -> str:
    """A moment as a coordinator types one: local time with its offset, to the minute."""
    return (moment or now()).astimezone().isoformat(timespec="minutes")


def shown(moment: datetime, *, say_today: bool = True) -> str:
    """``14:02 today`` (``14:02`` without ``say_today``) or ``2026-11-20 14:02``: a
    moment in local time, for a screen. A naive moment is taken to be local already."""
    local = moment.astimezone()
    if local.date() == today():
        return f"{local:%H:%M} today" if say_today else f"{local:%H:%M}"
    return f"{local:%Y-%m-%d %H:%M}"


def file_stamp(moment: datetime | None = None, *, seconds: bool = True) -> str:
    """A moment for a file name, in local time: ``20261127-193000`` (or ``20261127-1930``)."""
    local = (moment or now()).astimezone()
    return f"{local:%Y%m%d-%H%M%S}" if seconds else f"{local:%Y%m%d-%H%M}"
