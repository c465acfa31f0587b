"""One place that maps a format name to the module that reads it."""

from __future__ import annotations

from notelint.sources.prose import Prose, plain_prose


def prose(fmt: str, text: str) -> Prose:
    """The prose mask of decoded text in the given format."""
    return plain_prose(text)


def is_binary(fmt: str) -> bool:
    """Formats read from bytes rather than decoded text (Word)."""
    return False


def to_text(fmt: str, data: bytes) -> str:
    raise NotImplementedError(fmt)
