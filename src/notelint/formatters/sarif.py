"""--format sarif: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run: the rule catalogue in tool.driver.rules (the rules in force, plus any rule a
result names that is not among them), one result per violation with its region, fixes
where a violation has one, and inputs that could not be read as tool notifications.
Columns count Unicode code points (`columnKind: unicodeCodePoints`), as everywhere in
notelint; end columns are exclusive, as SARIF wants.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from notelint.formatters.base import OutputOptions
from notelint.model import FixOption, Rule, Severity, Violation

if TYPE_CHECKING:
    from notelint.linter import InputError, Report

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # slow to import: on use

    try:
        return version("notelint")
    except PackageNotFoundError:  # pragma: no cover
        return "0"


def artifact_uri(path: str) -> str:
    """A path as given on the command line as a URI reference: relative paths stay
    relative (forward slashes, percent-encoded), absolute ones become file: URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/")


def _rule_name(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("-"))


def _paragraph(text: str) -> str:
    return " ".join(text.split())


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    why = _paragraph(rule.why) or rule.summary or rule.id
    help_text = why + (f" See {rule.link}" if rule.link else "")
    out: dict[str, Any] = {
        "id": rule.id,
        "name": _rule_name(rule.id),
        "shortDescription": {"text": rule.summary or rule.id},
        "fullDescription": {"text": why},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"kind": rule.kind},
    }
    if rule.link:
        out["helpUri"] = rule.link
    return out


def _placeholder(rule_id: str, severity: Severity) -> dict[str, Any]:
    """A descriptor for a rule a result names but the catalogue lacks (`directive`)."""
    return {
        "id": rule_id,
        "name": _rule_name(rule_id),
        "shortDescription": {"text": rule_id},
        "defaultConfiguration": {"level": LEVELS[severity]},
    }


def _region(v: Violation) -> dict[str, int]:
    return {
        "startLine": v.line,
        "startColumn": v.column,
        "endLine": v.end_line,
        "endColumn": v.end_column,
    }


def _result(v: Violation, index: int) -> dict[str, Any]:
    location = {"artifactLocation": {"uri": artifact_uri(v.path)}, "region": _region(v)}
    out: dict[str, Any] = {
        "ruleId": v.rule,
        "ruleIndex": index,
        "level": LEVELS[v.severity],
        "message": {"text": v.message},
        "locations": [{"physicalLocation": location}],
    }
    if v.fix_options:
        # One SARIF fix per option: a safe fix, or each suggestion to choose from.
        out["fixes"] = [_fix(v, option) for option in v.fix_options]
    return out


def _fix(v: Violation, option: FixOption) -> dict[str, Any]:
    return {
        "description": {"text": option.title},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": artifact_uri(v.path)},
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": e.line,
                            "startColumn": e.column,
                            "endLine": e.end_line,
                            "endColumn": e.end_column,
                        },
                        "insertedContent": {"text": e.content},
                    }
                    for e in option.edits
                ],
            }
        ],
    }


def _error_location(error: InputError) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(error.path)}}
    if error.line:
        location["region"] = {"startLine": error.line}
    return location


def sarif_log(report: Report, options: OutputOptions) -> dict[str, Any]:
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for rule in options.rules:
        if rule.id not in index:
            index[rule.id] = len(descriptors)
            descriptors.append(rule_descriptor(rule))
    for v in report.violations:
        if v.rule not in index:
            index[v.rule] = len(descriptors)
            descriptors.append(_placeholder(v.rule, v.severity))

    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            "locations": [{"physicalLocation": _error_location(error)}] if error.path else [],
        }
        for error in report.errors
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "notelint",
                        "version": _version(),
                        "rules": descriptors,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not report.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": [_result(v, index[v.rule]) for v in report.violations],
            }
        ],
    }


def render(report: Report, options: OutputOptions) -> str:
    return json.dumps(sarif_log(report, options), indent=2, ensure_ascii=False)
