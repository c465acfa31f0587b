"""substitution: a phrase with a better alternative, offered as a fix (generic)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from notelint.kinds.base import Kind, KindOptions, TextMap, option
from notelint.kinds.matching import Phrases
from notelint.model import Finding, MessageFields

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.model import Rule
    from notelint.sources import Note


def match_case(original: str, replacement: str) -> str:
    """Keep the capital of a sentence-initial word when substituting."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@dataclass(frozen=True)
class SubstitutionOptions(KindOptions):
    swap: TextMap = option("str_map", {})


class SubstitutionKind(Kind[SubstitutionOptions]):
    """`swap` maps a phrase (matched on LOWER and LEMMA) to its replacement; the message
    may show it as {replacement} (or {expected})."""

    name = "substitution"
    generic = True

    def __init__(self, rule: Rule, nlp: Language) -> None:
        super().__init__(rule, nlp)
        self.swap = {k.lower(): v for k, v in self.options.swap.items()}
        self.matches = Phrases(nlp, list(self.swap))

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        for span in self.matches.spans(doc):
            replacement = self.swap.get(span.text.lower())
            if replacement is None:  # matched through a lemma: find its key
                lemma = " ".join(t.lemma_ for t in span)
                replacement = next((v for k, v in self.swap.items() if k == lemma), None)
            if replacement is None:
                continue
            replacement = match_case(span.text, replacement)
            message = self.rule.message.format_map(
                MessageFields(
                    text=" ".join(span.text.split()), replacement=replacement, expected=replacement
                )
            )
            yield self.finding(
                span.start_char,
                span.end_char,
                message=message,
                replacement=replacement,
                fix_description=f"Replace with \u201c{replacement}\u201d",
            )
