"""Compact read-only tables of words to small whole numbers (a syllable count, a set
of word classes as bits) or to words (a lemma).

A dict of 100,000 words costs some 10 MB and a noticeable time to load; here the words
are kept as text in buckets by their first two letters, each without those letters
("\\nrest\\tvalue\\n..."), a tenth of the memory, and a lookup is one dict access and
one string search: a few microseconds, and rare, since the callers remember what they
looked up (after the first few notes, a note costs about one lookup).
"""

from __future__ import annotations

from collections.abc import Iterable

#: letters of the bucket key: with three, the 5,000 buckets' own overhead was a third
#: of a table's memory; with two there are some 600
_KEY = 2


class _Buckets:
    __slots__ = ("_buckets",)

    def __init__(self, items: Iterable[tuple[str, object]]) -> None:
        buckets: dict[str, list[str]] = {}
        for word, value in items:
            if _storable(word) and _storable(str(value)):
                buckets.setdefault(word[:_KEY], []).append(f"{word[_KEY:]}\t{value}")
        self._buckets = {key: "\n" + "\n".join(lines) + "\n" for key, lines in buckets.items()}

    def _find(self, word: str) -> str | None:
        bucket = self._buckets.get(word[:_KEY])
        if bucket is None or not _storable(word):
            return None
        rest = word[_KEY:]
        at = bucket.find(f"\n{rest}\t")
        if at < 0:
            return None
        start = at + len(rest) + 2
        return bucket[start : bucket.index("\n", start)]

    def __contains__(self, word: str) -> bool:
        return self._find(word) is not None

    def __getstate__(self) -> dict[str, str]:
        return self._buckets

    def __setstate__(self, state: dict[str, str]) -> None:
        self._buckets = state


def _storable(text: str) -> bool:
    # A tab or a newline would cut an entry in two (and could join two in a search).
    return bool(text) and "\t" not in text and "\n" not in text


class WordTable(_Buckets):
    """Words to small whole numbers."""

    __slots__ = ()

    def get(self, word: str) -> int | None:
        found = self._find(word)
        return None if found is None else int(found)


class TextTable(_Buckets):
    """Words to words (a word form to its lemma), with dict's `get(key, default)`."""

    __slots__ = ()

    def get(self, word: str, default: str | None = None) -> str | None:
        found = self._find(word)
        return default if found is None else found
