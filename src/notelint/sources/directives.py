"""Inline suppressions: comments in Markdown and HTML, comment lines in plain text and
e-mail bodies (a line starting with "#", as in a git commit message):

    <!-- notelint-disable hyperbole -->       ... rules off from here
    <!-- notelint-enable hyperbole -->        ... back on (no ids: every rule back on)
    <!-- notelint-disable-next-line enthusiasm -->   the next line only
    # notelint-disable-next-line enthusiasm   (.txt, .eml: the whole line is the comment)

No ids means every rule. Ids are separated by spaces or commas; text after " -- " is a
reason and is ignored. A comment that starts with "notelint" but is not one of these is
a problem, reported by the `directive` rule; so is an id that is not a rule id (checked
against the rule set by the linter, which knows it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from notelint.positions import LineIndex

#: Same shape as config.RULE_ID (config imports this package, so it cannot be shared).
RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_DIRECTIVE = re.compile(r"notelint-(disable-next-line|disable|enable)(?=\s|$)(.*)", re.I | re.S)
_ID = re.compile(r"[^\s,]+")
_USAGE = "write notelint-disable, notelint-enable or notelint-disable-next-line, then rule ids"
#: a plain-text comment line that speaks to notelint: "# notelint-disable-next-line ..."
_HASH_LINE = re.compile(r"^[ \t]*#[ \t]*(notelint[^\r\n]*)", re.I | re.M)

Problem = tuple[int, int, str]


@dataclass(frozen=True)
class Directive:
    """A suppression the writer asked for. `rules` are the ids it names with their
    offsets; none means every rule. `action` is disable, enable, disable-next-line or
    front-matter (`notelint: {disable: [...]}`, which covers the whole note)."""

    action: str
    start: int
    end: int
    rules: tuple[tuple[str, int, int], ...] = ()

    @property
    def ids(self) -> frozenset[str] | None:
        return frozenset(r for r, _, _ in self.rules) if self.rules else None


@dataclass(frozen=True)
class Suppression:
    """Rules switched off between two offsets of the note. `rules` None means every
    rule except those in `allowed` (switched back on by a later notelint-enable ID)."""

    rules: frozenset[str] | None
    start: int
    end: int
    allowed: frozenset[str] = frozenset()

    def covers(self, rule_id: str, offset: int) -> bool:
        if not self.start <= offset < self.end:
            return False
        if self.rules is None:
            return rule_id not in self.allowed
        return rule_id in self.rules


def parse_comment(text: str, start: int, end: int) -> tuple[Directive | None, list[Problem]]:
    """The directive in the comment text[start:end] ("<!-- ... -->"), if it is one."""
    inner_start = start + 4 if text.startswith("<!--", start) else start
    inner_end = end - 3 if text.endswith("-->", inner_start, end) else end
    body = text[inner_start:inner_end]
    stripped = body.strip()
    if not stripped.lower().startswith("notelint"):
        return None, []
    lead = inner_start + len(body) - len(body.lstrip())
    match = _DIRECTIVE.fullmatch(stripped)
    if match is None:
        shown = " ".join(stripped.split())
        return None, [(start, end, f'malformed notelint directive "{shown}"; {_USAGE}')]
    action = match.group(1).lower()
    args, args_at = match.group(2), lead + match.start(2)
    reason = re.search(r"\s--(?:\s|$)", args)
    if reason:
        args = args[: reason.start()]
    rules: list[tuple[str, int, int]] = []
    problems: list[Problem] = []
    for tok in _ID.finditer(args):
        rule_id = tok.group()
        s, e = args_at + tok.start(), args_at + tok.end()
        if RULE_ID.match(rule_id):
            rules.append((rule_id, s, e))
        else:
            problems.append(
                (s, e, f'"{rule_id}" in a notelint directive is not a rule id; {_USAGE}')
            )
    if problems and not rules:
        return None, problems
    return Directive(action, start, end, tuple(rules)), problems


def comment_lines(
    text: str, start: int = 0, end: int | None = None
) -> tuple[list[Directive], list[Problem], list[tuple[int, int]]]:
    """Directives on "# notelint-..." lines of plain text between start and end: the
    directives, malformed ones as problems, and each line's span (not prose: the
    caller blanks it)."""
    directives: list[Directive] = []
    problems: list[Problem] = []
    spans: list[tuple[int, int]] = []
    for line in _HASH_LINE.finditer(text, start, len(text) if end is None else end):
        spans.append((line.start(), line.end()))
        directive, trouble = parse_comment(text, line.start(1), line.end(1))
        problems.extend(trouble)
        if directive is not None:
            directives.append(directive)
    return directives, problems, spans


def suppressions(
    text: str, directives: Iterable[Directive]
) -> tuple[list[Suppression], list[Problem]]:
    """The ranges each directive switches rules off in, and misplaced directives."""
    out: list[Suppression] = []
    problems: list[Problem] = []
    lines: LineIndex | None = None
    all_off = False
    allowed: set[str] = set()
    off: set[str] = set()
    since = 0

    def close(at: int) -> None:
        if at <= since:
            return
        if all_off:
            out.append(Suppression(None, since, at, frozenset(allowed)))
        elif off:
            out.append(Suppression(frozenset(off), since, at))

    for d in sorted(directives, key=lambda d: d.start):
        ids = d.ids
        if d.action == "disable-next-line":
            lines = lines or LineIndex(text)
            line, _ = lines.line_col(max(d.end - 1, d.start))
            if line >= len(lines.starts):
                problems.append(
                    (
                        d.start,
                        d.end,
                        "notelint-disable-next-line has no next line; put it "
                        "on the line before the one to skip",
                    )
                )
                continue
            nxt = lines.starts[line]
            after = lines.starts[line + 1] if line + 1 < len(lines.starts) else len(text)
            out.append(Suppression(ids, nxt, after))
        elif d.action == "disable":
            close(d.end)
            since = d.end
            if ids is None:
                all_off, allowed, off = True, set(), set()
            elif all_off:
                allowed -= ids
            else:
                off |= ids
        elif d.action == "enable":
            close(d.start)
            since = d.start
            if ids is None:
                if not all_off and not off:
                    problems.append((d.start, d.end, _unmatched(None)))
                all_off, allowed, off = False, set(), set()
            elif all_off:
                allowed |= ids
            else:
                stray = sorted(ids - off)
                if stray:
                    problems.append((d.start, d.end, _unmatched(stray)))
                off -= ids
    close(len(text))
    return out, problems


def _unmatched(ids: list[str] | None) -> str:
    what = "notelint-enable" + (" " + ", ".join(ids) if ids else "")
    return f"{what} has no matching notelint-disable before it; remove it or fix the ids"
