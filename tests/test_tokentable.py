"""The per-Doc token table holds what the Token objects hold."""

from __future__ import annotations

from notelint.pipeline import build_nlp
from notelint.tokentable import token_table

TEXT = (
    "Dear Ms. Chen,\n\nThank you for the interview!  I LOVED hearing about the Kafka plan "
    "(by Q2) and the team's 3 new hires.\n- one thing\n- another\n\nBest regards,\nTom\n"
)


def test_table_matches_the_tokens() -> None:
    doc = build_nlp()(TEXT)
    table = token_table(doc)
    assert table is token_table(doc)  # made once per doc
    assert len(table) == len(doc)
    assert table.text == [t.text for t in doc]
    assert table.lower == [t.lower_ for t in doc]
    assert table.lemma == [t.lemma_ for t in doc]
    assert table.idx == [t.idx for t in doc]
    assert table.space == [t.is_space for t in doc]
    assert table.punct == [t.is_punct for t in doc]
    assert table.alpha == [t.is_alpha for t in doc]
    assert table.stop == [t.is_stop for t in doc]
    assert table.sent_start == [bool(t.is_sent_start) for t in doc]
    assert table.sents == [(s.start, s.end) for s in doc.sents]
    assert len(table.sents) > 3 and any(table.space) and any(table.punct)
    assert table.words == {t.lower_ for t in doc} | {t.lemma_ for t in doc}
    assert "hire" in table.words and "loved" in table.words and "love" in table.words
    assert table.doc_text == doc.text
    assert [table.span_text(s.start, s.end) for s in doc.sents] == [s.text for s in doc.sents]
    assert table.span_text(3, 3) == ""
    hires = table.lower.index("hires")
    sent = doc[hires - 2 : hires + 1].sent
    assert table.sent_of(hires - 2, hires + 1) == (sent.start, sent.end)


def test_empty_doc() -> None:
    table = token_table(build_nlp().make_doc(""))
    assert len(table) == 0 and table.sents == []


def test_word_count_counts_tokens_holding_a_letter_or_digit() -> None:
    from notelint.kinds.word_count import word_count

    texts = ["", "  ", "a b  c", "-- 3 _ _x é\u00a0ß\u3000!!", "x-y\n\nz.", "--a-- ...", "٣ \u0300"]
    for text in texts:
        expected = sum(1 for tok in text.split() if any(c.isalnum() for c in tok))
        assert word_count(text) == expected, text
    assert word_count("-" * 100_000 + " one") == 1
