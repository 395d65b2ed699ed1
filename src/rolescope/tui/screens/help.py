"""F1: the keys of the field you are in first, then the step's, then the wizard's,
and what the gauge means; type to filter them."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

GAUGE = (
    "The gauge (top) shows how much of the planned work is engineering (developer + operator) "
    "against research (researcher), by weeks. The marks sit at 20% and 80%: beyond 80% the verdict "
    "is clear. Below 65% on both sides the req is two roles in one."
)

GENERAL = (
    ("F1", "this help"),
    ("F2 … F7", "go to step 1 … 6 (or click the step in the header)"),
    ("Ctrl+PageDown / Ctrl+PageUp", "next / previous step"),
    ("Ctrl+S", "save the spec"),
    ("Ctrl+E", "export the spec and the job description"),
    ("Ctrl+O", "open a spec file: type a path (→ completes it), pick a recent spec or browse"),
    ("Ctrl+N", "new role: blank, or from an example"),
    ("Ctrl+Z / Ctrl+Y", "undo / redo any edit, in any step"),
    ("Ctrl+P", "command palette (also: switch theme, kept for next time)"),
    ("Ctrl+Q", "quit (asks first if there are unsaved changes)"),
)

WORK = (
    ("n or Insert", "add a task (type it, Tab to weeks, Enter)"),
    ("Enter", "edit the highlighted task"),
    ("Esc", "back from the editor to the list"),
    ("a", "cycle the archetype: classifier → researcher → developer → operator"),
    ("d or Delete", "delete the task"),
    ("Shift+Up / Shift+Down", "move the task"),
)

STEP_KEYS = {"work": ("Step 2, the task list", WORK)}


@dataclass(frozen=True)
class HelpSection:
    title: str
    rows: tuple[tuple[str, str], ...]

    def matching(self, words: list[str]) -> tuple[tuple[str, str], ...]:
        return tuple(row for row in self.rows if all(word in f"{row[0]} {row[1]}".lower() for word in words))


def _first_key(keys: str) -> str:
    """ "Shift+Up / Shift+Down" → "shift+up", "Esc" → "escape": as Textual names keys."""
    first = keys.split(" or ")[0].split(" / ")[0].lower()
    return "escape" if first == "esc" else first


def help_sections(
    step: str, focused_keys: list[tuple[str, str]], focused_name: str, focused_raw: frozenset[str] = frozenset()
) -> list[HelpSection]:
    """What help lists, in order: the focused widget's keys, the step's (those the
    focused widget does not already list), the wizard's."""
    sections = []
    if focused_keys:
        sections.append(HelpSection(f"Keys here ({focused_name})", tuple(focused_keys)))
    if step in STEP_KEYS:
        title, rows = STEP_KEYS[step]
        rest = tuple(row for row in rows if _first_key(row[0]) not in focused_raw)
        if rest:
            sections.append(HelpSection(title, rest))
    sections.append(HelpSection("Everywhere", GENERAL))
    return sections


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1", "close", "Close"),
        Binding("down", "scroll(1)", "Scroll", show=False),
        Binding("up", "scroll(-1)", "Scroll", show=False),
        Binding("pagedown", "scroll(10)", "Scroll", show=False),
        Binding("pageup", "scroll(-10)", "Scroll", show=False),
    ]

    def __init__(
        self,
        step: str,
        focused_keys: list[tuple[str, str]] | None = None,
        focused_name: str = "",
        focused_raw: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self.step = step
        self.sections = help_sections(step, focused_keys or [], focused_name, focused_raw)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide-dialog"):
            yield Label("rolescope help (type to filter, Esc closes, arrows scroll)", classes="dialog-title")
            yield Input(placeholder="filter: a key or a word", id="help-filter", compact=True)
            with VerticalScroll(id="help-body"):
                yield Static(id="help-text")

    def on_mount(self) -> None:
        self._show("")
        self.query_one("#help-filter").focus()

    @on(Input.Changed, "#help-filter")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._show(event.value)

    def _show(self, query: str) -> None:
        words = query.lower().split()
        text = Text()
        for section in self.sections:
            rows = section.matching(words)
            if not rows:
                continue
            width = max(len(key) for key, _ in rows) + 2
            text.append(f"{section.title}\n", style="bold")
            for key, does in rows:
                text.append(f"  {key:<{width}}", style="bold")
                text.append(f"{does}\n")
            text.append("\n")
        if all(word in GAUGE.lower() for word in words):
            text.append("The gauge\n", style="bold")
            text.append(f"  {GAUGE}\n")
        if not text.plain.strip():
            text.append(f"Nothing matches “{query}”.", style="dim")
        self.query_one("#help-text", Static).update(text)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
