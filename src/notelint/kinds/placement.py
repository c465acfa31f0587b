"""Where a finding about a missing part of the letter points: where the part belongs.

Thanks and "a pleasure to meet you" belong in the opening paragraph, a specific detail
in the paragraph after it, continued interest in the last paragraph of the body. Each
place is the span of one line of the note (a diagnostic on a line, `line`/`column` in
every format), so the missing parts do not all pile up on the greeting line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from notelint.kinds.base import body_line_span, strip_trailing_marks
from notelint.lexicons import alternation, default_lexicons

if TYPE_CHECKING:
    from notelint.sources import Note

#: where a missing part is reported: the opening, middle or closing paragraph's first
#: line, or the first line of the body
PLACES = ("start", "opening", "middle", "closing")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"')\u201d\u2019]*$")
_MARKUP_LEAD = re.compile(r"^[\s#>*_~`|-]+")
# An e-mail header line ("Subject: ...") above the letter. Lines are read for fixes too,
# which have no rule: the shipped lexicon.
HEADER_LINE = re.compile(rf"^{alternation(default_lexicons()['header-fields'])}\s*:", re.I)

Span = tuple[int, int]


def _paragraphs(note: Note) -> list[list[tuple[Span, str]]]:
    """The prose's paragraphs (split at blank lines): each line's span and text."""
    out: list[list[tuple[Span, str]]] = [[]]
    pos = 0
    for chunk in note.masked.splitlines(keepends=True):
        body = chunk.rstrip("\r\n")
        text = strip_trailing_marks(_MARKUP_LEAD.sub("", body), "*_~`|")
        if text:
            lead = body.find(text)
            out[-1].append(((pos + lead, pos + lead + len(text)), text))
        elif out[-1]:
            out.append([])
        pos += len(chunk)
    return [p for p in out if p]


def _short_line(text: str, words: int = 6) -> bool:
    """A line that is not a sentence: a greeting, a closing, a signature."""
    return len(text.split()) <= words and (
        text.endswith((",", ":")) or not _SENTENCE_END.search(text)
    )


def place_span(note: Note, place: str) -> Span:
    """The span of the line where a missing part belongs (see PLACES)."""
    start, end = _place(note, place)
    # one line of the file, also where the mask joined a wrapped paragraph's lines
    breaks = [at for at in (note.text.find(ch, start, end) for ch in "\r\n") if at >= 0]
    return start, min([end, *breaks])


def _place(note: Note, place: str) -> Span:
    paragraphs = _paragraphs(note)
    if place == "start" or not paragraphs:
        return body_line_span(note)
    body = list(paragraphs)
    # before the body: a subject, a heading, the greeting (lines that are not sentences)
    while len(body) > 1 and (
        all(_short_line(text) for _, text in body[0]) or HEADER_LINE.match(body[0][0][1])
    ):
        body = body[1:]
    if len(body[0]) > 1 and _short_line(body[0][0][1]):  # "Hi Ana," over the text
        body[0] = body[0][1:]
    # after it: the closing and signature lines
    while len(body) > 1 and all(_short_line(text) for _, text in body[-1]):
        body.pop()
    if place == "opening":
        return body[0][0][0]
    if place == "closing":
        return body[-1][0][0]
    return body[1][0][0] if len(body) > 2 else body[0][0][0]
