"""Phrase and token-pattern matching shared by the kinds.

Phrases match on LOWER and on LEMMA (so "thanked" meets "thank"); token patterns are
spaCy Matcher patterns, validated when the rule set is loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
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


class MatchHub:
    """One PhraseMatcher pair and one Matcher for every Phrases of a rule set.

    Running three spaCy matchers per Phrases object per note cost more than all the rest
    of linting; with a hub, each note is matched once and every Phrases reads its own
    matches from the result, which is cached on the Doc.
    """

    _count = 0

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        # Patterns were validated when the rule set was loaded.
        self.tokens = Matcher(nlp.vocab, validate=False)
        MatchHub._count += 1
        self._cache_key = f"notelint_matches_{MatchHub._count}"
        self._keys = 0

    def new_key(self) -> str:
        self._keys += 1
        return f"{self._cache_key}_{self._keys}"

    def matches(self, doc: Doc) -> dict[int, set[tuple[int, int]]]:
        """Match ids to (start, end) token ranges, computed once per Doc."""
        cached = doc.user_data.get(self._cache_key)
        if cached is None:
            cached = {}
            for matcher in (self.lower, self.lemma, self.tokens):
                if len(matcher):
                    for match_id, start, end in matcher(doc):
                        cached.setdefault(match_id, set()).add((start, end))
            doc.user_data[self._cache_key] = cached
        return cached

    @contextmanager
    def collecting(self) -> Iterator[MatchHub]:
        """Phrases built inside this block register their patterns with this hub."""
        token = _HUB.set(self)
        try:
            yield self
        finally:
            _HUB.reset(token)


_HUB: ContextVar[MatchHub | None] = ContextVar("notelint_match_hub", default=None)


class Phrases:
    """Finds phrases and token patterns in a doc; returns token spans, longest first.

    Built inside `MatchHub.collecting()` (as the rules component does) it shares the
    hub's matchers; built anywhere else it has matchers of its own.
    """

    def __init__(
        self,
        nlp: Language,
        phrases: Iterable[str] = (),
        patterns: Iterable[Sequence[Any]] = (),
        name: str = "m",
    ) -> None:
        phrases = [p for p in phrases if p.strip()]
        pats = [thaw(p) for p in patterns]
        self.empty = not phrases and not pats
        hub = _HUB.get()
        if hub is None:
            hub = MatchHub(nlp)
            hub.tokens = Matcher(nlp.vocab, validate=True)
        self.hub = hub
        key = hub.new_key()
        self.match_id = nlp.vocab.strings.add(key)
        if phrases:
            docs = list(lemmatized(nlp, phrases))
            hub.lower.add(key, docs)
            hub.lemma.add(key, docs)
        if pats:
            hub.tokens.add(key, pats)

    def spans(self, doc: Doc | Span) -> list[Span]:
        if self.empty:
            return []
        base = doc.doc if hasattr(doc, "doc") and doc.doc is not doc else doc
        found = self.hub.matches(base).get(self.match_id, ())
        if base is not doc:  # a Span: only the matches inside it
            found = {(s, e) for s, e in found if s >= doc.start and e <= doc.end}
        ordered = sorted(found, key=lambda se: (se[0], -(se[1] - se[0])))
        # Drop matches contained in a longer one that starts at or before them.
        kept: list[tuple[int, int]] = []
        for start, end in ordered:
            if kept and start < kept[-1][1] and end <= kept[-1][1]:
                continue
            kept.append((start, end))
        return [base[s:e] for s, e in kept]


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
