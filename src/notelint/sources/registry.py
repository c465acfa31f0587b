"""Every input format notelint reads, in one table.

A format is one `InputFormat` entry in `FORMATS` plus its reader module in this package.
The reader module defines `prose(text: str) -> Prose` (the decoded text with everything
that is not prose blanked); a binary format's module also defines
`to_text(data: bytes) -> str`, raising `FormatError` for a file it cannot read.
Everything else that depends on formats (which suffixes a folder walk picks up, which
formats carry front matter, the language server's language ids, whether fixes may
rewrite a file) is derived from this table.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import PurePath
from types import ModuleType

from notelint.sources.prose import FormatError, Prose

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "FORMAT_BY_SUFFIX",
    "FRONT_MATTER_FORMATS",
    "LANGUAGE_FORMATS",
    "NOTE_SUFFIXES",
    "FormatError",
    "InputFormat",
    "format_for",
    "get",
    "is_binary",
    "prose",
    "to_text",
]


@dataclass(frozen=True)
class InputFormat:
    #: the format's name, as `Note.format` and the language server know it
    name: str
    #: file name suffixes (lower case, with the dot) a folder walk picks up as this format
    suffixes: tuple[str, ...]
    #: the reader module, imported on first use (some need optional packages)
    reader: str
    #: read from bytes with the reader's `to_text` rather than decoded as UTF-8
    binary: bool = False
    #: may start with YAML front matter (context and `notelint: {disable: [...]}`)
    front_matter: bool = False
    #: editors' language ids for it (the language server's documents without a suffix)
    language_ids: tuple[str, ...] = ()
    #: fixes may rewrite the file (a note whose text was decoded still may not)
    fixable: bool = True
    #: text in a legacy 8-bit charset is read as Latin-1 rather than refused (e-mail,
    #: whose parts name their charset)
    latin1_fallback: bool = False
    #: further suffixes read as this format when a file is named, not picked up by a walk
    other_suffixes: tuple[str, ...] = ()


FORMATS: tuple[InputFormat, ...] = (
    InputFormat(
        "txt",
        (".txt",),
        "notelint.sources.text",
        front_matter=True,
        language_ids=("plaintext", "text"),
        other_suffixes=(".text",),
    ),
    InputFormat(
        "md",
        (".md", ".markdown"),
        "notelint.sources.markdown",
        front_matter=True,
        language_ids=("markdown",),
    ),
    InputFormat(
        "eml",
        (".eml",),
        "notelint.sources.eml",
        language_ids=("mail", "email", "eml"),
        latin1_fallback=True,
    ),
    InputFormat("html", (".html", ".htm"), "notelint.sources.html", language_ids=("html",)),
    InputFormat("docx", (".docx",), "notelint.sources.docx", binary=True, fixable=False),
)

#: the format of a file whose suffix names none
DEFAULT_FORMAT = "txt"

_BY_NAME = {f.name: f for f in FORMATS}
FORMAT_BY_SUFFIX: dict[str, str] = {
    suffix: f.name for f in FORMATS for suffix in (*f.suffixes, *f.other_suffixes)
}
#: the suffixes a folder walk picks up
NOTE_SUFFIXES = frozenset(suffix for f in FORMATS for suffix in f.suffixes)
BINARY_FORMATS = frozenset(f.name for f in FORMATS if f.binary)
FRONT_MATTER_FORMATS = frozenset(f.name for f in FORMATS if f.front_matter)
LANGUAGE_FORMATS: dict[str, str] = {lid: f.name for f in FORMATS for lid in f.language_ids}


def get(fmt: str) -> InputFormat:
    """The entry of a format name; an unknown name is plain text."""
    return _BY_NAME.get(fmt) or _BY_NAME[DEFAULT_FORMAT]


def format_for(filename: str | None) -> str:
    """The format a file name's suffix names (plain text when it names none)."""
    if not filename:
        return DEFAULT_FORMAT
    return FORMAT_BY_SUFFIX.get(PurePath(filename).suffix.lower(), DEFAULT_FORMAT)


def _reader(fmt: str) -> ModuleType:
    return importlib.import_module(get(fmt).reader)


def prose(fmt: str, text: str) -> Prose:
    """The prose mask of decoded text in the given format."""
    result: Prose = _reader(fmt).prose(text)
    return result


def is_binary(fmt: str) -> bool:
    """Formats read from bytes rather than decoded text (Word)."""
    return get(fmt).binary


def to_text(fmt: str, data: bytes) -> str:
    """The text of a binary format; raises FormatError when it cannot be read."""
    if not is_binary(fmt):
        raise ValueError(f"{fmt} is not a binary format")
    text: str = _reader(fmt).to_text(data)
    return text
