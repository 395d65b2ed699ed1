"""Find the line a field sits on in a TOML text, so errors can name it.

tomllib gives values, not positions. A light scan of headers and `key =` lines is
enough for the files people write by hand; anything it cannot place falls back to
the nearest enclosing table, or to no line at all.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")

# A table or key path as tomllib nests it: keys, and indexes into arrays of tables.
KeyPath = tuple[str | int, ...]


def _split_key(dotted: str) -> tuple[str, ...]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted)
    return tuple(_unquote(part) for part in parts)


def _unquote(part: str) -> str:
    """A key part as tomllib reads it: a "quoted" key may hold escapes such as \\n or \\u001b."""
    if part.startswith('"') and "\\" in part:
        try:
            return str(tomllib.loads(f"k = {part}")["k"])
        except tomllib.TOMLDecodeError:
            pass
    return part.strip("\"'")


def field_lines(text: str) -> dict[KeyPath, int]:
    """Map each table and key path (array-of-table entries indexed from 0) to its 1-based line."""
    positions: dict[KeyPath, int] = {}
    for number, path in iter_fields(text):
        positions.setdefault(path, number)
    return positions


def path_on_line(text: str, line: int) -> KeyPath | None:
    """The table or key path written on `line` (1-based), even when it repeats an earlier one."""
    return next((path for number, path in iter_fields(text) if number == line), None)


def iter_fields(text: str) -> Iterator[tuple[int, KeyPath]]:
    """(line, path) for every table header and `key =` line in file order, repeats included."""
    array_counts: dict[KeyPath, int] = {}
    current: KeyPath = ()
    in_multiline: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("#"):
            path = _split_key(header.group(2))
            if header.group(1) == "[[":
                index = array_counts.get(path, 0)
                array_counts[path] = index + 1
                current = (*path, index)
            else:
                current = path
            yield number, current
            continue
        key = _KEY.match(line)
        if key:
            yield number, current + _split_key(key.group(1))
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_multiline = quote


def line_of(positions: dict[KeyPath, int], loc: KeyPath) -> int | None:
    """The line of `loc`, or of the closest enclosing path that has one."""
    path = tuple(loc)
    while path:
        if path in positions:
            return positions[path]
        path = path[:-1]
    return None
