"""existence: report every occurrence of a phrase or token pattern (generic)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from notelint.kinds.base import Kind, MatchOptions, option
from notelint.kinds.matching import Phrases, is_negated, overlaps
from notelint.model import Finding

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.model import Rule
    from notelint.sources import Note

# A quotation: straight or curly double quotes around at most a few lines of text.
_QUOTATION = re.compile(r'"[^"\n]{1,400}"|\u201c[^\u201d]{1,400}\u201d')


def quotations(text: str) -> list[tuple[int, int]]:
    """Offsets of the quoted passages in text."""
    return [m.span() for m in _QUOTATION.finditer(text)]


@dataclass(frozen=True)
class ExistenceOptions(MatchOptions):
    skip_quotes: bool = option("bool", False)

    def problems(self) -> list[tuple[str, str]]:
        if not (self.phrases or self.patterns):
            return [("phrases", "give phrases or patterns to look for")]
        return []


class ExistenceKind(Kind[ExistenceOptions]):
    """Each match of `phrases` / `patterns` is a finding, unless an `exceptions` phrase
    overlaps it ("best regards" is not hyperbole), with `negation`, the match is negated
    shortly before it in its sentence ("I am not the perfect candidate"), or, with
    `skip_quotes`, it is inside a quotation (someone else's words, not the writer's)."""

    name = "existence"
    generic = True

    def __init__(self, rule: Rule, nlp: Language) -> None:
        super().__init__(rule, nlp)
        self.matches = Phrases(nlp, self.options.phrases, self.options.patterns)
        self.exceptions = Phrases(
            nlp, self.options.exceptions, self.options.exception_patterns, name="x"
        )

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        found = self.matches.spans(doc)
        if not found:  # exceptions and quotations are looked for only when needed
            return
        exceptions = self.exceptions.spans(doc)
        quotes = quotations(note.masked) if self.options.skip_quotes else []
        ranges: list[list[int]] = []
        for span in found:
            if overlaps(span, exceptions):
                continue
            if any(q0 <= span.start_char and span.end_char <= q1 for q0, q1 in quotes):
                continue
            if self.options.negation and is_negated(span, window=4):
                continue
            # Two patterns that overlap ("met far stronger candidates", "stronger
            # candidates than me") are one problem: report their union once.
            if ranges and span.start_char < ranges[-1][1]:
                ranges[-1][1] = max(ranges[-1][1], span.end_char)
            else:
                ranges.append([span.start_char, span.end_char])
        for start, end in ranges:
            yield self.finding(start, end)
