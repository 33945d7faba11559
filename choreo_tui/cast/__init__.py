"""The cast: performers, their boundaries, will_touch, riders and garments.

``CastScreen(score)`` is pushed by the editor and dismissed with the new score
(or None when nothing changed); everything here is reachable from the keyboard.
"""

from choreo_tui.cast.screen import CastScreen

__all__ = ["CastScreen"]
