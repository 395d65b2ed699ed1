"""Step 4: the interview plan: the archetype's assessment triple, editable."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Label, Static, TextArea

from rolescope.recommend import Recommendation
from rolescope.session import Session
from rolescope.spec import Interview
from rolescope.tui.fields import SafeTextArea
from rolescope.tui.steps.base import Step

FIELDS = (
    ("technical_exercise", "Technical exercise: real work, aimed at where this archetype breaks"),
    ("interview_prompt", "Interview prompt: a broken-production or judgement scenario, not trivia"),
    ("operational_check", "Operational check: what the interviewers listen for"),
)


class InterviewStep(Step):
    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self._archetype: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="interview-intro")
        for key, label in FIELDS:
            yield Label(label, classes="field-label")
            yield SafeTextArea(id=f"plan-{key}", soft_wrap=True, show_line_numbers=False, classes="plan")
        yield Button("Reset to the archetype's plan", id="plan-reset")

    def _defaults(self) -> dict[str, str]:
        r = self.session.recommendation
        archetype = r.hire_archetype if r else "developer"
        return self.catalog.archetypes[archetype].assessment.model_dump()

    def load(self, session: Session) -> None:
        self._fill(session)

    def _fill(self, session: Session) -> None:
        defaults = self._defaults()
        own = session.spec.interview.model_dump()
        with self.prevent(TextArea.Changed):
            for key, _ in FIELDS:
                area = self.query_one(f"#plan-{key}", TextArea)
                value = own[key] or defaults[key]
                if area.text != value:
                    area.text = value

    def show(self, session: Session, r: Recommendation | None) -> None:
        archetype = r.hire_archetype if r else None
        intro = self.query_one("#interview-intro", Static)
        if archetype is None:
            intro.update(
                "The plan follows the archetype; add tasks to get one. Until then this is the developer's plan."
            )
        else:
            name = self.catalog.archetypes[archetype].name.lower()
            intro.update(
                f"The loop for a {name}, aimed at where that archetype breaks. Edit any part; "
                "what you change is saved in the spec."
            )
        if archetype != self._archetype:
            # The archetype changed: parts the lead did not edit follow it.
            self._archetype = archetype
            self._fill(session)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        if not (event.text_area.id or "").startswith("plan-"):
            return
        defaults = self._defaults()
        values = {}
        for key, _ in FIELDS:
            text = self.query_one(f"#plan-{key}", TextArea).text
            values[key] = text if text.strip() and text != defaults[key] else None
        spec = self.session.spec
        interview = spec.interview.model_copy(update=values)
        self.edited(spec.model_copy(update={"interview": interview}), f"interview.{event.text_area.id}")

    @on(Button.Pressed, "#plan-reset")
    def _reset(self) -> None:
        spec = self.session.spec
        self.edited(spec.model_copy(update={"interview": Interview()}))
        self._fill(self.session)
