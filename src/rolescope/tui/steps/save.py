"""Step 6: save the spec and export the description, with the paths in view."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from rolescope.errors import RolescopeError
from rolescope.markdown import one_line
from rolescope.recommend import Recommendation
from rolescope.session import Session
from rolescope.tui.fields import SafeInput, field_row, update_text
from rolescope.tui.steps.base import Step
from rolescope.tui.text import display_path

LABEL_WIDTH = len("Export writes")
# A split's files hang under its heading, narrow, so a long name fits at 80 columns.
SPLIT_LABEL_WIDTH = len("  first")


class SaveStep(Step):
    class PathsChanged(Message):
        """The lead typed where the spec and the export go (as typed: `~` not expanded)."""

        def __init__(self, save_path: str, export_dir: str) -> None:
            super().__init__()
            self.save_path, self.export_dir = save_path, export_dir

    def compose(self) -> ComposeResult:
        yield field_row("Spec file", SafeInput(id="save-path", select_on_focus=False))
        yield field_row("Export folder", SafeInput(id="export-dir", select_on_focus=False))
        yield Label("The spec, description and interview kit go there (Markdown).", classes="help-line under-field")
        yield Static("", id="targets")
        with Horizontal(id="save-buttons"):
            yield Button("Save spec  ^S", id="do-save", variant="primary", compact=True)
            yield Button("Export  ^E", id="do-export", variant="success", compact=True)
        yield Static("", id="save-status")

    def load(self, session: Session) -> None:
        self.saved(session)
        folder = session.path.parent if session.path else Path.cwd()
        self.query_one("#export-dir", Input).value = display_path(folder)

    def saved(self, session: Session) -> None:
        """After a save: the spec's field shows where it went; the export folder the
        lead typed stays as typed."""
        self.query_one("#save-path", Input).value = display_path(session.path) if session.path else ""

    def save_path(self) -> str:
        return self.query_one("#save-path", Input).value.strip()

    def export_dir(self) -> str:
        return self.query_one("#export-dir", Input).value.strip() or "."

    def show(self, session: Session, r: Recommendation | None) -> None:
        # It reads the disk and renders the description to compare: only on screen.
        if not self.on_screen:
            return
        path_input = self.query_one("#save-path", Input)
        path_input.placeholder = one_line(display_path(session.suggested_path()))
        lines = Text()
        target = Path(self.save_path()).expanduser() if self.save_path() else session.suggested_path()
        # Labels right-aligned, so the file names line up.
        lines.append(f"{'Save writes':>{LABEL_WIDTH}}  ", style="bold")
        lines.append(one_line(display_path(target)))
        if target.exists() and target.resolve() != session.path:
            lines.append("  (exists: you will be asked first)", style="yellow")
        lines.append("\n")
        problems = session.problems()
        if r is not None:
            folder = Path(self.export_dir()).expanduser()
            try:
                plan = session.export_targets(folder)
                conflicts = session.export_conflicts(folder, plan)
            except (RolescopeError, OSError):
                plan, conflicts = [], []
            if len(plan) > 1:
                lines.append("Export writes the two roles of the split verdict:\n", style="bold")
            for number, role in enumerate(plan):
                for index, file in enumerate(role.files):
                    first = "Export writes" if len(plan) == 1 else "first"
                    label = (first if number == 0 else "then") if index == 0 else "and"
                    width = LABEL_WIDTH if len(plan) == 1 else SPLIT_LABEL_WIDTH
                    lines.append(f"{label:>{width}}  ", style="bold")
                    lines.append(one_line(display_path(file.path)))
                    if file.path in conflicts:
                        lines.append("  (exists, different: you will be asked first)", style="yellow")
                    lines.append("\n")
        if problems:
            lines.append("\nBefore saving: ", style="bold yellow")
            lines.append("; ".join(problems))
        elif session.dirty:
            lines.append("\nUnsaved changes.", style="yellow")
        else:
            lines.append("\nEverything is saved.", style="green")
        update_text(self.query_one("#targets", Static), lines)

    @on(Input.Changed)
    def _paths_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.loaded:  # not the empty fields of mounting
            self.post_message(self.PathsChanged(self.save_path(), self.export_dir()))
        self.show(self.session, self.recommendation)

    @on(Button.Pressed, "#do-save")
    def _save(self) -> None:
        self.post_message(self.Act("save"))

    @on(Button.Pressed, "#do-export")
    def _export(self) -> None:
        self.post_message(self.Act("export"))

    def status(self, message: str) -> None:
        update_text(self.query_one("#save-status", Static), Text(one_line(message)))
