"""Step 2: the six-month work. A table of tasks and an editor under it.

The table is the keyboard home: n adds, enter edits, d deletes, shift+up/down
moves, a cycles the archetype override (ctrl+z/ctrl+y undo and redo, as in every step). The editor
shows the whole task (the table cuts it with an ellipsis) and its outcome,
classifies as you type and shows the evidence; edits to a task apply on every
keystroke, so the gauge moves as you type. What each row says (vague, unsure,
the task's problem) is the core's: this step only shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import JustifyMethod
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Static, TextArea
from textual.widgets.data_table import ColumnKey

from rolescope import edits
from rolescope.classify import classify_text
from rolescope.markdown import visible_controls
from rolescope.numbers import exact_sum, format_number
from rolescope.recommend import Recommendation, TaskResult
from rolescope.report import confidence_flag, numbers_text, task_problems, task_row
from rolescope.session import Session
from rolescope.spec import MAX_TASK_WEEKS, Task
from rolescope.tui.fields import OneLineText, SafeInput, update_text
from rolescope.tui.steps.base import Step
from rolescope.tui.text import literal

# Mid-tone colours that read on dark and light themes (and vanish under NO_COLOR,
# where the words still say it).
ARCHETYPE_STYLE = {"researcher": "#a855f7", "developer": "#0e9fbf", "operator": "#3b82f6"}
FIXED_WIDTHS = {"number": 3, "archetype": 16, "weeks": 5, "confidence": 5}
COLUMNS = (("#", "number"), ("archetype", "archetype"), ("weeks", "weeks"), ("sure", "confidence"), ("task", "text"))


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of the task list, made into rich Text only when drawn: the table
    draws only the rows on screen, and a Text for every cell of 2,000 tasks would
    hold megabytes."""

    plain: str
    style: str = ""
    justify: JustifyMethod | None = None
    cut: bool = False  # one line, cut with an ellipsis

    def __str__(self) -> str:
        return self.plain

    def __rich__(self) -> Text:
        if self.cut:
            return Text(self.plain, style=self.style, no_wrap=True, overflow="ellipsis", end="")
        return Text(self.plain, style=self.style, justify=self.justify)


class TaskText(OneLineText):
    """The task's text, wrapped so the whole of it shows. A task is one line: Enter
    adds or finishes it (as in a one-line field), and pasted line breaks become spaces."""

    class Submitted(Message):
        def __init__(self, text_area: TaskText) -> None:
            super().__init__()
            self.text_area = text_area

        @property
        def control(self) -> TaskText:
            return self.text_area

    def enter_pressed(self) -> None:
        # Enter adds or finishes the task.
        self.post_message(self.Submitted(self))


class TaskTable(DataTable):
    BINDINGS = [
        Binding("n,insert", "new_task", "New task", id="task.new"),
        Binding("enter", "edit_task", "Edit", id="task.edit"),
        Binding("d,delete", "delete_task", "Delete", id="task.delete"),
        Binding("shift+up", "move_task(-1)", "Move up", id="task.up", group=Binding.Group("Move", compact=True)),
        Binding("shift+down", "move_task(1)", "Move down", id="task.down", group=Binding.Group("Move", compact=True)),
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
        # Redraws an edit of this step asks for, done when the app shows the edited
        # spec (the rows need its recommendation): rows to refresh, or the whole
        # table with the cursor on a row.
        self._rows_to_refresh: set[int] = set()
        self._rebuild_at: int | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="weeks-line")
        table = TaskTable(id="tasks", cursor_type="row", zebra_stripes=True)
        table.work_step = self
        yield table
        yield Label("New task: what will the hire do? Enter adds it.", id="editor-label", classes="field-label")
        with Horizontal(id="editor"):
            yield TaskText(
                id="task-text",
                soft_wrap=True,
                compact=True,
                placeholder="e.g. Build the ingestion pipeline for our knowledge base",
            )
            yield Label("weeks", id="weeks-label")
            yield Input(value="2", placeholder="weeks", id="task-weeks", restrict=r"[0-9.,]*", compact=True)
        with Horizontal(id="outcome-row"):
            yield Label("outcome", id="outcome-label")
            yield SafeInput(
                placeholder="what the hire owns and how success is measured, e.g. answers within 2 s for 95% of queries",
                id="task-outcome",
                select_on_focus=False,
                compact=True,
            )
        yield Static("", id="task-evidence")
        yield Static("", id="task-problem")

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
        column = table.columns.get(ColumnKey("text"))
        if column is not None and (column.width != width or column.auto_width):
            column.auto_width = False
            column.width = width
            # The scrollable width was measured on the full texts: measure it again,
            # or a scrollbar offers to scroll past text that is already cut.
            table._require_update_dimensions = True
            table.refresh(layout=True)

    @property
    def table(self) -> TaskTable:
        return self.query_one(TaskTable)

    def focus_first(self) -> None:
        self.focus_now(self.table if self.spec.tasks else self.query_one("#task-text", TaskText))

    def reveal(self, selector: str | None, task: int | None, field: str, line: int) -> None:
        if task is not None:
            self.focus_task(task, field)
        else:
            super().reveal(selector, task, field, line)

    def focus_task(self, number: int, field: str = "text") -> None:
        """Put task `number` (1-based) in the editor with `field` ("text", "weeks" or
        "outcome") focused: where a finding about it sends the lead."""
        tasks = self.spec.tasks
        if not 1 <= number <= len(tasks):
            return
        self.table.move_cursor(row=number - 1, animate=False)
        self._load_editor(number - 1, typing=True)
        target = {"outcome": "#task-outcome", "weeks": "#task-weeks"}.get(field, "#task-text")
        self.focus_now(self.query_one(target))

    # ------------------------------------------------------------ drawing

    def _result(self, index: int) -> TaskResult | None:
        """The core's reading of task `index` (its archetype, vague, unsure)."""
        r = self.recommendation
        return r.tasks[index] if r is not None and index < len(r.tasks) else None

    def _row(self, number: int, task: Task) -> list[Cell]:
        result = self._result(number - 1)
        row = task_row(result) if result is not None else None
        if row is None or row.state == "vague":
            # Left out of the split until rewritten: no archetype is claimed for it.
            tag, style, sure = "unclassified", "", "vague"
        else:
            tag = f"{row.archetype} (set)" if row.state == "set" else row.archetype
            style, sure = ARCHETYPE_STYLE[row.archetype], row.flag
        return [
            Cell(str(number), justify="right"),
            Cell(tag, style=style),
            # "~": weeks rolescope estimated (a posting gave none) until the lead sets them.
            Cell(
                ("~" if task.estimated else "") + format_number(task.weeks, thousands=False),
                justify="right",
                style="italic" if task.estimated else "",
            ),
            Cell(sure, justify="right", style="bold" if row is not None and row.state == "unsure" else ""),
            # One line, cut with an ellipsis: the editor below shows the whole task.
            Cell(visible_controls(task.text), cut=True),
        ]

    def load(self, session: Session) -> None:
        self._rows_to_refresh.clear()
        self._rebuild_at = None
        self.rebuild()
        self.begin_new(focus=False)

    def rebuild(self, cursor: int | None = None) -> None:
        table = self.table
        row = table.cursor_row if cursor is None else cursor
        tasks = self.spec.tasks
        table.clear()
        table.add_rows(self._row(number, task) for number, task in enumerate(tasks, start=1))
        if tasks:
            table.move_cursor(row=max(0, min(row, len(tasks) - 1)), animate=False)

    def refresh_row(self, index: int) -> None:
        table = self.table
        for (_, key), value in zip(COLUMNS, self._row(index + 1, self.spec.tasks[index])):
            table.update_cell_at(Coordinate(index, [k for _, k in COLUMNS].index(key)), value)

    def show(self, session: Session, recommendation: Recommendation | None) -> None:
        if self._rebuild_at is not None:
            self.rebuild(cursor=self._rebuild_at)
        else:
            for index in sorted(self._rows_to_refresh):
                if index < len(self.spec.tasks):
                    self.refresh_row(index)
        self._rebuild_at = None
        self._rows_to_refresh.clear()
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
        if recommendation is not None:
            vague = [item.number for item in recommendation.vague_tasks]
            unsure = [item.number for item in recommendation.unsure_tasks]
            # Apart from the planned weeks: vague tasks are left out of the split.
            apart = Text()
            if vague:
                apart.append(
                    f"Unclassified, {format_number(recommendation.unclassified_weeks)} weeks: {numbers_text(vague)}, "
                    "left out of the split until rewritten",
                    style="bold yellow",
                )
            if unsure:
                apart.append("   " if apart else "")
                apart.append(f"? unsure: {numbers_text(unsure)}", style="bold")
            estimated = [number for number, task in enumerate(session.spec.tasks, start=1) if task.estimated]
            if estimated:
                apart.append("   " if apart else "")
                apart.append(f"~ weeks estimated: {numbers_text(estimated)}, set them", style="italic")
            if apart:
                line.append("\n")
                line.append_text(apart)
        update_text(self.query_one("#weeks-line", Static), line)
        self._show_evidence()

    def _show_evidence(self) -> None:
        text = self.query_one("#task-text", TaskText).text
        evidence = self.query_one("#task-evidence", Static)
        self._show_problem()
        if not text.strip():
            update_text(evidence, Text("Type a concrete task: what gets built, run or decided.", style="dim"))
            return
        result = classify_text(text, self.catalog)
        override = None
        if self.editing is not None and self.editing < len(self.spec.tasks):
            override = self.spec.tasks[self.editing].archetype
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
            line.append(f" {confidence_flag(result)}")
            if result.unsure:
                line.append(" unsure: press a in the list to set it", style="bold")
        words = [item.text for item in result.evidence if item.archetype == (override or result.archetype)]
        if words:
            line.append("  because: ", style="dim")
            line.append_text(literal(", ".join(words)))
        update_text(evidence, line)

    def _show_problem(self) -> None:
        """What is wrong with the task in the editor and how to fix it, as the core says it."""
        problem = self.query_one("#task-problem", Static)
        r = self.recommendation
        index = self.editing
        if r is None or index is None or index >= len(r.tasks):
            update_text(problem, "")
            problem.display = False
            return
        messages = task_problems(r, index + 1)
        problem.display = bool(messages)
        text = Text()
        for message in messages:
            if text:
                text.append("\n")
            text.append("! ", style="bold yellow")
            text.append_text(literal(message))
        update_text(problem, text)

    # ------------------------------------------------------------ editor

    def begin_new(self, focus: bool = True) -> None:
        self.editing = None
        update_text(
            self.query_one("#editor-label", Label), "New task: what will the hire do? Enter adds it, Esc goes back."
        )
        with self.prevent(Input.Changed, TextArea.Changed):
            self.query_one("#task-text", TaskText).text = ""
            self.query_one("#task-weeks", Input).value = "2"
            self.query_one("#task-outcome", Input).value = ""
        self._show_evidence()
        if focus:
            self.query_one("#task-text", TaskText).focus()

    def begin_edit(self) -> None:
        tasks = self.spec.tasks
        if not tasks:
            self.begin_new()
            return
        index = self.table.cursor_row
        self._load_editor(index, typing=True)
        self.query_one("#task-text", TaskText).focus()

    def _load_editor(self, index: int, typing: bool = False) -> None:
        """Show task `index` in the editor; `typing` when the lead is about to edit it,
        else it is only the task the list's cursor is on."""
        task = self.spec.tasks[index]
        self.editing = index
        update_text(
            self.query_one("#editor-label", Label),
            f"Task {index + 1}: changes apply as you type. Enter or Esc goes back to the list."
            if typing
            else f"Task {index + 1}: Enter edits it, n adds a new task.",
        )
        with self.prevent(Input.Changed, TextArea.Changed):
            self.query_one("#task-text", TaskText).text = task.text
            # In full, as typed: `:g` keeps six digits, and an edit would save them rounded.
            self.query_one("#task-weeks", Input).value = format_number(task.weeks, thousands=False)
            self.query_one("#task-outcome", Input).value = task.outcome or ""
        self._show_evidence()

    @on(DataTable.RowHighlighted, "#tasks")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        in_range = event.cursor_row is not None and 0 <= event.cursor_row < len(self.spec.tasks)
        typing = any(self.query_one(field).has_focus for field in ("#task-text", "#task-weeks", "#task-outcome"))
        if in_range and not typing:
            self._load_editor(event.cursor_row)

    @on(DataTable.RowSelected, "#tasks")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.begin_edit()

    @on(TextArea.Changed, "#task-text")
    @on(Input.Changed, "#task-weeks")
    def _typed(self, event: Input.Changed | TextArea.Changed) -> None:
        weeks_input = self.query_one("#task-weeks", Input)
        weeks = edits.parse_weeks(weeks_input.value)
        weeks_input.set_class(weeks is None, "-invalid")
        self._show_evidence()
        if self.editing is not None and self.editing >= len(self.spec.tasks):
            self.editing = None  # the task went away (deleted, undone): this is a new one now
        if self.editing is None:
            return
        text = self.query_one("#task-text", TaskText).text
        if not text.strip() or weeks is None:
            return
        # Checked above as the spec checks them, so the edit cannot be refused here.
        spec = edits.edit_task(self.spec, self.editing, text, weeks)
        # One undo step per task edit, however many keystrokes it takes.
        if self.edited(spec, f"tasks[{self.editing}]"):
            self._rows_to_refresh.add(self.editing)

    @on(Input.Changed, "#task-outcome")
    def _outcome_typed(self, event: Input.Changed) -> None:
        if self.editing is not None and self.editing >= len(self.spec.tasks):
            self.editing = None
        if self.editing is None:
            return  # a new task takes its outcome when Enter adds it
        spec = edits.set_task_outcome(self.spec, self.editing, event.input.value)
        self.edited(spec, f"tasks[{self.editing}].outcome")

    @on(TaskText.Submitted, "#task-text")
    @on(Input.Submitted, "#task-weeks")
    @on(Input.Submitted, "#task-outcome")
    def _submitted(self, event: Input.Submitted | TaskText.Submitted) -> None:
        if self.editing is not None:
            self.action_back_to_table()
            return
        text = self.query_one("#task-text", TaskText).text
        weeks = edits.parse_weeks(self.query_one("#task-weeks", Input).value)
        if not text.strip():
            self.tell("Type the task first.", severity="warning")
            return
        if weeks is None:
            self.tell(
                f"Weeks must be a number above 0 and at most {format_number(MAX_TASK_WEEKS)}.", severity="warning"
            )
            self.query_one("#task-weeks", Input).focus()
            return
        spec = edits.add_task(self.spec, text, weeks, self.query_one("#task-outcome", Input).value)
        if self.edited(spec):
            self._rebuild_at = len(self.spec.tasks) - 1
        self.begin_new()

    def action_back_to_table(self) -> None:
        self.editing = None if not self.spec.tasks else self.editing
        self.table.focus()
        if self.spec.tasks:
            self._load_editor(self.table.cursor_row)

    # ------------------------------------------------------------ list actions

    def delete_current(self) -> None:
        index = self.table.cursor_row
        if not 0 <= index < len(self.spec.tasks):
            return
        if self.edited(edits.remove_task(self.spec, index)):
            self._rebuild_at = index
        if not self.spec.tasks:
            self.begin_new()
        self.tell(f"Deleted task {index + 1}. Ctrl+Z brings it back.", timeout=3)

    def move_current(self, offset: int) -> None:
        if not self.spec.tasks:
            return
        index = self.table.cursor_row
        # Past either end the spec comes back as it was: nothing to hand on.
        if self.edited(edits.move_task(self.spec, index, offset)):
            self._rebuild_at = index + offset

    def cycle_override(self) -> None:
        if not self.spec.tasks:
            return
        index = self.table.cursor_row
        if self.edited(edits.cycle_task_archetype(self.spec, index)):
            self._rows_to_refresh.add(index)
        self._load_editor(index)

    @property
    def settled(self) -> bool:
        # An edit's rows are redrawn when the app shows the edited spec.
        return self._rebuild_at is None and not self._rows_to_refresh
