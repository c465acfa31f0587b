"""word-count: the note's length in words, between `min` and `max`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from notelint.kinds.base import Kind
from notelint.model import Finding

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from notelint.sources import Note

_WORD = re.compile(r"[^\W_]")


def word_count(text: str) -> int:
    """Whitespace-separated tokens that hold a letter or digit."""
    return sum(1 for tok in text.split() if _WORD.search(tok))


class WordCountKind(Kind):
    name = "word-count"
    generic = True
    OPTIONS: ClassVar[dict[str, str]] = {"min": "int", "max": "int"}
    DEFAULTS: ClassVar[dict[str, object]] = {"min": 50, "max": 250}

    @classmethod
    def validate(cls, options: Mapping[str, Any]) -> list[tuple[str, str]]:
        lo = options.get("min", cls.DEFAULTS["min"])
        hi = options.get("max", cls.DEFAULTS["max"])
        if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
            return [("min", f"min ({lo}) must not be more than max ({hi})")]
        return []

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        words = word_count(note.masked)
        lo, hi = self.opt("min"), self.opt("max")
        if words > hi:
            yield self.body_finding(note, words=_words(words), limit=hi, direction="over")
        elif words < lo:
            yield self.body_finding(note, words=_words(words), limit=lo, direction="under")


def _words(count: int) -> str:
    return f"{count} word{'s' if count != 1 else ''}"
