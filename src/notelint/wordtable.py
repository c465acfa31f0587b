"""A compact read-only table of words to small whole numbers (a syllable count, a set
of word classes as bits).

A dict of 100,000 words costs some 10 MB and a noticeable time to load; here the words
are kept as text in buckets by their first three letters ("\\nword\\tvalue\\n..."), a
fifth of the memory, and a lookup is one dict access and one short string search.
"""

from __future__ import annotations

from collections.abc import Iterable


class WordTable:
    __slots__ = ("_buckets",)

    def __init__(self, items: Iterable[tuple[str, int]]) -> None:
        buckets: dict[str, list[str]] = {}
        for word, value in items:
            if word and not any(ch in word for ch in "\t\n"):
                buckets.setdefault(word[:3], []).append(f"{word}\t{value}")
        self._buckets = {key: "\n" + "\n".join(lines) + "\n" for key, lines in buckets.items()}

    def get(self, word: str) -> int | None:
        bucket = self._buckets.get(word[:3])
        if bucket is None:
            return None
        at = bucket.find(f"\n{word}\t")
        if at < 0:
            return None
        start = at + len(word) + 2
        return int(bucket[start : bucket.index("\n", start)])

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getstate__(self) -> dict[str, str]:
        return self._buckets

    def __setstate__(self, state: dict[str, str]) -> None:
        self._buckets = state
