"""Batch export: for each spec, the canonical spec and its job description.

Each spec is handled on its own: a bad file is reported and the batch goes on.
Nothing is overwritten without `force`, and each spec's pair is published both
or neither (see `rolescope.fileio`), also when another export writes into the
same folder at the same time. Ctrl+C or SIGTERM stops the batch between pairs;
the report still says which pairs were written.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from rolescope.catalog import Catalog
from rolescope.errors import RolescopeError
from rolescope.fileio import TargetsExist, write_files
from rolescope.jd import render_jd
from rolescope.recommend import Recommendation, recommend
from rolescope.slug import slugify
from rolescope.spec import RoleSpec
from rolescope.specio import dump_spec, read_spec


class Interrupted(KeyboardInterrupt):
    """A stop signal, raised where the program is, like Ctrl+C's KeyboardInterrupt."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@dataclass
class ExportResult:
    source: Path
    spec_path: Path | None = None
    jd_path: Path | None = None
    problems: list[str] = field(default_factory=list)
    invalid_input: bool = False


@dataclass
class ExportReport:
    results: list[ExportResult]
    # Specs the batch did not finish: it was stopped by `interrupted` (a signal number).
    not_done: list[Path] = field(default_factory=list)
    interrupted: int | None = None

    @property
    def written(self) -> list[ExportResult]:
        return [result for result in self.results if not result.problems]

    @property
    def failed(self) -> list[ExportResult]:
        return [result for result in self.results if result.problems]

    @property
    def exit_code(self) -> int:
        if self.interrupted is not None:
            return 128 + self.interrupted  # as a shell reports a process the signal stopped
        if not self.failed:
            return 0
        if all(result.invalid_input for result in self.results):
            return 2
        return 1


@contextlib.contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """SIGTERM stops an export the way Ctrl+C does (an exception, so the pair being
    written is taken back) instead of killing it on the spot."""
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield  # someone chose what SIGTERM does (ignored, handled): leave it
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def export_specs(
    paths: list[Path],
    out_dir: Path,
    catalog: Catalog,
    *,
    force: bool = False,
    on_progress: Callable[[int, int, Path], None] | None = None,
    on_wait: Callable[[Path], None] | None = None,
) -> ExportReport:
    """Export every spec in `paths` into `out_dir`. `on_wait(out_dir)` is called when
    another export holds the folder and this one waits for it."""
    report = ExportReport([])
    used: set[str] = set()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        problem = f"{out_dir}: cannot create the output folder: {error.strerror or error}"
        return ExportReport([ExportResult(Path(path), problems=[problem]) for path in paths])
    finished = 0
    try:
        for path in map(Path, paths):
            if on_progress:
                on_progress(finished + 1, len(paths), path)
            result = _export_one(path, out_dir, catalog, used, force, on_wait, report)
            if result.problems:
                report.results.append(result)
            finished += 1
    except KeyboardInterrupt as stop:
        report.interrupted = getattr(stop, "signum", signal.SIGINT)
        report.not_done = [Path(path) for path in paths[finished:]]
    return report


def _export_one(
    path: Path,
    out_dir: Path,
    catalog: Catalog,
    used: set[str],
    force: bool,
    on_wait: Callable[[Path], None] | None,
    report: ExportReport,
) -> ExportResult:
    result = ExportResult(path)
    try:
        spec = read_spec(path)
        recommendation = recommend(spec, catalog)
    except RolescopeError as error:
        result.problems = error.lines
        result.invalid_input = True
        return result
    spec_path, jd_path = export_paths(spec, recommendation, out_dir, used)

    def written() -> None:
        # Runs with signals held, right after the pair is in place: a Ctrl+C cannot
        # land between writing the pair and counting it.
        result.spec_path, result.jd_path = spec_path, jd_path
        report.results.append(result)

    try:
        write_export(
            spec,
            recommendation,
            catalog,
            spec_path,
            jd_path,
            replace=force,
            on_wait=on_wait,
            on_published=written,
        )
    except TargetsExist as error:
        result.problems = [f"{path}: {target} already exists; pass --force to overwrite it" for target in error.paths]
    except OSError as error:
        result.problems = [f"{path}: cannot write to {out_dir}: {error.strerror or error}"]
    return result


def export_paths(
    spec: RoleSpec, recommendation: Recommendation, out_dir: Path, used: set[str] | None = None
) -> tuple[Path, Path]:
    """Where a spec's export goes: a slug of company and title, unique within `used`."""
    stem = slugify(spec.company.name, recommendation.title)
    candidate, number = stem, 2
    while used is not None and candidate in used:
        candidate, number = f"{stem}-{number}", number + 1
    if used is not None:
        used.add(candidate)
    return out_dir / f"{candidate}.toml", out_dir / f"{candidate}.md"


def write_export(
    spec: RoleSpec,
    recommendation: Recommendation,
    catalog: Catalog,
    spec_path: Path,
    jd_path: Path,
    *,
    replace: bool = True,
    on_wait: Callable[[Path], None] | None = None,
    on_published: Callable[[], None] | None = None,
) -> None:
    """Write the spec and its description, both or neither. Without `replace`, an
    existing target raises TargetsExist naming every one, and nothing is written."""
    files = [
        (spec_path, dump_spec(spec).encode("utf-8")),
        (jd_path, render_jd(spec, recommendation, catalog).encode("utf-8")),
    ]
    write_files(files, replace=replace, on_wait=on_wait, on_published=on_published)
