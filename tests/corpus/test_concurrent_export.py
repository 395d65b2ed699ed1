"""Two exports into one folder at once never pair a description with the wrong spec.

Each pair is published under an exclusive flock on the output folder. The test
plays the other export: it holds that lock, starts a real `rolescope export`,
waits until the export says it is waiting for the folder (so it has read its
specs and is ready to publish), writes its own pair, and lets go. No sleeps."""

from __future__ import annotations

import fcntl
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rolescope.specio import read_spec
from tests.conftest import ROLES_DIR, start_cli

GOOD = ROLES_DIR / "rag-support-search.toml"
OTHER = ROLES_DIR / "fraud-model-operator.toml"
STEM = "tidewell-ai-product-engineer"  # what GOOD exports as
OTHER_STEM = "kestrel-pay-ml-reliability-engineer"
THEIR_SPEC, THEIR_JD = "# the other export's spec\n", "# The other export's description\n"


@contextmanager
def holding_the_folder(folder: Path) -> Iterator[None]:
    """What another export holds while it publishes a pair into `folder`."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def wait_until_waiting(process: subprocess.Popen[str], out: Path) -> None:
    assert process.stderr is not None
    line = process.stderr.readline()
    assert line == f"rolescope export: waiting for another export into {out}\n", (line, process.communicate())


def publish_their_pair(out: Path) -> None:
    (out / f"{STEM}.toml").write_text(THEIR_SPEC, encoding="utf-8")
    (out / f"{STEM}.md").write_text(THEIR_JD, encoding="utf-8")


def visible(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if not path.name.startswith("."))


def test_the_second_export_reports_the_conflict_and_keeps_the_first_pair(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with holding_the_folder(out):
        export = start_cli("export", str(GOOD), str(OTHER), "--out", str(out))
        wait_until_waiting(export, out)
        assert visible(out) == []  # ready, and still nothing published
        publish_their_pair(out)
    stdout, stderr = export.communicate(timeout=60)
    assert export.returncode == 1
    assert stderr.splitlines() == [
        f"{GOOD}: {out / STEM}.toml already exists; pass --force to overwrite it",
        f"{GOOD}: {out / STEM}.md already exists; pass --force to overwrite it",
        "rolescope export: 1 written, 1 failed",
    ]
    assert (
        stdout == f"{OTHER}: wrote {out / OTHER_STEM}.toml, {out / OTHER_STEM}.md and {out / OTHER_STEM}.interview.md\n"
    )
    # The first pair is whole and untouched; the other spec's pair is whole; nothing else is left.
    assert (out / f"{STEM}.toml").read_text(encoding="utf-8") == THEIR_SPEC
    assert (out / f"{STEM}.md").read_text(encoding="utf-8") == THEIR_JD
    assert sorted(path.name for path in out.iterdir()) == sorted(
        [f"{STEM}.toml", f"{STEM}.md", f"{OTHER_STEM}.toml", f"{OTHER_STEM}.md", f"{OTHER_STEM}.interview.md"]
    )


def test_with_force_the_later_export_replaces_the_whole_pair(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with holding_the_folder(out):
        export = start_cli("export", str(GOOD), "--out", str(out), "--force")
        wait_until_waiting(export, out)
        assert visible(out) == []
        publish_their_pair(out)
    stdout, stderr = export.communicate(timeout=60)
    assert export.returncode == 0, stderr
    assert stdout == f"{GOOD}: wrote {out / STEM}.toml, {out / STEM}.md and {out / STEM}.interview.md\n"
    # Both files are this export's: never its description beside the other's spec.
    assert read_spec(out / f"{STEM}.toml") == read_spec(GOOD)
    assert (out / f"{STEM}.md").read_text(encoding="utf-8").startswith("# AI product engineer")
    assert sorted(path.name for path in out.iterdir()) == [f"{STEM}.interview.md", f"{STEM}.md", f"{STEM}.toml"]
