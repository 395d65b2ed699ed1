"""One model of a finding, shared by the job description's decisions, `export`
and `lint`; the text, JSON and SARIF emitters only format it."""

from __future__ import annotations

from typing import Any

from rolescope.values import replace, valueclass

SEVERITIES = ("info", "warning", "error")
RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@valueclass
class Finding:
    rule: str
    severity: str  # info | warning | error
    message: str
    line: int | None = None  # 1-based; None: about the document as a whole
    column: int | None = None  # 1-based
    task: int | None = None  # the spec's task it came from, 1-based
    field: str | None = None  # the spec field it came from: "tasks[3].outcome"
    file: str | None = None

    def at_least(self, severity: str) -> bool:
        return RANK[self.severity] >= RANK[severity]

    def in_file(self, file: str) -> Finding:
        return replace(self, file=file)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
        }
        if self.task is not None:
            data["task"] = self.task
        if self.field is not None:
            data["field"] = self.field
        return data
