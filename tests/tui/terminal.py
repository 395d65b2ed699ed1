"""A real wizard in a real pseudo-terminal, for what only a terminal shows: the
bytes the app writes, and what survives a SIGKILL."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

F2 = "\x1bOQ"
F5 = "\x1b[15~"
END = "\x1b[F"


class Terminal:
    """The parent's side of the pseudo-terminal: reads what the app draws, so it
    never blocks on a full buffer, and waits on conditions, never on time alone."""

    def __init__(self, fd: int):
        self.fd = fd
        self.pid = 0
        self.drawn = b""

    def read(self, seconds: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], seconds)
        if ready:
            with contextlib.suppress(OSError):
                self.drawn += os.read(self.fd, 65536)

    def wait_for(self, predicate, what: str, limit: float = 300.0) -> None:
        # The limit only turns a hang into a failure; passing never depends on it
        # (a wizard on a machine busy many times over took more than a minute).
        deadline = time.monotonic() + limit
        while not predicate():
            assert time.monotonic() < deadline, f"never happened: {what}"
            self.read(0.05)

    @classmethod
    def start(cls, args: list[str], cwd: Path, size: tuple[int, int] = (100, 32)) -> Terminal:
        pid, fd = pty.fork()
        if pid == 0:  # the child: a real wizard in a real terminal
            os.chdir(cwd)
            os.environ.setdefault("TERM", "xterm-256color")  # CI runs with no terminal type
            os.execv(sys.executable, [sys.executable, "-m", "rolescope", *args])
        terminal = cls(fd)
        terminal.pid = pid
        columns, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.kill(pid, signal.SIGWINCH)
        return terminal

    def write(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
