"""The widgets of the rehearsal editor."""
