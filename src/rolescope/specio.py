"""The one loader and the one writer of role specs (files are read by `textfiles`,
TOML by `tomlread` and `tomlwrite`, problems worded by `specerrors`).

Loading reads `schema_version` first (a newer file names the release it needs,
an older one passes through `MIGRATIONS`), then validates, and turns every
problem into one line: file, line where known, field, what was wrong, what is
allowed. Writing is canonical and atomic: the same spec always gives the same
bytes, and those bytes load back into an equal spec.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from rolescope import __version__
from rolescope.errors import SpecError
from rolescope.fileio import atomic_write_text
from rolescope.limits import MAX_TEXT_CHARS
from rolescope.spec import SCHEMA_VERSION, RoleSpec, completeness_problems
from rolescope.specerrors import FieldLines, describe, limit_problems, where
from rolescope.textfiles import read_text_file
from rolescope.tomlpos import line_of
from rolescope.tomlread import parse_toml
from rolescope.tomlwrite import dump_toml

# Version N -> a function turning a version-N document into a version-N+1 one.
# Empty while there is only version 1; this is the single place migrations go.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def read_spec(path: str | Path) -> RoleSpec:
    """Load a spec file, or raise SpecError with one line per problem."""
    path = Path(path)
    text = read_text_file(path, what="spec")
    return parse_spec(text, source=str(path))


def parse_spec(text: str, source: str = "<spec>", *, complete: bool = True) -> RoleSpec:
    """Parse and validate a spec. `complete=False` accepts a half-written one (a
    wizard draft: no company name or tasks yet), still rejecting anything invalid."""
    text = text.removeprefix("\ufeff")  # editors on some systems add a byte-order mark
    if not text.strip():
        raise SpecError(
            f"{source}: is empty; a spec needs schema_version = {SCHEMA_VERSION}, a [company] table "
            "and at least one [[tasks]] entry (try: rolescope new --preset NAME)"
        )
    data = parse_toml(text, source)
    current = data.get("schema_version") == SCHEMA_VERSION
    data = _migrate(data, source, FieldLines(text))
    # No text in a file shorter than the limit on one text can be over it (a TOML
    # string is never longer than it is written), unless a migration made it.
    short = current and len(text) <= MAX_TEXT_CHARS
    return validate_spec_data(data, source, text, complete=complete, texts_within_limit=short)


def _migrate(data: dict[str, Any], source: str, positions: FieldLines) -> dict[str, Any]:
    def located() -> str:
        line = line_of(positions.lines, ("schema_version",))
        return f"{source}:{line}" if line else source

    version = data.get("schema_version")
    if version is None:
        raise SpecError(f"{source}: schema_version: is missing; add schema_version = {SCHEMA_VERSION} at the top")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SpecError(
            f"{located()}: schema_version: must be a whole number such as {SCHEMA_VERSION} (got {version!r})"
        )
    if version > SCHEMA_VERSION:
        raise SpecError(
            f"{located()}: schema_version: {version} was written by a newer rolescope; this is rolescope "
            f"{__version__}, which reads schema_version {SCHEMA_VERSION}: upgrade rolescope to open it"
        )
    if version < 1:
        raise SpecError(f"{located()}: schema_version: must be 1 or more (got {version})")
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


def validate_spec_data(
    data: dict[str, Any], source: str, text: str = "", *, complete: bool = True, texts_within_limit: bool = False
) -> RoleSpec:
    positions = FieldLines(text)
    too_big = limit_problems(data, source, positions, texts_within_limit=texts_within_limit)
    if too_big:
        raise SpecError(too_big)
    try:
        spec = RoleSpec.model_validate(data)
    except ValidationError as error:
        raise SpecError(describe(error, data, source, positions.lines)) from None
    problems = completeness_problems(spec) if complete else []
    if problems:
        lines = []
        for field, message in problems:
            line = line_of(positions.lines, tuple(field.split(".")))
            lines.append(f"{where(source, line)}: {field}: {message}")
        raise SpecError(lines)
    return spec


# Whole numbers are written as TOML integers (weeks = 6, not 6.0) while a float
# still holds them exactly; beyond 2**53 a float's "whole" value is not what was typed.
_EXACT_INTEGERS = 2**53


def _number(value: float) -> float | int:
    """A float as it is written: TOML floats are printed with every digit they have
    (tomli_w uses repr), so nothing is rounded on the way to the file."""
    return int(value) if float(value).is_integer() and abs(value) <= _EXACT_INTEGERS else value


def spec_to_data(spec: RoleSpec) -> dict[str, Any]:
    """The spec as plain TOML data, in canonical order, without empty or unset parts."""

    def prune(value: Any) -> Any:
        if isinstance(value, dict):
            cleaned = {}
            for key, item in value.items():
                if isinstance(item, str | int):
                    cleaned[key] = item  # most values: kept as they are, without a call
                    continue
                item = prune(item)
                if item not in (None, [], {}):
                    cleaned[key] = item
            return cleaned
        if isinstance(value, list):
            return [item if isinstance(item, str) else prune(item) for item in value]
        if isinstance(value, float):
            return _number(value)
        return value

    raw = spec.model_dump(mode="python")
    data: dict[str, Any] = {"schema_version": spec.schema_version}
    data.update(prune({key: item for key, item in raw.items() if key != "schema_version"}))
    return data


def dump_spec(spec: RoleSpec) -> str:
    return dump_toml(spec_to_data(spec))


def write_spec(spec: RoleSpec, path: str | Path, *, replace: bool = True) -> None:
    """Write `spec` to `path` atomically; through a symbolic link to its file. Without
    `replace`, an existing `path` raises fileio.TargetsExist and is left alone."""
    atomic_write_text(Path(path), dump_spec(spec), replace=replace)
