"""A wizard killed with SIGKILL mid-edit loses nothing: the next start offers the draft."""

from __future__ import annotations

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

F2 = "\x1bOQ"
END = "\x1b[F"


def _drain(fd: int, seconds: float) -> bytes:
    """Read what the app drew, so it never blocks on a full terminal buffer."""
    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out


def _wait_for(predicate, fd: int, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _drain(fd, 0.1)
        if predicate():
            return True
    return False


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
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
        os.kill(pid, signal.SIGWINCH)
        assert _wait_for(lambda: False, fd, timeout=3.0) is False  # let it start and draw
        os.write(fd, F2.encode())
        _drain(fd, 1.0)
        os.write(fd, END.encode())
        typed = " Ltd"
        for char in typed:
            os.write(fd, char.encode())
            _drain(fd, 0.1)

        def draft():
            return any("Kestrel Pay Ltd" in p.read_text(errors="ignore") for p in drafts.glob("*.toml"))

        found = {p.name: p.read_text(errors="ignore")[:400] for p in drafts.glob("*.toml")}
        assert _wait_for(draft, fd), f"the draft never showed the last keystroke: {found}"
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)

    assert spec_file.read_bytes() == original  # nothing was saved behind the lead's back
    monkeypatch.chdir(tmp_path)
    app = RolescopeApp(str(spec_file))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-restore")
        await pilot.pause()
        assert app.session.spec.company.name == "Kestrel Pay Ltd"
        assert app.session.spec.tasks == read_spec(spec_file).tasks
