"""Batch export: for each spec, the canonical spec, its job description and its
interview kit (`<stem>.interview.<format>`: a slug has no dot, so a kit's name
never meets another role's files).

A split verdict is exported as its two roles (two specs, two descriptions, each
with its own file names); one combined posting only with `as_one`, and then with
a finding. Every warning the recommendation gives and every finding the
description's decisions or the linter make is reported with the files, which
are still written (the exit code says there were findings).

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
from rolescope.document import JobDocument, build_document
from rolescope.errors import RolescopeError
from rolescope.fileio import StagedBatch, StagedGroup, Syncer, TargetsExist
from rolescope.findings import Finding
from rolescope.interview_kit import InterviewKit, build_kit
from rolescope.jd import render_markdown
from rolescope.jd_html import render_html
from rolescope.jd_text import render_text
from rolescope.kit_render import render_kit_html, render_kit_markdown, render_kit_text
from rolescope.recommend import Recommendation, recommend
from rolescope.slug import slugify
from rolescope.spec import RoleSpec
from rolescope.specio import dump_spec, read_spec

# Export formats: file extension -> renderer of the document model.
RENDERERS: dict[str, Callable[[JobDocument], str]] = {"md": render_markdown, "txt": render_text, "html": render_html}
FORMATS = tuple(RENDERERS)
# Specs staged and synced to disk together: the first batch holds one spec, so a
# lead sees the first pair at once and a stop loses little work; each batch after
# it doubles, up to this many.
BATCH = 64
# The interview kit in the same formats.
KIT_RENDERERS: dict[str, Callable[[InterviewKit], str]] = {
    "md": render_kit_markdown,
    "txt": render_kit_text,
    "html": render_kit_html,
}
KIT_SUFFIX = ".interview"


class Interrupted(KeyboardInterrupt):
    """A stop signal, raised where the program is, like Ctrl+C's KeyboardInterrupt."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@dataclass
class ExportResult:
    source: Path
    spec_path: Path | None = None  # the first role's spec and description
    jd_path: Path | None = None
    problems: list[str] = field(default_factory=list)
    invalid_input: bool = False
    # Every file written, role by role: [spec, descriptions..., kits...] per role.
    roles: list[list[Path]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    split: bool = False  # written as the two roles of a split verdict
    findings: list[Finding] = field(default_factory=list)


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
            findings = any(f.at_least("warning") for result in self.results for f in result.findings)
            return 1 if findings else 0
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
    formats: tuple[str, ...] = ("md",),
    as_one: bool = False,
    on_progress: Callable[[int, int, Path], None] | None = None,
    on_wait: Callable[[Path], None] | None = None,
    jobs: int = 1,
) -> ExportReport:
    """Export every spec in `paths` into `out_dir`. `on_wait(out_dir)` is called when
    another export holds the folder and this one waits for it. With `jobs` above one,
    that many processes read and decide the specs (see `rolescope.exportpool`)."""
    from rolescope.exportpool import decided_in_order

    report = ExportReport([])
    used: set[str] = set()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        problem = f"{out_dir}: cannot create the output folder: {error.strerror or error}"
        return ExportReport([ExportResult(Path(path), problems=[problem]) for path in paths])
    options = _Options(force, formats, as_one, on_wait)
    finished = 0

    def count() -> None:  # one more spec done (written or failed)
        nonlocal finished
        finished += 1

    size, start = 1, 0  # the next batch's size, and its first spec
    # A batch is staged and its syncs run in the background while the next one is
    # read and decided; it is published once synced, before the next is staged.
    staged: tuple[list[_Prepared], StagedBatch] | None = None
    sources = [Path(path) for path in paths]
    try:
        with (
            decided_in_order(sources, _decide, (catalog, formats, as_one), jobs) as decisions,
            Syncer() as syncer,
        ):
            try:
                while start < len(paths):
                    batch = sources[start : start + size]
                    prepared = []
                    for number, path in enumerate(batch, start=start + 1):
                        if on_progress:
                            on_progress(number, len(paths), path)
                        prepared.append(_named(next(decisions), out_dir, used))
                    start += len(batch)
                    if staged is not None:
                        _publish(*staged, out_dir, options, report, count)
                        staged = None
                    writing = [item.files for item in prepared if not item.result.problems]
                    staged = (prepared, StagedBatch(writing, replace=options.force, syncer=syncer))
                    size = min(size * 2, BATCH)
                if staged is not None:
                    _publish(*staged, out_dir, options, report, count)
            finally:
                if staged is not None:
                    staged[1].close()
    except KeyboardInterrupt as stop:
        report.interrupted = getattr(stop, "signum", signal.SIGINT)
        report.not_done = [Path(path) for path in paths[finished:]]
    return report


@dataclass(frozen=True)
class _Options:
    force: bool
    formats: tuple[str, ...]
    as_one: bool
    on_wait: Callable[[Path], None] | None


@dataclass(frozen=True)
class RoleExport:
    """One role to publish: its spec, recommendation, decided description and interview kit."""

    spec: RoleSpec
    recommendation: Recommendation
    document: JobDocument
    kit: InterviewKit


def roles_to_publish(
    spec: RoleSpec, recommendation: Recommendation, catalog: Catalog, *, as_one: bool = False
) -> list[RoleExport]:
    """What a spec publishes: the two roles of a split verdict (unless `as_one`), else one."""
    from rolescope.split import split_specs

    if not recommendation.split or as_one:
        document = build_document(spec, recommendation, catalog, as_one=as_one)
        return [RoleExport(spec, recommendation, document, build_kit(spec, recommendation, catalog))]
    parts = split_specs(spec, recommendation, catalog)
    roles = []
    for part, role, other in zip(parts, recommendation.split, reversed(recommendation.split)):
        part_recommendation = recommend(part, catalog)
        document = build_document(
            part, part_recommendation, catalog, partner_title=other.title, task_numbers=role.task_numbers
        )
        kit = build_kit(part, part_recommendation, catalog, task_numbers=role.task_numbers)
        roles.append(RoleExport(part, part_recommendation, document, kit))
    return roles


def export_findings(
    spec: RoleSpec, recommendation: Recommendation, roles: list[RoleExport], catalog: Catalog
) -> list[Finding]:
    """Everything the lead should hear about an export: the recommendation's warnings
    on the spec as written, the description's own findings, and what the linter finds
    in each description (task numbers are the spec's, also for a split's halves)."""
    from rolescope.lint import lint_document

    findings = [
        Finding("recommend", "warning", note.message, task=note.task, field=note.field) for note in recommendation.notes
    ]
    for role in roles:
        findings += [finding for finding in role.document.findings if finding.rule != "recommend"]
        findings += [finding for finding in lint_document(role.document, catalog) if finding.at_least("warning")]
    unique: list[Finding] = []
    for finding in findings:
        if finding not in unique:
            unique.append(finding)
    return unique


@dataclass
class _Decided:
    """A spec read and decided, with its roles' files rendered but not yet named
    (a worker process does this part when the batch is spread over processes)."""

    result: ExportResult
    # Per role: its stem before it is made unique, and its files as (suffix, bytes).
    roles: list[tuple[str, list[tuple[str, bytes]]]] = field(default_factory=list)


@dataclass
class _Prepared:
    """A spec read and decided, with the files it publishes (none when it failed)."""

    result: ExportResult
    files: list[tuple[Path, bytes]] = field(default_factory=list)
    planned: list[list[Path]] = field(default_factory=list)


def _decide(path: Path, catalog: Catalog, formats: tuple[str, ...], as_one: bool) -> _Decided:
    result = ExportResult(path)
    try:
        spec = read_spec(path)
        recommendation = recommend(spec, catalog)
    except RolescopeError as error:
        result.problems = error.lines
        result.invalid_input = True
        return _Decided(result)
    roles = roles_to_publish(spec, recommendation, catalog, as_one=as_one)
    decided = _Decided(result, _rendered(roles, formats))
    result.titles = [role.document.title for role in roles]
    result.split = len(roles) > 1
    result.findings = export_findings(spec, recommendation, roles, catalog)
    return decided


def _named(decided: _Decided, out_dir: Path, used: set[str]) -> _Prepared:
    prepared = _Prepared(decided.result)
    for files in _name_files(decided.roles, out_dir, used):
        prepared.files += files
        prepared.planned.append([path for path, _ in files])
    return prepared


def role_files(
    roles: list[RoleExport], out_dir: Path, formats: tuple[str, ...], used: set[str]
) -> list[list[tuple[Path, bytes]]]:
    """Each role's files, named and rendered: its spec, its description in each
    format, then its interview kit in each format. Stems are unique within `used`,
    so one role's files never take another's names."""
    return _name_files(_rendered(roles, formats), out_dir, used)


def _rendered(roles: list[RoleExport], formats: tuple[str, ...]) -> list[tuple[str, list[tuple[str, bytes]]]]:
    laid_out = []
    for role in roles:
        files = [(".toml", dump_spec(role.spec).encode("utf-8"))]
        files += [(f".{ext}", RENDERERS[ext](role.document).encode("utf-8")) for ext in formats]
        files += [(f"{KIT_SUFFIX}.{ext}", KIT_RENDERERS[ext](role.kit).encode("utf-8")) for ext in formats]
        laid_out.append((slugify(role.spec.company.name, role.document.title), files))
    return laid_out


def _name_files(
    roles: list[tuple[str, list[tuple[str, bytes]]]], out_dir: Path, used: set[str]
) -> list[list[tuple[Path, bytes]]]:
    laid_out = []
    for stem, files in roles:
        unique = _unique_stem(stem, used)
        laid_out.append([(out_dir / f"{unique}{suffix}", data) for suffix, data in files])
    return laid_out


def _publish(
    batch: list[_Prepared],
    staged: StagedBatch,
    out_dir: Path,
    options: _Options,
    report: ExportReport,
    count: Callable[[], None],
) -> None:
    """Wait for the batch's files to be synced, then publish them spec by spec (a
    spec's files, both roles of a split, all or none), calling `count` as each is
    done; an interruption stops between two specs."""
    done = 0
    writing = [item for item in batch if not item.result.problems]
    try:
        try:
            groups = dict(zip(map(id, writing), staged.wait()))
            for item in batch:
                group = groups.get(id(item))
                if group is None:
                    report.results.append(item.result)  # read or decided with problems
                    count()
                else:
                    _publish_one(item, group, out_dir, options, report, count)
                done += 1
        finally:
            staged.close()
    except OSError as error:  # the batch could not be synced: nothing after `done` is in place
        for item in batch[done:]:
            if not item.result.problems:
                item.result.problems = [f"{item.result.source}: cannot write to {out_dir}: {error.strerror or error}"]
            report.results.append(item.result)
            count()


def _publish_one(
    item: _Prepared,
    group: StagedGroup | OSError,
    out_dir: Path,
    options: _Options,
    report: ExportReport,
    count: Callable[[], None],
) -> None:
    result, planned = item.result, item.planned

    def written() -> None:
        # Runs with signals held, right after the files are in place: a Ctrl+C cannot
        # land between writing them and counting them.
        result.roles = planned
        result.spec_path, result.jd_path = planned[0][0], planned[0][1] if len(planned[0]) > 1 else None
        report.results.append(result)
        count()

    try:
        if isinstance(group, OSError):
            raise group
        group.publish(on_wait=options.on_wait, on_published=written)
    except TargetsExist as error:
        result.problems = [
            f"{result.source}: {target} already exists; pass --force to overwrite it" for target in error.paths
        ]
        report.results.append(result)
        count()
    except OSError as error:
        result.problems = [f"{result.source}: cannot write to {out_dir}: {error.strerror or error}"]
        report.results.append(result)
        count()


def _unique_stem(stem: str, used: set[str]) -> str:
    candidate, number = stem, 2
    while candidate in used:
        candidate, number = f"{stem}-{number}", number + 1
    used.add(candidate)
    return candidate
