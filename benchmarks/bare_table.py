"""The baseline of the terminal probe: a bare Textual app with a 5,000-row DataTable.

.venv/bin/python benchmarks/bare_table.py [ROWS]
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import DataTable


class BareTable(App[None]):
    """A DataTable and nothing else: what a key press costs Textual itself."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        """One table filling the screen."""
        yield DataTable(cursor_type="row")

    def on_mount(self) -> None:
        """Fill it with rows shaped like beats: number, title, who, timing."""
        table: DataTable[str] = self.query_one(DataTable)
        table.add_columns("#", "beat", "who", "timing")
        for n in range(1, self.rows + 1):
            table.add_row(str(n), f"the approach {n}", "ana → ben", "4 counts")
        table.focus()


if __name__ == "__main__":
    BareTable(int(sys.argv[1]) if len(sys.argv) > 1 else 5000).run()
