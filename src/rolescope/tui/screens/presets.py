"""Ctrl+N: start a blank role, or one from an example."""

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

# What the screen gives back for a blank role (no preset is named by an empty string).
BLANK_ROLE = ""


class PresetScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        blank = literal("Blank role\n")
        blank.append_text(literal("  Start from nothing: the company, then the work", style="dim"))
        options = [Option(blank)]
        self.names: list[str] = [BLANK_ROLE]
        for name, path in sorted(self.catalog.roles.items()):
            try:
                spec = read_spec(path)
                summary = spec.description or spec.company.name
            except RolescopeError:
                summary = "(this preset does not load)"
            prompt = literal(f"{name}\n")
            prompt.append_text(literal(f"  {summary}", style="dim"))
            options.append(Option(prompt, id=name))
            self.names.append(name)
        with Vertical(classes="dialog wide-dialog"):
            yield Label("New role: blank, or from an example", classes="dialog-title")
            yield OptionList(*options, id="preset-list")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
