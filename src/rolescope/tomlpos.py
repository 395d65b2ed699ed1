"""Find the line a field sits on in a TOML text, so errors can name it.

tomllib gives values, not positions. A light scan of headers and `key =` lines is
enough for the files people write by hand; anything it cannot place falls back to
the nearest enclosing table, or to no line at all.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

# A table or key path as tomllib nests it: keys, and indexes into arrays of tables.
KeyPath = tuple[str | int, ...]


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


_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_SPACE = " \t"
_SCALAR_END = frozenset(",]}#\n \t\r")
# What can end or interrupt a string: its quote, a newline, and in "basic" strings an escape.
_BASIC_SPECIAL = re.compile(r'["\\\n]')
_LITERAL_SPECIAL = re.compile(r"['\n]")


class _Scanner:
    """One pass over the text, character by character: strings (all four kinds),
    comments, headers, keys and the values of arrays and inline tables, so the cost
    is linear in the file's size and a key inside `tasks = [{ ... }]` gets its line."""

    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.line = 1

    def skip(self, chars: str, *, newlines: bool = False) -> None:
        text, end = self.text, len(self.text)
        while self.pos < end:
            char = text[self.pos]
            if char in chars:
                self.pos += 1
            elif newlines and char == "\n":
                self.line += 1
                self.pos += 1
            elif newlines and char == "#":
                self.to_line_end()
            else:
                break

    def to_line_end(self) -> None:
        end = self.text.find("\n", self.pos)
        self.pos = len(self.text) if end < 0 else end

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def string(self) -> str:
        """Skip the string that starts here; return its source (quotes included)."""
        text, start = self.text, self.pos
        quote = text[start]
        delimiter = quote * 3 if text.startswith(quote * 3, start) else quote
        self.pos += len(delimiter)
        special = _BASIC_SPECIAL if quote == '"' else _LITERAL_SPECIAL
        while True:
            found = special.search(text, self.pos)
            if found is None:
                self.pos = len(text)
                break
            self.pos = found.start()
            char = found.group()
            if char == "\\":
                if text.startswith("\n", self.pos + 1):
                    self.line += 1
                self.pos += 2
            elif char == "\n":
                if len(delimiter) == 1:
                    break  # never closed on its line: malformed, the next line starts afresh
                self.line += 1
                self.pos += 1
            elif text.startswith(delimiter, self.pos):
                self.pos += len(delimiter)
                # A multi-line string may end in up to two more quotes of its kind.
                while len(delimiter) == 3 and self.peek() == quote and self.pos - start < 2 * 3 + 2:
                    self.pos += 1
                break
            else:
                self.pos += 1  # a lone quote inside a multi-line string
        return text[start : self.pos]

    def key(self) -> tuple[str, ...] | None:
        """A bare, quoted or dotted key starting here, or None."""
        parts: list[str] = []
        while True:
            self.skip(_SPACE)
            char = self.peek()
            if char in ('"', "'") and char:
                parts.append(_unquote(self.string()))
            elif char and char in _BARE:
                start = self.pos
                while self.peek() and self.peek() in _BARE:
                    self.pos += 1
                parts.append(self.text[start : self.pos])
            else:
                return None
            self.skip(_SPACE)
            if self.peek() != ".":
                return tuple(parts)
            self.pos += 1


def iter_fields(text: str) -> Iterator[tuple[int, KeyPath]]:
    """(line, path) for every table header, `key =` line, array element and inline
    table key, in file order, repeats included."""
    scan = _Scanner(text)
    array_counts: dict[KeyPath, int] = {}
    current: KeyPath = ()
    # Open arrays and inline tables: [kind, path, next index, expecting a separator].
    stack: list[list[Any]] = []
    end = len(text)
    while scan.pos < end:
        if not stack:
            scan.skip(_SPACE + "\r", newlines=True)
            char = scan.peek()
            if not char:
                break
            if char == "[":
                double = text.startswith("[[", scan.pos)
                scan.pos += 2 if double else 1
                path = scan.key()
                if path is not None:
                    if double:
                        index = array_counts.get(path, 0)
                        array_counts[path] = index + 1
                        current = (*path, index)
                    else:
                        current = path
                    yield scan.line, current
                scan.to_line_end()
                continue
            key = scan.key()
            if key is None or scan.peek() != "=":
                scan.to_line_end()
                continue
            scan.pos += 1
            yield scan.line, current + key
            _value(scan, current + key, stack)
            if not stack:
                scan.to_line_end()
            continue
        frame = stack[-1]
        kind, path, index, after = frame
        if kind == "[":
            scan.skip(_SPACE + "\r", newlines=True)
            char = scan.peek()
            if char == "]" or not char:
                scan.pos += 1
                stack.pop()
            elif after:
                if char == ",":
                    frame[2], frame[3] = index + 1, False
                scan.pos += 1
            else:
                frame[3] = True
                yield scan.line, (*path, index)
                _value(scan, (*path, index), stack)
        else:
            scan.skip(_SPACE + "\r", newlines=True)
            char = scan.peek()
            if char == "}" or not char:
                scan.pos += 1
                stack.pop()
            elif after:
                if char == ",":
                    frame[3] = False
                scan.pos += 1
            else:
                key = scan.key()
                if key is None or scan.peek() != "=":
                    scan.pos += 1
                    continue
                scan.pos += 1
                frame[3] = True
                yield scan.line, (*path, *key)
                _value(scan, (*path, *key), stack)
        if not stack:
            scan.to_line_end()


def _value(scan: _Scanner, path: KeyPath, stack: list[list[Any]]) -> None:
    """Step over the value that starts here; an array or inline table is opened on
    `stack` for the main loop to walk (no recursion, however deep the nesting)."""
    scan.skip(_SPACE)
    char = scan.peek()
    if char in ('"', "'") and char:
        scan.string()
    elif char == "[":
        scan.pos += 1
        stack.append(["[", path, 0, False])
    elif char == "{":
        scan.pos += 1
        stack.append(["{", path, 0, False])
    else:
        while scan.pos < len(scan.text) and scan.text[scan.pos] not in _SCALAR_END:
            scan.pos += 1


def line_of(positions: dict[KeyPath, int], loc: KeyPath) -> int | None:
    """The line of `loc`, or of the closest enclosing path that has one."""
    path = tuple(loc)
    while path:
        if path in positions:
            return positions[path]
        path = path[:-1]
    return None
