"""The editor's flows through other screens: a part's form, agreement, the scene, the
cast, and jumping from a finding to where it is. Each ends in one undoable edit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.widgets import Input

from choreo_tui.host import score_host
from choreo_tui.screens.beat_parts import part_form
from choreo_tui.screens.dialogs import AgreeDialog, ChooseKind
from choreo_tui.screens.editor_base import EditorBase
from choreo_tui.screens.part_form import PartForm, scene_fields
from choreo_tui.widgets.beat_form import BeatForm
from choreo_tui.widgets.beat_list import BeatList
from choreo_tui.widgets.parts import PART_KINDS, PartsTable
from notation import SaveError, clock, edits
from notation.beat_parts import carried_placement, drop_part, put_part, split_key
from notation.describe import and_list
from notation.findings import Finding
from notation.model import Scene, Score
from notation.terminal import safe_line

if TYPE_CHECKING:
    from textual.app import App

    from choreo_tui.screens.export import ExportChoice

FIELD_OF_CODE = {"T501": "counts", "T502": "counts"}
"""Findings about a form field rather than a part: where a jump puts the cursor."""
PART_OF_CODE = {
    "S302": "barrier",
    "S303": "garment",
    "N201": "bare",
    "N202": "bare",
    "T503": "placement",
}
"""Findings about a kind of part without a touch: the first such part is highlighted."""


def open_part(
    editor: EditorBase, index: int, kind: str, key: str | None, start: Any = None
) -> None:
    """Open the form for a new part of ``kind`` (filled from ``start`` when given) or
    the part at ``key``."""
    if not editor.score.performers:
        editor.notify("Add performers in the cast first (c).", severity="warning")
        return
    beat = editor.score.beats[index]

    def done(part: Any) -> None:
        if part is None or editor.score.beats[index] is not beat:
            return
        editor.edit(
            f"{'edit' if key else 'add'} {kind}",
            lambda s: edits.replace_beat(s, index, put_part(s.beats[index], kind, key, part)),
            index,
        )
        editor.query_one(PartsTable).focus()

    editor.flush_form()
    editor.app.push_screen(part_form(editor.score, beat, kind, key, start), done)


def add_part(editor: EditorBase) -> None:
    """Ask which kind of part to add to the selected beat, then open its form."""
    index = editor.index
    if index is None:
        editor.notify("Add a beat first (a).", severity="warning")
        return

    def chosen(kind: str | None) -> None:
        if kind is not None:
            open_part(editor, index, kind, None)

    editor.app.push_screen(ChooseKind(PART_KINDS), chosen)


def part_request(editor: EditorBase, verb: str, key: str | None) -> None:
    """What the parts table asked for (add, edit or remove a part) on the bound beat."""
    # The parts shown are those of the beat the form is bound to.
    index = editor.query_one(BeatForm).index
    if index is None:
        return
    if verb == "add":
        add_part(editor)
    elif key and key.startswith("carried:"):
        # Carried forward from an earlier beat: moving them is a new placement
        # here, starting from where they stand; removing it belongs to that beat.
        carried = carried_placement(editor.score, key)
        if carried is None:
            return
        if verb == "edit":
            open_part(editor, index, "placement", None, carried)
        else:
            since = int(key.split(":")[1]) + 1
            editor.notify(
                f"That placement is carried forward from beat {since}: remove it there, "
                "or press Enter to move them in this beat.",
                markup=False,
            )
    elif verb == "remove" and key:
        part = key
        editor.edit(
            "remove part",
            lambda s: edits.replace_beat(s, index, drop_part(s.beats[index], part)),
            index,
        )
    elif verb == "edit" and key:
        open_part(editor, index, split_key(key)[0], key)


def agree(editor: EditorBase) -> None:
    """Ask who agreed the selected beat; record it on the beat and in the log."""
    index = editor.index
    if index is None:
        return
    editor.flush_form()
    beat = editor.score.beats[index]
    named = beat.ids()
    people = [(p.id, p.name) for p in editor.score.performers if p.id in named]
    people = people or [(p.id, p.name) for p in editor.score.performers]
    if not people:
        editor.notify("Add performers in the cast first (c).", severity="warning")
        return

    def record(who: list[str] | None) -> None:
        if who and editor.score.beats[index] is beat:
            now = clock.now()
            editor.edit("agree", lambda s: edits.agree_beat(s, index, who, now), index)
            names = and_list([editor.score.name_of(w) for w in who])
            editor.notify(f"◆ Recorded: {names} agreed beat {index + 1}.", markup=False)

    editor.app.push_screen(AgreeDialog(index + 1, people), record)


def scene_settings(editor: EditorBase) -> None:
    """Edit the scene header (title, medium, self-care cue, closed set, tempo...)."""
    editor.flush_form()

    def done(scene: Scene | None) -> None:
        if scene is not None:
            editor.edit("edit scene", lambda s: edits.replace_scene(s, scene), editor.index)

    values = editor.score.scene.model_dump()
    form = PartForm("The scene", scene_fields(), values, Scene.model_validate)
    editor.app.push_screen(form, done)


def cast(editor: EditorBase) -> None:
    """Open the cast screen; the score it gives back is one undoable edit."""
    from choreo_tui.cast.screen import CastScreen

    editor.flush_form()
    host = score_host(editor.app)
    session = host.production if host is not None else None
    if session is not None:
        from choreo_tui.production.flows import rebased

        # Open the cast as it is on disk now, if another editor changed it.
        rebased(editor.app, session, editor.score)
    before = editor.score

    def applied(score: Score) -> None:
        if editor.apply_score(score, "cast"):
            editor.notify("Cast changed: every beat naming them was checked again.")

    def done(score: Score | None) -> None:
        if score is None:
            return
        if host is not None and host.production is not None:
            from choreo_tui.production.flows import change_cast

            change_cast(editor.app, before, score, applied)
            return
        applied(score)

    editor.app.push_screen(CastScreen(editor.score), done)


def scenes(editor: EditorBase) -> None:
    """The production start screen over the editor (Escape comes back)."""
    from choreo_tui.production.flows import session_of
    from choreo_tui.production.start import ProductionStartScreen

    session = session_of(editor.app)
    if session is None:
        editor.notify("This score is not part of a production.", severity="warning")
        return
    editor.flush_form()
    editor.app.push_screen(ProductionStartScreen(session.production_path))


def elsewhere(editor: EditorBase) -> None:
    """The beats of other scenes the last whole-production cast change flags."""
    from choreo_tui.production.flows import open_ripple, session_of

    session = session_of(editor.app)
    if session is None:
        editor.notify("This score is not part of a production.", severity="warning")
        return
    report = session.last_ripple
    if report is None:
        editor.notify("No whole-production cast change yet in this session.")
    elif not report.items:
        editor.notify(report.words(), markup=False)
    else:
        open_ripple(editor.app, report)


def jump_to(editor: EditorBase, finding: Finding) -> None:
    """Select the finding's beat and put the cursor on its touch or field."""
    if finding.beat is None:
        if finding.code == "C402":
            scene_settings(editor)
        else:
            cast(editor)
        return
    editor.query_one(BeatList).select(finding.beat - 1)
    editor.bind_form()
    parts = editor.query_one(PartsTable)
    if finding.touch is not None:
        parts.focus()
        parts.select_key(f"touch:{finding.touch}")
    elif finding.code in FIELD_OF_CODE:
        editor.query_one(f"#{FIELD_OF_CODE[finding.code]}", Input).focus()
    elif finding.code in PART_OF_CODE:
        parts.focus()
        parts.select_kind(PART_OF_CODE[finding.code])
        editor.notify(f"{finding.mark} {finding.message}", timeout=8, markup=False)
    elif finding.code == "C401":
        editor.query_one(BeatList).focus()
        editor.notify("◇ The beat changed since it was agreed: g records agreement again.")
    else:
        parts.focus()


def export_copy(editor: EditorBase) -> None:
    """Ask for a format, then write the director's copy of the score as it is now."""
    from choreo_tui.screens.export import ExportDialog, write_copy
    from notation.sharing import not_cleared

    host = score_host(editor.app)
    path = host.path if host is not None else None
    if path is None:
        editor.notify("Save the score first (ctrl+s): the copy goes beside it.", severity="warning")
        return
    editor.flush_form()

    app = editor.app

    def chosen(choice: ExportChoice | None) -> None:
        if choice is None:
            return
        from choreo_tui.production.flows import scene_view

        # In a production: the scene's own roster, never the whole cast.
        shown = scene_view(app, editor.score)
        blocked = sorted(not_cleared(editor.score))

        def write() -> None:
            # In a thread, as a save is: the write fsyncs and may wait for the lock.
            try:
                target = write_copy(shown, path, choice)
            except SaveError as error:
                app.call_from_thread(
                    app.notify, str(error), title="Not exported", severity="error", markup=False
                )
                return
            app.call_from_thread(_exported, app, target, choice, blocked)

        app.run_worker(write, thread=True, group="export")

    editor.app.push_screen(ExportDialog(), chosen)


def _exported(app: App[Any], target: Path, choice: ExportChoice, blocked: list[int]) -> None:
    kept = "with boundaries and riders" if choice.with_boundaries else "no boundaries"
    app.notify(
        safe_line(
            f"Director's copy written: {target.name} ({kept}; private notes and the "
            "rehearsal log left out)."
        ),
        markup=False,
        timeout=8,
    )
    if blocked:
        # Written all the same (the director may need the plan), but never silently.
        which = and_list([str(n) for n in blocked])
        app.notify(
            f"⚠ {'Beat ' if len(blocked) == 1 else 'Beats '}{which} "
            f"{'has' if len(blocked) == 1 else 'have'} error findings: the copy marks "
            f"{'it' if len(blocked) == 1 else 'them'} 'not cleared: do not run'. "
            "p lists the problems.",
            title="Not cleared",
            severity="warning",
            markup=False,
            timeout=15,
        )
