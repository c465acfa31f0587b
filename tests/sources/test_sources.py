"""Reading notes: bytes and text to a Note, and what cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from notelint.sources import MAX_NOTE_CHARS, SourceError, note_from_text, read_note


def test_an_impossible_interview_date_in_front_matter_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="'interview_date' must be a date like 2026-11-24"):
        note_from_text("---\ninterview_date: 2026-13-45\n---\nDear Dana,\n", "n.md")


def test_front_matter_disable_takes_rule_ids() -> None:
    note = note_from_text("---\nnotelint: {disable: hyperbole}\n---\nHi\n", "n.md")
    assert note.disabled == {"hyperbole"}
    note = note_from_text("---\nnotelint: {disable: [hyperbole, length]}\n---\nHi\n", "n.md")
    assert note.disabled == {"hyperbole", "length"}


@pytest.mark.parametrize("setting", ["{disable: 3}", "{disable: {hyperbole: 1}}", "{disabel: [x]}"])
def test_a_malformed_notelint_front_matter_key_is_a_source_error(setting: str) -> None:
    with pytest.raises(SourceError, match="front matter key 'notelint'"):
        note_from_text(f"---\nnotelint: {setting}\n---\nHi\n", "n.md")


def test_a_note_too_long_for_the_pipeline_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="too long for a note"):
        note_from_text("word " * (MAX_NOTE_CHARS // 5 + 1), "huge.txt")
    assert note_from_text("word " * 1000, "fine.txt").text.startswith("word")


def test_a_file_too_large_for_a_note_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 200)
    monkeypatch.setattr("notelint.sources.MAX_NOTE_BYTES", 100)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a huge file"))
    with pytest.raises(SourceError, match="too large for a note"):
        read_note(big)
