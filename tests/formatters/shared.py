"""The one set of violations every formatter's golden test renders.

Hand-built rather than linted, so the golden files change only when a formatter does:
three rules of every severity (one with a link), a rule outside the catalogue
(`directive`), fixes, accents and an emoji, a path and a message with the characters
that need escaping (`%`, `,`, `:`, a line break), two files and one unreadable input.
"""

from __future__ import annotations

from notelint.formatters.base import OutputOptions
from notelint.linter import InputError, Report
from notelint.model import Examples, Fix, Rule, Severity, Violation

RULES = (
    Rule(
        id="salutation",
        kind="salutation",
        severity=Severity.ERROR,
        message="the greeting misspells the interviewer's name; write {name}",
        why="Spell the interviewer's name exactly as they do.\nA misspelt name reads as careless.",
        summary="Missing, generic or too casual greeting; wrong name",
        examples=Examples(passing=("Dear Ms. Chen,",), failing=("Dear Ms. Chne,",)),
    ),
    Rule(
        id="hyperbole",
        kind="existence",
        severity=Severity.WARNING,
        message='"{text}" overstates; say what impressed you instead',
        why="Superlatives read as flattery. Say what impressed you instead.",
        summary="Exaggerated and superlative claims",
    ),
    Rule(
        id="wordy",
        kind="substitution",
        severity=Severity.INFO,
        message='"{text}" is wordy; say it plainly',
        why="Short words read better than long ones.",
        summary="Wordy phrases with a shorter alternative",
        link="https://example.org/notelint/rules/wordy",
    ),
)


def _v(path: str, line: int, column: int, rule: str, severity: Severity, message: str,
       end_line: int, end_column: int, fix: Fix | None = None) -> Violation:  # fmt: skip
    return Violation(path, line, column, rule, severity, message, end_line, end_column, fix)


VIOLATIONS = [
    _v("drafts/acme.md", 1, 6, "salutation", Severity.ERROR,
       "the greeting misspells the interviewer's name; write \u201cChen\u201d", 1, 10,
       Fix("Replace with \u201cChen\u201d", "Chen")),
    _v("drafts/acme.md", 3, 21, "hyperbole", Severity.WARNING,
       '"the best interview I have ever had" overstates; say what impressed you instead',
       3, 55),
    _v("drafts/acme.md", 4, 9, "wordy", Severity.INFO,
       '"in order to" is wordy; say it plainly', 4, 20, Fix("Replace with \u201cto\u201d", "to")),
    _v("notes/café, 50%: draft.txt", 2, 3, "hyperbole", Severity.WARNING,
       '"100% the best 😀, ever: truly" overstates;\nsay what impressed you instead', 3, 8),
    _v("notes/café, 50%: draft.txt", 5, 1, "directive", Severity.INFO,
       "unknown rule 'hyperbol' in a notelint directive", 5, 30),
]  # fmt: skip


def report() -> Report:
    return Report(
        violations=list(VIOLATIONS),
        errors=[InputError("drafts/missing.md", "no such file or folder")],
        files=3,
    )


OPTIONS = OutputOptions(rules=RULES)
