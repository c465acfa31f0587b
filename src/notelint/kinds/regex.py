"""regex: report every match of a regular expression (generic)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from notelint.kinds.base import Kind, KindOptions, Texts, option
from notelint.model import Finding
from notelint.regexguard import regex_problem

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.model import Rule
    from notelint.sources import Note


@dataclass(frozen=True)
class RegexOptions(KindOptions):
    regexes: Texts = option("str_list", (), extendable=True)
    ignore_case: bool = option("bool", True)

    def problems(self) -> list[tuple[str, str]]:
        problems = []
        for pattern in self.regexes:
            problem = regex_problem(pattern)
            if problem:
                problems.append(("regexes", f"{pattern[:80]!r} {problem}"))
        return problems


class RegexKind(Kind[RegexOptions]):
    name = "regex"
    generic = True

    def __init__(self, rule: Rule, nlp: Language) -> None:
        super().__init__(rule, nlp)
        flags = re.IGNORECASE if self.options.ignore_case else 0
        self.regexes = [re.compile(p, flags) for p in self.options.regexes]

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        for regex in self.regexes:
            for m in regex.finditer(note.masked):
                if m.end() > m.start() and note.masked[m.start() : m.end()].strip():
                    yield self.finding(m.start(), m.end())
