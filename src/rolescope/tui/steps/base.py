from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.containers import VerticalScroll
from textual.widget import Widget

from rolescope.recommend import Recommendation
from rolescope.session import Session
from rolescope.spec import RoleSpec

if TYPE_CHECKING:
    from rolescope.tui.app import RolescopeApp


class Step(VerticalScroll):
    """A step shows the session and hands the app each change the lead makes.

    `load` fills the inputs from the spec (a new or restored spec, undo);
    `show` redraws what is derived from it (on every change). Inputs are never
    rewritten while the lead types in them."""

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalog = session.catalog
        self.session_at_start = session
        # Set by the app once mounting is over: Changed messages from widgets
        # mounting describe empty inputs, not the lead's edits.
        self.loaded = False
        # Whether this step's tab is the one on screen; costly redraws wait for it.
        # (Not `visible`: that is Textual's, and hides the widget when False.)
        self.on_screen = False

    @property
    def wizard(self) -> RolescopeApp:
        return cast("RolescopeApp", self.app)

    @property
    def session(self) -> Session:
        """The app's current session (it changes when a file is opened)."""
        return self.wizard.session

    def load(self, session: Session) -> None:  # pragma: no cover - overridden
        pass

    def show(self, session: Session, recommendation: Recommendation | None) -> None:
        pass

    def focus_first(self) -> None:
        """Focus the step's first input, so focus never stays behind in a hidden step."""
        first = next((widget for widget in self.query("*") if widget.focusable and self._shown(widget)), None)
        if first is not None:
            self.focus_now(first)

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

    def edited(self, spec: RoleSpec, group: str | None = None) -> None:
        """Apply a change now (not by message): the step redraws from the new spec
        right after, so it must already be the session's. Edits in one `group` in a
        row (a field's keystrokes) undo as one step; None makes an undo step of its own."""
        if not self.loaded:
            return
        self.wizard.apply_edit(spec, group)

    def on_descendant_blur(self) -> None:
        # Leaving a field ends its run of keystrokes: coming back is a new undo step.
        self.session.history.seal()
