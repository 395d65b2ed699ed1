"""Step 3: the recommendation: verdict, archetype, title (editable), team,
PhD-justifying work, warnings, reasons; on a split, the two roles side by side."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Static

from rolescope import edits
from rolescope.numbers import format_number
from rolescope.recommend import Recommendation, pct
from rolescope.session import Session
from rolescope.tui.fields import SafeInput, field_row, update_text
from rolescope.tui.steps.base import Step
from rolescope.tui.steps.work import ARCHETYPE_STYLE
from rolescope.tui.text import literal

HIRE_LONG = {
    "engineer": "Hire an engineer who is curious about ML",
    "phd": "Hire a research-trained person (PhD-level), with engineering support",
    "split": "Two roles in one req: split it",
}


class RecommendationStep(Step):
    def compose(self) -> ComposeResult:
        yield Static("", id="verdict")
        yield field_row("Title", SafeInput(id="title", select_on_focus=False), id="title-row")
        yield Label("Leave the title empty for the recommended one.", classes="help-line under-field", id="title-label")
        yield Static("", id="archetype-line")
        with Horizontal(id="split-roles"):
            yield Static("", id="split-a", classes="split-role")
            yield Static("", id="split-b", classes="split-role")
        yield Button("Save the two roles as two specs", id="save-split", variant="warning")
        yield Static("", id="team-advice", classes="panel")
        yield Static("", id="funnel", classes="panel")
        yield Static("", id="phd-tasks", classes="panel")
        yield Static("", id="warnings", classes="panel")
        yield Static("", id="reasons", classes="panel")

    def load(self, session: Session) -> None:
        with self.prevent(Input.Changed):
            self.query_one("#title", Input).value = session.spec.role.title or ""

    @on(Input.Changed, "#title")
    def _title(self, event: Input.Changed) -> None:
        # The widget, not the event: a Changed queued before an undo refilled it is stale.
        self.edited(edits.set_title(self.spec, event.input.value), "role.title")

    @on(Button.Pressed, "#save-split")
    def _save_split(self) -> None:
        self.post_message(self.Act("save_split"))

    def show(self, session: Session, r: Recommendation | None) -> None:
        verdict = self.query_one("#verdict", Static)
        split_row = self.query_one("#split-roles")
        split_button = self.query_one("#save-split")
        if r is None:
            update_text(verdict, Text("Add tasks on step 2 (the six-month work) to get a recommendation.", style="dim"))
            for widget in ("#archetype-line", "#team-advice", "#funnel", "#phd-tasks", "#warnings", "#reasons"):
                update_text(self.query_one(widget, Static), "")
            split_row.display = split_button.display = False
            return
        line = Text()
        line.append(HIRE_LONG[r.hire], style="bold")
        line.append(f"  ({r.strength_label}: {pct(r.engineering_share)} engineering, {pct(r.research_share)} research)")
        update_text(verdict, line)
        title_input = self.query_one("#title", Input)
        title_input.placeholder = r.recommended_title
        info = self.catalog.archetypes[r.hire_archetype]
        archetype = Text()
        archetype.append("Archetype: ", style="bold")
        archetype.append(info.name, style=f"bold {ARCHETYPE_STYLE[r.hire_archetype]}")
        archetype.append(f", prevents {self.catalog.failures[info.prevents].label}. ")
        archetype.append(f"Recommended title: {r.recommended_title}", style="italic")
        archetype.append(f" ({r.title_reason}).", style="dim")
        update_text(self.query_one("#archetype-line", Static), archetype)

        split_row.display = split_button.display = bool(r.split)
        # A split names two titles of its own; one title for the req would mislead.
        # The field itself too: one in a hidden row would still take focus.
        for widget_id in ("#title-label", "#title-row", "#title", "#archetype-line"):
            self.query_one(widget_id).display = not r.split
        for widget_id, role in zip(("#split-a", "#split-b"), r.split):
            text = Text()
            text.append(role.title, style="bold")
            text.append(
                f"\n{self.catalog.archetypes[role.archetype].name} · {format_number(role.weeks)} weeks ({pct(role.share)})\n"
            )
            for number in role.task_numbers:
                task = session.spec.tasks[number - 1]
                text.append(f"{number:>3}. ")
                text.append_text(literal(task.text))
                text.append(f" ({format_number(task.weeks)} wk)\n", style="dim")
            update_text(self.query_one(widget_id, Static), text)

        team = Text()
        team.append("Team\n", style="bold")
        team.append("\n".join(r.team.sentences))
        update_text(self.query_one("#team-advice", Static), team)

        funnel = Text()
        funnel.append("Where to look: by skills, not the exact title\n", style="bold")
        for place in r.funnel:
            funnel.append("• ")
            funnel.append_text(literal(place))
            funnel.append("\n")
        update_text(self.query_one("#funnel", Static), funnel)

        phd = Text()
        phd.append("Work that could justify research training\n", style="bold")
        if r.phd_tasks:
            for item in r.phd_tasks:
                phd.append(f"  task {item.number}: ")
                phd.append_text(literal(item.task.text))
                phd.append(f"\n     {'; '.join(item.phd_reasons)}\n", style="dim")
        else:
            phd.append(
                "None: no task trains your own models from scratch, tackles a novel problem, builds core ML "
                "infrastructure or evaluates research.",
                style="dim",
            )
        update_text(self.query_one("#phd-tasks", Static), phd)

        warnings = Text()
        warnings.append("Warnings\n", style="bold")
        if r.warnings:
            for warning in r.warnings:
                warnings.append("! ", style="bold yellow")
                warnings.append_text(literal(warning))
                warnings.append("\n")
        else:
            warnings.append("None.", style="dim")
        update_text(self.query_one("#warnings", Static), warnings)

        reasons = Text()
        reasons.append("Why\n", style="bold")
        for reason in r.reasons:
            reasons.append("• ")
            reasons.append_text(literal(reason))
            reasons.append("\n")
        update_text(self.query_one("#reasons", Static), reasons)
