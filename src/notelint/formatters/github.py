"""--format github: GitHub Actions workflow commands, one annotation per violation.

    ::warning file=drafts/acme.md,line=7,col=12,endLine=7,endColumn=31,title=hyperbole::...

Levels: error -> error, warning -> warning, info -> notice. Escaping follows the Actions
runner: in the message `%`, CR and LF are percent-encoded; in property values `:` and `,`
are too. Inputs that could not be read become `::error` annotations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from notelint.formatters.base import OutputOptions
from notelint.model import Severity

if TYPE_CHECKING:
    from notelint.linter import Report

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def render(report: Report, options: OutputOptions) -> str:
    lines = [
        command(
            LEVELS[v.severity],
            v.message,
            file=v.path,
            line=v.line,
            col=v.column,
            endLine=v.end_line,
            endColumn=v.end_column,
            title=v.rule,
        )
        for v in report.violations
    ]
    lines.extend(
        command("error", error.message, file=error.path or None, line=error.line, title="notelint")
        for error in report.errors
    )
    return "\n".join(lines)
