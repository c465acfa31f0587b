"""The prose mask: what every format produces."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Prose:
    """`masked` has the length of the original text; non-prose is blanked to spaces.

    `suppressions` are (rules or None for all, start, end) offset ranges from inline
    directives; `problems` are (start, end, message) for malformed directives.
    """

    masked: str
    suppressions: list[tuple[frozenset[str] | None, int, int]] = field(default_factory=list)
    problems: list[tuple[int, int, str]] = field(default_factory=list)


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks so lines stay put."""
    middle = "".join(ch if ch in "\r\n" else " " for ch in text[start:end])
    return text[:start] + middle + text[end:]


def plain_prose(text: str) -> Prose:
    return Prose(masked=text)
