"""Pick an example role to start from."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from rolescope.catalog import Catalog
from rolescope.errors import RolescopeError
from rolescope.specio import read_spec
from rolescope.tui.text import literal


class PresetScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        options = []
        for name, path in sorted(self.catalog.roles.items()):
            try:
                spec = read_spec(path)
                summary = spec.description or spec.company.name
            except RolescopeError:
                summary = "(this preset does not load)"
            prompt = literal(f"{name}\n")
            prompt.append_text(literal(f"  {summary}", style="dim"))
            options.append(Option(prompt, id=name))
        with Vertical(classes="dialog wide-dialog"):
            yield Label("Start a new role from an example", classes="dialog-title")
            yield OptionList(*options, id="preset-list")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
