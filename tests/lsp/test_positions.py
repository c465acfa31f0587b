"""Offsets <-> LSP positions in UTF-8, UTF-16 and UTF-32."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notelint.lsp.positions import UTF8, UTF16, UTF32, Position, PositionMap, from_units, to_units

TEXT = "Café 😀 talk\r\nnaïve 👩‍💻 idea\rlast 🚀"


def test_to_units_counts_code_units() -> None:
    assert [to_units("é", e) for e in (UTF8, UTF16, UTF32)] == [2, 1, 1]
    assert [to_units("😀", e) for e in (UTF8, UTF16, UTF32)] == [4, 2, 1]
    assert [to_units("a", e) for e in (UTF8, UTF16, UTF32)] == [1, 1, 1]
    assert [to_units("€", e) for e in (UTF8, UTF16, UTF32)] == [3, 1, 1]


@pytest.mark.parametrize(
    ("encoding", "character"),
    [(UTF16, 8), (UTF8, 11), (UTF32, 7)],  # "talk" after "Café 😀 "
)
def test_position_after_accent_and_emoji(encoding: str, character: int) -> None:
    pmap = PositionMap(TEXT, encoding)
    offset = TEXT.index("talk")
    assert pmap.position(offset) == Position(0, character)
    assert pmap.offset(Position(0, character)) == offset


def test_lines_end_at_crlf_cr_and_lf() -> None:
    pmap = PositionMap(TEXT, UTF16)
    assert pmap.position(TEXT.index("naïve")) == Position(1, 0)
    assert pmap.position(TEXT.index("last")) == Position(2, 0)
    # "idea" after "naïve " + woman technologist (3 code points, 5 UTF-16 units) + " "
    assert pmap.position(TEXT.index("idea")) == Position(1, 12)
    assert pmap.line_end(0) == TEXT.index("\r\n")
    assert pmap.line_start(1) == TEXT.index("naïve")


def test_middle_of_a_character_rounds_down_and_past_the_end_clamps() -> None:
    line = "a😀b"
    assert from_units(line, 2, UTF16) == 1  # inside the surrogate pair
    assert from_units(line, 3, UTF16) == 2
    assert from_units(line, 3, UTF8) == 1  # inside the 4-byte sequence
    assert from_units(line, 5, UTF8) == 2
    assert from_units(line, 99, UTF16) == 3
    pmap = PositionMap("ab\ncd", UTF16)
    assert pmap.offset(Position(0, 99)) == 2  # clamps to the end of its line
    assert pmap.offset(Position(9, 0)) == 5
    assert pmap.offset(Position(-1, 0)) == 0


def test_unknown_encoding_is_an_error() -> None:
    with pytest.raises(ValueError):
        PositionMap("x", "utf-7")


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from([UTF8, UTF16, UTF32]),
)
def test_round_trip(text: str, encoding: str) -> None:
    pmap = PositionMap(text, encoding)
    for offset in range(len(text) + 1):
        # Offsets inside a CRLF have no position of their own.
        if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n":
            continue
        position = pmap.position(offset)
        assert pmap.offset(position) == offset
