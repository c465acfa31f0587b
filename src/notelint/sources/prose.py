"""The prose mask: what every format produces.

A format reader starts from a `Mask` of the note's text (everything blanked to spaces,
line breaks kept) and puts back the characters a reader of the note sees. Offsets into
the masked text are offsets into the original, so positions, fixes and the language
server work the same for every format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from notelint.sources.directives import Directive

_BREAKS = "\r\n"

#: One visible character of the note and the span of the original text it comes from:
#: (character, start, end). Plain text maps one to one; an entity such as "&rsquo;" maps
#: one character to several; a soft line break in quoted-printable to none.
Piece = tuple[str, int, int]


class FormatError(Exception):
    """A file its format's reader cannot read (reported as a SourceError)."""


@dataclass
class Prose:
    """`masked` has the length of the original text; non-prose is blanked to spaces.

    `text` is set by formats that lint something other than the bytes of the file (a
    decoded e-mail body, the paragraphs of a Word document); otherwise the note's text is
    the decoded file. `directives` are the inline suppression comments found (see
    directives.py), and `problems` are (start, end, message) for malformed ones.
    """

    masked: str
    problems: list[tuple[int, int, str]] = field(default_factory=list)
    text: str | None = None
    directives: list[Directive] = field(default_factory=list)
    #: spans where part of a word was written over other characters of the source (see
    #: Mask.place: "I&rsquo;m" shows "’m" over "&rs"): findings there point near the
    #: word, but no fix may edit them
    moved: list[tuple[int, int]] = field(default_factory=list)


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks so lines stay put."""
    middle = "".join(ch if ch in _BREAKS else " " for ch in text[start:end])
    return text[:start] + middle + text[end:]


def plain_prose(text: str) -> Prose:
    """Plain text is all prose but for "# notelint-..." directive lines."""
    from notelint.sources.directives import comment_lines

    directives, problems, spans = comment_lines(text)
    masked = text
    for start, end in spans:
        masked = blank(masked, start, end)
    return Prose(masked=masked, problems=problems, directives=directives)


class Mask:
    """Builds a masked text: starts all blank (line breaks kept), then `keep` and
    `place` put the visible characters back at their offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.chars = [ch if ch in _BREAKS else " " for ch in text]
        self.moved: list[tuple[int, int]] = []

    def keep(self, start: int, end: int) -> None:
        """Show text[start:end] as it is."""
        self.chars[start:end] = self.text[start:end]

    def clear(self, start: int, end: int) -> None:
        """Blank text[start:end] again (line breaks kept)."""
        self.chars[start:end] = [ch if ch in _BREAKS else " " for ch in self.text[start:end]]

    def line_break(self, pos: int, count: int = 1) -> None:
        """Show a line break at pos (over blanked markup) where the format has one that
        the source does not (a block tag, a list item); never over visible text."""
        for i in range(pos, min(pos + count, len(self.chars))):
            if self.chars[i] == " " and self.text[i] not in _BREAKS:
                self.chars[i] = "\n"

    def place(self, pieces: Sequence[Piece]) -> None:
        """Show visible characters at the offsets they come from.

        Plain text maps one to one. When a word's characters are not contiguous in the
        source (an entity, markup inside a word: "I&rsquo;m", "**gr**eat") the word is
        still written as one word within its span, the rest of the span blanked: words
        stay words, and the word's start (or its longest plain part) keeps its offset.
        """
        text, chars = self.text, self.chars
        i, n = 0, len(pieces)
        while i < n:
            ch, start, end = pieces[i]
            if ch.isspace():
                if end - start == 1 and text[start] == ch:
                    chars[start] = ch
                elif ch == "\n":
                    self.line_break(start)
                i += 1
                continue
            j = i
            while j < n and not pieces[j][0].isspace():
                j += 1
            self._word(pieces[i:j])
            i = j

    def _word(self, run: Sequence[Piece]) -> None:
        text, chars = self.text, self.chars
        first, last = run[0][1], run[-1][2]
        direct = [e - s == 1 and len(c) == 1 and text[s] == c for c, s, e in run]
        if all(direct) and all(run[k][1] == run[k - 1][2] for k in range(1, len(run))):
            chars[first:last] = text[first:last]
            return
        span = text[first:last]
        if any(b in span for b in _BREAKS):
            # The word crosses a line break in the source: each character where it is.
            for c, s, e in run:
                if e > s and len(c) == 1 and text[s] not in _BREAKS:
                    chars[s] = c
            return
        # Keep one stretch of characters that are themselves in the source in place (the
        # word's start if it is one, else the longest), and write the rest of the word
        # against it: "I&rsquo;m" -> "I’m", "&ldquo;dream" -> "“dream" with "dream" in
        # place, "**gr**eat" -> "great" from the "g".
        stretches: list[tuple[int, int]] = []
        k = 0
        while k < len(run):
            if not direct[k]:
                k += 1
                continue
            j = k + 1
            while j < len(run) and direct[j] and run[j][1] == run[j - 1][2]:
                j += 1
            stretches.append((k, j))
            k = j
        chars[first:last] = " " * (last - first)
        if not stretches:
            word = "".join(c for c, _, _ in run)[: last - first]
            chars[first : first + len(word)] = word
            self.moved.append((first, first + len(word)))
            return
        lo, hi = stretches[0] if direct[0] else max(stretches, key=lambda r: r[1] - r[0])
        start, end = run[lo][1], run[hi - 1][2]
        before = "".join(c for c, _, _ in run[:lo])
        after = "".join(c for c, _, _ in run[hi:])
        before = before[len(before) - min(len(before), start - first) :]
        after = after[: last - end]
        chars[start - len(before) : start] = before
        chars[start:end] = text[start:end]
        chars[end : end + len(after)] = after
        # Only what was written beside the kept stretch stands over other characters.
        self.moved += [(start - len(before), start), (end, end + len(after))]

    def masked(self) -> str:
        return "".join(self.chars)
