"""`notelint check --fix` and `--diff`: the command line's side of notelint.fixes.

--fix rewrites files in place and reports what is left; with standard input it writes
the fixed text to standard output and the report to standard error. --diff prints what
--fix would change, as a unified diff, and writes nothing: its exit status is 1 when
there is something to fix, like ruff's.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import NoReturn

import click

from notelint.config import ConfigError
from notelint.fixes import FileFix, encode_like, fix_note, fix_paths, is_decoded, unified_diff
from notelint.linter import InputError, Linter, Report
from notelint.sources import SourceError, note_from_bytes


@dataclass(frozen=True)
class FixFlags:
    unsafe: bool
    diff: bool
    quiet: bool
    verbose: bool
    exit_zero: bool = False


def run(
    linter: Linter, paths: tuple[str, ...], flags: FixFlags, stdin_filename: str | None
) -> tuple[Report, bytes | None]:
    """Fix the notes (or, with --diff, print what would change and exit). Returns what
    is left to report and, for standard input, the bytes to write to standard output."""
    files = [p for p in paths if p != "-"]
    if files:
        report, done = fix_paths(
            linter, files, unsafe=flags.unsafe, write=not flags.diff, verbose=flags.verbose
        )
    else:
        report, done = Report(), []
    stdin_out: bytes | None = None
    if "-" in paths:
        name = stdin_filename or "-"
        if stdin_filename and linter.force_exclude and linter.excluded(stdin_filename):
            stdin_out = sys.stdin.buffer.read()  # excluded: passed through untouched
        else:
            stdin_out = _fix_stdin(linter, name, flags, report, done)
    if flags.diff:
        _print_diff(report, done, flags)
    return report, stdin_out


def _print_diff(report: Report, done: list[FileFix], flags: FixFlags) -> NoReturn:
    for notice in report.notices:
        click.echo(notice, err=True)
    for error in report.errors:
        click.echo(f"notelint: {error}", err=True)
    changed = [f for f in done if f.before != f.after]
    for f in changed:
        click.echo(unified_diff(f.path, f.before, f.after), nl=False)
    if changed and not flags.quiet:
        count = sum(len(f.applied) for f in changed)
        click.echo(
            f"Would fix {count} problem{'s' if count != 1 else ''} in "
            f"{len(changed)} note{'s' if len(changed) != 1 else ''}.",
            err=True,
        )
    sys.exit(2 if report.errors else 1 if changed and not flags.exit_zero else 0)


def _fix_stdin(
    linter: Linter, name: str, flags: FixFlags, report: Report, done: list[FileFix]
) -> bytes | None:
    """Fix standard input; returns the bytes to write back (the input, unchanged, when
    it cannot be fixed)."""
    data = sys.stdin.buffer.read()
    try:
        note = note_from_bytes(data, name)
    except SourceError as exc:
        report.errors.append(InputError(name, str(exc)))
        return data
    try:
        fixed = fix_note(linter, note, unsafe=flags.unsafe)
    except ConfigError as exc:
        report.add_config_error(exc)
        return data
    report.files += 1
    done.append(FileFix(name, note.text, fixed.text, fixed.applied))
    encoded = encode_like(data, fixed.text)
    if not fixed.changed:
        report.violations.extend(fixed.remaining)
        return data
    if flags.diff:
        report.fixed.extend(fixed.applied)
        return None
    if is_decoded(note) or encoded is None:
        report.notices.append(
            f"{name}: not rewritten: its text is decoded from the input; see the fixes with --diff"
        )
        report.violations.extend(linter.lint_notes([note]))
        return data
    report.violations.extend(fixed.remaining)
    report.fixed.extend(fixed.applied)
    return encoded
