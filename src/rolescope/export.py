"""Batch export: for each spec, the canonical spec and its job description.

Each spec is handled on its own: a bad file is reported and the batch goes on.
Nothing is overwritten without `force`, both files of a spec are written to
temporary names first, and only then renamed into place.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rolescope.catalog import Catalog
from rolescope.errors import RolescopeError
from rolescope.fileio import atomic_write_bytes, atomic_write_text
from rolescope.jd import render_jd
from rolescope.recommend import Recommendation, recommend
from rolescope.slug import slugify
from rolescope.spec import RoleSpec
from rolescope.specio import dump_spec, read_spec


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

    @property
    def written(self) -> list[ExportResult]:
        return [result for result in self.results if not result.problems]

    @property
    def failed(self) -> list[ExportResult]:
        return [result for result in self.results if result.problems]

    @property
    def exit_code(self) -> int:
        if not self.failed:
            return 0
        if all(result.invalid_input for result in self.results):
            return 2
        return 1


def export_specs(
    paths: list[Path],
    out_dir: Path,
    catalog: Catalog,
    *,
    force: bool = False,
    on_progress: Callable[[int, int, Path], None] | None = None,
) -> ExportReport:
    results: list[ExportResult] = []
    used: set[str] = set()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        problem = f"{out_dir}: cannot create the output folder: {error.strerror or error}"
        return ExportReport([ExportResult(Path(path), problems=[problem]) for path in paths])
    for index, path in enumerate(paths, start=1):
        path = Path(path)
        if on_progress:
            on_progress(index, len(paths), path)
        result = ExportResult(path)
        results.append(result)
        try:
            spec = read_spec(path)
            recommendation = recommend(spec, catalog)
        except RolescopeError as error:
            result.problems = error.lines
            result.invalid_input = True
            continue
        spec_path, jd_path = export_paths(spec, recommendation, out_dir, used)
        existing = [] if force else [target for target in (spec_path, jd_path) if target.exists()]
        if existing:
            result.problems = [f"{path}: {target} already exists; pass --force to overwrite it" for target in existing]
            continue
        try:
            write_export(spec, recommendation, catalog, spec_path, jd_path)
        except OSError as error:
            result.problems = [f"{path}: cannot write to {out_dir}: {error.strerror or error}"]
            continue
        result.spec_path, result.jd_path = spec_path, jd_path
    return ExportReport(results)


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
    spec: RoleSpec, recommendation: Recommendation, catalog: Catalog, spec_path: Path, jd_path: Path
) -> None:
    """Write the spec and its description, both or neither. Callers check for
    existing files first; this overwrites."""
    _write_pair(spec_path, dump_spec(spec), jd_path, render_jd(spec, recommendation, catalog))


def _write_pair(spec_path: Path, spec_text: str, jd_path: Path, jd_text: str) -> None:
    """Write both files or neither: the description first, rolled back if the spec fails."""
    previous = jd_path.read_bytes() if jd_path.exists() else None
    atomic_write_text(jd_path, jd_text)
    try:
        atomic_write_text(spec_path, spec_text)
    except OSError:
        if previous is None:
            os.unlink(jd_path)
        else:
            atomic_write_bytes(jd_path, previous)
        raise
