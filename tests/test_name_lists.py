"""Names in a sentence are joined one way: "Ana, Ben and Cy", never "Ana and Ben and Cy"."""

from __future__ import annotations

import pytest
from factories import beat, performer, score

from choreo_tui.production.ripple import RippleReport
from choreo_tui.widgets.beat_form import agreement_words
from notation.model import Agreed


def test_an_agreement_by_three_names_them_as_a_sentence() -> None:
    people = (performer("ana", "Ana"), performer("ben", "Ben"), performer("cy", "Cy"))
    agreed = beat().model_copy(update={"agreed": Agreed(by=("ana", "ben", "cy"))})
    words = agreement_words(score(agreed, performers=people), agreed)
    assert "Ana, Ben and Cy" in words


def test_an_agreement_by_two_keeps_its_and() -> None:
    people = (performer("ana", "Ana"), performer("ben", "Ben"))
    agreed = beat().model_copy(update={"agreed": Agreed(by=("ana", "ben"))})
    assert "Ana and Ben" in agreement_words(score(agreed, performers=people), agreed)


def test_a_ripple_over_three_records_names_them_as_a_sentence() -> None:
    report = RippleReport(names=("Ana", "Ben", "Cy"), items=())
    assert "Ana's, Ben's and Cy's records" in report.words()


def test_where_a_cast_change_went_names_three_people_as_a_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from types import SimpleNamespace
    from typing import Any

    from choreo_tui.production import flows

    said: list[str] = []

    class App:
        def notify(self, message: str, **_: Any) -> None:
            said.append(message)

    people = tuple(
        performer(pid, name) for pid, name in (("ana", "Ana"), ("ben", "Ben"), ("cy", "Cy"))
    )
    monkeypatch.setattr(flows, "p602", lambda session, score: [])
    plan = SimpleNamespace(to_production=("ana", "ben", "cy"), to_scene=("ben", "cy"))
    flows._say_where(App(), None, plan, score(performers=people))  # type: ignore[arg-type]
    assert said[0].splitlines() == [
        "Ana, Ben and Cy: whole production (production.toml).",
        "Ben and Cy: this scene only (saved with the scene, ctrl+s).",
    ]
