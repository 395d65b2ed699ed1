"""Emitters for lint findings: one line each, JSON (PRODUCT.md's shape) and SARIF
2.1.0. They format the findings; they decide nothing."""

from __future__ import annotations

from typing import Any

from rolescope import __version__
from rolescope.catalog import LintCatalog
from rolescope.findings import Finding
from rolescope.markdown import one_line

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def text_line(finding: Finding) -> str:
    """`file:line:col rule severity message`; a finding about the whole document
    has line and column 0, as other linters print it."""
    return one_line(
        f"{finding.file or '-'}:{finding.line or 0}:{finding.column or 0} "
        f"{finding.rule} {finding.severity} {finding.message}"
    )


def to_json(findings: list[Finding]) -> list[dict[str, Any]]:
    return [finding.to_json() for finding in findings]


def to_sarif(findings: list[Finding], lint: LintCatalog) -> dict[str, Any]:
    used = sorted({finding.rule for finding in findings} | set(lint.enabled))
    index = {rule: number for number, rule in enumerate(used)}
    rules = []
    for rule in used:
        info = lint.rules.get(rule)
        rules.append(
            {
                "id": rule,
                "shortDescription": {"text": info.message if info else rule},
                "defaultConfiguration": {"level": _SARIF_LEVEL[info.severity] if info else "warning"},
            }
        )
    results = []
    for finding in findings:
        location: dict[str, Any] = {"artifactLocation": {"uri": finding.file or "stdin"}}
        if finding.line is not None:
            location["region"] = {"startLine": finding.line, "startColumn": finding.column or 1}
        results.append(
            {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": _SARIF_LEVEL[finding.severity],
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": location}],
            }
        )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "rolescope",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
