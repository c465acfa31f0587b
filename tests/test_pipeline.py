"""The spaCy pipeline and notelint's components."""

from __future__ import annotations

from notelint.config import default_ruleset
from notelint.pipeline import build_nlp
from notelint.sources import note_from_text


def test_pipeline_is_blank_english_with_notelint_components() -> None:
    nlp = build_nlp()
    assert nlp.lang == "en"
    assert nlp.pipe_names == [
        "sentencizer",
        "lemmatizer",
        "notelint_lemma_case",
        "notelint_line_breaks",
        "notelint_rules",
    ]
    assert build_nlp() is nlp  # built once per process
    analysis = nlp.analyze_pipes()
    assert not analysis["problems"]["notelint_rules"]


def test_lemmas_ignore_case() -> None:
    nlp = build_nlp()
    with nlp.select_pipes(enable=["lemmatizer", "notelint_lemma_case"]):
        doc = nlp("Thanked THANKING Meetings talked")
    assert [t.lemma_ for t in doc] == ["thank", "thank", "meeting", "talk"]


def test_sentences_break_at_greeting_list_items_and_paragraphs() -> None:
    nlp = build_nlp()
    text = (
        "Dear Ms. Chen,\nThank you for the interview and\nfor the tour of the plant that "
        "afternoon with the whole operations crew present\nat the time.\n\n"
        "Points:\n- one thing\n- another thing\n\nBest regards,\nTom"
    )
    with nlp.select_pipes(disable=["notelint_rules"]):
        doc = nlp(text)
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts == ["Dear", "Thank", "Points:", "-", "-", "Best", "Tom"]


def test_findings_are_stored_as_spans() -> None:
    nlp = build_nlp()
    ruleset = default_ruleset()
    nlp.get_pipe("notelint_rules").configure(ruleset)
    note = note_from_text("It was my dream job.")
    doc = nlp.make_doc(note.masked)
    doc._.notelint_note = note
    doc = nlp(doc)
    labels = {span.label_: span.text for span in doc.spans["notelint"]}
    assert labels.get("hyperbole") == "dream job"
    assert any(f.rule == "hyperbole" for f in doc._.notelint_findings)
