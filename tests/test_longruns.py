"""Runs without spaces longer than any word are tokenized in one linear pass, and the
text and the tokenization of everything else are unchanged."""

from __future__ import annotations

import spacy

from notelint.longruns import LONG_RUN, LongRunTokenizer


def _tokenizer() -> tuple[LongRunTokenizer, spacy.language.Language]:
    nlp = spacy.blank("en")
    return LongRunTokenizer(nlp.tokenizer, nlp.vocab), nlp


def test_notes_without_long_runs_are_tokenized_by_spacy() -> None:
    tokenize, nlp = _tokenizer()
    text = "Dear Ms. Chen,\n\nThank you!! It was great :) see https://example.com/a?b=c.\n"
    assert [t.text for t in tokenize(text)] == [t.text for t in nlp.tokenizer(text)]


def test_a_long_run_becomes_words_and_marks_and_the_text_is_kept() -> None:
    tokenize, nlp = _tokenizer()
    run = "\U0001f389" * LONG_RUN + "abc!!def"
    text = f"Thanks, Sam.\n{run}\r\n  Best,\nAna"
    doc = tokenize(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    inside = [t.text for t in doc if run.startswith(t.text) or t.text in ("abc", "!", "def")]
    assert inside.count("\U0001f389") == LONG_RUN and "abc" in inside and "def" in inside
    # the text around the run is tokenized as spaCy does it
    before = [t.text for t in nlp.tokenizer("Thanks, Sam.\n")]
    after = [t.text for t in nlp.tokenizer("\r\n  Best,\nAna")]
    words = [t.text for t in doc]
    assert words[: len(before)] == before and words[-len(after) :] == after


def test_a_run_just_under_the_limit_is_left_to_spacy() -> None:
    tokenize, nlp = _tokenizer()
    text = "see " + "a." * ((LONG_RUN - 1) // 2)
    assert [t.text for t in tokenize(text)] == [t.text for t in nlp.tokenizer(text)]
