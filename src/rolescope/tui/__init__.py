"""The wizard: a Textual app that drives the core. Imported only by `rolescope`
when it opens the wizard, so headless commands never pay for Textual."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rolescope.spec import RoleSpec


def run_wizard(
    spec_path: str | None,
    presets: tuple[str, ...] = (),
    preset: str | None = None,
    imported: RoleSpec | None = None,
) -> int:
    import gc

    from rolescope.tui.app import RolescopeApp

    app = RolescopeApp(spec_path=spec_path, presets=presets, preset=preset, imported=imported)
    # What is loaded by now (Textual, the core, the presets) lives as long as the
    # wizard: the collector's passes skip it rather than walk it again and again
    # while the first screen is built.
    gc.freeze()
    app.run()
    return app.return_code or 0
