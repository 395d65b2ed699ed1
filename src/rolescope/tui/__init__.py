"""The wizard: a Textual app that drives the core. Imported only by `rolescope`
when it opens the wizard, so headless commands never pay for Textual."""

from __future__ import annotations


def run_wizard(spec_path: str | None, presets: tuple[str, ...] = (), preset: str | None = None) -> int:
    from rolescope.tui.app import RolescopeApp

    app = RolescopeApp(spec_path=spec_path, presets=presets, preset=preset)
    app.run()
    return app.return_code or 0
