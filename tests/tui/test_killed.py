"""A wizard killed with SIGKILL mid-edit loses nothing: the next start offers the draft."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from rolescope.specio import read_spec
from rolescope.tui.app import RolescopeApp
from rolescope.tui.screens.dialogs import ChoiceScreen
from tests.conftest import preset_path
from tests.tui.waiting import settle

F2 = "\x1bOQ"
END = "\x1b[F"


class Terminal:
    """The parent's side of the pseudo-terminal: reads what the app draws, so it
    never blocks on a full buffer, and waits on conditions, never on time alone."""

    def __init__(self, fd: int):
        self.fd = fd
        self.drawn = b""

    def read(self, seconds: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], seconds)
        if ready:
            with contextlib.suppress(OSError):
                self.drawn += os.read(self.fd, 65536)

    def wait_for(self, predicate, what: str, limit: float = 60.0) -> None:
        # The limit only turns a hang into a failure; passing never depends on it.
        deadline = time.monotonic() + limit
        while not predicate():
            assert time.monotonic() < deadline, f"never happened: {what}"
            self.read(0.05)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
async def test_sigkill_loses_nothing_typed(tmp_path, monkeypatch):
    spec_file = tmp_path / "role.toml"
    shutil.copy(preset_path("fraud-model-operator"), spec_file)
    original = spec_file.read_bytes()
    drafts = Path(os.environ["ROLESCOPE_DRAFTS"])

    pid, fd = pty.fork()
    if pid == 0:  # the child: a real wizard in a real terminal
        os.chdir(tmp_path)
        os.environ.setdefault("TERM", "xterm-256color")  # CI runs with no terminal type
        os.execv(sys.executable, [sys.executable, "-m", "rolescope", str(spec_file)])
    terminal = Terminal(fd)
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
        os.kill(pid, signal.SIGWINCH)
        # The verdict in the gauge is drawn once the spec is loaded: the wizard is ready.
        terminal.wait_for(lambda: b"hire an engineer" in terminal.drawn, "the wizard drew the verdict")
        shown = len(terminal.drawn)
        os.write(fd, F2.encode())
        terminal.wait_for(lambda: b"Company name" in terminal.drawn[shown:], "the company step is on screen")
        os.write(fd, (END + " Ltd").encode())

        def draft():
            return any("Kestrel Pay Ltd" in p.read_text(errors="ignore") for p in drafts.glob("*.toml"))

        terminal.wait_for(draft, "the draft shows the last keystroke")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)

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
