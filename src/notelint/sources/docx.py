"""Word documents (.docx), with the optional extra: pip install 'notelint[docx]'.

The note's text is made from the document: each paragraph (in the body, and in table
cells, in document order) becomes one line, so a position is paragraph:column. A manual
line break inside a paragraph becomes U+2028 LINE SEPARATOR in the text (the paragraph
stays one line) and a line break in the prose, so a closing and the name under it stay
apart. Headers, footers, comments and footnotes are not linted.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from notelint.sources.prose import FormatError, Prose

INSTALL_HINT = "reading .docx needs python-docx: pip install 'notelint[docx]'"
LINE_SEPARATOR = "\u2028"


class DocxError(FormatError):
    """A .docx that cannot be read (caught and reported as a SourceError)."""


def to_text(data: bytes) -> str:
    try:
        import docx
    except ImportError:
        raise DocxError(INSTALL_HINT) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocxError(f"not a Word (.docx) document ({exc})") from None
    except Exception as exc:  # python-docx raises its own and lxml errors
        raise DocxError(f"cannot read this Word document: {exc}") from None
    lines = []
    for paragraph in _paragraphs(document):
        line = paragraph.text.replace("\r\n", "\n").replace("\r", "\n")
        lines.append(line.replace("\n", LINE_SEPARATOR))
    return "\n".join(lines)


def _paragraphs(container: Any) -> Iterator[Any]:
    """Paragraphs in document order, including those in tables (merged cells once)."""
    for item in container.iter_inner_content():
        if hasattr(item, "rows"):
            seen: list[Any] = []  # the cells' XML elements, held so identity holds
            for row in item.rows:
                for cell in row.cells:
                    if any(cell._tc is tc for tc in seen):
                        continue
                    seen.append(cell._tc)
                    yield from _paragraphs(cell)
        else:
            yield item


def prose(text: str) -> Prose:
    return Prose(masked=text.replace(LINE_SEPARATOR, "\n"))
