"""required: the note must say something (thank-you, pleasure-to-meet, ...) (generic)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from notelint.kinds.base import Kind, Texts, option
from notelint.kinds.composition import Composition, option_problems
from notelint.kinds.existence import ExistenceOptions, quotations
from notelint.kinds.matching import Phrases, is_negated, overlaps
from notelint.kinds.placement import PLACES, place_span
from notelint.model import Finding

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from notelint.model import Rule
    from notelint.sources import Note

_CLOSING_LINE = re.compile(r"^[\W_]*$")
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class RequiredOptions(ExistenceOptions):
    negation: bool = option("bool", True)
    compose: tuple[Mapping[str, Any], ...] = option("compositions", (), extendable=True)
    closing_counts: bool = option("bool", True)
    closing_words: Texts = option("str_list", (), extendable=True)
    place: str = option("str", "opening")

    def problems(self) -> list[tuple[str, str]]:
        problems = []
        if not (self.phrases or self.patterns or self.compose):
            problems.append(("phrases", "give phrases, patterns or compositions to look for"))
        problems += [("compose", problem) for problem in option_problems(self.compose)]
        if self.place not in PLACES:
            problems.append(("place", f"should be one of {', '.join(PLACES)}"))
        return problems


class RequiredKind(Kind[RequiredOptions]):
    """Reported once, at the line where the missing part belongs (`place`: the opening,
    middle or closing paragraph, or the start of the body), when no match of `phrases` /
    `patterns` is found. A match does not count when it is negated ("I am not sure I am
    still interested"), overlaps an `exceptions` phrase ("thanks in advance"), or stands
    alone on its line as a closing ("Thank you,") when `closing_counts` is false."""

    name = "required"
    generic = True

    def __init__(self, rule: Rule, nlp: Language) -> None:
        super().__init__(rule, nlp)
        self.matches = Phrases(nlp, self.options.phrases, self.options.patterns)
        self.compositions = [Composition.from_option(c) for c in self.options.compose]
        self.exceptions = Phrases(
            nlp, self.options.exceptions, self.options.exception_patterns, name="x"
        )
        self.closing_words = frozenset(w.lower() for w in self.options.closing_words)

    def satisfying(self, doc: Doc, note: Note) -> list[Span]:
        """The matches that satisfy the rule."""
        exceptions = self.exceptions.spans(doc)
        # someone else's words, quoted, are not the writer's: 'they say "nice to meet you"'
        quotes = quotations(note.masked) if self.options.skip_quotes else []
        good = []
        composed = [span for c in self.compositions for span in c.spans(doc)]
        for found in [*self.matches.spans(doc), *composed]:
            span = _trimmed(found)
            if span is None or overlaps(span, exceptions):
                continue
            if any(q0 <= span.start_char and span.end_char <= q1 for q0, q1 in quotes):
                continue
            if self.options.negation and is_negated(span):
                continue
            if not self.options.closing_counts and _alone_on_line(span, note, self.closing_words):
                continue
            good.append(span)
        return good

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        if not self.satisfying(doc, note):
            yield self.finding(*place_span(note, self.options.place))


def _trimmed(span: Span) -> Span | None:
    """The span without leading or trailing whitespace tokens (None if nothing is left)."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end] if end > start else None


def _alone_on_line(span: Span, note: Note, closing_words: frozenset[str]) -> bool:
    """Whether the match is a closing line: alone on its line but for punctuation and
    closing words ("Thank you,", "Many thanks,", "With thanks and best wishes,")."""
    text = note.masked
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start : span.start_char] + text[span.end_char : line_end]
    if _CLOSING_LINE.match(rest.strip()):
        return True
    # Word by word, stopping at the first that is not a closing word: a long line holds
    # many matches, and reading all of it for each would take quadratic time.
    words = 0
    for word in _LETTERS.finditer(rest.lower()):
        if word.group() not in closing_words:
            return False
        words += 1
    return words > 0
