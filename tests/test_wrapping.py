"""Hard-wrapped notes get the same verdicts: every labelled note in the repository (and
the shared development corpus, when present) is linted as written and wrapped at 40 and
72 columns, as .txt, .md and .eml. Plain-text e-mail is wrapped at about 72 columns, and
many drafts are too; a phrase that crosses a line break is still the phrase.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator

import pytest

from notelint.config import default_ruleset
from notelint.linter import Linter
from notelint.model import Violation
from notelint.sources import Note, note_from_text
from tests.conftest import ROOT, SHARED

CORPORA = [SHARED / "eval" / "dev.jsonl", *sorted((ROOT / "tests" / "corpus").rglob("*.jsonl"))]
NOTES = [
    json.loads(line)
    for corpus in CORPORA
    if corpus.is_file()
    for line in corpus.read_text("utf-8").splitlines()
    if line.strip()
]
WIDTHS = (40, 72)
EML_HEADERS = (
    "From: Candidate <candidate@example.com>\n"
    "To: Interviewer <interviewer@example.com>\n"
    "Subject: Thank you\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
)


def wrap(text: str, width: int) -> str:
    """Every line longer than `width` filled to `width` columns, as mail clients do."""
    return "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)
        if len(line) > width
        else line
        for line in text.split("\n")
    )


def as_format(text: str, fmt: str) -> str:
    return EML_HEADERS + text if fmt == "eml" else text


def lint_all(linter: Linter, fmt: str, width: int | None) -> Iterator[tuple[Note, Violation]]:
    notes = [
        note_from_text(
            as_format(n["text"] if width is None else wrap(n["text"], width), fmt),
            f"{n['id']}.{fmt}",
        )
        for n in NOTES
    ]
    by_path = {note.path: note for note in notes}
    for v in linter.lint_notes(notes):
        yield by_path[v.path], v


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", ["txt", "md", "eml"])
def test_wrapping_changes_no_verdict(fmt: str) -> None:
    assert len(NOTES) >= 300
    linter = Linter(default_ruleset())
    plain: dict[tuple[str, str], list[str]] = {}
    for note, v in lint_all(linter, fmt, None):
        plain.setdefault((note.path, v.rule), []).append(flat(note.text[v.offset : v.end_offset]))
    verdicts = set(plain)
    for width in WIDTHS:
        wrapped: set[tuple[str, str]] = set()
        for note, v in lint_all(linter, fmt, width):
            wrapped.add((note.path, v.rule))
            # The position is on the wrapped note's own lines...
            assert (v.line, v.column) == note.lines.line_col(v.offset)
            assert 0 <= v.offset <= v.end_offset <= len(note.text)
            # ...and points at the same words as before wrapping (a whole-line finding
            # at the first wrapped line of its line).
            pointed = flat(note.text[v.offset : v.end_offset])
            before = plain.get((note.path, v.rule), [])
            assert any(b.startswith(pointed) for b in before), (v, pointed, before)
        differ = sorted(verdicts ^ wrapped)
        assert not differ, f"wrapped at {width}: " + ", ".join(
            f"{path} {rule} {'lost' if (path, rule) in verdicts else 'new'}"
            for path, rule in differ
        )
