"""The editor's production flows: a cast change asked about, written where it belongs,
and followed into the other scenes; going to a beat of another scene.

``change_cast`` is what the cast screen and replay's boundary change call in a
production scene. For each performer whose boundaries, will_touch, rider or
garments changed (or who is new) it asks: the whole production (the default:
consent is about the person) or only this scene (an override in this scene's
file, with P602 shown when it widens the record). Whole-production changes are
written to ``production.toml`` at once, under its lock (``ProductionSession``);
then every other scene is re-checked in a worker thread and the app says what the
change did there, with a list to go to each beat.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from choreo_tui.cast.dialogs import Choice
from choreo_tui.host import score_host
from choreo_tui.production.ripple import RippleItem, RippleReport, ripple_report
from choreo_tui.production.session import CastPlan, ProductionSession
from notation.describe import and_list
from notation.findings import Finding
from notation.model import Performer, Score
from notation.private_write import SaveError
from notation.production import Scope
from notation.production.cast_merge import CastMerge, Side
from notation.production.model import Production
from notation.production.roster import ASKED_KEYS, asks, changed_performers
from notation.production.widening import production_findings
from notation.reading import LoadError
from notation.terminal import safe, safe_line

if TYPE_CHECKING:
    from textual.app import App

WHAT = {
    "boundaries": "boundaries",
    "will_touch": "will-touch areas",
    "rider": "rider",
    "garments": "garments",
}


def scene_view(app: App[Any], score: Score) -> Score:
    """In a production, ``score`` with only the people of this scene (as it would be
    saved: named in a beat, or with an entry in the scene's file); else ``score``.

    The editor holds the whole cast so anyone can be named; replay and a director's
    copy are of this scene only.
    """
    session = session_of(app)
    if session is None:
        return score
    roster = {p.id for p in session.preview(score).score.performers}
    return score.replace(performers=tuple(p for p in score.performers if p.id in roster))


def session_of(app: App[Any]) -> ProductionSession | None:
    """The production scene the app has open, or None for a standalone score."""
    host = score_host(app)
    return host.production if host is not None else None


def _what_changed(before: Score, performer: Performer) -> str:
    was = before.by_id.get(performer.id)
    if was is None:
        return "is new in this scene"
    parts = [WHAT[key] for key in ASKED_KEYS if getattr(was, key) != getattr(performer, key)]
    return "changed: " + ", ".join(parts)


def scope_question(session: ProductionSession, before: Score, performer: Performer) -> Choice:
    """Whole production or only this scene, for one performer's change."""
    name = safe_line(performer.name)
    title = safe_line(session.title)
    if performer.id not in before.by_id or not session.in_cast(performer.id):
        if not session.in_cast(performer.id) and performer.id in before.by_id:
            question = f"{name} is in this scene only: their change stays in this scene."
            return Choice(question, [("scene", "This scene only (OK)")])
        question = (
            f"{name} {_what_changed(before, performer)}. Add them to the cast of "
            f"'{title}' (every scene), or only to this scene (a day player)?"
        )
        return Choice(
            question,
            [
                ("production", "The whole production's cast (production.toml)"),
                ("scene", "This scene only (a day player, in this scene's file)"),
            ],
        )
    question = (
        f"{name}'s record {_what_changed(before, performer)}.\n"
        f"Is this for the whole production '{title}' (every scene: consent is about "
        "the person), or only for this scene?"
    )
    return Choice(
        question,
        [
            ("production", "Whole production: every scene (production.toml)"),
            ("scene", "Only this scene (an override in this scene's file)"),
        ],
    )


def _ask_each(
    app: App[Any],
    session: ProductionSession,
    before: Score,
    people: list[Performer],
    answers: dict[str, Scope],
    done: Callable[[dict[str, Scope] | None], None],
) -> None:
    if not people:
        done(answers)
        return
    performer, rest = people[0], people[1:]

    def answered(answer: str | None) -> None:
        if answer not in ("production", "scene"):
            done(None)
            return
        answers[performer.id] = cast(Scope, answer)
        _ask_each(app, session, before, rest, answers, done)

    app.push_screen(scope_question(session, before, performer), answered)


def change_cast(
    app: App[Any],
    before: Score,
    after: Score,
    apply: Callable[[Score], object],
    *,
    ripple_list: bool = True,
) -> None:
    """Ask where each change goes, write it there, show the editor ``apply``'s result.

    ``before`` and ``after`` are merged views. Nothing is written or applied when
    the coordinator backs out of a question.
    """
    session = session_of(app)
    if session is None:
        apply(after)
        return
    asked = [p for p in changed_performers(before, after) if asks(before, p)]

    def decided(scopes: dict[str, Scope] | None) -> None:
        if scopes is None:
            app.notify("Cast change not kept: nothing was written.", severity="warning")
            return
        plan = session.plan_cast_change(before, after, scopes)
        _write(app, session, plan, apply, ripple_list)
        # A day player removed is simply gone; a cast member stays in the cast.
        gone = [
            p.name for p in before.performers if p.id not in after.by_id and session.in_cast(p.id)
        ]
        if gone:
            names = and_list([safe_line(name) for name in gone])
            app.notify(
                f"{names}: taken out of this scene only; the production's cast in "
                "production.toml keeps them (edit production.toml to remove someone from "
                "the whole production).",
                markup=False,
                timeout=12,
            )

    _ask_each(app, session, before, asked, {}, decided)


def _write(
    app: App[Any],
    session: ProductionSession,
    plan: CastPlan,
    apply: Callable[[Score], object],
    ripple_list: bool,
    prefer: str | None = None,
) -> None:
    old = session.production
    if plan.touches_production:
        try:
            side: Side | None = "mine" if prefer == "mine" else "theirs" if prefer else None
            result = session.write_cast(plan, side)
        except (SaveError, LoadError) as error:
            words = error.render() if isinstance(error, LoadError) else str(error)
            app.notify(
                f"{safe(words)}\nThe cast change was not made.",
                title="production.toml not written",
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        if result.conflicts and prefer is None:
            _ask_conflicts(app, session, plan, apply, ripple_list, result)
            return
        score = session.scene_after(plan)
        # What this change did is measured from the file as it was on disk, so another
        # editor's change is not counted as this one's.
        old = result.theirs or old
        if result.theirs_changed:
            app.notify(
                "Another editor had changed production.toml: their changes are kept, "
                "yours applied on top.",
                markup=False,
                timeout=10,
            )
    else:
        score = plan.score
    host = score_host(app)
    history = host.history if host is not None else None
    clean = history is not None and not history.dirty
    apply(score)
    if clean and plan.to_production and not plan.to_scene:
        _saved_if_unchanged(app, session, score)
    _say_where(app, session, plan, score)
    if plan.to_production:
        _ripple(app, old, session, plan.to_production, ripple_list)


def _saved_if_unchanged(app: App[Any], session: ProductionSession, score: Score) -> None:
    """A change that went wholly to ``production.toml`` leaves this scene's file as it
    was: the scene is not "unsaved" because of it."""
    if session.layer_of(score) != session.scene.layer:
        return
    host = score_host(app)
    if host is None or host.history is None:
        return
    host.history.mark_saved()
    host.keeping.saved()
    host.score_changed()


def _ask_conflicts(
    app: App[Any],
    session: ProductionSession,
    plan: CastPlan,
    apply: Callable[[Score], object],
    ripple_list: bool,
    result: CastMerge,
) -> None:
    lines = "\n".join(f"  {safe_line(c.words())}" for c in result.conflicts[:8])
    question = (
        "Another editor changed the same part of the cast in production.toml since you "
        f"read it:\n{lines}\nWhich value should the production keep?"
    )

    def answered(answer: str | None) -> None:
        if answer in ("mine", "theirs"):
            _write(app, session, plan, apply, ripple_list, answer)
        else:
            app.notify("Cast change not kept: nothing was written.", severity="warning")

    answers = [
        ("mine", "Mine: the values I just set"),
        ("theirs", "Theirs: keep what is on disk for these (the rest of mine still applies)"),
        ("back", "Neither: write nothing now"),
    ]
    app.push_screen(Choice(question, answers), answered)


def rebased(app: App[Any], session: ProductionSession, score: Score) -> Score:
    """``score`` over the cast on disk, if another editor changed ``production.toml``.

    The editor then shows the fresh cast (one undoable edit) and says so; this
    scene's own values are kept. A file that cannot be read now changes nothing.
    """
    try:
        fresh = session.rebase(score)
    except LoadError:
        return score
    if fresh is None or fresh == score:
        return score
    host = score_host(app)
    editor = host.editor if host is not None else None
    if editor is not None:
        editor.apply_score(fresh, "cast changed on disk")
        editor.production_findings = p602(session, fresh)
    app.notify(
        "production.toml was changed by another editor: this scene now uses the cast "
        "on disk (your scene's own values are kept).",
        markup=False,
        timeout=10,
    )
    return fresh


def p602(session: ProductionSession, score: Score) -> list[Finding]:
    """P601/P602 for the scene as it would be saved (the editor shows them with the others)."""
    return [finding for *_, finding in production_findings(session.preview(score))]


def _say_where(app: App[Any], session: ProductionSession, plan: CastPlan, score: Score) -> None:
    said: list[str] = []
    if plan.to_production:
        names = and_list([safe_line(score.name_of(pid)) for pid in plan.to_production])
        said.append(f"{names}: whole production (production.toml).")
    if plan.to_scene:
        names = and_list([safe_line(score.name_of(pid)) for pid in plan.to_scene])
        said.append(f"{names}: this scene only (saved with the scene, ctrl+s).")
    widening = [f for f in p602(session, score) if f.code == "P602"]
    said += [f"ℹ P602 {safe(f.message)}" for f in widening]
    if said:
        app.notify("\n".join(said), title="Cast change", markup=False, timeout=10)
    host = score_host(app)
    editor = host.editor if host is not None else None
    if editor is not None:
        editor.production_findings = p602(session, score)


def _ripple(
    app: App[Any],
    before: Production,
    session: ProductionSession,
    ids: tuple[str, ...],
    ripple_list: bool,
) -> None:
    after = session.production
    path = session.production_path
    skip = Path(session.scene.path)

    def work() -> None:
        report = ripple_report(before, after, path, ids, skip)
        app.call_from_thread(show_ripple, app, report, ripple_list)

    app.notify("Checking the production's other scenes…", timeout=3)
    app.run_worker(work, thread=True, group="production-ripple", exclusive=True)


def show_ripple(app: App[Any], report: RippleReport, open_list: bool) -> None:
    """Say what the change did elsewhere; open the list of beats when there are any."""
    session = session_of(app)
    if session is not None:
        session.last_ripple = report
    if not report.items:
        app.notify(report.words(), markup=False, timeout=8)
        return
    if not open_list:
        app.notify(
            safe_line(report.words()) + " After the rehearsal, w in the editor lists them.",
            severity="warning",
            markup=False,
            timeout=12,
        )
        return
    open_ripple(app, report)


def open_ripple(app: App[Any], report: RippleReport) -> None:
    """The list of beats elsewhere; Enter goes to the chosen beat (asking to save first)."""
    from choreo_tui.production.ripple_screen import RippleScreen

    def chosen(item: RippleItem | None) -> None:
        if item is not None:
            go_to(app, item.path, item.beat)

    app.push_screen(RippleScreen(report), chosen)


def go_to(app: App[Any], path: Path, beat: int | None) -> None:
    """Open another scene at a beat, asking first to save this one's unsaved edits."""
    host = score_host(app)
    if host is None:
        return
    opener = host.open_scene_at
    if host.history is None or not host.history.dirty:
        opener(path, beat)
        return

    def answered(answer: str | None) -> None:
        if answer == "save":
            # Opened once the write is done and only if it was: the save runs in a
            # thread, and opening first would switch the production under it.
            host.save(then=lambda written: opener(path, beat) if written else None)
        elif answer == "discard":
            host.keeping.discard()
            opener(path, beat)

    question = f"This scene has unsaved edits. Save them before opening {safe_line(path.name)}?"
    answers = [
        ("save", "Save, then open it"),
        ("discard", "Open it without saving (the edits here are dropped)"),
        ("stay", "Stay here"),
    ]
    app.push_screen(Choice(question, answers), answered)
