"""Errors the user can act on: each carries one line per problem, already worded."""

from __future__ import annotations


class RolescopeError(Exception):
    """A problem with the user's input. `lines` are printed to stderr as they are."""

    def __init__(self, lines: list[str] | str):
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        super().__init__("\n".join(self.lines))


class SpecError(RolescopeError):
    """A role spec (or a preset file) could not be read or is invalid."""
