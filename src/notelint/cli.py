"""The command line: a thin adapter over notelint.linter.Linter.

Exit status: 0 clean (nothing at or above --fail-on), 1 violations, 2 usage, config or
input error (messages on standard error; the other files are still linted and reported).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Mapping
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from notelint import __version__
from notelint.formatters import FORMATTERS, OutputOptions
from notelint.model import Context, Severity

# The config loader, the linter and the note readers are imported by the functions that
# use them, so that `--version` and `--help` answer without loading them.
if TYPE_CHECKING:
    from notelint.config import RuleSet
    from notelint.linter import Linter, Report


class ExitCode(IntEnum):
    CLEAN = 0
    VIOLATIONS = 1
    ERROR = 2


def _split_ids(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _parse_date(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date like 2026-11-24", param_hint=flag
        ) from None


def _parse_context(values: tuple[str, ...]) -> Context:
    from notelint.sources import CONTEXT_KEYS, parse_context

    data: dict[str, object] = {}
    for value in values:
        key, sep, val = value.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or key not in CONTEXT_KEYS:
            raise click.BadParameter(
                f"{value!r}: expected KEY=VALUE with KEY one of {', '.join(CONTEXT_KEYS)}",
                param_hint="--context",
            )
        if key == "interviewer":
            names = data.setdefault("interviewer", [])
            assert isinstance(names, list)
            names.extend(n.strip() for n in val.split(",") if n.strip())
        else:
            data[key] = val.strip()
    try:
        return parse_context(data, "--context")
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--context") from None


def _unknown_rules_message(unknown: list[str], known: Iterable[str]) -> str:
    from notelint.suggest import did_you_mean

    named = ", ".join(repr(u) + did_you_mean(u, known) for u in unknown)
    return f"unknown rule {named}; valid rules: {', '.join(sorted(known))}"


def use_color(choice: str, isatty: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """--color: always, never, or (auto) on a terminal unless NO_COLOR is set (no-color.org)
    or the terminal is dumb."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    return isatty


def _fail(message: str) -> None:
    click.echo(f"notelint: {message}", err=True)
    sys.exit(ExitCode.ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="notelint")
def cli() -> None:
    """notelint: a linter for job-interview thank-you notes."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option("--select", multiple=True, help="Only these rules (comma-separated ids).")
@click.option(
    "--extend-select",
    multiple=True,
    help="Also these rules, even if the config switches them off (comma-separated ids).",
)
@click.option("--ignore", multiple=True, help="Skip these rules (comma-separated ids).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="warning",
    show_default=True,
    help="Lowest severity that makes the exit status 1.",
)
@click.option("--quiet", "-q", is_flag=True, help="Violations only: no summary or checklist.")
@click.option("--stdin-filename", help="Name for standard input (-): output and format.")
@click.option(
    "--context",
    "context_flags",
    multiple=True,
    metavar="KEY=VALUE",
    help="The interview: interviewer, company, position, interview_date.",
)
@click.option("--today", help="Date that time-based rules use (YYYY-MM-DD).")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
)
@click.option("--verbose", "-v", is_flag=True, help="Also say which files were skipped.")
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when there are violations (not on errors)."
)
@click.option(
    "--statistics", is_flag=True, help="Count the violations of each rule instead of listing them."
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the output to this file instead of standard output.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the config's exclude to files named on the command line too (pre-commit).",
)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place; report what is left.")
@click.option(
    "--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply suggestions too (the first)."
)
@click.option(
    "--diff", is_flag=True, help="Print a unified diff of what --fix would do; write nothing."
)
@click.option("--show-fixes", is_flag=True, help="List the fixes applied, or offered.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    show_default="0: the machine's cores, when there are enough notes to pay for it",
    help="Processes to lint with.",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    config_path: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    quiet: bool,
    stdin_filename: str | None,
    context_flags: tuple[str, ...],
    today: str | None,
    color: str,
    verbose: bool,
    exit_zero: bool,
    statistics: bool,
    output_file: str | None,
    force_exclude: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    show_fixes: bool,
    jobs: int,
) -> None:
    """Lint notes: files, folders (searched for notes), or - for standard input."""
    from notelint.config import ConfigError, default_ruleset, load_config
    from notelint.formatters import statistics as statistics_format
    from notelint.linter import Linter

    if stdin_filename and not paths:
        paths = ("-",)  # a name for standard input means: read standard input
    elif stdin_filename and "-" not in paths:
        raise click.UsageError("--stdin-filename names standard input; add - to the paths")
    context = _parse_context(context_flags)
    today_date = _parse_date(today, "--today")
    selected, ignored = _split_ids(select), _split_ids(ignore)
    extended = _split_ids(extend_select)
    if statistics and fmt not in statistics_format.STATISTICS_FORMATS:
        raise click.UsageError(
            f"--statistics writes {' or '.join(statistics_format.STATISTICS_FORMATS)}, not {fmt}"
        )
    try:
        fixed = load_config(config_path) if config_path else None
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        sys.exit(ExitCode.ERROR)
    linter = Linter(
        fixed,
        select=selected,
        extend_select=extended,
        ignore=ignored,
        context=context,
        today=today_date,
        force_exclude=force_exclude,
        jobs=jobs,
    )
    ruleset = _ruleset_or_none(linter, stdin_filename or (paths[0] if paths else None))
    unknown = linter.unknown_rules([*selected, *extended, *ignored], ruleset) if ruleset else []
    if unknown and ruleset:
        _fail(_unknown_rules_message(unknown, ruleset.known_ids))

    stdin_fixed: bytes | None = None  # with --fix: the fixed standard input
    if fix or diff:
        from notelint import fixcli

        flags = fixcli.FixFlags(unsafe_fixes, diff, quiet, verbose, exit_zero)
        report, stdin_fixed = fixcli.run(linter, paths or (".",), flags, stdin_filename)
    else:
        report = _run(linter, paths or (".",), stdin_filename, verbose)
    for notice in report.notices:
        click.echo(notice, err=True)
    for error in report.errors:
        click.echo(f"notelint: {error}", err=True)

    to_terminal = output_file is None and stdin_fixed is None and sys.stdout.isatty()
    color_on = use_color(color, to_terminal)
    options = OutputOptions(
        rules=(ruleset or default_ruleset()).rules,
        color=color_on,
        quiet=quiet,
        unsafe_fixes=unsafe_fixes,
        show_fixes=show_fixes,
        checklist=fmt == "text"
        and not quiet
        and report.files == 1
        and to_terminal
        and not report.errors,
    )
    if statistics:
        output = statistics_format.render(report, options, fmt)
    else:
        output = FORMATTERS[fmt](report, options)
    if stdin_fixed is not None:  # the fixed note owns standard output; the report goes aside
        sys.stdout.buffer.write(stdin_fixed)
        sys.stdout.flush()
    if output_file is not None:
        _write_output(output_file, output)
    elif output:
        # color=True: click would strip the escapes when stdout is not a terminal
        click.echo(output, color=color_on or None, err=stdin_fixed is not None)
    code = _exit_code(report, Severity(fail_on))
    sys.exit(ExitCode.CLEAN if exit_zero and code == ExitCode.VIOLATIONS else code)


def _write_output(path: str, output: str) -> None:
    try:
        Path(path).write_text(output + "\n" if output else "", encoding="utf-8")
    except OSError as exc:
        _fail(f"{path}: cannot write the output: {exc.strerror or exc}")


def _ruleset_or_none(linter: Linter, path: str | None) -> RuleSet | None:
    """The rule set of the first note, to check --select and --ignore against; None when
    its discovered config is broken (the run reports that and lints the other notes)."""
    from notelint.config import ConfigError

    try:
        return linter.ruleset_for(None if path in (None, "-") else path)
    except ConfigError:
        return None


def _run(
    linter: Linter, paths: tuple[str, ...], stdin_filename: str | None, verbose: bool
) -> Report:
    from notelint.config import ConfigError
    from notelint.linter import InputError, Report
    from notelint.sources import SourceError, note_from_bytes

    files = [p for p in paths if p != "-"]
    report = linter.lint_paths(files, verbose=verbose) if files else Report()
    if "-" in paths and not (
        stdin_filename and linter.force_exclude and linter.excluded(stdin_filename)
    ):
        name = stdin_filename or "-"
        try:
            note = note_from_bytes(sys.stdin.buffer.read(), name)
        except SourceError as exc:
            report.errors.append(InputError(name, str(exc)))
        else:
            try:
                report.violations.extend(linter.lint_notes([note]))
            except ConfigError as exc:
                report.add_config_error(exc)
            else:
                report.files += 1
    return report


def _exit_code(report: Report, fail_on: Severity) -> int:
    if report.errors:
        return ExitCode.ERROR
    if any(v.severity.rank >= fail_on.rank for v in report.violations):
        return ExitCode.VIOLATIONS
    return ExitCode.CLEAN


@cli.command()
@click.argument("rule_id", required=False)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
def rules(rule_id: str | None, config_path: str | None) -> None:
    """List the rules in use, or explain one: why, options and examples."""
    from notelint.config import ConfigError, load_config

    try:
        ruleset = load_config(config_path) if config_path else load_config()
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        sys.exit(ExitCode.ERROR)
    if rule_id is None:
        enabled = {r.id for r in ruleset.rules}
        width = max(len(r.id) for r in ruleset.all_rules or ruleset.rules)
        for listed in ruleset.all_rules or ruleset.rules:
            state = str(listed.severity) if listed.id in enabled else "off"
            click.echo(f"{listed.id:<{width}}  {state:<7}  {listed.kind:<16}  {listed.summary}")
        click.echo("\nRun `notelint rules RULE` for why a rule exists and its examples.")
        return
    rule = ruleset.get(rule_id)
    if rule is None:
        _fail(_unknown_rules_message([rule_id], ruleset.known_ids))
        return
    source = _rule_source(ruleset, rule.id)
    click.echo(f"{rule.id} ({rule.kind}, {rule.severity})")
    click.echo(f"\n{rule.summary}\n")
    why = rule.why.strip() or f"(not given: add a `why:` to {rule.id} in {source})"
    click.echo("Why:\n  " + "\n  ".join(why.splitlines()))
    if rule.link:
        click.echo(f"\nMore: {rule.link}")
    _echo_options(rule.options, source)
    if rule.fixes:
        safe = sum(1 for entry in rule.fixes if entry.applicability == "safe")
        click.echo(
            f"\nFixes: {safe} safe (applied by --fix), {len(rule.fixes) - safe} suggested "
            f"(see `fixes` in {source.name})"
        )
    for title, examples in (("Flagged", rule.examples.failing), ("Fine", rule.examples.passing)):
        if examples:
            click.echo(f"\n{title}:")
            for example in examples:
                click.echo("  - " + example.strip().replace("\n", "\n    "))


def _rule_source(ruleset: RuleSet, rule_id: str) -> Path:
    """The file that defines a rule: the shipped rules.yaml, or the user's config."""
    from notelint.config import default_rules_path, default_ruleset

    if rule_id in default_ruleset().known_ids or ruleset.path is None:
        return default_rules_path()
    return ruleset.path


def _echo_options(options: Mapping[str, Any], source: Path) -> None:
    """A rule's options, short enough to read: long lists and patterns are summarised."""
    if not options:
        return
    click.echo("\nOptions:")
    for key, value in options.items():
        if isinstance(value, Mapping):
            click.echo(f"  {key}:")
            for sub, text in value.items():
                click.echo(f"    {sub}: {text}")
        elif isinstance(value, tuple) and (
            len(value) > 8 or any(isinstance(v, tuple | Mapping) for v in value)
        ):
            click.echo(f"  {key}: {len(value)} entries (see {source})")
        elif isinstance(value, tuple):
            click.echo(f"  {key}: {', '.join(map(str, value))}")
        else:
            click.echo(f"  {key}: {value}")


@cli.command()
def lsp() -> None:
    """Run the language server on standard input and output."""
    from notelint.lsp.server import serve

    serve()


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port (default: a free one)."
)
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option("--today", help="Date that time-based rules use (YYYY-MM-DD).")
def serve(
    host: str, port: int, no_browser: bool, config_path: str | None, today: str | None
) -> None:
    """A page for writing a note: paste a draft and see what to change."""
    from notelint.config import ConfigError, load_config
    from notelint.web.server import serve as serve_page

    today_date = _parse_date(today, "--today")
    try:
        # Read once, here: the server reads no file while it runs.
        ruleset = load_config(config_path)
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        sys.exit(ExitCode.ERROR)
    try:
        serve_page(
            ruleset,
            host=host,
            port=port,
            open_browser=not no_browser,
            today=today_date,
            say=click.echo,
            warn=lambda message: click.echo(message, err=True),
        )
    except OSError as exc:
        _fail(f"cannot serve on {host}:{port}: {exc.strerror or exc}")


def main() -> None:
    cli(prog_name="notelint")


if __name__ == "__main__":  # pragma: no cover
    main()


__all__ = ["ExitCode", "Path", "cli", "main"]
