"""--format text: `PATH:LINE:COLUMN: SEVERITY RULE MESSAGE`, then a summary."""

from __future__ import annotations

from collections import Counter

import click

from notelint.formatters.base import OutputOptions
from notelint.linter import Report
from notelint.model import Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(report: Report, options: OutputOptions) -> str:
    lines = []
    style = _styler(options.color)
    for v in report.violations:
        where = style(f"{v.path}:{v.line}:{v.column}:", bold=True)
        severity = style(str(v.severity), fg=_COLOURS[v.severity])
        lines.append(f"{where} {severity} {style(v.rule, dim=True)} {v.message}")
    if options.checklist:
        lines.extend(_checklist(report, options))
    if not options.quiet:
        lines.append(summary(report))
    return "\n".join(lines)


def summary(report: Report) -> str:
    notes = report.files
    noun = "note" if notes == 1 else "notes"
    count = len(report.errors)
    errors = f"; {count} error{'s' if count != 1 else ''} reported above" if count else ""
    if not report.violations:
        return f"{notes} {noun} checked, no problems found{errors}."
    counts = Counter(v.severity for v in report.violations)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in Severity if counts[s]]
    flagged = len({v.path for v in report.violations})
    problems = len(report.violations)
    return (
        f"{problems} problem{'s' if problems != 1 else ''} ({', '.join(parts)}) in "
        f"{flagged} of {notes} {noun}{errors}."
    )


def _checklist(report: Report, options: OutputOptions) -> list[str]:
    found = Counter(v.rule for v in report.violations)
    style = _styler(options.color)
    out = ["", "Checklist:"]
    for rule in options.rules:
        if not rule.checklist:
            continue
        if found[rule.id]:
            out.append(f"  {style('✗', fg='red')} {rule.checklist} ({rule.id})")
        else:
            out.append(f"  {style('✓', fg='green')} {rule.checklist}")
    tone = [
        f"{rule.id} ×{found[rule.id]}"
        for rule in options.rules
        if not rule.checklist and found[rule.id]
    ]
    out.append("  Tone and form: " + (", ".join(tone) if tone else "nothing to report"))
    out.append("")
    return out


def _styler(color: bool):  # type: ignore[no-untyped-def]
    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if color else text  # type: ignore[arg-type]

    return style
