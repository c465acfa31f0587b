"""The spaCy pipeline and notelint's components."""

from __future__ import annotations

from spacy.tokens.underscore import Underscore

from notelint.config import default_ruleset
from notelint.linter import Linter
from notelint.pipeline import build_nlp

COMPONENTS = ["notelint_lemma_case", "notelint_line_breaks"]


def test_pipeline_is_blank_english_with_notelint_components() -> None:
    nlp = build_nlp()
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["sentencizer", "lemmatizer", *COMPONENTS]
    assert build_nlp() is nlp  # built once per process
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"][name] for name in COMPONENTS)


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
    doc = nlp(text)
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts == ["Dear", "Thank", "Points:", "-", "-", "Best", "Tom"]


def test_a_doc_from_the_pipeline_carries_nothing_of_notelint() -> None:
    # Lint first: nothing the linter does may leave notelint's state on spaCy's objects.
    assert Linter(default_ruleset()).lint_text("It was my dream job.", "n.txt")
    doc = build_nlp()("It was my dream job.")
    registries = (Underscore.doc_extensions, Underscore.span_extensions)
    for registry in (*registries, Underscore.token_extensions):
        assert not [name for name in registry if name.startswith("notelint")]
    assert not doc.spans
    assert not doc.user_data


def test_lookup_lemmas_are_spacys() -> None:
    """The array-based lookup lemmatizer gives the lemmas spaCy's own gives, keeps a
    lemma already set, and gives the same lemmas to a word form met again."""
    import json
    from pathlib import Path

    import spacy
    from spacy.lookups import load_lookups

    nlp = build_nlp()
    plain = spacy.blank("en")
    lemmatizer = plain.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatizer.initialize(lookups=load_lookups("en", ["lemma_lookup"]))  # spaCy's own
    text = "Thanked THANKING meetings were Talked, went; was thanked and meetings were"
    ours = nlp.get_pipe("lemmatizer")(nlp.make_doc(text))
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in plain(text)]
    corpus = Path(__file__).parent / "corpus" / "real.jsonl"
    notes = " ".join(json.loads(line)["text"] for line in corpus.read_text().splitlines())
    many = nlp.get_pipe("lemmatizer")(nlp.make_doc(notes))
    assert len(many) > 2000
    assert [t.lemma_ for t in many] == [t.lemma_ for t in plain(notes)]
    assert [t.lemma_ for t in ours][-3:] == ["and", "meeting", "be"]
    preset = nlp.make_doc("meetings were")
    preset[0].lemma_ = "kept"
    assert [t.lemma_ for t in nlp.get_pipe("lemmatizer")(preset)] == ["kept", "be"]


def test_sentences_and_text_are_spacys() -> None:
    """The array-based sentencizer starts the sentences spaCy's own starts, and the text
    the line-break splitter reads is the Doc's, on every corpus note and odd inputs."""
    import json
    from pathlib import Path

    import spacy

    from notelint.longruns import LongRunTokenizer, take_text
    from notelint.pipeline import ArraySentencizer

    nlp = build_nlp()
    plain = spacy.blank("en")
    spacys = plain.add_pipe("sentencizer")
    ours = ArraySentencizer()
    keeping = LongRunTokenizer(plain.tokenizer, plain.vocab, keep_text=True)
    corpora = sorted((Path(__file__).parent / "corpus").glob("*.jsonl"))
    texts = [json.loads(line)["text"] for c in corpora for line in c.read_text().splitlines()]
    texts += ["", "!", "Hi", "Wow!!! Really?! Yes.", "a.b. c", "End.。Next", "x" * 400 + ". Ok"]
    for text in texts:
        doc = keeping(text)
        assert take_text(doc) == doc.text and not doc.user_data
        expected = [t.is_sent_start for t in spacys(nlp.make_doc(text))]
        assert [t.is_sent_start for t in ours(nlp.make_doc(text))] == expected
    assert len(texts) > 100
