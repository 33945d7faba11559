"""A checkbox whose state shows as a mark, ``[x]`` or ``[ ]``, not by colour alone."""

from __future__ import annotations

from textual.widgets import Checkbox


class Tick(Checkbox):
    """A checkbox that reads ``[x] simulated`` when on and ``[ ] simulated`` when off."""

    BUTTON_LEFT = "["
    BUTTON_RIGHT = "]"

    def on_mount(self) -> None:
        """Draw the mark for the starting value."""
        self._mark(self.value)

    def watch_value(self) -> None:
        """Redraw the mark whenever the value changes (and tell listeners, as a Checkbox does)."""
        super().watch_value()
        self._mark(self.value)

    def _mark(self, value: bool) -> None:
        self.BUTTON_INNER = "x" if value else " "
        self.refresh()
