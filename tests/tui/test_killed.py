"""A wizard killed with SIGKILL mid-edit loses nothing: the next start offers the draft."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from rolescope.specio import read_spec
from rolescope.tui.app import RolescopeApp
from rolescope.tui.screens.dialogs import ChoiceScreen
from tests.conftest import preset_path
from tests.tui.terminal import F2, Terminal
from tests.tui.waiting import settle


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
async def test_sigkill_loses_nothing_typed(tmp_path, monkeypatch):
    spec_file = tmp_path / "role.toml"
    shutil.copy(preset_path("fraud-model-operator"), spec_file)
    original = spec_file.read_bytes()
    drafts = Path(os.environ["ROLESCOPE_DRAFTS"])

    terminal = Terminal.start([str(spec_file)], cwd=tmp_path)
    fd = terminal.fd
    try:
        # The verdict in the gauge is drawn once the spec is loaded: the wizard is ready.
        terminal.wait_for(lambda: b"hire an engineer" in terminal.drawn, "the wizard drew the verdict")
        shown = len(terminal.drawn)
        os.write(fd, F2.encode())
        terminal.wait_for(lambda: b"Company name" in terminal.drawn[shown:], "the company step is on screen")
        # The cursor starts at the end of the name. (No End key: Textual 8.2.8 reads
        # the xterm End sequence followed at once by a space as one unknown sequence.)
        terminal.write(" Ltd")

        def draft():
            return any("Kestrel Pay Ltd" in p.read_text(errors="ignore") for p in drafts.glob("*.toml"))

        terminal.wait_for(draft, "the draft shows the last keystroke")
    finally:
        terminal.kill()

    assert spec_file.read_bytes() == original  # nothing was saved behind the lead's back
    monkeypatch.chdir(tmp_path)
    app = RolescopeApp(str(spec_file))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-restore")
        await settle(pilot)
        assert app.session.spec.company.name == "Kestrel Pay Ltd"
        assert app.session.spec.tasks == read_spec(spec_file).tasks
