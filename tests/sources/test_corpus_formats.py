"""The development corpus gives the same findings whether its notes are linted as plain
text, as Markdown, or as the body of an e-mail (formats must not change what is prose)."""

from __future__ import annotations

import json

import pytest

from notelint.config import default_ruleset
from notelint.linter import Linter
from notelint.sources import note_from_bytes
from tests.conftest import SHARED

CORPUS = SHARED / "eval" / "dev.jsonl"


def as_email(text: str) -> str:
    """A simple message: the note's own "Subject:" line, if it has one, becomes the
    Subject header; the rest is an 8bit UTF-8 plain-text body."""
    subject = ""
    first, _, rest = text.partition("\n")
    if first.startswith("Subject: "):
        subject, text = first, rest.lstrip("\n")
    headers = [
        "From: Candidate <candidate@example.com>",
        "To: Interviewer <interviewer@example.com>",
        *([subject] if subject else []),
        "Date: Tue, 24 Nov 2026 09:00:00 +0000",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    return "\n".join(headers) + "\n\n" + text


@pytest.mark.skipif(not CORPUS.exists(), reason="shared development corpus not present")
def test_corpus_findings_are_the_same_as_txt_md_and_eml() -> None:
    notes = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    assert len(notes) >= 100
    linter = Linter(default_ruleset())
    pairs = {}
    for suffix, wrap in (("txt", str), ("md", str), ("eml", as_email)):
        batch = [note_from_bytes(wrap(n["text"]).encode(), f"{n['id']}.{suffix}") for n in notes]
        pairs[suffix] = {(v.path.rsplit(".", 1)[0], v.rule) for v in linter.lint_notes(batch)}
    assert pairs["txt"], "the corpus should have findings"
    assert pairs["md"] == pairs["txt"]
    assert pairs["eml"] == pairs["txt"]
