"""Phrase and token-pattern matching shared by the kinds.

Phrases match on LOWER and on LEMMA (so "thanked" meets "thank"); token patterns are
spaCy Matcher patterns, validated when the rule set is loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from spacy.matcher import Matcher, PhraseMatcher

from notelint.model import thaw

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# Words that turn a statement around when they come shortly before it in a sentence.
NEGATORS = frozenset(
    {"not", "n't", "no", "never", "nor", "neither", "hardly", "barely", "without", "nt"}
)
# Cues that make the rest of the sentence doubtful or past ("no longer", "not sure").
DOUBT_CUES = frozenset({"unsure", "doubt", "doubtful", "uncertain", "wonder", "reconsider"})


class Phrases:
    """Finds phrases and token patterns in a doc; returns token spans, longest first."""

    def __init__(
        self,
        nlp: Language,
        phrases: Iterable[str] = (),
        patterns: Iterable[Sequence[Any]] = (),
        name: str = "m",
    ) -> None:
        phrases = [p for p in phrases if p.strip()]
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self._tokens = Matcher(nlp.vocab, validate=True)
        self.empty = True
        if phrases:
            docs = list(lemmatized(nlp, phrases))
            self._lower.add(name, docs)
            self._lemma.add(name, docs)
            self.empty = False
        pats = [thaw(p) for p in patterns]
        if pats:
            self._tokens.add(name, pats)
            self.empty = False

    def spans(self, doc: Doc | Span) -> list[Span]:
        if self.empty:
            return []
        found: set[tuple[int, int]] = set()
        for matcher in (self._lower, self._lemma, self._tokens):
            if not len(matcher):
                continue
            for _, start, end in matcher(doc):
                found.add((start, end))
        base = doc.doc if hasattr(doc, "doc") and doc.doc is not doc else doc
        offset = doc.start if base is not doc else 0
        ordered = sorted(found, key=lambda se: (se[0], -(se[1] - se[0])))
        # Drop matches contained in a longer one that starts at or before them.
        kept: list[tuple[int, int]] = []
        for start, end in ordered:
            if kept and start < kept[-1][1] and end <= kept[-1][1]:
                continue
            kept.append((start, end))
        return [base[offset + s : offset + e] for s, e in kept]


def lemmatized(nlp: Language, texts: Iterable[str]) -> Iterable[Doc]:
    """Docs for pattern phrases with the same lemmas a note's tokens get."""
    names = [n for n in ("lemmatizer", "notelint_lemma_case") if n in nlp.pipe_names]
    with nlp.select_pipes(enable=names):
        yield from nlp.pipe(texts)


def validate_patterns(nlp: Language, patterns: Any) -> str | None:
    """spaCy's own complaint about a list of token patterns, or None."""
    matcher = Matcher(nlp.vocab, validate=True)
    try:
        matcher.add("check", [thaw(p) for p in patterns])
    except Exception as exc:  # spaCy raises MatchPatternError or ValueError
        return " ".join(str(exc).split())[:300]
    return None


def overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span.start_char < o.end_char and o.start_char < span.end_char for o in others)


def is_negated(span: Span, window: int = 6) -> bool:
    """Whether the span's statement is negated or doubted earlier in its sentence.

    "I am not sure I am still interested", "I no longer feel", "never enjoyed".
    """
    sent = span.sent
    start = max(sent.start, span.start - window)
    before = span.doc[start : span.start]
    if any(t.lower_ in NEGATORS for t in before):
        return True
    head = span.doc[sent.start : span.start]
    if any(t.lower_ in DOUBT_CUES for t in head):
        return True
    words = [t.lower_ for t in head]
    return any(a in ("not", "n't") and b == "sure" for a, b in zip(words, words[1:], strict=False))
