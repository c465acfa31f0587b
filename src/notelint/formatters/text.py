"""--format text: `PATH:LINE:COLUMN: SEVERITY RULE MESSAGE`, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from notelint.formatters.base import OutputOptions
from notelint.model import Severity, Violation

if TYPE_CHECKING:
    from notelint.linter import Report

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(report: Report, options: OutputOptions) -> str:
    lines = []
    style = _styler(options.color)
    if options.show_fixes and report.fixed:
        lines.extend(_fixed(report, style))
    for v in report.violations:
        where = style(f"{v.path}:{v.line}:{v.column}:", bold=True)
        severity = style(str(v.severity), fg=_COLOURS[v.severity])
        mark = style("[*] ", fg="cyan") if _fixable(v, options.unsafe_fixes) else ""
        lines.append(f"{where} {severity} {style(v.rule, dim=True)} {mark}{v.message}")
        if options.show_fixes and v.fix is not None:
            kind = "fix" if v.fix.safe else "suggestion"
            lines.extend(f"    {kind}: {option.title}" for option in v.fix_options)
    if options.checklist:
        lines.extend(_checklist(report, options))
    if not options.quiet:
        lines.append(summary(report, options.unsafe_fixes))
    return "\n".join(lines)


def _fixable(v: Violation, unsafe: bool) -> bool:
    """Whether --fix (with --unsafe-fixes, if given) would fix it."""
    return v.fix is not None and bool(v.fix_options) and (v.fix.safe or unsafe)


def _fixed(report: Report, style: Callable[..., str]) -> list[str]:
    out = []
    for v in report.fixed:
        where = style(f"{v.path}:{v.line}:{v.column}:", bold=True)
        title = v.fix.description if v.fix else ""
        out.append(f"{where} fixed {style(v.rule, dim=True)} {title}")
    return out


def summary(report: Report, unsafe: bool = False) -> str:
    """The closing line: problems by severity, what was fixed and what --fix would fix."""
    line = _problems(report)
    if report.fixed:
        count = len(report.fixed)
        line = f"Fixed {count} problem{'s' if count != 1 else ''}. " + line
    fixable = sum(1 for v in report.violations if _fixable(v, unsafe))
    more = sum(1 for v in report.violations if _fixable(v, True)) - fixable
    if fixable:
        flag = "--fix --unsafe-fixes" if unsafe else "--fix"
        line += f" [*] {fixable} fixable with `notelint check {flag}`"
        line += f" ({more} more with --unsafe-fixes)." if more else "."
    elif more:
        line += f" {more} fixable with `notelint check --fix --unsafe-fixes`."
    return line


def _problems(report: Report) -> str:
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


def _styler(color: bool) -> Callable[..., str]:
    def style(text: str, fg: str | None = None, bold: bool = False, dim: bool = False) -> str:
        return click.style(text, fg=fg, bold=bold or None, dim=dim or None) if color else text

    return style
