"""Plain text (.txt): all of it is prose (front matter is handled for every format
that may carry it)."""

from __future__ import annotations

from notelint.sources.prose import Prose, plain_prose


def prose(text: str) -> Prose:
    return plain_prose(text)
