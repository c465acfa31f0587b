"""The spaCy pipeline: blank English + sentencizer + lookup lemmatizer + notelint's own
components, which prepare tokens and sentences for the rules:
- notelint_lemma_case: the lookup lemmatizer looks words up as written, so "Thanked" at
  the start of a sentence keeps its capital and no lemma; this looks up the lower-case
  form instead, so that LEMMA patterns meet every inflection whatever its case.
- notelint_line_breaks: the sentencizer only knows punctuation; a note's greeting,
  list items and closing are separate sentences, so blank lines and short lines end one.

The rules are not a component: they differ from folder to folder, so the linter runs them
over each Doc the pipeline returns (notelint.engine) and gets the findings back as a value.
"""

from __future__ import annotations

import bisect
import gzip
import json
import re
import threading
from typing import Any, cast

import numpy
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer, Sentencizer
from spacy.tokens import Doc

from notelint import cache
from notelint.longruns import LongRunTokenizer, take_text
from notelint.wordtable import TextTable


class LookupLemmas(EnglishLemmatizer):
    """spaCy's English lemmatizer in lookup mode, reading and writing the lemmas as
    arrays: a word form's lemma is looked up once per process, not once per token (spaCy
    makes a Token object for each token and looks each up). Other modes are spaCy's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemma_of: dict[int, int] = {}  # ORTH hash -> LEMMA hash
        #: word form -> lemma, when given as a compact table instead of spaCy's Lookups
        self.table: TextTable | None = None

    def initialize(self, *args: Any, **kwargs: Any) -> None:
        super().initialize(*args, **kwargs)
        self._lemma_of = {}

    def use_table(self, table: TextTable) -> None:
        """Look lemmas up in `table`; spaCy's Lookups Table of the same 40,000 words
        holds them as a dict of hashes, some 13 MB once built from the dict it is given."""
        self.initialize(lookups=_empty_lemma_lookups())
        self.table = table

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "lookup" or self.overwrite or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        table: Any = self.table
        if table is None:
            table = self.lookups.get_table("lemma_lookup", {})
        strings = doc.vocab.strings
        known = _bounded(self._lemma_of)
        pairs = doc.to_array(["ORTH", "LEMMA"]).tolist()
        # A lemma already set is kept, as spaCy's lemmatizer keeps it.
        try:
            lemmas = [lemma or known[orth] for orth, lemma in pairs]
        except KeyError:  # a word not seen before: look up every missing one, then again
            for orth, lemma in pairs:
                if not lemma and orth not in known:
                    text = strings[orth]
                    found = table.get(text, text)
                    known[orth] = strings.add(found if isinstance(found, str) else found[0])
            lemmas = [lemma or known[orth] for orth, lemma in pairs]
        _set_lemmas(doc, lemmas)
        return doc


@Language.factory(
    "notelint_lookup_lemmatizer",
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "lookup",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def make_lookup_lemmas(
    nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Any
) -> LookupLemmas:
    return LookupLemmas(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


class LemmaCase:
    """Lower-case lemmas, looked up by the lower-case form of the word."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._table: Any = None
        #: (ORTH, LEMMA) hashes -> the LEMMA hash to write: the same for every note
        self._lemma_of: dict[tuple[int, int], int] = {}

    def _lookup(self) -> Any:
        if self._table is None:
            try:
                lemmatizer = cast(Lemmatizer, self.nlp.get_pipe("lemmatizer"))
                self._table = getattr(lemmatizer, "table", None)
                if self._table is None:
                    self._table = lemmatizer.lookups.get_table("lemma_lookup")
            except (KeyError, ValueError):
                self._table = {}
        return self._table

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        known = _bounded(self._lemma_of)
        pairs = doc.to_array(["ORTH", "LEMMA"]).tolist()
        try:
            lemmas = [known[orth, lemma] for orth, lemma in pairs]
        except KeyError:  # a pair not seen before: work out every missing one, then again
            for orth, lemma in pairs:
                if (orth, lemma) not in known:
                    known[orth, lemma] = strings.add(self._lemma(strings[orth], strings[lemma]))
            lemmas = [known[orth, lemma] for orth, lemma in pairs]
        _set_lemmas(doc, lemmas)
        return doc

    def _lemma(self, text: str, lemma: str) -> str:
        lower = text.lower()
        if text != lower or not lemma:
            return cast(str, self._lookup().get(lower, lower))
        return lemma.lower()


def _set_lemmas(doc: Doc, lemmas: list[int]) -> None:
    column: Any = numpy.array(lemmas, dtype="uint64").reshape(-1, 1)
    doc.from_array(["LEMMA"], column)


def _bounded(known: dict[Any, int], limit: int = 500_000) -> dict[Any, int]:
    """A per-word memo, emptied when it grows past `limit` words (a long-running server
    sees new words for ever)."""
    if len(known) > limit:
        known.clear()
    return known


@Language.factory(
    "notelint_lemma_case",
    assigns=["token.lemma"],
    requires=["token.lemma"],
)
def make_lemma_case(nlp: Language, name: str) -> LemmaCase:
    return LemmaCase(nlp)


class ArraySentencizer(Sentencizer):
    """spaCy's sentencizer, reading the tokens' texts and punctuation flags as arrays:
    spaCy's own makes a Token object for every token of the note."""

    def __init__(self, name: str = "sentencizer") -> None:
        super().__init__(name)
        self._mark_of: dict[int, int] = {}  # ORTH hash -> whether a sentence-final mark

    def predict(self, docs: Any) -> list[list[bool]]:
        guesses: list[list[bool]] = []
        for doc in docs:
            n = len(doc)
            if not n:
                guesses.append([])
                continue
            orths, puncts = doc.to_array(["ORTH", "IS_PUNCT"]).T.tolist()
            strings, marks = doc.vocab.strings, _bounded(self._mark_of)
            found = [False] * n
            found[0] = True
            start, seen_mark = 0, False
            # As spaCy's: a sentence starts at the first token after a run of marks
            # and punctuation that holds a sentence-final mark.
            for i, orth in enumerate(orths):
                mark = marks.get(orth)
                if mark is None:
                    mark = marks[orth] = int(strings[orth] in self.punct_chars)
                if seen_mark and not puncts[i] and not mark:
                    found[start] = True
                    start, seen_mark = i, False
                elif mark:
                    seen_mark = True
            found[start] = True
            guesses.append(found)
        return guesses


@Language.factory("notelint_sentencizer", assigns=["token.is_sent_start"])
def make_sentencizer(nlp: Language, name: str) -> ArraySentencizer:
    return ArraySentencizer(name)


_LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")
#: SENT_START values as Doc.to_array gives them: 1 starts a sentence, -1 does not
_START, _NOT_START = 1, 2**64 - 1


class LineBreaks:
    """Start a sentence after a blank line, at a list item or heading, and after a short
    line (a greeting, a date, a closing, a name) that is not simply wrapped: it ends in
    punctuation, or the next line starts with a capital. Whitespace never starts one."""

    def __init__(self, short_line: int = 45) -> None:
        self.short_line = short_line

    def __call__(self, doc: Doc) -> Doc:
        text = take_text(doc)
        n = len(doc)
        if n < 2:
            return doc
        # Arrays rather than Token objects: only the tokens at a line break are looked at.
        columns: Any = ["IDX", "LENGTH", "IS_SPACE", "SENT_START"]
        idx, length, space, original = doc.to_array(columns).T.tolist()
        starts = list(original)
        for i in _line_break_tokens(text, idx, length, space):
            nxt = i + 1
            while nxt < n and space[nxt]:
                nxt += 1
            if nxt >= n:
                continue
            start = idx[nxt]
            line_start = text.rfind("\n", 0, start) + 1
            prev = i
            while prev > 0 and space[prev]:
                prev -= 1
            prev_end = idx[prev] + length[prev]
            prev_line = text[text.rfind("\n", 0, prev_end) + 1 : prev_end].strip()
            blank_line = text[prev_end:start].count("\n") >= 2
            list_item = bool(_LIST_MARK.match(text[line_start : start + 2]))
            heading = text[line_start:start].strip().startswith("#") or prev_line.startswith("#")
            ends_line = prev_line[-1:] in ",.:;!?" or not text[start : start + 1].islower()
            short = len(prev_line) < self.short_line and ends_line
            if blank_line or list_item or heading or short:
                starts[nxt] = _START
        # The sentencizer starts a sentence on the whitespace after a full stop; move
        # such starts to the next word so that no sentence is only whitespace.
        for i in range(1, n):
            if space[i] and starts[i] == _START:
                nxt = i + 1
                while nxt < n and space[nxt]:
                    nxt += 1
                starts[i] = _NOT_START
                if nxt < n:
                    starts[nxt] = _START
        if starts != original:
            # one write for the whole doc: each Token.is_sent_start assignment checks
            # the whole doc for a parse first
            column: Any = numpy.array(starts, dtype="uint64").reshape(-1, 1)
            doc.from_array(["SENT_START"], column)
        return doc


def _line_break_tokens(text: str, idx: list[int], length: list[int], space: list[int]) -> list[int]:
    """The tokens after the first whose text (if whitespace) or trailing space holds a
    line break, in order."""
    found: list[int] = []
    at = text.find("\n")
    while at >= 0:
        i = bisect.bisect_right(idx, at) - 1
        if i > 0 and (space[i] or at >= idx[i] + length[i]) and (not found or found[-1] != i):
            found.append(i)
        at = text.find("\n", at + 1)
    return found


@Language.factory(
    "notelint_line_breaks",
    assigns=["token.is_sent_start"],
    requires=["token.is_sent_start"],
    default_config={"short_line": 45},
)
def make_sentence_splitter(nlp: Language, name: str, short_line: int) -> LineBreaks:
    return LineBreaks(short_line)


_BUILT: dict[str | None, Language] = {}
_BUILD_LOCK = threading.Lock()


def build_nlp(model: str | None = None) -> Language:
    """The pipeline, built once per process and model (the CLI and the server share it)."""
    with _BUILD_LOCK:
        nlp = _BUILT.get(model)
        if nlp is None:
            nlp = _build(model)
            _BUILT[model] = nlp
        return nlp


def _build(model: str | None) -> Language:
    if model:
        nlp = spacy.load(model)
        if "sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
        if "lemmatizer" not in nlp.pipe_names:
            cast(Lemmatizer, nlp.add_pipe("lemmatizer", config={"mode": "lookup"})).initialize()
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("notelint_sentencizer", name="sentencizer")
        lemmatizer = nlp.add_pipe("notelint_lookup_lemmatizer", name="lemmatizer")
        cast(LookupLemmas, lemmatizer).use_table(_lemma_table())
    line_breaks = "parser" not in nlp.pipe_names
    nlp.tokenizer = LongRunTokenizer(nlp.tokenizer, nlp.vocab, keep_text=line_breaks)
    nlp.add_pipe("notelint_lemma_case")
    if line_breaks:
        nlp.add_pipe("notelint_line_breaks")
    return nlp


def _lemma_table() -> TextTable:
    """English lemmas from spacy-lookups-data, through the on-disk cache: spaCy reads
    them from compressed JSON, which takes longer than building the rest of the pipeline."""
    key = cache.entry_key(
        "lemmas",
        "text-table",
        spacy.__version__,
        cache.package_file_stamp("spacy_lookups_data", "data/en_lemma_lookup.json.gz"),
    )
    table: TextTable | None = cache.load("lemmas", key)
    if table is None:
        # The JSON itself: spaCy's Lookups keep only the words' hashes.
        path = cache.package_file("spacy_lookups_data", "data/en_lemma_lookup.json.gz")
        with gzip.open(path or "en_lemma_lookup.json.gz", "rt", encoding="utf-8") as f:
            words: dict[str, str] = json.load(f)
        table = TextTable(words.items())
        cache.store("lemmas", key, table)
    return table


def _empty_lemma_lookups() -> Lookups:
    # What spaCy's lemmatizer checks for in lookup mode; the lemmas are in a TextTable.
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {})
    return lookups


def has_tagger(nlp: Language) -> bool:
    return any(n in nlp.pipe_names for n in ("tagger", "morphologizer"))
