"""Ctrl+O: open a spec by typing its path (completed as you type: → takes the
completion), from the specs opened lately, or from a folder tree."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, DirectoryTree, Input, Label, OptionList
from textual.widgets.option_list import Option

from rolescope.tui.fields import SafeInput
from rolescope.tui.text import display_path, literal

# A folder with more entries than this is not read for completion: typing stays quick.
MAX_ENTRIES = 2000


class PathSuggester(Suggester):
    """Completes the last part of a typed path from what is on disk: folders (with
    a trailing slash) and TOML files, in name order."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


def complete_path(value: str) -> str | None:
    if not value:
        return None
    folder_text, _, start = value.rpartition("/")
    folder = Path(folder_text or ("/" if value.startswith("/") else ".")).expanduser()
    try:
        with os.scandir(folder) as entries:
            names = []
            for number, entry in enumerate(entries):
                if number >= MAX_ENTRIES:
                    return None
                if entry.name.startswith(start) and entry.name != start and not entry.name.startswith("."):
                    if entry.is_dir():
                        names.append(entry.name + "/")
                    elif entry.name.endswith(".toml"):
                        names.append(entry.name)
    except OSError:
        return None
    if not names:
        return None
    prefix = value[: len(value) - len(start)]
    return prefix + min(names)


class SpecTree(DirectoryTree):
    """Folders and TOML files only; hidden ones left out."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".") and (path.is_dir() or path.suffix == ".toml")]


class OpenScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, recent: Iterable[str], folder: Path | None = None) -> None:
        super().__init__()
        self.recent = [path for path in recent if Path(path).is_file()]
        self.folder = folder or Path.cwd()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide-dialog", id="open-dialog"):
            yield Label("Open a spec file (→ completes, Tab moves on)", classes="dialog-title")
            yield SafeInput(placeholder="path/to/role.toml", id="path", suggester=PathSuggester(), compact=True)
            if self.recent:
                yield Label("Recent", classes="field-label")
                yield OptionList(*[Option(literal(display_path(path)), id=path) for path in self.recent], id="recent")
            yield Label(literal(f"Files in {display_path(self.folder)}"), classes="field-label")
            yield SpecTree(self.folder, id="tree")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Open", id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        self.dismiss(value or None)

    @on(OptionList.OptionSelected, "#recent")
    def _recent(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    @on(DirectoryTree.FileSelected)
    def _file(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(str(event.path))

    @on(DirectoryTree.DirectorySelected)
    def _folder(self, event: DirectoryTree.DirectorySelected) -> None:
        # Choosing a folder fills the path, so typing carries on from there.
        path_input = self.query_one("#path", Input)
        path_input.value = display_path(event.path).rstrip("/") + "/"
        path_input.cursor_position = len(path_input.value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
