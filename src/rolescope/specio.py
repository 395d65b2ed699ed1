"""The one loader and the one writer of role specs.

Loading reads `schema_version` first (a newer file names the release it needs,
an older one passes through `MIGRATIONS`), then validates, and turns every
problem into one line: file, line where known, field, what was wrong, what is
allowed. Writing is canonical and atomic: the same spec always gives the same
bytes, and those bytes load back into an equal spec.
"""

from __future__ import annotations

import ast
import difflib
import re
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from rolescope import __version__
from rolescope.errors import SpecError
from rolescope.fileio import atomic_write_text
from rolescope.limits import MAX_FILE_BYTES, MAX_TASKS, MAX_TEXT_CHARS
from rolescope.markdown import one_line
from rolescope.numbers import format_number
from rolescope.spec import SCHEMA_VERSION, RoleSpec, completeness_problems
from rolescope.tomlpos import KeyPath, field_lines, iter_fields, line_of, path_on_line

# Version N -> a function turning a version-N document into a version-N+1 one.
# Empty while there is only version 1; this is the single place migrations go.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def read_spec(path: str | Path) -> RoleSpec:
    """Load a spec file, or raise SpecError with one line per problem."""
    path = Path(path)
    text = read_text_file(path, what="spec")
    return parse_spec(text, source=str(path))


def read_text_file(path: Path, *, what: str) -> str:
    """Read a UTF-8 text file, turning every way it can fail into one clear line.
    Only a regular file of at most MAX_FILE_BYTES is read: a device (/dev/zero),
    a pipe that never ends or a huge file is refused before any of it is read."""
    data = read_file_bytes(path, what=what)
    source = str(path)
    if b"\x00" in data:
        raise SpecError(f"{source}: is a binary file, not a TOML {what}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SpecError(f"{source}:{line}: is not UTF-8 text (byte 0x{data[error.start]:02x})") from None
    return text


def read_file_bytes(path: Path, *, what: str) -> bytes:
    """The bytes of a regular file within the size limit, or SpecError naming the file.
    The kind and size are checked first, so nothing is read from a device or pipe."""
    source = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SpecError(f"{source}: is a directory, not a {what} file")
        if not stat.S_ISREG(info.st_mode):
            raise SpecError(f"{source}: is not a regular file (a device, pipe or socket), so it is not a {what} file")
        if info.st_size > MAX_FILE_BYTES:
            raise SpecError(
                f"{source}: {info.st_size:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit for a {what} file"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise SpecError(f"{source}: no such file") from None
    except PermissionError:
        raise SpecError(f"{source}: cannot read it: permission denied") from None
    except OSError as error:
        raise SpecError(f"{source}: cannot read it: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:  # it grew after the check
        raise SpecError(f"{source}: is over the {MAX_FILE_BYTES:,}-byte limit for a {what} file")
    return data


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
    data = _migrate(data, source, _FieldLines(text))
    return validate_spec_data(data, source, text, complete=complete)


def parse_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise SpecError(f"{one_line(source)}: malformed TOML: arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as error:
        # Python 3.11 puts the position in the message: "... (at line 3, column 9)".
        message = str(error)
        line: int | None = None
        if "(at line " in message:
            message, _, position = message.rpartition(" (at line ")
            number = position.split(",")[0].strip(") ")
            line = int(number) if number.isdigit() else None
        elif "(at end of document)" in message:
            message = message.replace(" (at end of document)", "")
            if message == "Unterminated string" or message.startswith("Expected \"'"):
                # tomllib only says "at end of document"; find where the string opens.
                line = _unclosed_string_line(text)
            if line:
                message = "String never closed"
            else:
                message += " at the end of the file"
        message = _toml_message(message, text, line)
        raise SpecError(
            _one_line(f"{_where(source, line)}: malformed TOML: {message[:1].lower()}{message[1:]}")
        ) from None


def _toml_message(message: str, text: str, line: int | None) -> str:
    """tomllib's wording made plain where it is cryptic, naming the field where the line shows it."""
    path = path_on_line(text, line) if line else None
    field = f"{field_name(path)}: " if path else ""
    earlier = [number for number, other in iter_fields(text) if path and other == path and number < (line or 0)]
    first = f" (first on line {earlier[0]})" if earlier else ""
    declared = re.fullmatch(r"Cannot declare (\(.*\)) twice", message)
    if declared:
        return f"[{'.'.join(ast.literal_eval(declared.group(1)))}] is declared twice{first}"
    immutable = re.fullmatch(r"Cannot mutate immutable namespace (\(.*\))", message)
    if immutable:
        return (
            f"{'.'.join(ast.literal_eval(immutable.group(1)))} is already set as a value above, so it cannot be a table"
        )
    if message == "Cannot overwrite a value" and field:
        return f"{field}is set twice{first}" if earlier else f"{field}clashes with a value set above"
    if message in ("Illegal character '\\n'", "Found invalid character '\\n'"):
        return f"{field}a string is not closed on this line: add the closing quote (text over several lines goes in triple quotes)"
    if message == "String never closed":
        return f"{field}a string opens here and is never closed: add the closing quote"
    if message == "Invalid value":
        return f'{field}invalid value (text goes in quotes, like "pre-product")'
    return message


def _unclosed_string_line(text: str) -> int | None:
    """The line where a string that never closes opens: tomllib only says 'at end of document'."""
    line, index, opened, quote = 1, 0, 0, ""
    while index < len(text):
        char = text[index]
        if not quote:
            if char == "#":
                end = text.find("\n", index)
                index = len(text) if end < 0 else end
                continue
            if char in "\"'":
                quote = char * 3 if text.startswith(char * 3, index) else char
                opened = line
                index += len(quote)
                continue
        elif char == "\\" and quote[0] == '"':
            line += text[index + 1 : index + 2] == "\n"
            index += 2
            continue
        elif text.startswith(quote, index):
            index += len(quote)
            quote = ""
            continue
        line += char == "\n"
        index += 1
    return opened if quote else None


def _migrate(data: dict[str, Any], source: str, positions: _FieldLines) -> dict[str, Any]:
    def where() -> str:
        line = line_of(positions.lines, ("schema_version",))
        return f"{source}:{line}" if line else source

    version = data.get("schema_version")
    if version is None:
        raise SpecError(f"{source}: schema_version: is missing; add schema_version = {SCHEMA_VERSION} at the top")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SpecError(f"{where()}: schema_version: must be a whole number such as {SCHEMA_VERSION} (got {version!r})")
    if version > SCHEMA_VERSION:
        raise SpecError(
            f"{where()}: schema_version: {version} was written by a newer rolescope; this is rolescope "
            f"{__version__}, which reads schema_version {SCHEMA_VERSION}: upgrade rolescope to open it"
        )
    if version < 1:
        raise SpecError(f"{where()}: schema_version: must be 1 or more (got {version})")
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


def validate_spec_data(data: dict[str, Any], source: str, text: str = "", *, complete: bool = True) -> RoleSpec:
    positions = _FieldLines(text)
    too_big = _limit_problems(data, source, positions)
    if too_big:
        raise SpecError(too_big)
    try:
        spec = RoleSpec.model_validate(data)
    except ValidationError as error:
        raise SpecError(_describe(error, data, source, positions.lines)) from None
    problems = completeness_problems(spec) if complete else []
    if problems:
        lines = []
        for field, message in problems:
            line = line_of(positions.lines, tuple(field.split(".")))
            lines.append(f"{_where(source, line)}: {field}: {message}")
        raise SpecError(lines)
    return spec


class _FieldLines:
    """The line of each field in a spec's text, worked out only when a problem is
    worded: a valid spec never needs it, and a batch export reads thousands."""

    def __init__(self, text: str):
        self.text = text
        self._lines: dict[KeyPath, int] | None = None

    @property
    def lines(self) -> dict[KeyPath, int]:
        if self._lines is None:
            self._lines = field_lines(self.text) if self.text else {}
        return self._lines


def _limit_problems(data: dict[str, Any], source: str, positions: _FieldLines) -> list[str]:
    """The size limits (rolescope.limits), checked before validation so that an
    absurd spec is refused quickly, naming the field."""
    problems: list[tuple[int, str]] = []

    def report(loc: KeyPath, message: str, name: str | None = None) -> None:
        line = line_of(positions.lines, loc)
        problems.append((line or 0, _one_line(f"{_where(source, line)}: {name or field_name(loc)}: {message}")))

    tasks = data.get("tasks")
    if isinstance(tasks, list) and len(tasks) > MAX_TASKS:
        report(("tasks", 0), f"{len(tasks):,} tasks is over the limit of {MAX_TASKS:,} for one spec", "tasks")
        return [text for _, text in problems]

    def walk(value: Any, loc: KeyPath) -> None:
        if isinstance(value, str):
            if len(value) > MAX_TEXT_CHARS:
                report(loc, f"{len(value):,} characters is over the limit of {MAX_TEXT_CHARS:,} for one text")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*loc, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*loc, index))

    walk(data, ())
    return [text for _, text in sorted(problems, key=lambda item: item[0])]


def _one_line(message: str) -> str:
    """A message quotes the user's keys: their control characters (escape sequences,
    newlines, tabs) are shown as symbols, so each problem stays one harmless line."""
    return one_line(message)


def _where(source: str, line: int | None) -> str:
    return f"{source}:{line}" if line else source


def field_name(loc: KeyPath) -> str:
    """('tasks', 2, 'weeks') -> 'tasks[3].weeks': tasks count from 1, as the wizard shows them."""
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += ("." if name else "") + str(part)
    return name or "(top level)"


def _model_at(loc: KeyPath) -> type[BaseModel] | None:
    """The pydantic model that holds the last element of `loc`, to list its allowed keys."""
    model: Any = RoleSpec
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        annotation = field.annotation
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                model = candidate
                break
        else:
            return None
    return model  # type: ignore[no-any-return]


def _suggest(value: object, choices: list[str]) -> str:
    if not isinstance(value, str):
        return ""
    lowered = value.strip().lower()
    close = [choice for choice in choices if lowered and choice.startswith(lowered)]
    close = close or [choice for choice in choices if len(lowered) >= 4 and lowered in choice]
    close = close or difflib.get_close_matches(lowered, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _is_number(text: str) -> bool:
    try:
        float(text.replace("_", ""))
    except ValueError:
        return False
    return True


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _message(err: ErrorDetails) -> str:
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        key = str(err["loc"][-1])
        model = _model_at(tuple(err["loc"]))
        allowed = list(model.model_fields) if model else []
        hint = _suggest(key, allowed)
        if len(err["loc"]) > 1 and key in RoleSpec.model_fields and key not in err["loc"][:-1]:
            # Keys after a [table] header belong to that table: the classic TOML slip.
            hint = f" ('{key}' belongs at the top level: move it above the first [table] header)"
        listing = f"; allowed here: {', '.join(allowed)}" if allowed else ""
        return f"unknown key '{key}'{hint}{listing}"
    if kind == "literal_error":
        expected = [
            choice.strip().strip("'") for choice in str(ctx.get("expected", "")).replace(" or ", ",").split(",")
        ]
        expected = [choice for choice in expected if choice]
        return f"{_short(value)} is not one of: {', '.join(expected)}{_suggest(value, expected)}"
    if kind == "finite_number":
        return f"must be a finite number (got {_short(value)})"
    if kind in ("int_from_float", "int_parsing") or (kind == "int_type" and isinstance(value, float)):
        return f"must be a whole number (got {_short(value)})"
    if kind == "bool_type":
        return f"must be true or false, without quotes (got {_short(value)})"
    if kind in ("float_type", "float_parsing", "int_type"):
        quoted = isinstance(value, str) and _is_number(value)
        return f"must be a number{', without quotes' if quoted else ''} (got {_short(value)})"
    if kind == "greater_than":
        return f"must be more than {format_number(ctx['gt'])} (got {_short(value)})"
    if kind == "greater_than_equal":
        return f"must be {format_number(ctx['ge'])} or more (got {_short(value)})"
    if kind == "less_than_equal":
        return f"must be at most {format_number(ctx['le'])} (got {_short(value)})"
    if kind == "less_than":
        return f"must be less than {format_number(ctx['lt'])} (got {_short(value)})"
    if kind == "string_type":
        return f"must be text in quotes (got {_short(value)})"
    if kind == "list_type" and tuple(err["loc"]) == ("tasks",):
        what = "a single [tasks] table" if isinstance(value, dict) else _short(value)
        return f"must be one or more [[tasks]] entries, each starting with a [[tasks]] line (got {what})"
    if kind == "list_type":
        return f'must be a list, like ["…", "…"] (got {_short(value)})'
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        loc = tuple(err["loc"])
        name = ".".join(str(part) for part in loc if not isinstance(part, int))
        table = f"[[{name}]] entry" if loc and isinstance(loc[-1], int) else f"[{name}] table"
        return f"must be a {table} (got {_short(value)})"
    if kind == "string_pattern_mismatch":
        return f"must be a three-letter currency code such as USD or EUR (got {_short(value)})"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    return str(err["msg"])


def _describe(error: ValidationError, data: dict[str, Any], source: str, positions: dict[KeyPath, int]) -> list[str]:
    found: list[tuple[int, str]] = []
    seen: set[KeyPath] = set()
    for err in error.errors():
        loc = tuple(err["loc"])
        # `X | None` fields report the same problem twice (once per branch); keep the informative one.
        loc = tuple(part for part in loc if part not in ("literal['researcher','developer','operator']",))
        if loc in seen:
            continue
        seen.add(loc)
        line = line_of(positions, loc)
        found.append((line or 0, _one_line(f"{_where(source, line)}: {field_name(loc)}: {_message(err)}")))
    return [text for _, text in sorted(found, key=lambda item: item[0])]


# ---------------------------------------------------------------- writing


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
            cleaned = {key: prune(item) for key, item in value.items()}
            return {key: item for key, item in cleaned.items() if item not in (None, [], {})}
        if isinstance(value, list):
            return [prune(item) for item in value]
        if isinstance(value, float):
            return _number(value)
        return value

    raw = spec.model_dump(mode="python")
    data: dict[str, Any] = {"schema_version": spec.schema_version}
    data.update(prune({key: item for key, item in raw.items() if key != "schema_version"}))
    return data


def dump_toml(data: dict[str, Any]) -> str:
    """Canonical TOML: keys before tables, every table under its own header and
    every array of tables as [[name]] blocks, so specs diff well in git.
    Values are rendered by tomli_w, which owns the escaping."""
    out: list[str] = []

    def emit(table: dict[str, Any], path: tuple[str, ...]) -> None:
        plain = {key: value for key, value in table.items() if not _is_table(value) and not _is_table_array(value)}
        if plain:
            out.append(tomli_w.dumps(plain))
        for key, value in table.items():
            if _is_table(value):
                name = ".".join(_bare_key(part) for part in (*path, key))
                out.append(f"[{name}]\n")
                emit(value, (*path, key))
            elif _is_table_array(value):
                name = ".".join(_bare_key(part) for part in (*path, key))
                for item in value:
                    out.append(f"[[{name}]]\n")
                    emit(item, (*path, key))

    emit(data, ())
    blocks: list[str] = []
    for chunk in out:
        if chunk.startswith("[") and blocks:
            blocks.append("\n")
        blocks.append(chunk)
    return "".join(blocks)


def _is_table(value: Any) -> bool:
    return isinstance(value, dict)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _bare_key(key: str) -> str:
    return (
        key
        if key and all((c.isalnum() and c.isascii()) or c in "_-" for c in key)
        else tomli_w.dumps({key: 0}).split(" = ")[0]
    )


def dump_spec(spec: RoleSpec) -> str:
    return dump_toml(spec_to_data(spec))


def write_spec(spec: RoleSpec, path: str | Path, *, replace: bool = True) -> None:
    """Write `spec` to `path` atomically; through a symbolic link to its file. Without
    `replace`, an existing `path` raises fileio.TargetsExist and is left alone."""
    atomic_write_text(Path(path), dump_spec(spec), replace=replace)
