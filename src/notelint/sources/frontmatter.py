"""YAML front matter at the top of a note: `---` ... `---` (or `...`).

Front matter is not part of the note: the caller blanks it in the prose mask. It may give
the interview context and `notelint: {disable: [rule, ...]}` for this note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from notelint.yamlsource import YamlError, load_with_lines

_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.MULTILINE)


class FrontMatterError(ValueError):
    """Front matter that is not a YAML mapping."""


@dataclass(frozen=True)
class FrontMatter:
    start: int
    end: int  # offset just after the closing line
    data: dict[str, Any] = field(default_factory=dict)


def find_front_matter(text: str) -> FrontMatter | None:
    """The front matter block at the very top of text, or None.

    Raises FrontMatterError when the block is there but is not a YAML mapping.
    """
    opening = _OPEN.match(text)
    if not opening:
        return None
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return None
    raw = text[opening.end() : closing.start()]
    try:
        # one line for the opening `---`, so that YAML's lines are the file's
        data = load_with_lines("\n" + raw)[0] if raw.strip() else {}
    except YamlError as exc:
        if exc.message.startswith("not valid YAML"):
            raise FrontMatterError(f"front matter is not valid YAML (line {exc.line})") from None
        raise FrontMatterError(f"front matter line {exc.line}: {exc.message}") from None
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be a YAML mapping of keys to values")
    return FrontMatter(start=0, end=closing.end(), data=data)
