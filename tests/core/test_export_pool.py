"""A large batch is read and decided by several processes: what it writes, reports
and exits with is exactly what one process gives, and a stop still leaves only
whole pairs, in input order, with no temporary file behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from rolescope import exportpool
from rolescope.export import export_specs
from tests.conftest import ROLES_DIR

BAD = Path(__file__).resolve().parents[1] / "corpus" / "bad"

pytestmark = pytest.mark.skipif(not exportpool.can_spread(), reason="processes are forked only on Linux")


def batch(folder: Path) -> list[Path]:
    """Every bundled example twice, with bad specs among them (more than the pool's minimum)."""
    folder.mkdir()
    paths = []
    for round_ in range(2):
        for example in sorted(ROLES_DIR.glob("*.toml")):
            copy = folder / f"{round_}-{example.name}"
            shutil.copy(example, copy)
            paths.append(copy)
        paths += [BAD / "empty.toml", BAD / "company-as-string.toml", folder / "missing.toml"]
    assert len(paths) >= exportpool.MIN_SPECS
    return paths


def outcome(report, out: Path) -> tuple:
    results = [(r.source, r.problems, r.invalid_input, r.roles, r.titles, r.split, r.findings) for r in report.results]
    files = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    return results, files, report.exit_code, report.not_done, report.interrupted


def test_spread_over_processes_it_writes_and_reports_what_one_process_does(tmp_path, catalog):
    paths = batch(tmp_path / "specs")
    one, many = tmp_path / "one-process", tmp_path / "two-processes"
    alone = export_specs(paths, one, catalog, formats=("md", "txt"), jobs=1)
    spread = export_specs(paths, many, catalog, formats=("md", "txt"), jobs=2)
    first, second = outcome(alone, one), outcome(spread, many)
    assert first[2] == 1 and any(result.invalid_input for result in alone.results)
    # The same files and the same report (paths aside: each export has its own folder).
    assert str(first).replace(str(one), "OUT") == str(second).replace(str(many), "OUT")


def test_progress_comes_in_input_order(tmp_path, catalog):
    paths = batch(tmp_path / "specs")
    seen = []
    export_specs(paths, tmp_path / "out", catalog, jobs=2, on_progress=lambda n, total, path: seen.append((n, path)))
    assert seen == list(enumerate(paths, start=1))


@pytest.mark.parametrize("stop_at", [1, 2, 9, 17])
def test_a_stop_leaves_whole_pairs_written_in_order(tmp_path, catalog, stop_at):
    paths = batch(tmp_path / "specs")
    out = tmp_path / "out"

    def progress(number, total, path):
        if number == stop_at:
            raise KeyboardInterrupt

    report = export_specs(paths, out, catalog, jobs=2, on_progress=progress)
    assert report.interrupted == signal.SIGINT and report.exit_code == 130
    assert [result.source for result in report.results] == paths[: len(report.results)]
    assert report.not_done == paths[len(report.results) :]
    written = sorted(path for result in report.written for paths_ in result.roles for path in paths_)
    assert sorted(out.iterdir()) == written  # nothing else: no temporary file, no half pair


def test_small_batches_stay_in_one_process(tmp_path, catalog, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", no_pool)
    paths = [ROLES_DIR / "rag-support-search.toml"] * 3
    assert export_specs(paths, tmp_path / "out", catalog, jobs=4).exit_code == 0


@pytest.mark.parametrize(("stop", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"])
def test_the_command_stopped_while_its_workers_run_leaves_nothing_half_written(tmp_path, stop, code):
    """The real command with its worker processes, stopped (the whole process group,
    as Ctrl+C in a terminal does) while its first pair waits for the folder: the
    workers stop with it, and nothing is left behind."""
    from tests.corpus.test_concurrent_export import holding_the_folder, wait_until_waiting

    paths = batch(tmp_path / "specs")
    out = tmp_path / "out"
    out.mkdir()
    with holding_the_folder(out):
        export = subprocess.Popen(
            [sys.executable, "-m", "rolescope", "export", *map(str, paths), "--out", str(out), "--jobs", "2"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, as a command started from a terminal
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        wait_until_waiting(export, out)
        os.killpg(export.pid, stop)
        stdout, stderr = export.communicate(timeout=120)
    assert export.returncode == code
    assert stdout == ""
    assert stderr == f"rolescope export: interrupted: 0 written, 0 failed, {len(paths)} not exported\n"
    assert list(out.iterdir()) == []
