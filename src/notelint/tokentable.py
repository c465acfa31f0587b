"""A finished Doc's tokens as plain lists, built once per Doc and shared by the kinds.

Every `doc[i]` or `for tok in doc` makes a spaCy Token object, and reading a list is
ten times cheaper; a note of 200 words has some 250 tokens that several rules walk.
The table is read from `Doc.to_array` and cached on the Doc (`doc.user_data`), so it
must be asked for only once the pipeline has finished with the Doc (as the rules are).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc

_KEY = "notelint_token_table"
_COLUMNS: Any = [
    "ORTH", "LOWER", "LEMMA", "IDX", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_STOP", "SPACY"
]  # fmt: skip
_SENT_COLUMN: Any = "SENT_START"
#: hash -> string, for the words of every note: a dict read is cheaper than spaCy's
#: StringStore, and the words of notes repeat
_STRINGS: dict[int, str] = {}
_STRINGS_LIMIT = 500_000


@dataclass(frozen=True, slots=True, eq=False)
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
    #: every lower-case form and lemma in the doc: a rule whose words are not among
    #: them has nothing to look for
    words: frozenset[str]
    #: the doc's text (as Doc.text, which makes a Token object per token each time)
    doc_text: str

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
        return TokenTable([], [], [], [], [], [], [], [], [], [], frozenset(), doc.text)
    orth, lower, lemma, idx, space, punct, alpha, stop, spacy = doc.to_array(_COLUMNS).T.tolist()
    strings = doc.vocab.strings
    if "sents" in doc.user_hooks:
        sents = [(s.start, s.end) for s in doc.sents]
        firsts = {start for start, _ in sents}
        sent_start = [i in firsts for i in range(n)]
    else:
        sent_start = [v == 1 for v in doc.to_array(_SENT_COLUMN).tolist()]
        sent_start[0] = True
        starts = [i for i, s in enumerate(sent_start) if s]
        sents = list(zip(starts, [*starts[1:], n], strict=True))
    lowers, lemmas = _strings(lower, strings), _strings(lemma, strings)
    texts = _strings(orth, strings)
    return TokenTable(
        text=texts,
        lower=lowers,
        lemma=lemmas,
        idx=idx,
        space=[bool(v) for v in space],
        punct=[bool(v) for v in punct],
        alpha=[bool(v) for v in alpha],
        stop=[bool(v) for v in stop],
        sent_start=sent_start,
        sents=sents,
        words=frozenset(lowers).union(lemmas),
        doc_text="".join([t + " " if ws else t for t, ws in zip(texts, spacy, strict=True)]),
    )


def _strings(hashes: list[int], strings: StringStore) -> list[str]:
    known = _STRINGS
    if len(known) > _STRINGS_LIMIT:
        known.clear()
    out = []
    for h in hashes:
        text = known.get(h)
        if text is None:
            text = known[h] = strings[h]
        out.append(text)
    return out
