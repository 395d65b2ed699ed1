"""F1: what the gauge means and every key, for the step you are on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown

GENERAL = """\
**The gauge** (top) shows how much of the planned work is engineering
(developer + operator) against research (researcher), by weeks. The marks sit at
20% and 80%: beyond 80% the verdict is clear. Below 65% on both sides the req is
two roles in one.

| key | does |
|---|---|
| F1 | this help |
| F2 … F7 | go to step 1 … 6 |
| Ctrl+PageDown / Ctrl+PageUp | next / previous step |
| Ctrl+S | save the spec |
| Ctrl+E | export the spec and the job description |
| Ctrl+O | open a spec file |
| Ctrl+N | new role from an example |
| Ctrl+P | command palette (also: switch theme) |
| Ctrl+Q | quit (asks first if there are unsaved changes) |
"""

WORK = """\
**Step 2, the task list**

| key | does |
|---|---|
| n or Insert | add a task (type it, Tab to weeks, Enter) |
| Enter | edit the highlighted task (changes apply as you type) |
| Esc | back from the editor to the list |
| a | cycle the archetype: classifier → researcher → developer → operator |
| d or Delete | delete the task |
| Shift+Up / Shift+Down | move the task |
| Ctrl+Z / Ctrl+Y | undo / redo |
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Close")]

    def __init__(self, step: str) -> None:
        super().__init__()
        self.step = step

    def compose(self) -> ComposeResult:
        text = (WORK + "\n" + GENERAL) if self.step == "work" else (GENERAL + "\n" + WORK)
        with Vertical(classes="dialog wide-dialog"):
            yield Label("rolescope help (Esc closes, arrows scroll)", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Markdown(text)

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
