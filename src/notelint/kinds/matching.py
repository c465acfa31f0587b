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

# Words that turn a statement around when they come shortly before it in its clause.
NEGATORS = frozenset(
    {"not", "n't", "no", "never", "nor", "neither", "hardly", "barely", "without", "nt"}
    | {"less", "lost", "longer"}
)
# A negator followed (within a few words) by one of these is part of an affirming idiom:
# "no doubt", "without question", "not only", "couldn't be more", "never been happier".
AFFIRMING = frozenset({"doubt", "question", "only", "more", "happier", "least", "less"})
# Words that make the rest of the sentence doubtful ("I wonder whether I am still ...").
DOUBT_CUES = frozenset(
    {"unsure", "doubt", "doubtful", "uncertain", "wonder", "reconsider", "hesitant", "rethink"}
)
# Words after which a negator makes a doubt: "not sure", "no longer certain".
DOUBT_AFTER_NEGATION = frozenset({"sure", "certain", "convinced"})
# A negator does not reach past the end of its clause.
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", ".", "!", "?"})
# What comes after a contrast is asserted, whatever came before it.
CONTRAST = frozenset(
    {"but", "however", "although", "though", "yet", "whereas", "nevertheless", "nonetheless"}
)


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

    Negated: a negator shortly before the span in the same clause ("I am no longer
    interested", "never enjoyed"), unless it belongs to an affirming idiom ("no doubt",
    "not only", "I couldn't be more interested", "I can't thank you enough").
    Doubted: "not sure", "unsure", "I wonder whether" earlier in the sentence, up to the
    last contrast ("..., but I remain interested" is not doubted).
    """
    doc = span.doc
    sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    # Negators: scan back through the clause, at most `window` tokens.
    lo = max(sent_start, span.start - window)
    for i in range(span.start - 1, lo - 1, -1):
        tok = doc[i]
        word = tok.lower_
        if word in CLAUSE_BREAKS or word in CONTRAST:
            break
        if word in NEGATORS and not _affirming(doc, i, span):
            return True
    # Doubt: scan back to the sentence start or the last contrast.
    for i in range(span.start - 1, sent_start - 1, -1):
        tok = doc[i]
        word = tok.lower_
        if word in CONTRAST or word == ";":
            break
        affirmed = i > sent_start and doc[i - 1].lower_ in ("no", "without", "a")
        if (tok.lemma_ in DOUBT_CUES or word in DOUBT_CUES) and not affirmed:
            return True
        if word in DOUBT_AFTER_NEGATION and i > sent_start:
            before = {t.lower_ for t in doc[max(sent_start, i - 3) : i]}
            if before & {"not", "n't", "no", "longer"}:
                return True
    return False


def _affirming(doc: Doc, i: int, span: Span) -> bool:
    """Whether the negator at doc[i] is part of an affirming idiom."""
    word = doc[i].lower_
    if word == "less" and i > 0 and doc[i - 1].lower_ in NEGATORS:
        return True  # "no less interested"
    if word == "longer" and not (i > 0 and doc[i - 1].lower_ in ("no", "any")):
        return True  # "longer" alone is not a negator; "no longer" is
    if word == "lost" and not any(t.lemma_ == "interest" for t in doc[i + 1 : span.end]):
        return True  # "lost interest" negates; "lost track of time" does not
    after = doc[i + 1 : min(i + 4, span.start)]
    if any(t.lower_ in AFFIRMING for t in after):
        return True
    tail = doc[span.start : min(span.end + 3, len(doc))]
    # "I can't thank you enough (for)"
    return word in ("not", "n't", "never") and any(t.lower_ == "enough" for t in tail)
