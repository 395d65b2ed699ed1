"""A spec's problems in the words a lead can act on: one line each, with the file,
the line where known, the field, what was wrong and what is allowed.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from rolescope.limits import MAX_TASKS, MAX_TEXT_CHARS
from rolescope.markdown import one_line
from rolescope.numbers import format_number
from rolescope.spec import RoleSpec
from rolescope.tomlpos import KeyPath, field_lines, line_of


class FieldLines:
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


def limit_problems(
    data: dict[str, Any], source: str, positions: FieldLines, *, texts_within_limit: bool = False
) -> list[str]:
    """The size limits (rolescope.limits), checked before validation so that an
    absurd spec is refused quickly, naming the field. `texts_within_limit`: the
    caller knows no text can be over its limit (the file is shorter), so only the
    tasks are counted."""
    problems: list[tuple[int, str]] = []

    def report(loc: KeyPath, message: str, name: str | None = None) -> None:
        line = line_of(positions.lines, loc)
        problems.append((line or 0, one_line(f"{where(source, line)}: {name or field_name(loc)}: {message}")))

    tasks = data.get("tasks")
    if isinstance(tasks, list) and len(tasks) > MAX_TASKS:
        report(("tasks", 0), f"{len(tasks):,} tasks is over the limit of {MAX_TASKS:,} for one spec", "tasks")
        return [text for _, text in problems]
    if texts_within_limit:
        return []

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


def where(source: str, line: int | None) -> str:
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
    model: type[BaseModel] = RoleSpec
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
    return model


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


def describe(error: ValidationError, data: dict[str, Any], source: str, positions: dict[KeyPath, int]) -> list[str]:
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
        found.append((line or 0, one_line(f"{where(source, line)}: {field_name(loc)}: {_message(err)}")))
    return [text for _, text in sorted(found, key=lambda item: item[0])]
