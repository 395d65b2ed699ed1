"""Step 4: the interview loop. A table of stages (order, length, take-home), then
the archetype's assessment triple, editable.

The table is the keyboard home: n adds a stage, d deletes, k cycles its kind, t
makes it a take-home or not, + and - change its length by 15 minutes, shift+up/down
move it (ctrl+z/ctrl+y undo and redo, as in every step). A spec with no stages of
its own shows the archetype's loop; the first change makes the loop the spec's.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import DescendantFocus
from textual.widgets import Button, DataTable, Static, TextArea

from rolescope import edits
from rolescope.interview_kit import loop_stages, stage_name
from rolescope.recommend import Recommendation
from rolescope.session import Session
from rolescope.spec import InterviewStage, RoleSpec
from rolescope.tui.fields import SafeTextArea, field_row, update_text
from rolescope.tui.steps.base import Step
from rolescope.tui.text import literal
from rolescope.wording import with_article

FIELDS = (
    ("technical_exercise", "Technical exercise: real work, aimed at where this archetype breaks"),
    ("interview_prompt", "Interview prompt: a broken-production or judgement scenario, not trivia"),
    ("operational_check", "Operational check: what the interviewers listen for"),
)
PLAN_HELP = "Each part of the plan is the archetype's until you edit it."
# Pairs of keys the footer shows under one description: "+- 15 min", "⇧↑⇧↓ Move".
LENGTH_KEYS = Binding.Group("15 min", compact=True)
MOVE_KEYS = Binding.Group("Move", compact=True)
STAGE_COLUMNS = (("#", 3), ("stage", None), ("minutes", 7), ("where", 9))


class StageTable(DataTable):
    BINDINGS = [
        Binding("n,insert", "stage('add')", "Add stage", id="stage.new"),
        Binding("d,delete", "stage('delete')", "Delete", id="stage.delete"),
        Binding("k", "stage('kind')", "Kind", id="stage.kind"),
        Binding("t", "stage('take_home')", "Take-home", id="stage.take_home"),
        Binding("plus,equals_sign", "stage('longer')", "+15 min", id="stage.longer", group=LENGTH_KEYS),
        Binding("minus", "stage('shorter')", "-15 min", id="stage.shorter", group=LENGTH_KEYS),
        Binding("shift+up", "stage('up')", "Move up", id="stage.up", group=MOVE_KEYS),
        Binding("shift+down", "stage('down')", "Move down", id="stage.down", group=MOVE_KEYS),
    ]

    def action_stage(self, change: str) -> None:
        step = next(ancestor for ancestor in self.ancestors if isinstance(ancestor, InterviewStep))
        step.change_stage(change, self.cursor_row)


class InterviewStep(Step):
    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self._archetype: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="interview-intro")
        table = StageTable(id="stages", cursor_type="row", zebra_stripes=False)
        for label, width in STAGE_COLUMNS:
            table.add_column(label, width=width, key=label)
        yield table
        yield Static("", id="stages-help", classes="help-line")
        # Compact rows: the label names the part, the line under them says what it is for.
        for key, label in FIELDS:
            name, _ = label.split(":", 1)
            area = SafeTextArea(id=f"plan-{key}", soft_wrap=True, show_line_numbers=False, classes="plan")
            yield field_row(name, area, classes="plan-row")
        with Horizontal(id="plan-foot"):
            yield Static(PLAN_HELP, id="plan-help", classes="help-line")
            yield Button("Reset to the archetype's plan", id="plan-reset", compact=True)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        guide = dict(FIELDS).get((event.widget.id or "").removeprefix("plan-"))
        update_text(self.query_one("#plan-help", Static), guide or PLAN_HELP)

    # ------------------------------------------------------------ the plan's text

    def _defaults(self) -> dict[str, str]:
        r = self.recommendation
        archetype = r.hire_archetype if r else "developer"
        return self.catalog.archetypes[archetype].assessment.model_dump()

    def load(self, session: Session) -> None:
        self._fill(session.spec)
        self._fill_stages(session.spec)

    def _fill(self, spec: RoleSpec) -> None:
        defaults = self._defaults()
        own = spec.interview
        with self.prevent(TextArea.Changed):
            for key, _ in FIELDS:
                area = self.query_one(f"#plan-{key}", TextArea)
                value = getattr(own, key) or defaults[key]
                if area.text != value:
                    area.text = value

    def show(self, session: Session, r: Recommendation | None) -> None:
        archetype = r.hire_archetype if r else None
        intro = self.query_one("#interview-intro", Static)
        if archetype is None:
            update_text(
                intro, "The plan follows the archetype; add tasks to get one. Until then this is the developer's plan."
            )
        else:
            name = self.catalog.archetypes[archetype].name.lower()
            if r is not None and r.split:
                # The stages edited here go with the larger role (see split.py); the
                # other role's kit follows its own archetype's loop.
                lead, other = r.split
                update_text(
                    intro,
                    f"The {lead.title}'s loop ({with_article(name)}); "
                    f"the {other.title} gets {with_article(other.archetype)}'s loop in its own kit:",
                )
            else:
                update_text(intro, f"The loop for {with_article(name)}, aimed at where that archetype breaks:")
        if archetype != self._archetype:
            # The archetype changed: parts the lead did not edit follow it.
            self._archetype = archetype
            self._fill(session.spec)
        self._fill_stages(session.spec)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        area_id = event.text_area.id or ""
        if not area_id.startswith("plan-"):
            return
        # Only the part the lead changed: the others stay as the spec has them.
        key = area_id.removeprefix("plan-")
        # The archetype's own text, or none, follows the archetype: no override.
        spec = edits.set_assessment(self.spec, key, event.text_area.text, self._defaults()[key])
        self.edited(spec, f"interview.{event.text_area.id}")

    @on(Button.Pressed, "#plan-reset")
    def _reset(self) -> None:
        self.edited(edits.reset_interview(self.spec))
        self._fill(self.spec)
        self._fill_stages(self.spec)

    # ------------------------------------------------------------ the stages

    def stages(self, spec: RoleSpec) -> list[InterviewStage]:
        """The loop on screen: the spec's stages, else the archetype's."""
        r = self.recommendation
        if spec.interview.stages or r is None:
            return list(spec.interview.stages) or list(self.catalog.interview.loops["developer"])
        return loop_stages(spec, r, self.catalog)

    def _fill_stages(self, spec: RoleSpec, cursor: int | None = None) -> None:
        table = self.query_one("#stages", StageTable)
        stages = self.stages(spec)
        row = table.cursor_row if cursor is None else cursor
        own = bool(spec.interview.stages)
        table.clear()
        for number, stage in enumerate(stages, start=1):
            style = "" if own else "dim"
            table.add_row(
                Text(str(number), style=style),
                literal(stage_name(stage, self.catalog), style),
                Text(str(stage.minutes), style=style, justify="right"),
                Text("take-home" if stage.take_home else "live", style=style),
            )
        table.styles.height = len(stages) + 1
        if stages:
            table.move_cursor(row=max(0, min(row, len(stages) - 1)), animate=False)
        live = sum(stage.minutes for stage in stages if not stage.take_home)
        home = sum(stage.minutes for stage in stages if stage.take_home)
        totals = f"{len(stages)} stages, {live} min live" + (f" + {home} take-home" if home else "")
        whose = "" if own else " (the archetype's)"
        keys = "n d k t + - shift+↑↓"
        update_text(self.query_one("#stages-help", Static), f"{totals}{whose} · keys: {keys}")

    def change_stage(self, change: str, row: int) -> None:
        """One edit of the loop from the table; each is an undo step of its own, except
        a run of length changes to one stage, which undoes as one."""
        spec = self.spec
        stages = self.stages(spec)
        group: str | None = None
        cursor = row
        if change == "add":
            spec, cursor = edits.add_stage(spec, stages, row)
        elif not 0 <= row < len(stages):
            return
        elif change == "delete":
            spec = edits.remove_stage(spec, stages, row)
        elif change == "kind":
            spec = edits.cycle_stage_kind(spec, stages, row)
        elif change == "take_home":
            spec = edits.toggle_take_home(spec, stages, row)
        elif change in ("longer", "shorter"):
            spec = edits.change_stage_minutes(spec, stages, row, 1 if change == "longer" else -1)
            group = f"interview.stages[{row + 1}].minutes"
        elif change in ("up", "down"):
            cursor = row + (-1 if change == "up" else 1)
            if not 0 <= cursor < len(stages):
                return
            spec = edits.move_stage(spec, stages, row, cursor - row)
        self.edited(spec, group)
        self._fill_stages(self.spec, cursor)
