"""An export interrupted half-way leaves the previous pair exactly as it was:
the spec and its description are written both or neither, and no temporary
file is left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rolescope.export import export_paths, export_specs
from rolescope.recommend import recommend
from rolescope.specio import read_spec, write_spec
from tests.conftest import ROLES_DIR

GOOD = ROLES_DIR / "rag-support-search.toml"


def fail_replace_onto(monkeypatch, suffix: str) -> list[str]:
    """Make os.replace fail when it would put a `suffix` file in place; returns the targets it refused."""
    real_replace = os.replace
    refused: list[str] = []

    def replace(src, dst, *args, **kwargs):
        if str(dst).endswith(suffix):
            refused.append(str(dst))
            raise OSError(28, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    return refused


def _render(target: Path, spec, catalog) -> bytes:
    from rolescope.jd import render_jd
    from rolescope.specio import dump_spec

    text = render_jd(spec, recommend(spec, catalog), catalog) if target.suffix == ".md" else dump_spec(spec)
    return text.encode("utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def previous(tmp_path, catalog):
    """An earlier export of the same role (same company and title, an older outcome) in --out."""
    older = read_spec(GOOD)
    older.tasks[0].outcome = "An older wording of the first outcome"
    source = tmp_path / "older.toml"
    write_spec(older, source)
    out = tmp_path / "out"
    report = export_specs([source], out, catalog)
    assert report.exit_code == 0
    before = snapshot(out)
    # The new export targets exactly these two files.
    spec = read_spec(GOOD)
    targets = export_paths(spec, recommend(spec, catalog), out)
    assert sorted(before) == sorted(target.name for target in targets)
    assert all(target.read_bytes() != _render(target, spec, catalog) for target in targets)
    return out, before


@pytest.mark.parametrize("failing", [".toml", ".md"], ids=["second-file-fails", "first-file-fails"])
def test_interrupted_export_keeps_the_previous_pair(previous, catalog, monkeypatch, failing):
    out, before = previous
    refused = fail_replace_onto(monkeypatch, failing)
    report = export_specs([GOOD], out, catalog, force=True)
    assert refused, "the failure was never triggered"
    (result,) = report.results
    assert result.problems == [f"{GOOD}: cannot write to {out}: No space left on device"]
    assert result.spec_path is None and result.jd_path is None
    assert report.exit_code == 1
    # Byte for byte what was there before, and nothing else (no .tmp files).
    assert snapshot(out) == before


def test_interrupted_first_export_leaves_nothing(tmp_path, catalog, monkeypatch):
    out = tmp_path / "out"
    fail_replace_onto(monkeypatch, ".toml")
    report = export_specs([GOOD], out, catalog)
    assert report.exit_code == 1
    assert list(out.iterdir()) == []  # the description written first was taken back


def test_a_failed_pair_does_not_stop_the_batch(previous, tmp_path, catalog, monkeypatch):
    out, before = previous
    other = ROLES_DIR / "fraud-model-operator.toml"
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        # Only the rag-support-search spec (whose pair already exists) fails.
        if str(dst).endswith(".toml") and Path(dst).name in before:
            raise OSError(5, "Input/output error")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    report = export_specs([GOOD, other], out, catalog, force=True)
    assert report.exit_code == 1
    assert [bool(result.problems) for result in report.results] == [True, False]
    after = snapshot(out)
    assert {name: after[name] for name in before} == before
    new = sorted(set(after) - set(before))
    assert len(new) == 2 and all(not name.startswith(".") for name in new)
    assert read_spec(out / next(name for name in new if name.endswith(".toml"))) == read_spec(other)
