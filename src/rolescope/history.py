"""Undo and redo over whole specs, for every edit in every step.

Specs are immutable, so a history step is simply the spec as it was. Edits come
with a group naming what they change ("company.name", "tasks[3]"): a run of
edits in one group (the keystrokes of one field) is one undo step, and an edit
in another group, or one without a group (delete, move, override), starts a
new one. `seal` ends the current run, so coming back to a field later is a new
step too.
"""

from __future__ import annotations

from rolescope.spec import RoleSpec

UNDO_LIMIT = 200


class History:
    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self.limit = limit
        self.undo_stack: list[RoleSpec] = []
        self.redo_stack: list[RoleSpec] = []
        self._group: str | None = None

    def record(self, before: RoleSpec, group: str | None = None) -> None:
        """Note an edit away from `before`. Call it for every edit, before the spec changes."""
        if group is None or group != self._group:
            self.undo_stack.append(before)
            del self.undo_stack[: -self.limit]
        self.redo_stack.clear()
        self._group = group

    def seal(self) -> None:
        """The current run of keystrokes is over: the next edit is a step of its own."""
        self._group = None

    def undo(self, current: RoleSpec) -> RoleSpec | None:
        """The spec to go back to, or None when there is nothing to undo."""
        self._group = None
        if not self.undo_stack:
            return None
        self.redo_stack.append(current)
        return self.undo_stack.pop()

    def redo(self, current: RoleSpec) -> RoleSpec | None:
        self._group = None
        if not self.redo_stack:
            return None
        self.undo_stack.append(current)
        return self.redo_stack.pop()
