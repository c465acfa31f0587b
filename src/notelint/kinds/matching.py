"""Phrase and token-pattern matching shared by the kinds.

Phrases match on LOWER and on LEMMA (so "thanked" meets "thank"); token patterns are
spaCy Matcher patterns, validated when the rule set is loaded.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, cast

from notelint.model import thaw
from notelint.regexguard import regex_problem
from notelint.tokentable import TokenTable, token_table

# spaCy is imported where a matcher is built, not here: `notelint --version`, `rules`
# and config errors import the kinds (for their option schemas) but never need spaCy.
if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

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
    """One PhraseMatcher pair and one set of token matchers for every Phrases of a rule
    set.

    Running three spaCy matchers per Phrases object per note cost more than all the rest
    of linting; with a hub, each note is matched once and every Phrases reads its own
    matches from the result, which is cached on the Doc. Token patterns are grouped by an
    *anchor*, the words one of their required tokens must be; a group runs only on notes
    that contain one of those words, since spaCy's Matcher costs time for every pattern
    at every token whether it can match or not.
    """

    _count = 0

    def __init__(self, nlp: Language, *, validate: bool = False) -> None:
        self.nlp = nlp
        from spacy.matcher import PhraseMatcher

        self.validate = validate  # patterns of a rule set were validated when loaded
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        #: how rare each requirement's words are (see _rarity), to test the rarest first
        self._rarity: dict[tuple[str, frozenset[str]], tuple[int, int]] = {}
        self._index: list[dict[str, list[int]]] | None = None
        #: token patterns grouped by what they require (see _token_runs)
        self._patterns: dict[Requirements, list[tuple[str, list[dict[str, Any]]]]] = {}
        #: the patterns that require nothing, as one matcher; the groups of the others
        #: by their rarest requirement, each with the rest of its requirements
        self._unconditional: Matcher | None = None
        self._unconditional_ids: frozenset[int] = frozenset()
        self._by_rarest: dict[int, list[tuple[tuple[int, ...], int]]] = {}
        self._requirement_count = 0
        #: each group's patterns, by group number, to build the combined matchers from
        self._group_patterns: list[list[tuple[str, list[dict[str, Any]]]]] = []
        #: one matcher per set of groups that meet in a sentence (see _combined)
        self._combined_cache: dict[frozenset[int], Matcher] = {}
        MatchHub._count += 1
        self._cache_key = f"notelint_matches_{MatchHub._count}"
        self._keys = 0

    def new_key(self) -> str:
        self._keys += 1
        return f"{self._cache_key}_{self._keys}"

    def add_patterns(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        for pattern in patterns:
            needs = pattern_requirements(pattern)
            for need in needs:
                self._rarity[need] = _rarity(need[1])
            self._patterns.setdefault(needs, []).append((key, pattern))
            if self.validate:  # report a bad pattern now, not at the first note it meets
                self._matcher([(key, pattern)])
        self._index = None
        self._combined_cache.clear()

    def token_patterns(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """Every token pattern added, with its key."""
        return [pattern for patterns in self._patterns.values() for pattern in patterns]

    def matches(self, doc: Doc) -> dict[int, set[tuple[int, int]]]:
        """Match ids to (start, end) token ranges: every match of every pattern."""
        some = self.matched(doc, unconditional=False)
        everything = {key: set(found) for key, found in some.items()}
        for key, found in self.matched(doc, unconditional=True).items():
            everything.setdefault(key, set()).update(found)
        return everything

    def found(self, doc: Doc, match_id: int) -> set[tuple[int, int]]:
        """The (start, end) token ranges of one match id. Patterns that require no
        particular word run at every token, so they run only on the notes where a rule
        asks for their matches."""
        found = self.matched(doc, unconditional=False).get(match_id, set())
        if match_id in self._unconditional_ids:
            found = found | self.matched(doc, unconditional=True).get(match_id, set())
        return found

    def matched(self, doc: Doc, *, unconditional: bool) -> dict[int, set[tuple[int, int]]]:
        """The matches of the patterns that require some word (or, if `unconditional`,
        of those that require none), computed once per Doc."""
        cache_key = f"{self._cache_key}_{'all' if unconditional else 'some'}"
        cached = doc.user_data.get(cache_key)
        if cached is None:
            words, index = self._words(doc)
            found: list[tuple[int, int, int]] = []
            if unconditional:
                self._requirement_index()
                if self._unconditional is not None:
                    found.extend(self._unconditional(words))
            else:
                for phrases in (self.lower, self.lemma):
                    if len(phrases):
                        found.extend(phrases(words))
                for matcher, start, end in self._token_runs(words):
                    found.extend((m, start + s, start + e) for m, s, e in matcher(words[start:end]))
            cached = {}
            for match_id, start, end in found:
                if index is not None:
                    start, end = index[start], index[end - 1] + 1
                cached.setdefault(match_id, set()).add((start, end))
            doc.user_data[cache_key] = cached
        return cached

    def _words(self, doc: Doc) -> tuple[Doc, list[int] | None]:
        # Whitespace inside a sentence (a run of spaces, an indented wrapped line) is a
        # token of its own, which would split every phrase across it: match on the words
        # alone and map the matches back.
        cache_key = f"{self._cache_key}_words"
        words = doc.user_data.get(cache_key)
        if words is None:
            words = doc.user_data[cache_key] = without_inner_space(doc)
        return cast("tuple[Doc, list[int] | None]", words)

    def _token_runs(self, doc: Doc) -> Iterator[tuple[Matcher, int, int]]:
        """Token matchers with the sentences each must look at.

        A group's patterns can match only in the sentences that hold a word for each of
        their required tokens (a pattern never crosses a sentence boundary, which the
        line-aware sentence splitter puts at every greeting, list item and closing). The
        groups that meet in a sentence run there as one matcher: spaCy's Matcher makes a
        Token object for every position it is called on, which cost more than the
        patterns themselves when each group ran on its own.
        """
        index = self._requirement_index()
        table = token_table(doc)
        bounds, columns = table.sents, (table.text, table.lower, table.lemma)
        sentence_of: list[int] = []
        for k, (first, last) in enumerate(bounds):
            sentence_of.extend([k] * (last - first))
        # The sentences that meet each requirement, as bit masks, read from the token
        # table's ORTH, LOWER and LEMMA strings; only the words some requirement names
        # are looked at one by one.
        met = [0] * self._requirement_count
        touched: set[int] = set()
        for requirements, words in zip(index, columns, strict=True):
            wanted = requirements.keys() & set(words)
            if not wanted:
                continue
            where: dict[str, int] = dict.fromkeys(wanted, 0)
            for word, k in zip(words, sentence_of, strict=True):
                if word in where:
                    where[word] |= 1 << k
            for word, mask in where.items():
                touched.update(requirements[word])
                for requirement in requirements[word]:
                    met[requirement] |= mask
        # Which groups meet in each sentence.
        meeting: list[list[int]] = [[] for _ in bounds]
        for rarest in touched.intersection(self._by_rarest):
            for others, group in self._by_rarest[rarest]:
                sents = met[rarest]
                for requirement in others:
                    sents &= met[requirement]
                    if not sents:
                        break
                for first, last in _bit_runs(sents):
                    for k in range(first, last + 1):
                        meeting[k].append(group)
        # Sentence by sentence, so that no match crosses a sentence boundary whatever
        # else the neighbouring sentences hold.
        for groups, (first, last) in zip(meeting, bounds, strict=True):
            if groups:
                yield self._combined(frozenset(groups)), first, last

    def _combined(self, groups: frozenset[int]) -> Matcher:
        """One matcher holding the patterns of these groups, built on first use; the
        cache is bounded, since the sets that occur are few but not known in advance."""
        matcher = self._combined_cache.get(groups)
        if matcher is None:
            if len(self._combined_cache) >= _COMBINED_CACHE_SIZE:
                self._combined_cache.clear()
            matcher = self._combined_cache[groups] = self._matcher(
                pattern for group in sorted(groups) for pattern in self._group_patterns[group]
            )
        return matcher

    def _matcher(self, patterns: Iterable[tuple[str, list[dict[str, Any]]]]) -> Matcher:
        from spacy.matcher import Matcher

        matcher = Matcher(self.nlp.vocab, validate=self.validate)
        for key, pattern in patterns:
            matcher.add(key, [pattern])
        return matcher

    def _requirement_index(self) -> list[dict[str, list[int]]]:
        """Per attribute (ORTH, LOWER, LEMMA): word -> the requirements it meets;
        built on first use, after every pattern has been added."""
        if self._index is None:
            numbers: dict[tuple[str, frozenset[str]], int] = {}
            columns = ("ORTH", "LOWER", "LEMMA")
            index: list[dict[str, list[int]]] = [{} for _ in columns]
            unconditional: list[tuple[str, list[dict[str, Any]]]] = []
            by_rarest: dict[int, list[tuple[tuple[int, ...], int]]] = {}
            group_patterns: list[list[tuple[str, list[dict[str, Any]]]]] = []
            for needs, patterns in self._patterns.items():
                ids = []
                for need in sorted(needs, key=lambda n: (self._rarity[n], sorted(n[1]), n[0])):
                    if need not in numbers:
                        numbers[need] = len(numbers)
                        for word in need[1]:
                            index[columns.index(need[0])].setdefault(word, []).append(numbers[need])
                    ids.append(numbers[need])
                if ids:
                    by_rarest.setdefault(ids[0], []).append((tuple(ids[1:]), len(group_patterns)))
                    group_patterns.append(patterns)
                else:
                    unconditional.extend(patterns)
            self._index, self._by_rarest = index, by_rarest
            self._unconditional = self._matcher(unconditional) if unconditional else None
            self._unconditional_ids = frozenset(
                self.nlp.vocab.strings.add(key) for key, _ in unconditional
            )
            self._group_patterns = group_patterns
            self._requirement_count = len(numbers)
        return self._index

    @contextmanager
    def collecting(self) -> Iterator[MatchHub]:
        """Phrases built inside this block register their patterns with this hub."""
        token = _HUB.set(self)
        try:
            yield self
        finally:
            _HUB.reset(token)


_HUB: ContextVar[MatchHub | None] = ContextVar("notelint_match_hub", default=None)

# Combined matchers kept per hub: the group sets met in a corpus of 1,000 notes number a
# few hundred at most, and each costs about a millisecond to build.
_COMBINED_CACHE_SIZE = 1024


def without_inner_space(doc: Doc) -> tuple[Doc, list[int] | None]:
    """The doc without the whitespace tokens inside its sentences, and for each token
    kept its index in `doc`; (doc, None) when there are none. Whitespace at the end of a
    sentence stays, so that no match crosses a sentence or a paragraph."""
    n = len(doc)
    table = token_table(doc)
    space, starts = table.space, table.sent_start
    inner = {i for i in range(1, n - 1) if space[i] and not starts[i + 1] and not starts[i]}
    if not inner:
        return doc, None
    kept = [t for t in doc if t.i not in inner]
    index = [t.i for t in kept]
    from spacy.tokens import Doc

    words = Doc(
        doc.vocab,
        words=[t.text for t in kept],
        spaces=[bool(t.whitespace_) or t.i + 1 in inner for t in kept],
        lemmas=[t.lemma_ for t in kept],
        sent_starts=[bool(t.is_sent_start) if k else True for k, t in enumerate(kept)],
        tags=[t.tag_ for t in kept] if doc.has_annotation("TAG") else None,
        pos=[t.pos_ for t in kept] if doc.has_annotation("POS") else None,
    )
    return words, index


#: what a pattern's required tokens must be: (attribute, lower-case words) for each
Requirements = frozenset[tuple[str, frozenset[str]]]


def pattern_requirements(pattern: Sequence[Any]) -> Requirements:
    """For each required token of the pattern that its words pin down, the words it
    must be (ORTH as written, LOWER and LEMMA in lower case); a sentence lacking any of
    them cannot hold a match."""
    needs = set()
    for spec in pattern:
        if _required(spec.get("OP")):
            for attr in ("ORTH", "TEXT", "LOWER", "LEMMA"):
                words = _words(spec.get(attr), lower=attr in ("LOWER", "LEMMA"))
                if words is not None:
                    needs.add(("ORTH" if attr == "TEXT" else attr, words))
    return frozenset(needs)


def _words(value: Any, *, lower: bool) -> frozenset[str] | None:
    if isinstance(value, str):
        return frozenset({value.lower() if lower else value})
    if isinstance(value, Mapping) and set(value) == {"IN"}:
        return frozenset(str(v).lower() if lower else str(v) for v in value["IN"])
    return None


def pattern_anchor(pattern: Sequence[Any]) -> tuple[str, frozenset[str]] | None:
    """The smallest set of words that one required token of the pattern must be, as
    (attribute, lower-case words), or None when no token pins the words down."""
    best: tuple[str, frozenset[str]] | None = None
    for spec in pattern:
        if not _required(spec.get("OP")):
            continue
        for attr in ("LOWER", "LEMMA"):
            value = spec.get(attr)
            if isinstance(value, str):
                words = frozenset({value.lower()})
            elif isinstance(value, Mapping) and set(value) == {"IN"}:
                words = frozenset(str(v).lower() for v in value["IN"])
            else:
                continue
            if best is None or _rarity(words) < _rarity(best[1]):
                best = (attr, words)
    return best


def _bit_runs(mask: int) -> Iterator[tuple[int, int]]:
    """Runs of consecutive set bits in mask, as (first, last) bit numbers, lowest first."""
    offset = 0
    while mask:
        skip = (mask & -mask).bit_length() - 1
        mask >>= skip
        offset += skip
        length = (~mask & (mask + 1)).bit_length() - 1
        yield offset, offset + length - 1
        mask >>= length
        offset += length


def _rarity(words: frozenset[str]) -> tuple[int, int]:
    """Sort key for anchors: fewer function words first ("the" is in every note, so it
    filters nothing), then fewer words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return (sum(w in STOP_WORDS or len(w) < 3 for w in words), len(words))


def _required(op: Any) -> bool:
    """Whether a token with this OP must be present: none, "1", "+", or "{n,m}" with n > 0."""
    if op in (None, "1", "+"):
        return True
    if isinstance(op, str) and op.startswith("{"):
        low = op[1:].split(",")[0].strip("}")
        return low.isdigit() and int(low) > 0
    return False


class Phrases:
    """Finds phrases and token patterns in a doc; returns token spans, longest first.

    Built inside `MatchHub.collecting()` (as the engine does) it shares the
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
            hub = MatchHub(nlp, validate=True)
        self.hub = hub
        key = hub.new_key()
        self.match_id = nlp.vocab.strings.add(key)
        if phrases:
            docs = list(lemmatized(nlp, phrases))
            hub.lower.add(key, docs)
            hub.lemma.add(key, docs)
        if pats:
            hub.add_patterns(key, pats)

    def spans(self, doc: Doc | Span) -> list[Span]:
        if self.empty:
            return []
        base = cast("Doc", doc.doc if hasattr(doc, "doc") and doc.doc is not doc else doc)
        found = self.hub.found(base, self.match_id)
        if base is not doc:  # a Span: only the matches inside it
            span = cast("Span", doc)
            found = {(s, e) for s, e in found if s >= span.start and e <= span.end}
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


def pattern_problem(pattern: Any) -> str | None:
    """Why a token pattern is not valid for spaCy's Matcher, or None."""
    for regex in _regexes(pattern):
        problem = regex_problem(regex)
        if problem:
            return f"REGEX {regex[:80]!r} {problem}"
    from spacy.matcher import Matcher

    matcher = Matcher(_validation_vocab(), validate=True)
    try:
        matcher.add("check", [thaw(pattern)])
    except Exception as exc:  # spaCy raises MatchPatternError or ValueError
        return " ".join(str(exc).split())[:300]
    return None


def _regexes(value: Any) -> Iterator[str]:
    """Every REGEX value in a token pattern (they run on each token's text)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key == "REGEX" and isinstance(item, str):
                yield item
            else:
                yield from _regexes(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _regexes(item)


@functools.cache
def _validation_vocab() -> Vocab:
    # A bare vocabulary is enough to validate patterns, and far cheaper than a Language.
    from spacy.vocab import Vocab

    return Vocab()


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
    table = token_table(doc)
    lower, lemma = table.lower, table.lemma
    sent_start = table.sent_of(span.start, span.end)[0] if doc.has_annotation("SENT_START") else 0
    # Negators: scan back through the clause, at most `window` tokens.
    lo = max(sent_start, span.start - window)
    for i in range(span.start - 1, lo - 1, -1):
        word = lower[i]
        if word in CLAUSE_BREAKS or word in CONTRAST:
            break
        if word in NEGATORS and not _affirming(table, i, span):
            return True
    # Doubt: scan back to the sentence start or the last contrast.
    for i in range(span.start - 1, sent_start - 1, -1):
        word = lower[i]
        if word in CONTRAST or word == ";":
            break
        affirmed = i > sent_start and lower[i - 1] in ("no", "without", "a")
        if (lemma[i] in DOUBT_CUES or word in DOUBT_CUES) and not affirmed:
            return True
        if word in DOUBT_AFTER_NEGATION and i > sent_start:
            before = set(lower[max(sent_start, i - 3) : i])
            if before & {"not", "n't", "no", "longer"}:
                return True
    return False


def _affirming(table: TokenTable, i: int, span: Span) -> bool:
    """Whether the negator at token i is part of an affirming idiom."""
    lower = table.lower
    word = lower[i]
    if word == "less" and i > 0 and lower[i - 1] in NEGATORS:
        return True  # "no less interested"
    if word == "longer" and not (i > 0 and lower[i - 1] in ("no", "any")):
        return True  # "longer" alone is not a negator; "no longer" is
    if word == "lost" and not any(table.lemma[k] == "interest" for k in range(i + 1, span.end)):
        return True  # "lost interest" negates; "lost track of time" does not
    after = lower[i + 1 : min(i + 4, span.start)]
    if any(w in AFFIRMING for w in after):
        return True
    tail = lower[span.start : min(span.end + 3, len(lower))]
    # "I can't thank you enough (for)"
    return word in ("not", "n't", "never") and any(w == "enough" for w in tail)
