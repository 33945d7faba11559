"""The editor's main flows, driven from the keyboard with Textual's Pilot."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from conftest import sync
from factories import beat, bounds, performer, score, touch

from choreo_tui.app import ChoreoApp
from choreo_tui.screens.dialogs import QuitUnsaved
from choreo_tui.screens.editor import EditorScreen
from choreo_tui.widgets.beat_list import BeatList
from choreo_tui.widgets.parts import PartsTable
from choreo_tui.widgets.problems import ProblemsPanel
from choreo_tui.widgets.quick_entry import QuickEntry
from notation import check, dumps, load, save
from notation.model import LogEntry, Score

SIZE = (100, 30)


def two_beats() -> Score:
    people = (
        performer("ana", "Ana Ruiz", boundaries=bounds("yes", neck="no")),
        performer("ben", "Ben Okafor"),
    )
    return score(beat(touch(), title="approach"), beat(title="still"), performers=people)


def app_on(path: Path, tmp_path: Path) -> ChoreoApp:
    return ChoreoApp(path, keymap_file=tmp_path / "no-keys.toml", folder=tmp_path)


def editor(app: ChoreoApp) -> EditorScreen:
    assert isinstance(app.screen, EditorScreen), type(app.screen)
    return app.screen


@sync
async def test_open_edit_check_undo_save_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        assert len(ed.score.beats) == 2
        assert app.history is not None and not app.history.dirty

        await pilot.press("a")  # add a beat after beat 1
        assert len(ed.score.beats) == 3
        assert ed.query_one(BeatList).cursor == 1
        assert app.title.startswith("●"), "the dirty marker shows in the title"

        await pilot.press("t")
        await pilot.press(*"ben rhand > ana neck press 2c", "enter")
        await pilot.pause()
        added = ed.score.beats[1].touches
        assert [(t.by, t.with_, t.on, t.action, t.counts) for t in added] == [
            ("ben", "hand_r", "neck", "press", 2)
        ]
        assert any(f.code == "B101" and f.beat == 2 for f in ed.findings())
        assert ed.query_one(BeatList).marks[1] == "✗"

        await pilot.press("ctrl+z")
        assert ed.score.beats[1].touches == ()
        assert not any(f.code == "B101" for f in ed.findings())
        assert ed.query_one(BeatList).marks[1] != "✗"

        await pilot.press("ctrl+y")
        assert len(ed.score.beats[1].touches) == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.history.dirty
        assert not app.title.startswith("●")
        shown = ed.score
    reread = load(path)
    assert reread == shown
    assert path.read_text(encoding="utf-8") == dumps(reread), "saving is canonical"
    assert {(f.beat, f.code) for f in check(reread)} >= {(2, "B101")}


@sync
async def test_a_line_that_does_not_parse_says_why_and_keeps_the_text(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        before = ed.score
        await pilot.press("t", *"ben > ana uper_back", "enter")
        await pilot.pause()
        entry = ed.query_one(QuickEntry)
        assert "did you mean 'upper_back'" in str(entry.query_one("#quick-message").render())
        assert entry.query_one("#quick-line").value == "ben > ana uper_back"  # type: ignore[attr-defined]
        assert ed.score is before


@sync
async def test_beat_list_edits_from_the_keyboard(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("d")  # duplicate beat 1
        assert [b.title for b in ed.score.beats] == ["approach", "approach", "still"]
        await pilot.press("right_square_bracket")  # move the copy down
        assert [b.title for b in ed.score.beats] == ["approach", "still", "approach"]
        assert ed.query_one(BeatList).cursor == 2
        await pilot.press("x")
        assert [b.title for b in ed.score.beats] == ["approach", "still"]
        await pilot.press("home", "i")
        assert [b.title for b in ed.score.beats] == ["", "approach", "still"]
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z", "ctrl+z")
        assert [b.title for b in ed.score.beats] == ["approach", "still"]


@sync
async def test_form_edits_title_and_timing(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("down", "e")
        await pilot.press(*"the hold", "enter")
        assert ed.score.beats[1].title == "the hold", "a focused field's text is replaced"
        await pilot.press("tab")  # counts
        await pilot.press("6", "enter")
        timing = ed.score.beats[1].timing
        assert timing is not None and timing.counts == 6
        await pilot.press("tab", "5", "enter")  # seconds as well: a finding, T502
        await pilot.pause()
        assert any(f.code == "T502" and f.beat == 2 for f in ed.findings())
        await pilot.press("shift+tab", "0", "enter")  # zero counts: not a valid timing
        await pilot.pause()
        timing = ed.score.beats[1].timing
        assert timing is not None and timing.counts == 6, "an invalid timing is not applied"
        assert "✗" in str(ed.query_one("#beat-note").render())
        assert ed.query_one("#counts").value == "0", "what was typed stays"  # type: ignore[attr-defined]


@sync
async def test_agreement_and_its_lapse_show_in_the_list(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("g")
        await pilot.press("enter", "down", "enter", "f10")
        await pilot.pause()
        agreed = ed.score.beats[0].agreed
        assert agreed is not None and set(agreed.by) == {"ana", "ben"}
        assert [e.event for e in ed.score.log] == ["agreed"]
        assert "◆" in ed.query_one(BeatList).render_line(0).text
        await pilot.press("t", *"ben > ana arm", "enter")
        await pilot.pause()
        assert "◇" in ed.query_one(BeatList).render_line(0).text
        assert any(f.code == "C401" and f.beat == 1 for f in ed.findings())


@sync
async def test_quit_asks_when_there_are_unsaved_changes(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    original = path.read_bytes()
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitUnsaved)
        await pilot.press("escape")
        assert isinstance(app.screen, EditorScreen), "Escape stays"
        await pilot.press("ctrl+q", "d")
        await pilot.pause()
    assert path.read_bytes() == original, "quitting without saving leaves the file as it was"


@sync
async def test_quit_without_changes_does_not_ask(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


@sync
async def test_save_and_quit_writes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "ctrl+q", "s")
        await pilot.pause()
    assert len(load(path).beats) == 3


@sync
async def test_a_whole_new_score_from_the_cast_is_one_undoable_edit(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "CastScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        people = tuple(
            p.model_copy(update={"boundaries": bounds("yes", upper_back="no")})
            if p.id == "ana"
            else p
            for p in ed.score.performers
        )
        assert ed.apply_score(ed.score.replace(performers=people), "cast")
        await pilot.pause()
        assert ed.query_one(BeatList).marks[0] == "✗", "beat 1 re-checked at once"
        await pilot.press("ctrl+z")
        assert ed.query_one(BeatList).marks[0] == "✓"


@sync
async def test_a_finding_jumps_to_its_touch(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    bad = two_beats()
    bad = bad.replace(beats=(bad.beats[0], beat(touch(), touch(on="neck"), title="reach")))
    save(bad, path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("p")
        await pilot.pause()
        panel = ed.query_one(ProblemsPanel)
        assert panel.has_focus
        await pilot.press("down", "enter")  # the first finding: B101 on touch 2 of beat 2
        await pilot.pause()
        assert ed.query_one(BeatList).cursor == 1
        parts = ed.query_one(PartsTable)
        assert parts.has_focus and parts.highlighted_key() == "touch:1"


@sync
async def test_scene_settings_fix_a_missing_self_care_cue(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(
        two_beats().replace(scene=two_beats().scene.model_copy(update={"self_care_cue": ""})), path
    )
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        assert any(f.code == "C402" for f in ed.live.findings())  # type: ignore[union-attr]
        await pilot.press("s")
        await pilot.pause()
        for _ in range(3):  # title, production, medium: to the self-care cue
            await pilot.press("tab")
        await pilot.press(*"hold", "f10")
        await pilot.pause()
        assert ed.score.scene.self_care_cue == "hold"
        assert not any(f.code == "C402" for f in ed.live.findings())  # type: ignore[union-attr]


@sync
async def test_add_a_barrier_from_lists(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # touch, placement, barrier
        await pilot.pause()
        await pilot.press(*"bols", "enter", "f10")  # kind: type to filter, pick bolster
        await pilot.pause()
        barriers = ed.score.beats[0].barriers
        assert [(b.kind, b.between, b.at) for b in barriers] == [
            ("bolster", ("ana", "ben"), "pelvis")
        ]
        await pilot.press("ctrl+z")
        assert ed.score.beats[0].barriers == ()


@sync
async def test_a_form_value_that_is_not_valid_keeps_the_form_open(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("plus", "down", "down", "enter")
        await pilot.pause()
        # Between ana and ana: a barrier is between two different performers.
        await pilot.press("tab", "tab", "up", "enter", "f10")
        await pilot.pause()
        assert type(app.screen).__name__ == "PartForm"
        assert "✗" in str(app.screen.query_one("#form-error").render())
        await pilot.press("escape")
        assert ed.score.beats[0].barriers == ()


@sync
async def test_markup_like_text_in_a_score_is_shown_as_written(tmp_path: Path) -> None:
    odd = "[/b] [red]x[/] [link=y]"
    people = (
        performer("ana", f"Ana {odd}", boundaries=bounds("yes", neck="no")),
        performer("ben", f"Ben {odd}"),
    )
    s = score(
        beat(touch(on="neck"), title=f"t {odd}", notes=odd, private_notes=odd),
        performers=people,
        title=f"Scene {odd}",
    )
    path = tmp_path / "odd [x].score.toml"
    save(s, path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "down", "enter")  # problems, jump to the touch
        await pilot.press("enter", "escape")  # its form, with names in the lists
        await pilot.press("f2", "g", "enter", "f10")  # agreement with names
        await pilot.press("t", *"[/b] > ana arm", "enter")  # an error quoting the line
        await pilot.press("f1", "escape", "f2", "s", "escape")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.score.beats[0].agreed is not None
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load(path).scene.title == f"Scene {odd}"


@sync
async def test_quick_entry_completes_names_as_you_type(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("t", "b", "e")
        await pilot.pause(0.1)
        await pilot.press("right", *" rha")
        await pilot.pause(0.1)
        await pilot.press("right", *" > ana upper_b")
        await pilot.pause(0.1)
        await pilot.press("right", "enter")
        await pilot.pause()
        touches = ed.score.beats[0].touches
        assert (touches[-1].by, touches[-1].with_, touches[-1].on) == (
            "ben",
            "hand_r",
            "upper_back",
        )


@sync
async def test_replay_opens_straight_away_and_its_log_is_saved_at_once(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = ChoreoApp(path, replay=True, keymap_file=tmp_path / "none.toml", folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Replay opens with its own check-in dialog on top.
        names = [type(screen).__name__ for screen in app.screen_stack]
        assert "ReplayScreen" in names and "EditorScreen" in names
        assert app.history is not None
        entry = LogEntry(at=datetime(2026, 11, 27, 20, 0, tzinfo=UTC), event="hold", beat=1)
        app.record(app.history.score.replace(log=(entry,)))
        await pilot.pause()
        assert not app.history.dirty
    assert [e.event for e in load(path).log] == ["hold"]


@sync
async def test_bare_areas_are_ticked_from_a_filtered_list(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("plus", "down", "down", "down", "down", "enter")  # bare areas
        await pilot.pause()
        await pilot.press("tab", *"upper_b", "enter", "backspace", "backspace", "backspace")
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"lower_b", "enter")
        await pilot.press("f10")
        await pilot.pause()
        assert ed.score.beats[0].bare == {"ana": ("upper_back", "lower_back")}
        assert any(f.code == "N202" and f.beat == 1 for f in ed.live.findings())  # type: ignore[union-attr]


@sync
async def test_number_fields_refuse_what_they_cannot_hold_and_keep_the_last_good_value(
    tmp_path: Path,
) -> None:
    """2.5 counts used to become 25 without a word; -2 emptied the timing."""
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("e", "tab")  # the first beat's counts: 4
        for typed, words in (
            ("2.5", "not a whole number"),
            ("-2", "negative"),
            ("x", "not a number"),
        ):
            field = ed.query_one("#counts")
            field.value = ""  # type: ignore[attr-defined]
            await pilot.press(*typed, "enter")
            await pilot.pause()
            timing = ed.score.beats[0].timing
            assert timing is not None and timing.counts == 4, typed
            note = str(ed.query_one("#beat-note").render())
            assert "✗ Counts" in note and words in note and "keeps 4 counts" in note, note
            assert field.value == typed, "what was typed stays"  # type: ignore[attr-defined]
        field.value = ""  # type: ignore[attr-defined]
        await pilot.press("tab", *"0.5", "enter")  # a fraction is fine in seconds
        await pilot.pause()
        timing = ed.score.beats[0].timing
        assert timing is not None and timing.seconds == 0.5 and timing.counts is None


@sync
async def test_a_quick_entry_confirmation_does_not_outlive_the_touch_it_describes(
    tmp_path: Path,
) -> None:
    """'✓ added to beat 2 …' stayed under the line after the touch was undone."""
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("down", "t", *"ben > ana arm 2c", "enter")
        await pilot.pause()
        message = ed.query_one("#quick-message")
        assert "✓ added to beat 2" in str(message.render())
        await pilot.press("escape", "down", "up")  # moving about changes nothing
        await pilot.pause()
        assert "✓ added to beat 2" in str(message.render())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "added" not in str(message.render())


@sync
async def test_choreo_replay_ends_back_at_the_shell(tmp_path: Path) -> None:
    """`choreo replay FILE` used to end in the editor."""
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = ChoreoApp(path, replay=True, keymap_file=tmp_path / "none.toml", folder=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # no check-in
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("n")  # no closure
        await pilot.pause()
        await pilot.pause()
        assert app.return_code == 0, [type(s).__name__ for s in app.screen_stack]


@sync
async def test_replay_opened_from_the_editor_comes_back_to_it(tmp_path: Path) -> None:
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.open_replay(0)
        await pilot.pause()
        await pilot.press("escape", "q")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.return_code is None


@sync
async def test_the_form_shows_placements_carried_forward_and_enter_moves_them_here(
    tmp_path: Path,
) -> None:
    """Beat 2 places nobody itself: its parts show where beat 1 put everyone."""
    from factories import placed

    from choreo_tui.screens.part_form import PartForm

    path = tmp_path / "scene.score.toml"
    s = two_beats()
    first = s.beats[0].model_copy(
        update={"placements": (placed("ana", "CS"), placed("ben", "USL"))}
    )
    save(s.replace(beats=(first, s.beats[1])), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        await pilot.press("down")
        await pilot.pause()
        parts = ed.query_one(PartsTable)
        keys = parts.row_keys()
        assert keys == ["carried:0:ana", "carried:0:ben"]
        words = parts.cells("carried:0:ben")[1]
        assert "upstage left" in words and "from beat 1" in words
        parts.focus()
        parts.select_key("carried:0:ben")
        await pilot.press("x")  # carried: removing belongs to beat 1
        await pilot.pause()
        assert ed.score.beats[0].placements == first.placements
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PartForm)
        assert "Move Ben Okafor" in app.screen.form_title
        await pilot.press("f10")
        await pilot.pause()
        assert [(p.who, p.area) for p in ed.score.beats[1].placements] == [("ben", "USL")]
        keys = parts.row_keys()
        assert "placement:0" in keys and "carried:0:ben" not in keys and "carried:0:ana" in keys


@sync
async def test_below_a_usable_size_the_editor_says_so_and_what_size_it_needs(
    tmp_path: Path,
) -> None:
    """At 60x14 the beat list showed no rows and said nothing."""
    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=(56, 14)) as pilot:
        ed = editor(app)
        await pilot.pause()
        notice = ed.query_one("#too-small")
        assert notice.display
        words = str(notice.render())
        assert "56x14" in words and "at least 60x18" in words
        assert not ed.query_one("#main").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not notice.display and ed.query_one("#main").display
        assert ed.query_one(BeatList).size.height >= 2


@sync
async def test_the_touch_form_shows_the_touched_performers_boundary_beside_each_area(
    tmp_path: Path,
) -> None:
    """The area list did not show yes/ask/no as the area picker does."""
    from choreo_tui.screens.part_form import PartForm
    from choreo_tui.widgets.pick import Pick

    path = tmp_path / "scene.score.toml"
    save(two_beats(), path)  # Ana: yes, but her neck is "no"; Ben: yes everywhere
    app = app_on(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        ed = editor(app)
        parts = ed.query_one(PartsTable)
        parts.focus()
        parts.select_key("touch:0")
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PartForm)
        on = form.query_one("#f-on", Pick)
        assert on.words["neck"].endswith("✗ no") and on.words["arm"].endswith("✓ yes")
        form.query_one("#f-to", Pick).single = "ben"
        form.query_one("#f-to", Pick).post_message(Pick.Changed(form.query_one("#f-to", Pick)))
        await pilot.pause()
        assert on.words["neck"].endswith("✓ yes")  # Ben has no "no"
        assert on.value == "upper_back", "relabelling keeps the value"


@sync
async def test_at_80x24_the_finding_under_the_form_shows_its_key_words(tmp_path: Path) -> None:
    """'… which Ana Ruiz' was the last word on screen; 'marked 'no'' was cut off."""
    path = tmp_path / "scene.score.toml"
    people = (
        performer("ana", "Anastasia Rodriguez-Whitfield", boundaries=bounds("yes", neck="no")),
        performer("ben", "Benedict Okonkwo-Hartley"),
    )
    save(score(beat(), beat(touch(on="neck"), title="too far"), performers=people), path)
    app = app_on(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        ed = editor(app)
        await pilot.press("down")
        await pilot.pause()
        note = ed.query_one("#beat-note")
        shown = " ".join(str(note.render_line(y).text).strip() for y in range(note.size.height))
        assert "B101" in shown and "marked 'no'" in shown, shown
