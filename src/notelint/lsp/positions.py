"""Character offsets <-> LSP positions in the client's negotiated encoding.

notelint works in code points (Python str offsets). LSP positions are (line, character)
where `character` counts UTF-16 code units by default, or UTF-8 bytes or UTF-32 code
points when both sides agreed on that at initialisation. Lines end at CRLF, CR or LF,
as in the LSP specification and in notelint.positions.

Pure functions only: no pygls or lsprotocol here, so these are easy to test.
"""

from __future__ import annotations

from dataclasses import dataclass

from notelint.positions import LineIndex

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"
ENCODINGS = (UTF8, UTF16, UTF32)


def units(char: str, encoding: str) -> int:
    """Code units one code point takes in an encoding."""
    if encoding == UTF32:
        return 1
    code = ord(char)
    if encoding == UTF16:
        return 2 if code > 0xFFFF else 1
    if encoding == UTF8:
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    raise ValueError(f"unknown position encoding {encoding!r}")


def to_units(text: str, encoding: str) -> int:
    """Length of text in code units."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF16:
        return len(text.encode("utf-16-le")) // 2
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    raise ValueError(f"unknown position encoding {encoding!r}")


def from_units(line: str, character: int, encoding: str) -> int:
    """Code-point index in `line` of a column counted in code units.

    A column inside a character (half a surrogate pair, a byte inside a UTF-8
    sequence) rounds down to that character's start; past the end clamps to the end.
    """
    if character <= 0:
        return 0
    if encoding == UTF32:
        return min(character, len(line))
    seen = 0
    for index, char in enumerate(line):
        seen += units(char, encoding)
        if seen > character:
            return index
        if seen == character:
            return index + 1
    return len(line)


@dataclass(frozen=True)
class Position:
    """0-based line and character in some encoding (the LSP shape)."""

    line: int
    character: int


class PositionMap:
    """Offsets of one text to and from LSP positions in one encoding."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.text = text
        self.encoding = encoding
        self.index = LineIndex(text)

    @property
    def line_count(self) -> int:
        return len(self.index.starts)

    def position(self, offset: int) -> Position:
        """The LSP position of a code-point offset."""
        line, column = self.index.line_col(offset)
        before = self.index.line_text(line)[: column - 1]
        return Position(line - 1, to_units(before, self.encoding))

    def offset(self, position: Position) -> int:
        """The code-point offset of an LSP position (clamped into the text)."""
        if position.line < 0:
            return 0
        if position.line >= self.line_count:
            return len(self.text)
        line_no = position.line + 1
        column = from_units(self.index.line_text(line_no), position.character, self.encoding)
        return self.index.starts[position.line] + column

    def line_start(self, line: int) -> int:
        """Offset of the start of a 0-based line (clamped)."""
        if line < 0:
            return 0
        if line >= self.line_count:
            return len(self.text)
        return self.index.starts[line]

    def line_end(self, line: int) -> int:
        """Offset of the end of a 0-based line, before its line break (clamped)."""
        if line < 0:
            return 0
        if line >= self.line_count:
            return len(self.text)
        return self.index.line_end(line + 1)
