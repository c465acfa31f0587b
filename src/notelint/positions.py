"""Offsets to 1-based lines and columns (columns count Unicode code points).

CRLF, CR and LF all end a line; a column never counts the line ending.
"""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Character offset of a 1-based (line, column); clamps past the end."""
        if line < 1:
            return 0
        if line > len(self.starts):
            return len(self.text)
        start = self.starts[line - 1]
        end = self.line_end(line)
        return min(start + max(column - 1, 0), end)

    def line_end(self, line: int) -> int:
        """Offset just before the line break of a 1-based line."""
        if line >= len(self.starts):
            return len(self.text)
        end = self.starts[line]
        text = self.text
        if end >= 2 and text[end - 2 : end] == "\r\n":
            return end - 2
        return end - 1

    def line_text(self, line: int) -> str:
        return self.text[self.starts[line - 1] : self.line_end(line)]
