"""Step 5: the job description: skills, pay, location, a live preview of the
document the core decides, and its findings, each pointing at the field or task
it came from (Enter on one goes there). The preview is a pane of its own: Tab
reaches it, and the arrows and Page Up/Down scroll it."""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from rolescope import edits
from rolescope.document import build_document
from rolescope.findings import RANK, Finding
from rolescope.jd import render_markdown
from rolescope.numbers import format_number
from rolescope.recommend import Recommendation
from rolescope.session import Session
from rolescope.spec import RoleSpec
from rolescope.tui.fields import SafeInput, SafeTextArea, field_row, update_text
from rolescope.tui.steps.base import Step
from rolescope.tui.text import literal

PERIODS = (("per year", "year"), ("per month", "month"), ("per hour", "hour"))


# From this content width (a 112-column terminal) the preview sits beside the form.
WIDE = 110

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold"}

# Where a spec field is edited: (step, widget). Fields the description drafted from
# the presets go where the lead would write their own.
_FIELD_PLACES: tuple[tuple[str, str, str], ...] = (
    (r"^role\.title", "recommendation", "#title"),
    (r"^(role\.mission|presets:archetypes\.\w+\.mission)", "company", "#mission"),
    (r"^company\.name", "company", "#company-name"),
    (r"^company\.stage", "company", "#company-stage"),
    (r"^team\.current", "company", "#team-current"),
    (r"^team\.next_failure", "company", "#next-failure"),
    (r"^role\.location", "description", "#location"),
    (r"^role\.pay", "description", "#pay-min"),
    (r"^(role|presets:archetypes\.\w+)\.must_have", "description", "#must-have"),
    (r"^(role|presets:archetypes\.\w+)\.nice_to_have", "description", "#nice-to-have"),
)
_INTERVIEW = re.compile(r"^(interview|presets:archetypes\.\w+\.assessment)\.(\w+)")
_SKILL_LINE = re.compile(r"^role\.\w+\[(\d+)\]")
# Findings about the document as a whole, by the section the lead fills in.
_RULE_PLACES = {
    "missing-mission": ("company", "#mission"),
    "missing-must-have": ("description", "#must-have"),
    "missing-nice-to-have": ("description", "#nice-to-have"),
    "missing-interview": ("interview", "#plan-technical_exercise"),
    "missing-pay": ("description", "#pay-min"),
    "pay-not-a-range": ("description", "#pay-min"),
    "pay-range-required": ("description", "#pay-min"),
    "missing-outcomes": ("work", "#tasks"),
    "title-contradicts-spec": ("recommendation", "#title"),
}


def place_of(finding: Finding) -> tuple[str, str] | None:
    """The step and widget where the lead fixes what `finding` is about, or None."""
    field = finding.field or ""
    if finding.task is not None or field.startswith("tasks"):
        return "work", "#tasks"
    for pattern, step, widget in _FIELD_PLACES:
        if re.match(pattern, field):
            return step, widget
    interview = _INTERVIEW.match(field)
    if interview:
        key = "technical_exercise" if interview.group(2) == "candidate_check" else interview.group(2)
        return "interview", f"#plan-{key}"
    return _RULE_PLACES.get(finding.rule)


def where_text(finding: Finding) -> str:
    """The finding's place as the lead reads it: "task 4", "role.must_have[2]"."""
    if finding.task is not None:
        return f"task {finding.task}"
    field = finding.field or ""
    # A field the lead can find ("role.must_have[2]"); not a whole list or a preset.
    specific = "." in field or "[" in field
    return field if specific and not field.startswith("presets:") else ""


class PreviewPane(VerticalScroll, can_focus=True):
    """The rendered description, scrolled from the keyboard when focused. On a
    narrow terminal it takes the form's room while it has focus (`-reading`)."""

    def on_focus(self) -> None:
        self._reading(True)

    def on_blur(self) -> None:
        self._reading(False)

    def _reading(self, reading: bool) -> None:
        for step in self.ancestors:
            if isinstance(step, DescriptionStep):
                step.set_class(reading, "-reading")


class FindingList(OptionList):
    """The description's findings; Enter on one goes to the field or task it names."""


class DescriptionStep(Step):
    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        # The preview renders in the background, one document at a time: Markdown
        # updates that overlap would interleave their blocks.
        self._preview_wanted = ""
        self._preview_shown: str | None = None
        self._preview_rendering = False
        self.findings: list[Finding] = []
        self._findings_listed: tuple[tuple[str, str, str], ...] | None = None

    def compose(self) -> ComposeResult:
        # Textual's Markdown (and its parser) loads with the step, after the first frame.
        from rolescope.tui.preview import LivePreview

        with Vertical(id="jd-form"):
            yield from self._form()
        with Vertical(id="jd-preview"):
            yield Label("Findings", classes="field-label", id="findings-label")
            yield FindingList(id="findings")
            pane = PreviewPane(id="preview-pane")
            pane.border_title = "Preview · Tab to it, then ↑↓ PgUp PgDn"
            with pane:
                yield LivePreview(id="preview")

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")
        self.set_class(self.size.width < WIDE, "-narrow")

    def _form(self) -> ComposeResult:
        yield field_row(
            "Location",
            SafeInput(placeholder="e.g. Remote, UTC-5 to UTC+1", id="location", select_on_focus=False),
            classes="first-row",
        )
        pay = self.spec.role.pay
        with Horizontal(id="pay-row", classes="field-row"):
            yield Label("Pay range", classes="row-label")
            yield Input(placeholder="min, or none", id="pay-min", restrict=r"[0-9.,_]*", compact=True)
            yield Label("to", id="pay-to")
            yield Input(placeholder="max", id="pay-max", restrict=r"[0-9.,_]*", compact=True)
            yield SafeInput(value="USD", placeholder="USD", id="pay-currency", max_length=3, compact=True)
            yield Select(PERIODS, value=pay.period if pay else "year", allow_blank=False, id="pay-period", compact=True)
        yield Static("", id="pay-help", classes="help-line under-field")
        for label, key in (("Must-have", "must-have"), ("Nice-to-have", "nice-to-have")):
            yield field_row(
                label,
                SafeTextArea(
                    id=key,
                    soft_wrap=True,
                    classes="skills",
                    placeholder="One per line; left empty, the archetype's own list is used.",
                ),
                classes="skills-row",
            )

    def load(self, session: Session) -> None:
        role = session.spec.role
        with self.prevent(Input.Changed, Select.Changed, TextArea.Changed):
            self.query_one("#location", Input).value = role.location or ""
            pay = role.pay
            # In full, as typed: `:g` would show 2345678 as 2.34568e+06 and save it rounded.
            self.query_one("#pay-min", Input).value = format_number(pay.min, thousands=False) if pay else ""
            self.query_one("#pay-max", Input).value = format_number(pay.max, thousands=False) if pay else ""
            self.query_one("#pay-currency", Input).value = pay.currency if pay else "USD"
            self.query_one("#pay-period", Select).value = pay.period if pay else "year"
            self.query_one("#must-have", TextArea).text = "\n".join(role.must_have)
            self.query_one("#nice-to-have", TextArea).text = "\n".join(role.nice_to_have)

    def _edit(self, changed: str) -> RoleSpec:
        """The spec with the one field the lead changed taken from its input: the
        others stay as the spec has them (a list read back from its box is tidied,
        which must not happen to a list nobody touched)."""
        spec = self.spec
        if changed == "location":
            return edits.set_location(spec, self.query_one("#location", Input).value)
        if changed in ("must-have", "nice-to-have"):
            text = self.query_one(f"#{changed}", TextArea).text
            return edits.set_skills(spec, changed.replace("-", "_"), text.splitlines())
        if changed.startswith("pay-"):
            problem = ""
            try:
                spec = self._pay(spec)
            except edits.EditError as error:
                problem = error.problem
            help_line = self.query_one("#pay-help", Static)
            update_text(help_line, problem)
            help_line.display = bool(problem)
        return spec

    def _pay(self, spec: RoleSpec) -> RoleSpec:
        low_text = self.query_one("#pay-min", Input).value
        high_text = self.query_one("#pay-max", Input).value
        if not low_text.strip() and not high_text.strip():
            return edits.clear_pay(spec)
        return edits.set_pay(
            spec,
            edits.parse_amount(low_text),
            edits.parse_amount(high_text),
            self.query_one("#pay-currency", Input).value,
            str(self.query_one("#pay-period", Select).value),
        )

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def _changed(self, event) -> None:
        event.stop()
        changed = event.control.id or ""
        self.edited(self._edit(changed), f"role.{changed}")

    def show(self, session: Session, r: Recommendation | None) -> None:
        # Rendering Markdown is the priciest redraw: only while the step is on screen.
        if not self.on_screen:
            return
        if r is None:
            self._preview_wanted = "*The description appears once there is at least one task.*"
            self.findings = []
        else:
            # Loaded on the step's first showing: the first frame waits for none of the linter.
            from rolescope.lint_spec import description_findings

            # One document: the preview renders it and the findings are its own, the
            # linter's, and what `lint --spec` says of what export publishes.
            document = build_document(session.spec, r, self.catalog)
            self._preview_wanted = render_markdown(document)
            found = [*document.findings, *description_findings(document, session.spec, r, self.catalog)]
            self.findings = sorted(found, key=lambda finding: -RANK[finding.severity])
        self._show_findings()
        if not self._preview_rendering and self._preview_wanted != self._preview_shown:
            self._preview_rendering = True
            self.run_worker(self._render_preview(), group="preview")

    def _show_findings(self) -> None:
        counts = [
            f"{count} {severity}{'s' if count > 1 and severity != 'info' else ''}"
            for severity in ("error", "warning", "info")
            if (count := sum(finding.severity == severity for finding in self.findings))
        ]
        update_text(
            self.query_one("#findings-label", Label),
            f"Findings: {', '.join(counts)}; Enter goes to the field" if counts else "Findings",
        )
        findings_list = self.query_one(FindingList)
        # The list is rebuilt only when what it says changes: most keystrokes change
        # no finding, and rebuilding lays the whole screen out again.
        listed = tuple((finding.severity, where_text(finding), finding.message) for finding in self.findings)
        if listed == self._findings_listed:
            return
        self._findings_listed = listed
        highlighted = findings_list.highlighted
        findings_list.clear_options()
        if not listed:
            findings_list.add_option(Option(Text("No findings: the description reads clean.", style="dim"), id="none"))
            return
        options = []
        for number, (severity, where, message) in enumerate(listed):
            prompt = Text()
            prompt.append(f"{severity:<7} ", style=SEVERITY_STYLE.get(severity, "bold"))
            if where:
                prompt.append(f"{where}: ", style="bold")
            prompt.append_text(literal(message))
            options.append(Option(prompt, id=str(number)))
        findings_list.add_options(options)
        if highlighted is not None:
            findings_list.highlighted = min(highlighted, len(options) - 1)

    @on(OptionList.OptionSelected, "#findings")
    def _finding_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in (None, "none"):
            return
        self.go_to(self.findings[int(event.option.id)])

    def go_to(self, finding: Finding) -> None:
        """Ask the app for the field or task `finding` is about, on its own step."""
        place = place_of(finding)
        if place is None:
            self.tell("This finding is about the description as a whole.", timeout=3)
            return
        step_id, selector = place
        field = "outcome" if (finding.field or "").endswith(".outcome") else "text"
        line = _SKILL_LINE.match(finding.field or "")
        self.post_message(self.GoTo(step_id, selector, finding.task, field, int(line.group(1)) if line else 0))

    async def _render_preview(self) -> None:
        """Render until the preview shows the latest text; a burst of keystrokes
        costs one render after the one under way, not one each."""
        from rolescope.tui.preview import LivePreview

        preview = self.query_one("#preview", LivePreview)
        try:
            while self._preview_shown != self._preview_wanted:
                text = self._preview_wanted
                await preview.show(text)
                self._preview_shown = text
        finally:
            self._preview_rendering = False

    @property
    def settled(self) -> bool:
        return not self.on_screen or self._preview_shown == self._preview_wanted
