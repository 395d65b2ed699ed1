from __future__ import annotations

from textual.containers import VerticalScroll
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.widgets import TextArea

from rolescope.recommend import Recommendation
from rolescope.session import Session
from rolescope.spec import RoleSpec


class Step(VerticalScroll):
    """A step shows what the app hands it and posts the lead's changes up.

    State comes down in two calls from the app: `load` fills the inputs from the
    spec (a new or restored spec, undo), `show` redraws what is derived from it
    (after every change). Changes go up as messages (`Edited`, `GoTo`, `Tell`,
    `Act`); the app owns the session and answers with `show`. Inputs are never
    rewritten while the lead types in them."""

    class Edited(Message):
        """The lead changed the spec. Edits in one `group` in a row (a field's
        keystrokes) undo as one step; None makes an undo step of its own."""

        def __init__(self, spec: RoleSpec, group: str | None = None) -> None:
            super().__init__()
            self.spec, self.group = spec, group

    class FieldLeft(Message):
        """Focus left a field: coming back to it starts a new undo step."""

    class GoTo(Message):
        """Take the lead to a step and, if given, a widget on it (`selector`), a task
        (1-based) and its field ("text", "weeks", "outcome"), or a line of a text box."""

        def __init__(
            self, step_id: str, selector: str | None = None, task: int | None = None, field: str = "text", line: int = 0
        ) -> None:
            super().__init__()
            self.step_id, self.selector, self.task, self.field, self.line = step_id, selector, task, field, line

    class Tell(Message):
        """A line for the lead, shown as a notification (plain text, never markup)."""

        def __init__(self, text: str, severity: SeverityLevel = "information", timeout: float | None = None) -> None:
            super().__init__()
            self.text, self.severity, self.timeout = text, severity, timeout

    class Built(Message):
        """The step is mounted: the app hands it its state."""

        def __init__(self, step: Step) -> None:
            super().__init__()
            self.step = step

    class Act(Message):
        """The lead asked for one of the app's file actions: "save", "export", "save_split"."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalog = session.catalog
        # What the step shows: the app's session, its spec and recommendation, as the
        # app last handed them down; `spec` also takes the step's own edits at once,
        # so the next keystroke builds on the last (the app's answer comes a moment later).
        self.session = session
        self.spec = session.spec
        self.recommendation = session.recommendation
        # Set by the app once mounting is over: Changed messages from widgets
        # mounting describe empty inputs, not the lead's edits.
        self.loaded = False
        # Whether this step's tab is the one on screen; costly redraws wait for it.
        # (Not `visible`: that is Textual's, and hides the widget when False.)
        self.on_screen = False

    def on_mount(self) -> None:
        # Drawn first with the state the app built it with, and taking edits at once:
        # keys typed as soon as it shows are the lead's. (Changed messages from its
        # widgets mounting change nothing: handlers read the filled widgets.)
        if not self.children:
            return  # the wizard ended while this step was being built: nothing was composed
        self.refill(self.session)
        self.present(self.session, self.recommendation)
        self.loaded = True
        self.post_message(self.Built(self))

    def refill(self, session: Session) -> None:
        """From the app: the spec changed wholesale; refill every input."""
        self.session, self.spec = session, session.spec
        self.recommendation = session.recommendation
        self.load(session)

    def present(self, session: Session, recommendation: Recommendation | None) -> None:
        """From the app: the spec or what is derived from it changed; redraw."""
        self.session, self.spec, self.recommendation = session, session.spec, recommendation
        self.show(session, recommendation)

    def load(self, session: Session) -> None:  # pragma: no cover - overridden
        pass

    def show(self, session: Session, recommendation: Recommendation | None) -> None:
        pass

    def focus_first(self) -> None:
        """Focus the step's first input, so focus never stays behind in a hidden step."""
        first = next((widget for widget in self.query("*") if widget.focusable and self._shown(widget)), None)
        if first is not None:
            self.focus_now(first)

    def reveal(self, selector: str | None, task: int | None, field: str, line: int) -> None:
        """Focus a widget of this step (see `GoTo`) and bring it into view."""
        if selector is None:
            return
        widget = self.query_one(selector)
        self.focus_now(widget)
        if line and isinstance(widget, TextArea):
            widget.move_cursor((line - 1, 0))
        # After the step has opened at its top: then bring the field into view.
        self.call_after_refresh(widget.scroll_visible, animate=False)

    def _shown(self, widget: Widget) -> bool:
        """Whether neither the widget nor a container of it within the step is hidden
        (Textual counts a widget in a hidden container as focusable)."""
        node: Widget | None = widget
        while node is not None and node is not self:
            if not node.display:
                return False
            node = node.parent if isinstance(node.parent, Widget) else None
        return True

    def focus_now(self, widget: Widget) -> None:
        """Focus at once, not after the keys already queued (as `Widget.focus` does):
        what the lead types right after a step key lands in the step's field."""
        self.screen.set_focus(widget, scroll_visible=False)

    @property
    def settled(self) -> bool:
        """Whether what the step shows is up to date (a step that draws in the
        background says when it is done)."""
        return True

    def edited(self, spec: RoleSpec, group: str | None = None) -> bool:
        """Hand a change to the app (True if there was one to hand); the step builds
        its next change on this one."""
        if not self.loaded or spec == self.spec:
            return False
        self.spec = spec
        return self.post_message(self.Edited(spec, group))

    def tell(self, text: str, severity: SeverityLevel = "information", timeout: float | None = None) -> None:
        self.post_message(self.Tell(text, severity, timeout))

    def on_descendant_blur(self) -> None:
        # Leaving a field ends its run of keystrokes: coming back is a new undo step.
        self.post_message(self.FieldLeft())
