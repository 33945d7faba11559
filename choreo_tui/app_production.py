"""The app's production flows: a new scene in a production, the sample production
copied whole, a scene opened from the production start screen or at a beat of
another scene, and replay's boundary change asked about.

A mixin like ``KeepingFlows``, so ``app.py`` stays small; the screens and the
files live in ``choreo_tui/production/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on

from choreo_tui.app_keeping import KeepingFlows
from choreo_tui.screens.dialogs import OpeningScreen
from choreo_tui.screens.start import StartScreen
from notation import LoadError, SaveError
from notation.model import Scene, Score
from notation.production.roster import with_cast

if TYPE_CHECKING:
    from choreo_tui.production.session import ProductionSession
    from choreo_tui.production.start import ProductionStartScreen


class ProductionFlows(KeepingFlows):
    """What the app does for productions (see the module docstring)."""

    production: ProductionSession | None
    """The production of the open scene (its cast file and scene layer), if it has one."""
    folder: Path

    def read_score(self, path: Path) -> Score:
        """Read a score (the app defines it)."""
        raise NotImplementedError

    def open_score(self, path: Path) -> None:
        """Open a score in the editor (the app defines it)."""
        raise NotImplementedError

    def start_editing(self, path: Path, score: Score, *, saved: bool) -> None:
        """Show the editor on a score (the app defines it)."""
        raise NotImplementedError

    def show_unreadable(self, error: LoadError) -> None:
        """Explain an unreadable file (the app defines it)."""
        raise NotImplementedError

    def _record_now(self, score: Score) -> None:
        """Apply and save what replay logged (the app defines it)."""
        raise NotImplementedError

    def new_score(self, path: Path, title: str) -> Score:
        """A new score at ``path``; inside a production, a new scene of it (with its cast)."""
        from choreo_tui.production.session import ProductionSession

        try:
            self.production = ProductionSession.new(path, title)
        except LoadError as error:
            self.production = None
            self.notify(
                f"{error.render()}\nThe new score is standalone until production.toml is fixed.",
                severity="warning",
                markup=False,
            )
        if self.production is not None:
            return self.production.score
        return Score(scene=Scene(title=title))

    @on(StartScreen.OpenSampleProduction)
    def _open_sample_production(self, event: StartScreen.OpenSampleProduction) -> None:
        from choreo_tui.production.copying import copy_production
        from choreo_tui.production.start import ProductionStartScreen

        try:
            copy = copy_production(event.path, self.folder)
        except SaveError as error:
            self.notify(f"Could not copy the sample: {error}", severity="error", markup=False)
            return
        self.notify(
            f"Copied the sample production to {copy.name}/; the original is unchanged.",
            markup=False,
        )
        self.folder = copy
        self.switch_screen(ProductionStartScreen(copy / "production.toml"))

    def on_production_start_screen_open_scene(self, event: ProductionStartScreen.OpenScene) -> None:
        """A scene chosen on the production start screen: open it."""
        # Handled by name, not @on: the production screens are imported when first
        # needed, not at launch (startup to the first frame is a measured goal).
        path = event.path
        if self.editor is not None:
            # Opened over a scene: that scene's unsaved edits are asked about first.
            from choreo_tui.production.flows import go_to

            go_to(self, path, None)
            return
        self.open_score(path)

    def open_scene_at(self, path: Path, beat: int | None = None) -> None:
        """Open another scene in place of this one, at a 1-based beat (the edits here are
        saved or dropped by the caller first)."""
        from choreo_tui.screens.editor import EditorScreen

        try:
            score = self.read_score(path)
        except LoadError as error:
            self.show_unreadable(error)
            return
        while len(self.screen_stack) > 1 and not isinstance(self.screen, EditorScreen):
            self.pop_screen()
        if isinstance(self.screen, EditorScreen):
            self.switch_screen(OpeningScreen(path.name))
        self.start_editing(path, score, saved=True)
        editor = self.editor
        if beat is not None and editor is not None:
            self.call_after_refresh(editor.refresh_view, beat - 1)

    def scene_view(self, score: Score) -> Score:
        """``score`` with only this scene's people (the editor holds the whole cast)."""
        from choreo_tui.production.flows import scene_view

        return scene_view(self, score)

    def with_cast_of_editor(self, score: Score) -> Score:
        """A scene view from replay with the rest of the editor's cast put back."""
        history = self.history
        if self.production is None or history is None:
            return score
        return with_cast(score, history.score.performers)

    def keep_production_findings(self) -> None:
        """After an edit that changed the performers (a cast change, its undo): P601/P602
        again for the problems panel. Other edits cannot change them and cost nothing."""
        from choreo_tui.production.flows import p602

        session, history, editor = self.production, self.history, self.editor
        if session is None or history is None or editor is None:
            return
        performers = history.score.performers
        if session.performers_seen is performers:
            return
        session.performers_seen = performers
        editor.production_findings = p602(session, history.score)

    def record_in_production(self, score: Score) -> bool:
        """Replay changed a performer's record in a production scene: ask whole production
        or this scene, then record it where it went. False when there is nothing to ask."""
        history = self.history
        if self.production is None or history is None:
            return False
        if score.performers == history.score.performers:
            return False
        from choreo_tui.production.flows import change_cast

        change_cast(self, history.score, score, self._record_now, ripple_list=False)
        return True

    def without_production_log(self, score: Score) -> Score:
        """``score`` without the log entries that went to ``production.toml``.

        Replay keeps its own copy of the log: an entry that went to the production's
        log must not land in the scene's file as well.
        """
        if self.production is None:
            return score
        moved = self.production.moved_log
        return score.replace(log=tuple(e for e in score.log if e not in moved))
