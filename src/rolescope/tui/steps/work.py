"""Step 2: the six-month work. A table of tasks and an editor under it.

The table is the keyboard home: n adds, enter edits, d deletes, shift+up/down
moves, a cycles the archetype override (ctrl+z/ctrl+y undo and redo, as in every step). The editor
classifies as you type and shows the evidence; edits to a task apply on every
keystroke, so the gauge moves as you type.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, Label, Static

from rolescope.classify import classify_text
from rolescope.numbers import exact_sum, format_number, parse_number
from rolescope.recommend import Recommendation
from rolescope.session import Session
from rolescope.spec import MAX_TASK_WEEKS, Task
from rolescope.tui.fields import SafeInput
from rolescope.tui.steps.base import Step
from rolescope.tui.text import literal

# Mid-tone colours that read on dark and light themes (and vanish under NO_COLOR,
# where the words still say it).
ARCHETYPE_STYLE = {"researcher": "#a855f7", "developer": "#0e9fbf", "operator": "#3b82f6"}
OVERRIDE_CYCLE = (None, "researcher", "developer", "operator")
FIXED_WIDTHS = {"number": 3, "archetype": 16, "weeks": 5, "confidence": 5}
COLUMNS = (("#", "number"), ("archetype", "archetype"), ("weeks", "weeks"), ("sure", "confidence"), ("task", "text"))


def parse_weeks(value: str) -> float | None:
    """Weeks exactly as typed (a decimal comma allowed), or None if not a valid number."""
    weeks = parse_number(value.strip().replace(",", "."))
    if weeks is None or not 0 < weeks <= MAX_TASK_WEEKS:
        return None
    return weeks


class TaskTable(DataTable):
    BINDINGS = [
        Binding("n,insert", "new_task", "New task", id="task.new"),
        Binding("enter", "edit_task", "Edit", id="task.edit"),
        Binding("d,delete", "delete_task", "Delete", id="task.delete"),
        Binding("shift+up", "move_task(-1)", "Move up", id="task.up"),
        Binding("shift+down", "move_task(1)", "Move down", id="task.down"),
        Binding("a", "cycle_archetype", "Archetype", id="task.archetype"),
    ]

    def action_new_task(self) -> None:
        self.work_step.begin_new()

    def action_edit_task(self) -> None:
        self.work_step.begin_edit()

    def action_delete_task(self) -> None:
        self.work_step.delete_current()

    def action_move_task(self, offset: int) -> None:
        self.work_step.move_current(offset)

    def action_cycle_archetype(self) -> None:
        self.work_step.cycle_override()

    work_step: WorkStep  # set by the step that composes it


class WorkStep(Step):
    BINDINGS = [Binding("escape", "back_to_table", "Back to list", show=False)]

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.editing: int | None = None  # index of the task in the editor; None = a new task

    def compose(self) -> ComposeResult:
        yield Static("", id="weeks-line")
        table = TaskTable(id="tasks", cursor_type="row", zebra_stripes=True)
        table.work_step = self
        yield table
        yield Label("New task: what will the hire do? Enter adds it.", id="editor-label", classes="field-label")
        with Horizontal(id="editor"):
            yield SafeInput(
                placeholder="e.g. Build the ingestion pipeline for our knowledge base",
                id="task-text",
                select_on_focus=False,
            )
            yield Input(value="2", placeholder="weeks", id="task-weeks", restrict=r"[0-9.,]*")
        yield Static("", id="task-evidence")

    def on_mount(self) -> None:
        table = self.query_one(TaskTable)
        for label, key in COLUMNS:
            table.add_column(label, key=key, width=FIXED_WIDTHS.get(key))

    def on_resize(self) -> None:
        """The task column takes the width the others leave, so long tasks end at
        the edge instead of scrolling the whole table sideways."""
        table = self.table
        padding = 2 * table.cell_padding * len(COLUMNS)
        width = max(20, table.size.width - sum(FIXED_WIDTHS.values()) - padding - 2)
        column = table.columns.get("text")  # type: ignore[call-overload]
        if column is not None and (column.width != width or column.auto_width):
            column.auto_width = False
            column.width = width
            table.refresh(layout=True)

    @property
    def table(self) -> TaskTable:
        return self.query_one(TaskTable)

    def focus_first(self) -> None:
        self.focus_now(self.table if self.session.spec.tasks else self.query_one("#task-text", Input))

    # ------------------------------------------------------------ drawing

    def _row(self, number: int, task: Task) -> list:
        result = classify_text(task.text, self.catalog)
        archetype = task.archetype or result.archetype
        if task.archetype:
            tag, sure = f"{archetype} (set)", "set"
        elif result.vague:
            tag, sure = f"{archetype}?", "vague"
        else:
            tag, sure = archetype, f"{round(result.confidence * 100)}%"
        return [
            Text(str(number), justify="right"),
            Text(tag, style=ARCHETYPE_STYLE[archetype]),
            Text(format_number(task.weeks, thousands=False), justify="right"),
            Text(sure, justify="right"),
            literal(task.text),
        ]

    def load(self, session: Session) -> None:
        self.rebuild(session)
        self.begin_new(focus=False)

    def rebuild(self, session: Session, cursor: int | None = None) -> None:
        table = self.table
        row = table.cursor_row if cursor is None else cursor
        table.clear()
        table.add_rows(self._row(number, task) for number, task in enumerate(session.spec.tasks, start=1))
        if session.spec.tasks:
            table.move_cursor(row=max(0, min(row, len(session.spec.tasks) - 1)), animate=False)

    def refresh_row(self, index: int) -> None:
        table = self.table
        for (_, key), value in zip(COLUMNS, self._row(index + 1, self.session.spec.tasks[index])):
            table.update_cell_at(Coordinate(index, [k for _, k in COLUMNS].index(key)), value)

    def show(self, session: Session, recommendation: Recommendation | None) -> None:
        total = session.spec.total_weeks
        available = self.catalog.thresholds.weeks.available
        count = len(session.spec.tasks)
        line = Text()
        line.append(f"Weeks planned: {format_number(total)} of {format_number(available)}", style="bold")
        line.append(f"   {count} task{'s' if count != 1 else ''}")
        if total > available:
            line.append(f"   overbooked by {format_number(exact_sum((total, -available)))}", style="bold red")
        elif count:
            line.append(f"   {format_number(exact_sum((available, -total)))} left", style="dim")
        self.query_one("#weeks-line", Static).update(line)
        self._show_evidence()

    def _show_evidence(self) -> None:
        text = self.query_one("#task-text", Input).value
        evidence = self.query_one("#task-evidence", Static)
        if not text.strip():
            evidence.update(Text("Type a concrete task: what gets built, run or decided.", style="dim"))
            return
        result = classify_text(text, self.catalog)
        override = None
        if self.editing is not None and self.editing < len(self.session.spec.tasks):
            override = self.session.spec.tasks[self.editing].archetype
        line = Text("→ ")
        if override:
            line.append(
                f"{override} (set by you; classifier says {result.archetype})",
                style=f"bold {ARCHETYPE_STYLE[override]}",
            )
        elif result.vague:
            line.append("too vague to classify", style="bold yellow")
            line.append(": say what gets built, run or decided")
        else:
            line.append(result.archetype, style=f"bold {ARCHETYPE_STYLE[result.archetype]}")
            line.append(f" {round(result.confidence * 100)}%")
        words = [item.text for item in result.evidence if item.archetype == (override or result.archetype)]
        if words:
            line.append("  because: ", style="dim")
            line.append_text(literal(", ".join(words)))
        evidence.update(line)

    # ------------------------------------------------------------ editor

    def begin_new(self, focus: bool = True) -> None:
        self.editing = None
        self.query_one("#editor-label", Label).update("New task: what will the hire do? Enter adds it, Esc goes back.")
        with self.prevent(Input.Changed):
            self.query_one("#task-text", Input).value = ""
            self.query_one("#task-weeks", Input).value = "2"
        self._show_evidence()
        if focus:
            self.query_one("#task-text", Input).focus()

    def begin_edit(self) -> None:
        tasks = self.session.spec.tasks
        if not tasks:
            self.begin_new()
            return
        index = self.table.cursor_row
        self._load_editor(index, typing=True)
        self.query_one("#task-text", Input).focus()

    def _load_editor(self, index: int, typing: bool = False) -> None:
        """Show task `index` in the editor; `typing` when the lead is about to edit it,
        else it is only the task the list's cursor is on."""
        task = self.session.spec.tasks[index]
        self.editing = index
        self.query_one("#editor-label", Label).update(
            f"Task {index + 1}: changes apply as you type. Enter or Esc goes back to the list."
            if typing
            else f"Task {index + 1}: Enter edits it, n adds a new task."
        )
        with self.prevent(Input.Changed):
            self.query_one("#task-text", Input).value = task.text
            # In full, as typed: `:g` keeps six digits, and an edit would save them rounded.
            self.query_one("#task-weeks", Input).value = format_number(task.weeks, thousands=False)
        self._show_evidence()

    @on(DataTable.RowHighlighted, "#tasks")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        in_range = event.cursor_row is not None and 0 <= event.cursor_row < len(self.session.spec.tasks)
        typing = self.query_one("#task-text", Input).has_focus or self.query_one("#task-weeks", Input).has_focus
        if in_range and not typing:
            self._load_editor(event.cursor_row)

    @on(DataTable.RowSelected, "#tasks")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.begin_edit()

    @on(Input.Changed, "#task-text")
    @on(Input.Changed, "#task-weeks")
    def _typed(self, event: Input.Changed) -> None:
        weeks_input = self.query_one("#task-weeks", Input)
        weeks = parse_weeks(weeks_input.value)
        weeks_input.set_class(weeks is None, "-invalid")
        self._show_evidence()
        if self.editing is not None and self.editing >= len(self.session.spec.tasks):
            self.editing = None  # the task went away (deleted, undone): this is a new one now
        if self.editing is None:
            return
        text = self.query_one("#task-text", Input).value
        if not text.strip() or weeks is None:
            return
        spec = self.session.spec
        task = spec.tasks[self.editing]
        updated = task.model_copy(update={"text": text, "weeks": weeks})
        if updated == task:
            return
        tasks = list(spec.tasks)
        tasks[self.editing] = updated
        # One undo step per task edit, however many keystrokes it takes.
        self.edited(spec.model_copy(update={"tasks": tasks}), f"tasks[{self.editing}]")
        self.refresh_row(self.editing)

    @on(Input.Submitted, "#task-text")
    @on(Input.Submitted, "#task-weeks")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.editing is not None:
            self.action_back_to_table()
            return
        text = self.query_one("#task-text", Input).value
        weeks = parse_weeks(self.query_one("#task-weeks", Input).value)
        if not text.strip():
            self.wizard.tell("Type the task first.", severity="warning")
            return
        if weeks is None:
            self.wizard.tell(
                f"Weeks must be a number above 0 and at most {format_number(MAX_TASK_WEEKS)}.", severity="warning"
            )
            self.query_one("#task-weeks", Input).focus()
            return
        spec = self.session.spec
        self.edited(spec.model_copy(update={"tasks": [*spec.tasks, Task(text=text, weeks=weeks)]}))
        self.rebuild(self.session, cursor=len(self.session.spec.tasks) - 1)
        self.begin_new()

    def action_back_to_table(self) -> None:
        self.editing = None if not self.session.spec.tasks else self.editing
        self.table.focus()
        if self.session.spec.tasks:
            self._load_editor(self.table.cursor_row)

    # ------------------------------------------------------------ list actions

    def delete_current(self) -> None:
        spec = self.session.spec
        if not spec.tasks:
            return
        index = self.table.cursor_row
        tasks = [task for position, task in enumerate(spec.tasks) if position != index]
        self.edited(spec.model_copy(update={"tasks": tasks}))
        self.rebuild(self.session, cursor=index)
        if not tasks:
            self.begin_new()
        self.wizard.tell(f"Deleted task {index + 1}. Ctrl+Z brings it back.", timeout=3)

    def move_current(self, offset: int) -> None:
        spec = self.session.spec
        index = self.table.cursor_row
        target = index + offset
        if not spec.tasks or not 0 <= target < len(spec.tasks):
            return
        tasks = list(spec.tasks)
        tasks[index], tasks[target] = tasks[target], tasks[index]
        self.edited(spec.model_copy(update={"tasks": tasks}))
        self.rebuild(self.session, cursor=target)

    def cycle_override(self) -> None:
        spec = self.session.spec
        if not spec.tasks:
            return
        index = self.table.cursor_row
        task = spec.tasks[index]
        following = OVERRIDE_CYCLE[(OVERRIDE_CYCLE.index(task.archetype) + 1) % len(OVERRIDE_CYCLE)]
        tasks = list(spec.tasks)
        tasks[index] = task.model_copy(update={"archetype": following})
        self.edited(spec.model_copy(update={"tasks": tasks}))
        self.refresh_row(index)
        self._load_editor(index)
