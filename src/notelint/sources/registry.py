"""One place that maps a format name to the module that reads it.

Text formats turn decoded text into a `Prose` (the same text with non-prose blanked);
binary formats (Word) first turn bytes into text.
"""

from __future__ import annotations

from collections.abc import Callable

from notelint.sources.prose import Prose, plain_prose

BINARY_FORMATS = frozenset({"docx"})


def _reader(fmt: str) -> Callable[[str], Prose]:
    if fmt == "md":
        from notelint.sources import markdown

        return markdown.prose
    if fmt == "html":
        from notelint.sources import html

        return html.prose
    if fmt == "eml":
        from notelint.sources import eml

        return eml.prose
    if fmt == "docx":
        from notelint.sources import docx

        return docx.prose
    return plain_prose


def prose(fmt: str, text: str) -> Prose:
    """The prose mask of decoded text in the given format."""
    return _reader(fmt)(text)


def is_binary(fmt: str) -> bool:
    """Formats read from bytes rather than decoded text (Word)."""
    return fmt in BINARY_FORMATS


def to_text(fmt: str, data: bytes) -> str:
    """The text of a binary format; raises docx.DocxError when it cannot be read."""
    if fmt == "docx":
        from notelint.sources import docx

        return docx.to_text(data)
    raise ValueError(f"{fmt} is not a binary format")
