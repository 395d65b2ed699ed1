"""Small modal screens: a question with choices, a list of errors."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static
from textual.widgets.button import ButtonVariant

from rolescope.tui.text import literal

# A choice: its id (what the screen dismisses with), its label and its button's variant.
Choice = tuple[str, str, ButtonVariant]


class ChoiceScreen(ModalScreen[str]):
    """A question and buttons; dismisses with the chosen id, or `cancel_id` on Esc."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, body: str, choices: list[Choice], cancel_id: str = "cancel") -> None:
        super().__init__()
        self.title_text, self.body, self.choices, self.cancel_id = title, body, choices, cancel_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal(self.title_text), classes="dialog-title")
            yield Static(literal(self.body), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                for choice_id, label, variant in self.choices:
                    yield Button(label, id=f"choice-{choice_id}", variant=variant)

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_id)


class ErrorScreen(ModalScreen[None]):
    """The same lines the command line prints, inside the app."""

    BINDINGS = [Binding("escape,enter", "close", "Close")]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self.title_text, self.lines = title, lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog error-dialog"):
            yield Label(literal(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="error-lines"):
                for line in self.lines:
                    yield Static(literal(line), classes="error-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close", id="close", variant="primary")

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
