"""Lines and columns are exact for every line ending, BOMs, UTF-16, tabs and emoji."""

from __future__ import annotations

import codecs
import json

import pytest
from click.testing import CliRunner

from notelint.cli import cli
from notelint.config import default_ruleset
from notelint.linter import Linter
from notelint.positions import LineIndex
from notelint.sources import SourceError, decode, note_from_bytes

LINTER = Linter(default_ruleset(), select=["hyperbole"])
NOTE = ["Dear Dana,", "", "Thank you.\t\U0001f600 It was the best interview I have ever had."]


def test_line_index_with_every_line_ending() -> None:
    text = "a\r\nbc\rd\ne"
    index = LineIndex(text)
    assert [index.line_col(text.index(ch)) for ch in "abcde"] == [
        (1, 1),
        (2, 1),
        (2, 2),
        (3, 1),
        (4, 1),
    ]
    assert index.line_text(2) == "bc" and index.line_end(1) == 1
    assert index.offset(2, 2) == text.index("c")
    assert index.offset(9, 1) == len(text) and index.offset(0, 5) == 0


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: s.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(lambda s: s.replace("\n", "\r").encode(), id="cr"),
        pytest.param(lambda s: codecs.BOM_UTF8 + s.encode(), id="utf8-bom"),
        pytest.param(lambda s: s.encode("utf-16"), id="utf16-bom"),
        pytest.param(lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), id="utf16be-bom"),
        pytest.param(lambda s: s.encode(), id="lf"),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_positions_are_exact(encode, suffix: str) -> None:  # type: ignore[no-untyped-def]
    lines = NOTE if suffix != ".html" else ["<p>" + line + "</p>" for line in NOTE]
    note = note_from_bytes(encode("\n".join(lines) + "\n"), "note" + suffix)
    found = LINTER.lint_notes([note])
    assert found, note.masked
    v = found[0]
    assert v.line == 3
    # The tab and the emoji are one column each.
    expected = lines[2].index(note.text[v.offset : v.end_offset]) + 1
    assert v.column == expected
    assert v.end_line == 3 and v.end_column == expected + v.end_offset - v.offset


def test_decode_rejects_binary_and_bad_utf8() -> None:
    with pytest.raises(SourceError, match="binary"):
        decode(b"abc\x00def")
    with pytest.raises(SourceError, match="UTF-8"):
        decode(b"caf\xe9")
    assert decode(codecs.BOM_UTF8 + "caf\u00e9".encode()) == "caf\u00e9"


def test_stdin_filename_picks_the_format() -> None:
    text = (
        "Dear Dana,\n\nMy repo is `the best interview I have ever had`.\n\n"
        "The best interview ever.\n"
    )
    for name, expected in (("draft.md", 1), ("draft.txt", 2)):
        result = CliRunner().invoke(
            cli,
            ["check", "--format", "json", "--select", "hyperbole", "--stdin-filename", name, "-"],
            input=text,
        )
        found = json.loads(result.stdout)
        assert len(found) == expected, (name, found)
        assert all(v["path"] == name for v in found)
    html = "<p>Dear Dana,</p><!-- the best interview I have ever had -->"
    result = CliRunner().invoke(
        cli,
        ["check", "--format", "json", "--select", "hyperbole", "--stdin-filename", "a.html", "-"],
        input=html,
    )
    assert result.stdout.strip() == "[]"
