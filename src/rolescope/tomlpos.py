"""Find the line a field sits on in a TOML text, so errors can name it.

tomllib gives values, not positions. A light scan of headers and `key =` lines is
enough for the files people write by hand; anything it cannot place falls back to
the nearest enclosing table, or to no line at all.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_key(dotted: str) -> tuple[str, ...]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted)
    return tuple(part.strip("\"'") for part in parts)


def field_lines(text: str) -> dict[tuple, int]:
    """Map each table and key path (array-of-table entries indexed from 0) to its 1-based line."""
    positions: dict[tuple, int] = {}
    array_counts: dict[tuple, int] = {}
    current: tuple = ()
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
                current = path + (index,)
            else:
                current = path
            positions.setdefault(current, number)
            continue
        key = _KEY.match(line)
        if key:
            path = current + _split_key(key.group(1))
            positions.setdefault(path, number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_multiline = quote
    return positions


def line_of(positions: dict[tuple, int], loc: tuple) -> int | None:
    """The line of `loc`, or of the closest enclosing path that has one."""
    path = tuple(loc)
    while path:
        if path in positions:
            return positions[path]
        path = path[:-1]
    return None
