"""word-count: the note's length in words, between `min` and `max`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from notelint.kinds.base import Kind, KindOptions, option
from notelint.model import Finding

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from notelint.sources import Note

# A letter or digit and the rest of its whitespace-separated token: one match per token
# that holds a letter or digit (and linear: the rest of a token is never tried again).
_WORD_TOKEN = re.compile(r"[^\W_]\S*")


def word_count(text: str) -> int:
    """Whitespace-separated tokens that hold a letter or digit."""
    return len(_WORD_TOKEN.findall(text))


@dataclass(frozen=True)
class WordCountOptions(KindOptions):
    min: int = option("int", 50)
    max: int = option("int", 250)

    def problems(self) -> list[tuple[str, str]]:
        if self.min > self.max:
            return [("min", f"min ({self.min}) must not be more than max ({self.max})")]
        return []


class WordCountKind(Kind[WordCountOptions]):
    name = "word-count"
    generic = True

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        words = word_count(note.masked)
        lo, hi = self.options.min, self.options.max
        if words > hi:
            yield self.body_finding(note, words=_words(words), limit=hi, direction="over")
        elif words < lo:
            yield self.body_finding(note, words=_words(words), limit=lo, direction="under")


def _words(count: int) -> str:
    return f"{count} word{'s' if count != 1 else ''}"
