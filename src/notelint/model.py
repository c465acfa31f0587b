"""The shared vocabulary: severities, rules, findings, violations, notes and context.

Everything here is immutable so that a RuleSet or a Note can be shared between
threads (the language server lints off its event loop) without copying.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from notelint.lexicons import Lexicons, default_lexicons


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used by --fail-on."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


# Types that are neither mappings nor sequences: told apart by their exact type first,
# since an isinstance test against Mapping (an ABC) is slow, and the rule sets' patterns
# hold some ten thousand values.
_SCALARS = frozenset({str, int, float, bool, type(None)})


def freeze(value: Any) -> Any:
    """Deep-freeze plain YAML data: dicts become read-only mappings, lists tuples."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, Mapping):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: Any) -> Any:
    """The inverse of freeze, for code that needs plain dicts and lists (spaCy patterns)."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [thaw(v) for v in value]
    return value


class MessageFields(dict[str, object]):
    """Fields for str.format_map on a message template; an unknown field stays visible
    as written instead of failing (templates are also checked when config is loaded)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Examples:
    passing: tuple[str, ...] = ()
    failing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One rule of the rule set: what to report (data), checked by its kind (code)."""

    id: str
    kind: str
    severity: Severity
    message: str
    why: str
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    examples: Examples = Examples()
    link: str | None = None
    summary: str = ""
    #: the advice as a checklist item ("Thank them for the interview"), if it is one
    checklist: str | None = None
    #: how its findings are fixed (notelint.fixtable.FixEntry), first match wins
    fixes: tuple[Any, ...] = ()
    #: the word classes of the rule set it was built in (shipped and a user's additions),
    #: for kinds that read a lexicon by name
    lexicons: Lexicons = field(default_factory=default_lexicons, compare=False, repr=False)

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)


@dataclass(frozen=True)
class Context:
    """The interview a note is about. Every field is optional."""

    interviewer: tuple[str, ...] = ()
    company: str | None = None
    position: str | None = None
    interview_date: dt.date | None = None
    today: dt.date | None = None

    def merged(self, other: Context) -> Context:
        """Fields set in `other` win over ours."""
        return Context(
            interviewer=other.interviewer or self.interviewer,
            company=other.company or self.company,
            position=other.position or self.position,
            interview_date=other.interview_date or self.interview_date,
            today=other.today or self.today,
        )


class Applicability(StrEnum):
    """How far a fix can be trusted: `safe` is applied by --fix without reading it; a
    `suggestion` needs a person to choose (--unsafe-fixes applies the first one)."""

    SAFE = "safe"
    SUGGESTION = "suggestion"


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `content` (an insertion when start == end). The
    linter fills in the 1-based positions for output."""

    start: int
    end: int
    content: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "content": self.content,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(frozen=True)
class FixOption:
    """One way to fix a problem: a title ("Replace 'gonna' with 'going to'") and edits."""

    title: str
    edits: tuple[Edit, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"description": self.title, "edits": [e.to_dict() for e in self.edits]}


@dataclass(frozen=True)
class Finding:
    """Where a kind found a problem: character offsets into the note's text.

    `message` overrides the rule's message when the kind has something more precise to
    say; `replacement` is a fix that replaces text[start:end]; `fixes` are further ways
    to fix it (insertions, edits elsewhere), all of `fix_applicability`.
    """

    rule: str
    start: int
    end: int
    message: str | None = None
    replacement: str | None = None
    fix_description: str | None = None
    fixes: tuple[FixOption, ...] = ()
    fix_applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True)
class Fix:
    """How to fix a violation: `options`, preferred first (a safe fix has one).

    `description` and `replacement` are the first option's title and, when it replaces
    exactly the violation's range, its new text (else None): the JSON contract's keys.
    """

    description: str
    replacement: str | None
    applicability: Applicability = Applicability.SAFE
    options: tuple[FixOption, ...] = ()

    @property
    def safe(self) -> bool:
        return self.applicability is Applicability.SAFE


@dataclass(frozen=True, order=True)
class Violation:
    """One reported problem. The JSON output is exactly these fields (see to_dict)."""

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    end_line: int
    end_column: int
    # Not compared: a fix follows from the rest, and None and a Fix do not order.
    fix: Fix | None = field(default=None, compare=False)
    offset: int = field(default=0, compare=False)
    end_offset: int = field(default=0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": self._fix_dict(),
        }

    @property
    def fix_options(self) -> tuple[FixOption, ...]:
        """The ways to fix it, preferred first; a Fix made with only a replacement
        replaces the violation's range."""
        if self.fix is None:
            return ()
        if self.fix.options:
            return self.fix.options
        if self.fix.replacement is None:
            return ()
        whole = Edit(
            self.offset,
            self.end_offset,
            self.fix.replacement,
            self.line,
            self.column,
            self.end_line,
            self.end_column,
        )
        return (FixOption(self.fix.description, (whole,)),)

    @property
    def fix_edits(self) -> tuple[Edit, ...]:
        """The edits of the preferred fix (what --fix applies)."""
        options = self.fix_options
        return options[0].edits if options else ()

    def _fix_dict(self) -> dict[str, Any] | None:
        if self.fix is None:
            return None
        options = self.fix_options
        return {
            "description": self.fix.description,
            "replacement": self.fix.replacement,
            "applicability": str(self.fix.applicability),
            "edits": [e.to_dict() for e in options[0].edits] if options else [],
            "alternatives": [o.to_dict() for o in options[1:]],
        }
