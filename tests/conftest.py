from __future__ import annotations

import os
import signal

# Before Textual is imported anywhere: no animations, so screens are deterministic.
os.environ["TEXTUAL_ANIMATIONS"] = "none"
import atexit
import gc
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from rolescope.catalog import BUILTIN_DIR, load_catalog

# No test reads or writes the user's cache of built presets (commands run as
# subprocesses inherit this too).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="rolescope-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)

ROLES_DIR = BUILTIN_DIR / "roles"
PRESET_NAMES = sorted(path.stem for path in ROLES_DIR.glob("*.toml"))

MINIMAL_SPEC = """\
schema_version = 1

[company]
name = "Lumen Docs"
stage = "pre-product"

[[tasks]]
text = "Build the pipeline that loads help-centre articles into a vector index"
weeks = 6
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The wizard's tests first: they are the slowest (each starts an app), and
    started first they never end up the last ones running on one worker while
    the other has nothing left to do."""
    items.sort(key=lambda item: not _drives_the_wizard(item.nodeid))


def _drives_the_wizard(nodeid: str) -> bool:
    return nodeid.startswith(("tests/tui/", "tests/corpus/test_wizard_corpus.py"))


def pytest_collection_finish(session: pytest.Session) -> None:
    """What is loaded once, for every test (Textual, the presets, the tests), is
    frozen out of the garbage collector's passes, and the passes come less often:
    each wizard test builds an app of a few thousand objects, and with Python's
    defaults collecting them took about a third of a wizard test's CPU."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 10)  # Python's are 700, 10, 10


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A worker collects its garbage before it reports that it has finished.

    Once it has, pytest-xdist closes it and waits five seconds, then sends it
    SIGINT; pytest's own last passes of the garbage collector over a heap that
    held hundreds of apps can take longer than that on a busy machine, and the
    KeyboardInterrupt then lands in whatever runs, such as Hypothesis's
    garbage-collector callback, which prints it as an unraisable exception.
    The same passes made here, then frozen, leave those last ones nothing to do."""
    if hasattr(session.config, "workerinput"):
        for _ in range(5):  # as many passes as pytest makes: a finalizer can free more
            gc.collect()
        gc.freeze()


@pytest.fixture(autouse=True)
def _isolated_user_presets(tmp_path_factory, monkeypatch):
    """No test reads the real per-user presets folder or config (theme, recent specs)."""
    monkeypatch.setenv("ROLESCOPE_PRESETS", str(tmp_path_factory.mktemp("no-user-presets") / "none"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("ROLESCOPE_DRAFTS", str(tmp_path_factory.mktemp("drafts")))
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def catalog():
    return load_catalog()


def preset_path(name: str) -> Path:
    return ROLES_DIR / f"{name}.toml"


def run_cli(*args: str, stdin: str | None = None, env: dict | None = None, cwd: Path | None = None):
    """Run the real command in a subprocess, as a user would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "rolescope", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=60,
    )


def start_cli(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.Popen[str]:
    """Start the real command as `run_cli` does, without waiting for it: for a test
    that acts while it runs (holds a lock it needs, sends it a signal)."""
    return subprocess.Popen(
        [sys.executable, "-m", "rolescope", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        # As from a terminal: a suite started in the background (`scripts/soak &`)
        # has Ctrl+C ignored, and the command would inherit that and never stop.
        preexec_fn=_interruptible,
    )


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
