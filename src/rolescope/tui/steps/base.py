from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.containers import VerticalScroll

from rolescope.recommend import Recommendation
from rolescope.session import Session

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
        # Widgets post Changed messages as they mount; until the step has been
        # filled from the spec those describe empty inputs, not the lead's edits.
        self.loaded = False
        # Whether this step's tab is the one on screen; costly redraws wait for it.
        self.visible = False

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
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return

    def edited(self, spec, *, undoable: bool = False, checkpoint: bool = False) -> None:
        """Apply a change now (not by message): the step redraws from the new spec
        right after, so it must already be the session's."""
        if not self.loaded:
            return
        self.wizard.apply_edit(spec, undoable=undoable, checkpoint=checkpoint)
