"""Lint results -> LSP diagnostics, hovers and code actions (no server, no I/O).

The server lints a document and keeps a `LintResult`; everything the client asks for is
computed here from that result, the document text and the requested position or range,
never from diagnostics the client sends back (some clients send stale ranges, or columns
in another encoding: Neovim 0.7 sends byte columns while claiming UTF-16).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lsprotocol import types

from notelint.lsp.disable import disable_rule_edit
from notelint.lsp.positions import Position, PositionMap
from notelint.model import Rule, Severity, Violation
from notelint.sources.registry import FRONT_MATTER_FORMATS

if TYPE_CHECKING:
    from notelint.config import ConfigProblem

SOURCE = "notelint"
#: malformed suppression directives: fix the directive rather than disable the rule
DIRECTIVE_RULE = "directive"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def diagnostic_severity(severity: Severity) -> types.DiagnosticSeverity:
    return _SEVERITY[severity]


@dataclass(frozen=True)
class LintResult:
    """One lint of one version of a document."""

    uri: str
    version: int | None
    #: the document text exactly as the client has it
    text: str
    format: str
    violations: tuple[Violation, ...] = ()
    rules: Mapping[str, Rule] = field(default_factory=dict)
    #: why the note could not be linted (bad front matter), if it could not
    error: str | None = None
    #: the config file the rules came from, if any
    config: str | None = None
    #: why the note was not linted at all (its config is broken), if it was not
    not_linted: str | None = None
    #: the note's offsets are into a decoded text, not the document: no edits offered
    decoded: bool = False

    @property
    def shift(self) -> int:
        """notelint drops a leading BOM: its offsets are one less than the document's."""
        return 1 if self.text.startswith("\ufeff") else 0


def _range(pmap: PositionMap, start: int, end: int) -> types.Range:
    a, b = pmap.position(start), pmap.position(max(start, end))
    return types.Range(
        start=types.Position(line=a.line, character=a.character),
        end=types.Position(line=b.line, character=b.character),
    )


def violation_range(result: LintResult, pmap: PositionMap, v: Violation) -> types.Range:
    return _range(pmap, v.offset + result.shift, v.end_offset + result.shift)


def diagnostic(result: LintResult, pmap: PositionMap, v: Violation) -> types.Diagnostic:
    rule = result.rules.get(v.rule)
    link = rule.link if rule is not None else None
    return types.Diagnostic(
        range=violation_range(result, pmap, v),
        message=v.message,
        severity=diagnostic_severity(v.severity),
        code=v.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
    )


def diagnostics(result: LintResult, encoding: str) -> list[types.Diagnostic]:
    pmap = PositionMap(result.text, encoding)
    out = [diagnostic(result, pmap, v) for v in result.violations]
    if result.not_linted is not None:
        # Never an empty list: a writer would read a silent editor as "clean".
        out.insert(
            0,
            types.Diagnostic(
                range=_range(pmap, 0, pmap.line_end(0)),
                message=result.not_linted,
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
            ),
        )
    if result.error is not None:
        out.insert(
            0,
            types.Diagnostic(
                range=_range(pmap, 0, pmap.line_end(0)),
                message=f"notelint cannot read this note: {result.error}",
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
            ),
        )
    return out


def hover(result: LintResult, encoding: str, position: types.Position) -> types.Hover | None:
    """The why of every rule flagged at this position."""
    pmap = PositionMap(result.text, encoding)
    at = pmap.offset(Position(position.line, position.character)) - result.shift
    hits = [
        v
        for v in result.violations
        if v.offset <= at < v.end_offset or (v.offset == v.end_offset == at)
    ]
    if not hits:
        return None
    parts = []
    for v in hits:
        rule = result.rules.get(v.rule)
        text = f"**{v.rule}** ({v.severity}): {v.message}"
        if rule is not None and rule.why.strip():
            text += "\n\n" + " ".join(rule.why.split())
        if rule is not None and rule.link:
            text += f"\n\n[More about {v.rule}]({rule.link})"
        parts.append(text)
    first = hits[0]
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
        ),
        range=violation_range(result, pmap, first),
    )


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    if not only:
        return True
    return any(kind == o or kind.startswith(o + ".") for o in only)


def intersecting(
    result: LintResult, pmap: PositionMap, first_line: int, last_line: int
) -> list[Violation]:
    """Violations touching any line from first_line to last_line (0-based, inclusive).

    Lines rather than characters: a client may count the columns of its request in
    another encoding than agreed, but never the lines.
    """
    out = []
    for v in result.violations:
        start = pmap.position(v.offset + result.shift).line
        end = pmap.position(v.end_offset + result.shift).line
        if start <= last_line and end >= first_line:
            out.append(v)
    return out


def code_actions(
    result: LintResult,
    encoding: str,
    requested: types.Range,
    only: Sequence[str] | None = None,
) -> list[types.CodeAction]:
    """Quick fixes for the violations on the requested lines, then one "disable RULE
    for this note" action per rule flagged there (where front matter is read)."""
    kind = types.CodeActionKind.QuickFix
    if not _wanted(kind, only):
        return []
    pmap = PositionMap(result.text, encoding)
    first, last = sorted((requested.start.line, requested.end.line))
    hits = intersecting(result, pmap, first, last)
    out: list[types.CodeAction] = []
    for v in hits if not result.decoded else ():
        if v.fix is None:
            continue
        # Each way to fix it is an action: a safe fix is the preferred one.
        for index, option in enumerate(v.fix_options):
            edits = [
                types.TextEdit(
                    range=_range(pmap, e.start + result.shift, e.end + result.shift),
                    new_text=e.content,
                )
                for e in option.edits
            ]
            out.append(
                types.CodeAction(
                    title=option.title,
                    kind=kind,
                    diagnostics=[diagnostic(result, pmap, v)],
                    is_preferred=v.fix.safe and index == 0,
                    edit=types.WorkspaceEdit(changes={result.uri: edits}),
                )
            )
    if result.format in FRONT_MATTER_FORMATS:
        for rule_id in _unique(v.rule for v in hits if v.rule != DIRECTIVE_RULE):
            disable = disable_rule_edit(result.text, rule_id)
            if disable is None:
                continue
            edit = types.TextEdit(
                range=_range(pmap, disable.start, disable.end), new_text=disable.new_text
            )
            out.append(
                types.CodeAction(
                    title=f"Disable {rule_id} for this note",
                    kind=kind,
                    diagnostics=[diagnostic(result, pmap, v) for v in hits if v.rule == rule_id],
                    edit=types.WorkspaceEdit(changes={result.uri: [edit]}),
                )
            )
    return out


FIX_ALL_TITLE = "Fix all safe problems in this note"


def wants_fix_all(only: Sequence[str] | None) -> bool:
    return _wanted(types.CodeActionKind.SourceFixAll, only)


def fix_all_action(result: LintResult, encoding: str, fixed: str) -> types.CodeAction | None:
    """ "Fix all safe problems in this note": one edit from the first to the last changed
    character of the document (`fixed` is the note's text after every safe fix)."""
    old = result.text[result.shift :]
    if result.decoded or fixed == old:
        return None
    head = 0
    while head < min(len(old), len(fixed)) and old[head] == fixed[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(old), len(fixed)) - head
        and old[len(old) - 1 - tail] == fixed[len(fixed) - 1 - tail]
    ):
        tail += 1
    pmap = PositionMap(result.text, encoding)
    edit = types.TextEdit(
        range=_range(pmap, head + result.shift, len(old) - tail + result.shift),
        new_text=fixed[head : len(fixed) - tail],
    )
    return types.CodeAction(
        title=FIX_ALL_TITLE,
        kind=types.CodeActionKind.SourceFixAll,
        edit=types.WorkspaceEdit(changes={result.uri: [edit]}),
    )


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def config_problems(problems: Iterable[ConfigProblem]) -> dict[str, list[tuple[int, str]]]:
    """ConfigError problems grouped by file, as (0-based line, message); a problem about
    the whole file goes on its first line."""
    out: dict[str, list[tuple[int, str]]] = {}
    for problem in problems:
        line = max(problem.line - 1, 0) if problem.line is not None else 0
        out.setdefault(problem.path, []).append((line, problem.message))
    return out


def config_diagnostics(
    text: str, problems: Iterable[tuple[int, str]], encoding: str
) -> list[types.Diagnostic]:
    """Diagnostics on a config file, each over the whole line it names."""
    pmap = PositionMap(text, encoding)
    return [
        types.Diagnostic(
            range=_range(pmap, pmap.line_start(line), pmap.line_end(line)),
            message=message,
            severity=types.DiagnosticSeverity.Error,
            source=SOURCE,
            code="config",
        )
        for line, message in problems
    ]
