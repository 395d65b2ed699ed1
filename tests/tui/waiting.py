"""How wizard tests wait: on conditions, never on time.

Tests never sleep and never retry: they wait until the app says what they need is
on screen (`settle`), which holds however busy the machine is.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Enough rounds for anything the wizard does; each round lets every widget on the
# screen handle what was queued, so the bound is on work, not on time.
ROUNDS = 500


async def settle(pilot: Pilot, until: Callable[[], bool] | None = None, what: str = "") -> None:
    """Wait until the wizard has nothing on its way to the screen (the step a key
    chose has focus, previews are rendered) and `until` holds, if given."""
    app = pilot.app
    for _ in range(ROUNDS):
        if not app.is_running:  # it exited: nothing more will reach the screen
            return
        await pilot.pause()
        if getattr(app, "settled", True) and _footer_current(app) and (until is None or until()):
            return
    state = (
        f"focused={app.focused!r}, screen={app.screen!r}, settled={getattr(app, 'settled', None)}, "
        f"footer current={_footer_current(app)}, condition={until() if until else None}"
    )
    raise AssertionError(f"the wizard never settled{': ' + what if what else ''} ({state})")


def _footer_current(app: App) -> bool:
    """The footer redraws a few refreshes after focus moves: it shows the keys of
    what has focus now. The wizard's footer leaves out keys that do not fit, so it
    says which keys it was drawn for."""
    footers = app.screen.query(Footer)
    if not footers:
        return True
    footer = footers.first()
    palette = {"command_palette"}  # shown at the right whatever has focus
    wanted = {binding.action for (_, binding, _, _) in app.screen.active_bindings.values() if binding.show} - palette
    drawn_for = getattr(footer, "wanted", None)
    if drawn_for is not None:
        shown = {key.action for key in footer.query(FooterKey)} - palette
        return set(drawn_for) == wanted and shown <= wanted
    shown = {key.action for key in footer.query(FooterKey)} - palette
    return shown == wanted


def settle_after(*keys: str):
    """A snapshot's `run_before`: wait for start-up, press `keys`, wait again."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before
