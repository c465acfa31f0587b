"""regex: report every match of a regular expression (generic)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from notelint.kinds.base import Kind
from notelint.model import Finding
from notelint.regexguard import regex_problem

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.model import Rule
    from notelint.sources import Note


class RegexKind(Kind):
    name = "regex"
    generic = True
    OPTIONS: ClassVar[dict[str, str]] = {"regexes": "str_list", "ignore_case": "bool"}
    DEFAULTS: ClassVar[dict[str, object]] = {"regexes": [], "ignore_case": True}
    EXTENDABLE = ("regexes",)

    @classmethod
    def validate(cls, options: Mapping[str, Any]) -> list[tuple[str, str]]:
        problems = []
        for pattern in options.get("regexes", []):
            problem = regex_problem(pattern)
            if problem:
                problems.append(("regexes", f"{pattern[:80]!r} {problem}"))
        return problems

    def __init__(self, rule: Rule, nlp: Language) -> None:
        super().__init__(rule, nlp)
        flags = re.IGNORECASE if self.opt("ignore_case") else 0
        self.regexes = [re.compile(p, flags) for p in self.opt("regexes")]

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        for regex in self.regexes:
            for m in regex.finditer(note.masked):
                if m.end() > m.start() and note.masked[m.start() : m.end()].strip():
                    yield self.finding(m.start(), m.end())
