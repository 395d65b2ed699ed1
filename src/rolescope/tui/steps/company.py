"""Step 1: the company, its stage, the mission, the team and the next failure."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, SelectionList, Static, TextArea

from rolescope import edits
from rolescope.session import Session
from rolescope.spec import ARCHETYPES, FAILURES
from rolescope.tui.fields import CheckList, LineArea, SafeInput, field_row, update_text
from rolescope.tui.steps.base import Step

NO_FAILURE = "none"


class CompanyStep(Step):
    def compose(self) -> ComposeResult:
        catalog = self.catalog
        # Selects start on the spec's values: one set later could be undone by the
        # widget's own first Changed message.
        spec = self.spec
        yield field_row(
            "Company name", SafeInput(placeholder="e.g. Lumen Docs", id="company-name", select_on_focus=False)
        )
        yield field_row(
            "Stage",
            Select(
                [(f"{info.name}: {info.situation}", key) for key, info in catalog.stages.items()],
                allow_blank=False,
                value=spec.company.stage,
                id="company-stage",
            ),
        )
        yield Static("", id="stage-help", classes="help-line under-field")
        yield field_row(
            "Mission",
            LineArea(
                placeholder="one sentence of business impact: what changes, for whom",
                id="mission",
            ),
        )
        with Horizontal(id="team-row"):
            with Vertical():
                yield Label("Already on the ML team", classes="field-label")
                yield CheckList(
                    *[(catalog.archetypes[a].name, a, a in spec.team.current) for a in ARCHETYPES], id="team-current"
                )
            with Vertical():
                yield Label("Failure to prevent next", classes="field-label")
                yield Select(
                    [("Not decided", NO_FAILURE)]
                    + [(f"{catalog.failures[f].label} ({catalog.failures[f].archetype})", f) for f in FAILURES],
                    allow_blank=False,
                    value=spec.team.next_failure or NO_FAILURE,
                    id="next-failure",
                    compact=True,
                )

    def load(self, session: Session) -> None:
        spec = session.spec
        with self.prevent(Input.Changed, TextArea.Changed, Select.Changed, SelectionList.SelectedChanged):
            self.query_one("#company-name", Input).value = spec.company.name
            self.query_one("#company-stage", Select).value = spec.company.stage
            self.query_one("#mission", LineArea).text = spec.role.mission or ""
            team = self.query_one("#team-current", SelectionList)
            team.deselect_all()
            for archetype in spec.team.current:
                team.select(archetype)
            self.query_one("#next-failure", Select).value = spec.team.next_failure or NO_FAILURE
        self._stage_help(spec.company.stage)

    def _stage_help(self, stage: str) -> None:
        info = self.catalog.stages[stage]
        team = " + ".join(self.catalog.archetypes[a].name.lower() for a in info.team)
        update_text(
            self.query_one("#stage-help", Static), f"Calls for: {team}. Next to break: {info.next_break.lower()}."
        )

    @on(Input.Changed, "#company-name")
    def _company_name(self, event: Input.Changed) -> None:
        # Fields are read from the widget, not the event: a Changed queued before an
        # undo refilled the field is stale.
        self.edited(edits.set_company_name(self.spec, event.input.value), "company.name")

    @on(Select.Changed, "#company-stage")
    def _stage(self, event: Select.Changed) -> None:
        # Read the widget, not the event: a Changed queued at mount may arrive after load().
        stage = str(event.select.value)
        self._stage_help(stage)
        self.edited(edits.set_stage(self.spec, stage), "company.stage")

    @on(TextArea.Changed, "#mission")
    def _mission(self, event: TextArea.Changed) -> None:
        self.edited(edits.set_mission(self.spec, event.text_area.text), "role.mission")

    @on(SelectionList.SelectedChanged, "#team-current")
    def _team(self, event: SelectionList.SelectedChanged) -> None:
        self.edited(edits.set_team(self.spec, event.selection_list.selected), "team.current")

    @on(Select.Changed, "#next-failure")
    def _failure(self, event: Select.Changed) -> None:
        value = event.select.value
        failure = None if value == NO_FAILURE else str(value)
        self.edited(edits.set_next_failure(self.spec, failure), "team.next_failure")
