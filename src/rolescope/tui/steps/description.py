"""Step 5: the job description: skills, pay, location, and a live preview."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Markdown, Select, Static, TextArea

from rolescope.jd import render_jd
from rolescope.numbers import format_number, parse_number
from rolescope.recommend import Recommendation
from rolescope.session import Session
from rolescope.spec import Pay
from rolescope.tui.fields import SafeInput, SafeTextArea
from rolescope.tui.steps.base import Step

PERIODS = (("per year", "year"), ("per month", "month"), ("per hour", "hour"))


def parse_amount(value: str) -> float | None:
    """An amount exactly as typed (thousands separators allowed), or None."""
    amount = parse_number(value.replace(",", "").replace("_", ""))
    return amount if amount is not None and amount <= 1e9 else None


# From this content width (a 112-column terminal) the preview sits beside the form.
WIDE = 110


class DescriptionStep(Step):
    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        # The preview renders in the background, one document at a time: Markdown
        # updates that overlap would interleave their blocks.
        self._preview_wanted = ""
        self._preview_shown: str | None = None
        self._preview_rendering = False

    def compose(self) -> ComposeResult:
        with Vertical(id="jd-form"):
            yield from self._form()
        with Vertical(id="jd-preview"):
            yield Label("Preview", classes="field-label")
            yield Markdown(id="preview")

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")

    def _form(self) -> ComposeResult:
        yield Label("Location", classes="field-label")
        yield SafeInput(placeholder="e.g. Remote, UTC-5 to UTC+1", id="location", select_on_focus=False)
        yield Label("Pay range (leave empty to leave it out)", classes="field-label")
        with Horizontal(id="pay-row"):
            yield Input(placeholder="min", id="pay-min", restrict=r"[0-9.,_]*")
            yield Input(placeholder="max", id="pay-max", restrict=r"[0-9.,_]*")
            yield SafeInput(value="USD", placeholder="USD", id="pay-currency", max_length=3)
            pay = self.session_at_start.spec.role.pay
            yield Select(PERIODS, value=pay.period if pay else "year", allow_blank=False, id="pay-period")
        yield Static("", id="pay-help", classes="help-line")
        with Horizontal(id="skills-row"):
            with Vertical():
                yield Label("Must-have skills", classes="field-label")
                yield SafeTextArea(
                    id="must-have",
                    soft_wrap=True,
                    classes="skills",
                    placeholder="One per line. Left empty, the archetype's own list is used.",
                )
            with Vertical():
                yield Label("Nice-to-have skills", classes="field-label")
                yield SafeTextArea(
                    id="nice-to-have",
                    soft_wrap=True,
                    classes="skills",
                    placeholder="One per line. Left empty, the archetype's own list is used.",
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

    def _role_from_inputs(self):
        role = self.session.spec.role
        location = self.query_one("#location", Input).value
        must = [line.strip() for line in self.query_one("#must-have", TextArea).text.splitlines() if line.strip()]
        nice = [line.strip() for line in self.query_one("#nice-to-have", TextArea).text.splitlines() if line.strip()]
        pay, problem = self._pay()
        self.query_one("#pay-help", Static).update(problem)
        updates: dict[str, object] = {
            "location": location if location.strip() else None,
            "must_have": must,
            "nice_to_have": nice,
        }
        if problem == "":
            updates["pay"] = pay
        return role.model_copy(update=updates)

    def _pay(self) -> tuple[Pay | None, str]:
        low_text = self.query_one("#pay-min", Input).value
        high_text = self.query_one("#pay-max", Input).value
        if not low_text.strip() and not high_text.strip():
            return None, ""
        low, high = parse_amount(low_text), parse_amount(high_text)
        currency = self.query_one("#pay-currency", Input).value.strip().upper()
        if low is None or high is None:
            return None, "Give both ends of the pay range as plain numbers (at most 1,000,000,000)."
        if high < low:
            return None, "The maximum is below the minimum."
        if len(currency) != 3 or not currency.isalpha() or not currency.isascii():
            return None, "The currency is a three-letter code such as USD or EUR."
        period = self.query_one("#pay-period", Select).value
        return Pay.model_validate({"min": low, "max": high, "currency": currency, "period": period}), ""

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def _changed(self, event) -> None:
        event.stop()
        spec = self.session.spec
        self.edited(spec.model_copy(update={"role": self._role_from_inputs()}), f"role.{event.control.id}")

    def show(self, session: Session, r: Recommendation | None) -> None:
        # Rendering Markdown is the priciest redraw: only while the step is on screen.
        if not self.on_screen:
            return
        if r is None:
            self._preview_wanted = "*The description appears once there is at least one task.*"
        else:
            self._preview_wanted = render_jd(session.spec, r, self.catalog)
        if not self._preview_rendering and self._preview_wanted != self._preview_shown:
            self._preview_rendering = True
            self.run_worker(self._render_preview(), group="preview")

    async def _render_preview(self) -> None:
        """Render until the preview shows the latest text; a burst of keystrokes
        costs one render after the one under way, not one each."""
        preview = self.query_one("#preview", Markdown)
        try:
            while self._preview_shown != self._preview_wanted:
                text = self._preview_wanted
                await preview.update(text)
                self._preview_shown = text
        finally:
            self._preview_rendering = False

    @property
    def settled(self) -> bool:
        return not self.on_screen or self._preview_shown == self._preview_wanted
