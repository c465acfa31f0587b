"""A tokenizer wrapper that keeps spaCy's tokenizer linear on runs without spaces.

spaCy's tokenizer splits a word's prefixes and suffixes off one at a time, and each time
searches the rest of the word for the next one: a word made of n marks (a line of emoji,
"!!!!...", a pasted blob of punctuation) takes time quadratic in n (3,000 emoji, 2.5 s).
Runs longer than any word, URL or e-mail address of a note are split here instead, into
words and single marks, in one linear pass; the text around them goes to spaCy's
tokenizer as before, and the pieces are joined into one Doc with the text unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc
from spacy.vocab import Vocab

#: a run of non-space characters this long is not prose: it is split by _PIECES
LONG_RUN = 300
_LONG = re.compile(rf"\S{{{LONG_RUN},}}")
_PIECES = re.compile(r"\w+|\S")
#: where a Doc's user_data holds the text it was made from (spaCy keeps it unchanged)
TEXT_KEY = "notelint_text"


def take_text(doc: Doc) -> str:
    """The Doc's text, taken from its user_data when the tokenizer kept it there (so
    that no Doc leaves the pipeline carrying it), else joined from its tokens."""
    text = doc.user_data.pop(TEXT_KEY, None)
    return text if isinstance(text, str) else doc.text


class LongRunTokenizer:
    """Tokenizes like `tokenizer`, but runs of LONG_RUN or more characters without a space
    become words (`\\w+`) and single marks."""

    def __init__(
        self, tokenizer: Callable[[str], Doc], vocab: Vocab, *, keep_text: bool = False
    ) -> None:
        self.tokenizer = tokenizer
        self.vocab = vocab
        self.keep_text = keep_text

    def __call__(self, text: str) -> Doc:
        doc = self._tokenize(text)
        if self.keep_text:
            # For a component that reads the text (see take_text): Doc.text joins the
            # tokens' texts again, making a Token object for each.
            doc.user_data[TEXT_KEY] = text
        return doc

    def _tokenize(self, text: str) -> Doc:
        runs = list(_LONG.finditer(text))
        if not runs:
            return self.tokenizer(text)
        docs: list[Doc] = []
        pos = 0
        for run in runs:
            if run.start() > pos:
                docs.append(self.tokenizer(text[pos : run.start()]))
            words = _PIECES.findall(run.group())
            docs.append(Doc(self.vocab, words=words, spaces=[False] * len(words)))
            pos = run.end()
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)
