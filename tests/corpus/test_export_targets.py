"""What is at a target before `export` or `new -o` writes there: a dangling symbolic
link is something there; a link is written through; files get the user's umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from rolescope.export import export_specs
from rolescope.specio import read_spec
from tests.conftest import ROLES_DIR, run_cli

GOOD = ROLES_DIR / "rag-support-search.toml"
STEM = "tidewell-ai-product-engineer"  # what GOOD exports as


def test_new_does_not_replace_a_dangling_link(tmp_path):
    link = tmp_path / "role.toml"
    link.symlink_to("elsewhere.toml")
    result = run_cli("new", "--preset", "rag-support-search", "-o", str(link))
    assert result.returncode == 2
    assert result.stderr == f"{link}: already exists; pass --force to overwrite it\n"
    assert link.is_symlink() and os.readlink(link) == "elsewhere.toml"
    assert not (tmp_path / "elsewhere.toml").exists()


def test_export_does_not_replace_a_dangling_link(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{STEM}.md").symlink_to("published.md")
    result = run_cli("export", str(GOOD), "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{GOOD}: {out / STEM}.md already exists; pass --force to overwrite it",
        "rolescope export: 0 written, 1 failed",
    ]
    assert sorted(path.name for path in out.iterdir()) == [f"{STEM}.md"]  # the spec was not written alone
    assert (out / f"{STEM}.md").is_symlink() and not (out / "published.md").exists()


def test_new_with_force_writes_through_a_link(tmp_path):
    real = tmp_path / "specs" / "role.toml"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "role.toml"
    link.symlink_to(real)
    result = run_cli("new", "--preset", "rag-support-search", "-o", str(link), "--force")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert read_spec(real) == read_spec(GOOD)


def test_export_with_force_writes_through_links(tmp_path):
    """A description published elsewhere and linked into the export folder stays linked."""
    out, published = tmp_path / "out", tmp_path / "site"
    out.mkdir()
    published.mkdir()
    (published / "job.md").write_text("old", encoding="utf-8")
    (out / f"{STEM}.md").symlink_to(published / "job.md")
    result = run_cli("export", str(GOOD), "--out", str(out), "--force")
    assert result.returncode == 0, result.stderr
    assert (out / f"{STEM}.md").is_symlink()
    assert (published / "job.md").read_text(encoding="utf-8").startswith("# AI product engineer")
    assert sorted(path.name for path in published.iterdir()) == ["job.md"]


def test_exported_files_honour_the_umask(tmp_path, catalog):
    previous = os.umask(0o077)
    try:
        report = export_specs([GOOD], tmp_path / "out", catalog)
    finally:
        os.umask(previous)
    assert report.exit_code == 0
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in (tmp_path / "out").iterdir()}
    assert modes == {f"{STEM}.toml": 0o600, f"{STEM}.md": 0o600, f"{STEM}.interview.md": 0o600}


def test_new_honours_the_umask(tmp_path):
    """Through the real command: a shell sets the umask, rolescope inherits it."""
    target = tmp_path / "role.toml"
    previous = os.umask(0o027)
    try:
        result = run_cli("new", "--preset", "rag-support-search", "-o", str(target))
    finally:
        os.umask(previous)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(Path(target).stat().st_mode) == 0o640
