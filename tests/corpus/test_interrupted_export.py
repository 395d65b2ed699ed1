"""An export interrupted half-way (a failed write, Ctrl+C, SIGTERM) leaves every
pair whole: the spec and its description are written both or neither, the
previous pair stays exactly as it was, no temporary file is left behind, and the
run says which pairs it wrote."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from rolescope.catalog import load_catalog
from rolescope.export import export_specs
from rolescope.recommend import recommend
from rolescope.specio import read_spec, write_spec
from rolescope.writer import export_plan
from tests.conftest import ROLES_DIR, start_cli
from tests.corpus.test_concurrent_export import holding_the_folder, wait_until_waiting

GOOD = ROLES_DIR / "rag-support-search.toml"


def fail_publishing_onto(monkeypatch, suffix: str) -> list[str]:
    """Make putting a `suffix` file in place fail, by rename (replacing) or by link
    (creating); returns the targets it refused."""
    refused: list[str] = []

    def failing(real):
        def publish(src, dst, *args, **kwargs):
            if str(dst).endswith(suffix):
                refused.append(str(dst))
                raise OSError(28, "No space left on device")
            return real(src, dst, *args, **kwargs)

        return publish

    monkeypatch.setattr(os, "replace", failing(os.replace))
    monkeypatch.setattr(os, "link", failing(os.link))
    return refused


def _render(target: Path, spec, catalog) -> bytes:
    from rolescope.interview_kit import build_kit
    from rolescope.jd import render_jd
    from rolescope.kit_render import render_kit_markdown
    from rolescope.specio import dump_spec

    recommendation = recommend(spec, catalog)
    if target.name.endswith(".interview.md"):
        text = render_kit_markdown(build_kit(spec, recommendation, catalog))
    elif target.suffix == ".md":
        text = render_jd(spec, recommendation, catalog)
    else:
        text = dump_spec(spec)
    return text.encode("utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def previous(tmp_path, catalog):
    """An earlier export of the same role (same company and title, an older outcome) in --out."""
    older = read_spec(GOOD)
    older.tasks[0].outcome = "An older wording of the first outcome: searchable within 15 minutes"
    source = tmp_path / "older.toml"
    write_spec(older, source)
    out = tmp_path / "out"
    report = export_specs([source], out, catalog)
    assert report.exit_code == 0
    before = snapshot(out)
    # The new export targets exactly these files: the spec, the description and the kit.
    spec = read_spec(GOOD)
    (role,) = export_plan(spec, recommend(spec, catalog), catalog, out)
    targets = [file.path for file in role.files]
    assert sorted(before) == sorted(target.name for target in targets)
    assert all(target.read_bytes() != _render(target, spec, catalog) for target in targets)
    return out, before


@pytest.mark.parametrize("failing", [".toml", ".md"], ids=["spec-fails", "description-fails"])
def test_interrupted_export_keeps_the_previous_pair(previous, catalog, monkeypatch, failing):
    out, before = previous
    refused = fail_publishing_onto(monkeypatch, failing)
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
    fail_publishing_onto(monkeypatch, ".md")
    report = export_specs([GOOD], out, catalog)
    assert report.exit_code == 1
    assert list(out.iterdir()) == []  # the spec published first was taken back


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
    assert len(new) == 3 and all(not name.startswith(".") for name in new)
    assert read_spec(out / next(name for name in new if name.endswith(".toml"))) == read_spec(other)


# ------------------------------------------------------------ stopped by Ctrl+C or SIGTERM

OTHER = ROLES_DIR / "fraud-model-operator.toml"
# The calls that make and publish a pair; a stop may come before any of them.
STEPS = ("open", "fsync", "replace", "link")


def stop_at(monkeypatch, step: int) -> dict[str, int]:
    """Raise KeyboardInterrupt at the `step`-th file-system call of STEPS (from 1);
    0 never stops. Returns the running count."""
    seen = {"calls": 0}
    for name in STEPS:
        real = getattr(os, name)

        def counted(*args, real=real, **kwargs):
            seen["calls"] += 1
            if seen["calls"] == step:
                raise KeyboardInterrupt
            return real(*args, **kwargs)

        monkeypatch.setattr(os, name, counted)
    return seen


def pairs_in(out: Path) -> dict[str, set[str]]:
    """Each spec's files by stem: {".toml", ".md", ".interview.md"} when whole."""
    found: dict[str, set[str]] = {}
    for path in out.iterdir():
        stem, dot, rest = path.name.partition(".")
        found.setdefault(stem, set()).add(dot + rest)
    return found


def test_a_stop_at_any_point_leaves_whole_pairs_and_reports_them(tmp_path, catalog, monkeypatch):
    with monkeypatch.context() as patch:
        total = stop_at(patch, 0)
        assert export_specs([GOOD, OTHER], tmp_path / "dry-run", catalog).exit_code == 0
    steps = total["calls"]
    assert steps >= 8  # two pairs: at least two temporary files each, and publishing them
    for step in range(1, steps + 1):
        out = tmp_path / f"out-{step}"
        out.mkdir()
        with monkeypatch.context() as patch:
            stop_at(patch, step)
            try:
                report = export_specs([GOOD, OTHER], out, catalog)
            except KeyboardInterrupt:
                pytest.fail(f"a stop at step {step} escaped the export: nothing could say what it wrote")
        assert report.interrupted == signal.SIGINT and report.exit_code == 130, step
        pairs = pairs_in(out)
        whole = {".toml", ".md", ".interview.md"}
        assert all(suffixes == whole for suffixes in pairs.values()), (step, pairs)  # no .tmp either
        assert sorted(str(result.spec_path) for result in report.written) == sorted(
            str(out / f"{stem}.toml") for stem in pairs
        ), step
        assert report.not_done == [GOOD, OTHER][len(report.written) :], step


def test_the_command_says_what_it_wrote_before_it_was_stopped(tmp_path, monkeypatch, capsys):
    from rolescope.cli import main

    with monkeypatch.context() as patch:
        total = stop_at(patch, 0)
        assert export_specs([GOOD], tmp_path / "dry-run", load_catalog()).exit_code == 0
    out = tmp_path / "out"
    with monkeypatch.context() as patch:
        stop_at(patch, total["calls"] + 2)  # inside the second spec's pair
        code = main(["export", str(GOOD), str(OTHER), str(GOOD), "--out", str(out)])
    assert code == 130
    captured = capsys.readouterr()
    (pair,) = pairs_in(out)
    assert captured.out == f"{GOOD}: wrote {out / pair}.toml, {out / pair}.md and {out / pair}.interview.md\n"
    assert captured.err == "rolescope export: interrupted: 1 written, 0 failed, 2 not exported\n"


@pytest.mark.parametrize(("stop", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"])
def test_a_signal_takes_back_the_pair_in_progress(tmp_path, stop, code):
    """The real command, stopped with its pair staged: the test holds the output
    folder (as another export would), so the command is stopped just before publishing."""
    out = tmp_path / "out"
    out.mkdir()
    with holding_the_folder(out):
        export = start_cli("export", str(GOOD), str(OTHER), "--out", str(out))
        wait_until_waiting(export, out)
        assert [path.suffix for path in out.iterdir()] == [".tmp"] * 3  # the spec's files, staged
        export.send_signal(stop)
        stdout, stderr = export.communicate(timeout=60)
    assert export.returncode == code
    assert stdout == ""
    assert stderr == "rolescope export: interrupted: 0 written, 0 failed, 2 not exported\n"
    assert list(out.iterdir()) == []
