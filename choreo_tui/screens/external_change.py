"""Saving over a file that changed on disk since it was opened: ask, never overwrite.

Someone else (another editor, a sync tool, a colleague in a text editor)
changed or removed the score after it was opened here. Saving would silently
throw their work away, so the save stops and asks: reload the file from disk
(dropping the edits made here), save these edits as a copy beside it (keeping
both, to merge by hand), or cancel. If the file was deleted or moved, saving it
again where it was loses nothing, so that is offered too.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from choreo_tui.screens.restore import DiffDialog, what_differs
from notation import LoadError, SaveError, Score, clock, dumps
from notation.stamp import DiskState
from notation.terminal import safe_line
from notation.writing import NOT_WRITABLE, FolderNotWritable, write_private

RELOAD, SAVE_COPY, SAVE_AGAIN, CANCEL = "reload", "copy", "save", "cancel"

SCORE_SUFFIX = ".score.toml"


def copy_name(path: Path, when: datetime | None = None) -> Path:
    """A free name beside ``path`` for a copy: ``orchard.copy-20261127-1930.score.toml``."""
    moment = clock.file_stamp(when, seconds=False)
    name = path.name
    stem = name[: -len(SCORE_SUFFIX)] if name.endswith(SCORE_SUFFIX) else path.stem
    suffix = SCORE_SUFFIX if name.endswith(SCORE_SUFFIX) else path.suffix
    candidate = path.with_name(f"{stem}.copy-{moment}{suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{stem}.copy-{moment}-{number}{suffix}")
        number += 1
    return candidate


def save_copy(path: Path, score: Score) -> Path:
    """Write ``score`` to a new file beside ``path`` and return where. Raises ``SaveError``.

    The copy is created exclusively first, so two copies in the same minute
    can never overwrite each other.
    """
    for _ in range(100):
        target = copy_name(path)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError as error:
            kind = FolderNotWritable if error.errno in NOT_WRITABLE else SaveError
            raise kind(f"{target}: not saved ({error.strerror})") from None
        os.close(fd)
        try:
            write_private(target, dumps(score))
        except SaveError:
            with contextlib.suppress(OSError):
                target.unlink()
            raise
        return target
    raise SaveError(f"{path.parent}: not saved: no free name for a copy")


class ExternalChangeScreen(DiffDialog):
    """The file changed (or vanished) on disk since it was opened: what now?"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer('cancel')", "Cancel", id="external_cancel"),
        Binding("c", "answer('copy')", "Save a copy", id="external_copy"),
        Binding("l", "answer('reload')", "Reload", id="external_reload"),
        Binding("s", "answer('save')", "Save again", id="external_save_again"),
    ]

    def __init__(
        self,
        path: Path,
        state: DiskState,
        mine: Score,
        on_disk: Score | LoadError | None,
    ) -> None:
        super().__init__()
        self.path = path
        self.state = state
        self.mine = mine
        self.on_disk = on_disk

    def choices(self) -> tuple[str, ...]:
        """The answers that make sense for this state of the file."""
        if self.state is DiskState.MISSING:
            return (SAVE_AGAIN, SAVE_COPY, CANCEL)
        if isinstance(self.on_disk, Score):
            return (RELOAD, SAVE_COPY, CANCEL)
        return (SAVE_COPY, CANCEL)

    def _explanation(self) -> str:
        if self.state is DiskState.MISSING:
            return "Nothing is at this path now, so saving it here again overwrites nothing."
        if isinstance(self.on_disk, LoadError):
            first = self.on_disk.problems[0] if self.on_disk.problems else None
            where = f" (line {first.line}: {first.message})" if first and first.line else ""
            return f"The file on disk cannot be read now{where}; it was left as it is."
        if isinstance(self.on_disk, Score):
            return "What your version changes, compared with the file on disk now:\n\n" + (
                what_differs(self.on_disk, self.mine)
            )
        return ""

    def _advice(self) -> str:
        words = {
            RELOAD: "Reload takes the file on disk (ctrl+z brings your edits back).",
            SAVE_COPY: "A copy keeps both: yours is saved beside it, and you edit the copy.",
            SAVE_AGAIN: "Save here again writes your version where the file was.",
        }
        return "\n".join(words[c] for c in self.choices() if c in words)

    def compose(self) -> ComposeResult:
        """What happened, what differs, and the answers."""
        labels: dict[str, tuple[str, ButtonVariant]] = {
            RELOAD: ("Reload (l)", "warning"),
            SAVE_COPY: ("Save a copy (c)", "primary"),
            SAVE_AGAIN: ("Save here again (s)", "primary"),
            CANCEL: ("Cancel (Esc)", "default"),
        }
        with Vertical():
            yield Static(
                Text.assemble(
                    ("⚠ Not saved: ", "bold"),
                    f"{self.state.words}.\n",
                    Text(safe_line(str(self.path)), style="dim"),
                    "\nSaving now would overwrite someone else's work, so Choreo asks first.",
                )
            )
            explanation = self._explanation()
            if explanation:
                with VerticalScroll():
                    yield Static(explanation, markup=False)
            yield Static(self._advice(), markup=False)
            with Horizontal(classes="buttons"):
                for choice in self.choices():
                    label, variant = labels[choice]
                    yield Button(label, variant=variant, id=choice, compact=True)

    def on_mount(self) -> None:
        """Saving a copy loses nothing, so it is the default where offered."""
        default = SAVE_COPY if SAVE_COPY in self.choices() else CANCEL
        self.query_one(f"#{default}", Button).focus()

    def action_answer(self, choice: str) -> None:
        """Answer with ``choice`` if it is offered for this state."""
        if choice in self.choices():
            self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id or CANCEL)
