"""A finished Doc's tokens as plain lists, built once per Doc and shared by the kinds.

Every `doc[i]` or `for tok in doc` makes a spaCy Token object, and reading a list is
ten times cheaper; a note of 200 words has some 250 tokens that several rules walk.
The table is read from `Doc.to_array` and cached on the Doc (`doc.user_data`), so it
must be asked for only once the pipeline has finished with the Doc (as the rules are).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

_KEY = "notelint_token_table"
_HASHES: Any = ["ORTH", "LEMMA"]
_POSITIONS: Any = ["IDX", "SPACY", "SENT_START"]
#: hash -> string, for the lemmas of every note: a dict read is cheaper than spaCy's
#: StringStore, and the words of notes repeat
_STRINGS: dict[int, str] = {}
#: per vocabulary: ORTH hash -> what a token of it always has (its lexeme's text, lower
#: case and flags)
_LEXEMES: dict[int, tuple[Vocab, dict[int, _Lexeme]]] = {}
_LIMIT = 500_000
_Lexeme = tuple[str, str, bool, bool, bool, bool]


@dataclass(eq=False)
class TokenTable:
    """Token i's attributes at index i of each list (as Token.text, .lower_, .lemma_,
    .idx, .is_space, .is_punct, .is_alpha, .is_stop, .is_sent_start)."""

    text: list[str]
    lower: list[str]
    lemma: list[str]
    idx: list[int]
    space: list[bool]
    punct: list[bool]
    alpha: list[bool]
    stop: list[bool]
    #: whether the token starts a sentence (the first token always does)
    sent_start: list[bool]
    #: the sentences, as (start, end) token ranges, as Doc.sents gives them
    sents: list[tuple[int, int]]
    #: whether a space follows the token (as Token.whitespace_)
    trailing_space: list[bool]

    @cached_property
    def words(self) -> frozenset[str]:
        """Every lower-case form and lemma in the doc: a rule whose words are not among
        them has nothing to look for."""
        return frozenset(self.lower).union(self.lemma)

    @cached_property
    def doc_text(self) -> str:
        """The doc's text (as Doc.text, which makes a Token object per token each time)."""
        pairs = zip(self.text, self.trailing_space, strict=True)
        return "".join([text + " " if space else text for text, space in pairs])

    def __len__(self) -> int:
        return len(self.text)

    def sent_of(self, start: int, end: int) -> tuple[int, int]:
        """The (start, end) of the sentence of tokens [start, end), as Span.sent gives it
        (to the end of the sentence of the last token)."""
        starts = self.sent_start
        while start > 0 and not starts[start]:
            start -= 1
        while end < len(starts) and not starts[end]:
            end += 1
        return start, end

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), as Span.text gives it."""
        if start >= end:
            return ""
        return self.doc_text[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]


def token_table(doc: Doc) -> TokenTable:
    """The doc's table, made on first use and kept on the doc."""
    table = doc.user_data.get(_KEY)
    if table is None:
        table = doc.user_data[_KEY] = _build(doc)
    return cast(TokenTable, table)


def _build(doc: Doc) -> TokenTable:
    n = len(doc)
    if not n:
        return TokenTable([], [], [], [], [], [], [], [], [], [], [])
    orths, lemma_hashes = doc.to_array(_HASHES).T.tolist()
    idx, spacy, sent_starts = doc.to_array(_POSITIONS).T.tolist()
    known = _lexemes(doc.vocab)
    try:
        lexemes = [known[orth] for orth in orths]
    except KeyError:  # a word not seen before: fill in every missing one, then again
        for orth in orths:
            if orth not in known:
                known[orth] = _lexeme(doc.vocab, orth)
        lexemes = [known[orth] for orth in orths]
    texts, lowers, space, punct, alpha, stop = (
        list(column) for column in zip(*lexemes, strict=True)
    )
    lemmas = _strings(lemma_hashes, doc.vocab.strings)
    if "sents" in doc.user_hooks:
        sents = [(s.start, s.end) for s in doc.sents]
        firsts = {start for start, _ in sents}
        sent_start = [i in firsts for i in range(n)]
    else:
        sent_start = [v == 1 for v in sent_starts]
        sent_start[0] = True
        starts = [i for i, s in enumerate(sent_start) if s]
        sents = list(zip(starts, [*starts[1:], n], strict=True))
    return TokenTable(
        text=texts,
        lower=lowers,
        lemma=lemmas,
        idx=idx,
        space=space,
        punct=punct,
        alpha=alpha,
        stop=stop,
        sent_start=sent_start,
        sents=sents,
        trailing_space=list(map(bool, spacy)),
    )


def _lexemes(vocab: Vocab) -> dict[int, _Lexeme]:
    entry = _LEXEMES.get(id(vocab))
    if entry is None or entry[0] is not vocab or len(entry[1]) > _LIMIT:
        if len(_LEXEMES) > 4:
            _LEXEMES.clear()
        entry = _LEXEMES[id(vocab)] = (vocab, {})
    return entry[1]


def _lexeme(vocab: Vocab, orth: int) -> _Lexeme:
    lex = vocab[orth]
    return (lex.orth_, lex.lower_, lex.is_space, lex.is_punct, lex.is_alpha, lex.is_stop)


def _strings(hashes: list[int], strings: StringStore) -> list[str]:
    known = _STRINGS
    if len(known) > _LIMIT:
        known.clear()
    try:
        return [known[h] for h in hashes]
    except KeyError:  # a string not seen before: fill in every missing one, then again
        for h in hashes:
            if h not in known:
                known[h] = strings[h]
        return [known[h] for h in hashes]
