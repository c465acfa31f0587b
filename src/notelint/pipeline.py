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

import re
import threading
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.lookups import Lookups, load_lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from notelint import cache
from notelint.longruns import LongRunTokenizer


class LemmaCase:
    """Lower-case lemmas, looked up by the lower-case form of the word."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._table: Any = None

    def _lookup(self) -> Any:
        if self._table is None:
            try:
                lemmatizer = cast(Lemmatizer, self.nlp.get_pipe("lemmatizer"))
                self._table = lemmatizer.lookups.get_table("lemma_lookup")
            except (KeyError, ValueError):
                self._table = {}
        return self._table

    def __call__(self, doc: Doc) -> Doc:
        table = self._lookup()
        for token in doc:
            lower = token.lower_
            if token.text != lower or not token.lemma_:
                token.lemma_ = table.get(lower, lower) if table else lower
            elif token.lemma_ != token.lemma_.lower():
                token.lemma_ = token.lemma_.lower()
        return doc


@Language.factory(
    "notelint_lemma_case",
    assigns=["token.lemma"],
    requires=["token.lemma"],
)
def make_lemma_case(nlp: Language, name: str) -> LemmaCase:
    return LemmaCase(nlp)


_LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")


class LineBreaks:
    """Start a sentence after a blank line, at a list item or heading, and after a short
    line (a greeting, a date, a closing, a name) that is not simply wrapped: it ends in
    punctuation, or the next line starts with a capital. Whitespace never starts one."""

    def __init__(self, short_line: int = 45) -> None:
        self.short_line = short_line

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        for i, token in enumerate(doc):
            if i == 0 or "\n" not in token.whitespace_ + (token.text if token.is_space else ""):
                continue
            nxt = i + 1
            while nxt < len(doc) and doc[nxt].is_space:
                nxt += 1
            if nxt >= len(doc):
                continue
            start = doc[nxt].idx
            line_start = text.rfind("\n", 0, start) + 1
            prev = i
            while prev > 0 and doc[prev].is_space:
                prev -= 1
            prev_end = doc[prev].idx + len(doc[prev].text)
            prev_line = text[text.rfind("\n", 0, prev_end) + 1 : prev_end].strip()
            blank_line = text[prev_end:start].count("\n") >= 2
            list_item = bool(_LIST_MARK.match(text[line_start : start + 2]))
            heading = text[line_start:start].strip().startswith("#") or prev_line.startswith("#")
            ends_line = prev_line[-1:] in ",.:;!?" or not doc[nxt].text[:1].islower()
            short = len(prev_line) < self.short_line and ends_line
            if blank_line or list_item or heading or short:
                doc[nxt].is_sent_start = True
        # The sentencizer starts a sentence on the whitespace after a full stop; move
        # such starts to the next word so that no sentence is only whitespace.
        for i, token in enumerate(doc):
            if i and token.is_space and token.is_sent_start:
                nxt = i + 1
                while nxt < len(doc) and doc[nxt].is_space:
                    nxt += 1
                token.is_sent_start = False
                if nxt < len(doc):
                    doc[nxt].is_sent_start = True
        return doc


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
        nlp.add_pipe("sentencizer")
        lemmatizer = cast(Lemmatizer, nlp.add_pipe("lemmatizer", config={"mode": "lookup"}))
        lemmatizer.initialize(lookups=_lemma_lookups())
    nlp.tokenizer = LongRunTokenizer(nlp.tokenizer, nlp.vocab)
    nlp.add_pipe("notelint_lemma_case")
    if "parser" not in nlp.pipe_names:
        nlp.add_pipe("notelint_line_breaks")
    return nlp


def _lemma_lookups() -> Lookups:
    """English lemmas from spacy-lookups-data, through the on-disk cache: spaCy reads
    them from compressed JSON, which takes longer than building the rest of the pipeline."""
    key = cache.entry_key(
        "lemmas",
        spacy.__version__,
        cache.package_file_stamp("spacy_lookups_data", "data/en_lemma_lookup.json.gz"),
    )
    table = cache.load("lemmas", key)
    if table is None:
        table = dict(load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup").items())
        cache.store("lemmas", key, table)
    lookups = Lookups()
    lookups.add_table("lemma_lookup", table)
    return lookups


def has_tagger(nlp: Language) -> bool:
    return any(n in nlp.pipe_names for n in ("tagger", "morphologizer"))
