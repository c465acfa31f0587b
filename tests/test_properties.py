"""Invariants over arbitrary input: linting never crashes and positions are consistent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notelint.positions import LineIndex
from notelint.sources import SourceError, note_from_text
from tests.conftest import lint

# Text built from note-like pieces and arbitrary characters (emoji, CR, tabs, brackets).
PIECES = st.sampled_from(
    [
        "Dear Ms. Chen,",
        "\n",
        "\r\n",
        "\r",
        "\t",
        " ",
        "!!",
        "SO",
        "sooo",
        "🎉",
        ":)",
        "[Name]",
        "<Company>",
        "thank you for",
        "best interview I have ever had",
        "Hey",
        "---\n",
        "# ",
        "**",
        "`code`",
        "Best regards,",
        "I remain very interested in the role.",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_positions_are_consistent(text: str) -> None:
    try:
        note_from_text(text, "note.txt")
    except SourceError:
        return  # front matter that is not YAML: an input error, tested elsewhere
    for v in lint(text):
        note_text = text[1:] if text.startswith("\ufeff") else text
        index = LineIndex(note_text)
        assert 0 <= v.offset <= v.end_offset <= len(note_text)
        assert (v.line, v.column) == index.line_col(v.offset)
        assert (v.end_line, v.end_column) == index.line_col(v.end_offset)
        assert v.message and v.rule


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_line_index_round_trip(text: str) -> None:
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line, column = index.line_col(offset)
        if offset < len(text) and text[offset] == "\n" and offset and text[offset - 1] == "\r":
            continue  # the LF of a CRLF shares its position with the CR
        assert index.offset(line, column) == offset
