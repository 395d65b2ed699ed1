"""The baseline for the wizard's first paint and memory: a bare Textual app that
composes the same kinds of widgets (Header, Tabs, Input, DataTable, Select,
TextArea, Markdown, Footer) and nothing of rolescope.

    python bench/bare_textual_app.py [ROWS]    # ROWS rows in the table (default 3)
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Input, Markdown, Select, Tabs, TextArea

MARKER = "bare app first paint"


class BareApp(App[None]):
    TITLE = "bare"

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header()
        yield Tabs("1 Company", "2 Work", "3 Verdict", "4 Interview", "5 Description", "6 Save")
        yield Input(value=MARKER)
        yield Select([("pre-product", "pre-product"), ("live-model", "live-model")], value="pre-product")
        yield DataTable()
        yield TextArea("Accuracy dropped 10% overnight: what do you check first?")
        yield Markdown("# A job description\n\n- one\n- two\n")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "task", "weeks", "archetype")
        for number in range(1, self.rows + 1):
            table.add_row(number, f"Build the API endpoint for the ranking service, part {number}", 0.5, "developer")


if __name__ == "__main__":
    BareApp(int(sys.argv[1]) if len(sys.argv) > 1 else 3).run()
