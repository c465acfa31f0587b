"""Word (.docx): paragraphs become lines; positions are paragraph:column."""

from __future__ import annotations

import io
import sys

import pytest

from notelint.config import default_ruleset
from notelint.linter import Linter
from notelint.sources import SourceError, note_from_bytes

docx = pytest.importorskip("docx")
LINTER = Linter(default_ruleset())


def make_docx(*paragraphs: str, table: list[list[str]] | None = None, brk: bool = False) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if brk:
        paragraph = document.add_paragraph("Best regards,")
        paragraph.add_run().add_break()
        paragraph.add_run("Ana")
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_paragraphs_become_lines_and_positions_are_paragraph_column() -> None:
    data = make_docx("Dear Ms. Chen,", "", "Thank you.\tIt was the best interview I have ever had.")
    note = note_from_bytes(data, "note.docx")
    assert note.text.split("\n") == [
        "Dear Ms. Chen,",
        "",
        "Thank you.\tIt was the best interview I have ever had.",
    ]
    found = [v for v in LINTER.lint_notes([note]) if v.rule == "hyperbole"]
    assert found and found[0].line == 3
    paragraph = note.text.split("\n")[2]
    flagged = note.text[found[0].offset : found[0].end_offset]
    assert paragraph.index(flagged) + 1 == found[0].column


def test_a_manual_line_break_keeps_the_paragraph_one_line() -> None:
    note = note_from_bytes(make_docx("Hello.", brk=True), "note.docx")
    assert note.text == "Hello.\nBest regards,\u2028Ana"
    assert note.masked == "Hello.\nBest regards,\nAna"
    assert note.lines.line_col(note.text.index("Ana")) == (2, 15)


def test_table_cells_are_paragraphs_in_document_order() -> None:
    note = note_from_bytes(make_docx("Before", table=[["a", "b"], ["c", "d"]]), "note.docx")
    assert note.text.split("\n") == ["Before", "a", "b", "c", "d"]


def test_not_a_word_document_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="not a Word"):
        note_from_bytes(b"plain text, not a zip", "note.docx")


def test_without_python_docx_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now raises ImportError
    with pytest.raises(SourceError, match=r"pip install 'notelint\[docx\]'"):
        note_from_bytes(b"PK\x03\x04", "note.docx")
