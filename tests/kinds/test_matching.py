"""Negation and doubt (is_negated), shared by the required-content and tone kinds."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from notelint.kinds.matching import Phrases, is_negated, overlaps
from notelint.pipeline import build_nlp


def _span(text: str, target: str) -> Span:
    nlp = build_nlp()
    doc = nlp(text)
    start = text.index(target)
    span = doc.char_span(start, start + len(target))
    assert span is not None, target
    return span


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I am no longer interested in the role.", "interested in the role"),
        ("I am not interested in the position anymore.", "interested in the position"),
        ("I am not sure I am still interested in the position.", "still interested"),
        ("I wonder whether I am still interested.", "still interested"),
        ("I never enjoyed our conversation.", "enjoyed our conversation"),
        ("I am less interested in the role now.", "interested in the role"),
        ("Honestly, I have lost interest in the role.", "interest in the role"),
    ],
)
def test_negated_or_doubted(text: str, target: str) -> None:
    assert is_negated(_span(text, target))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I remain very interested in the position.", "interested in the position"),
        # affirming idioms
        ("I have never been more interested in a role.", "interested in a role"),
        ("I couldn't be more interested in the role.", "interested in the role"),
        ("I can't thank you enough for the tour.", "thank you enough for"),
        ("Without a doubt, I remain interested.", "remain interested"),
        ("I have no doubt that I remain interested.", "remain interested"),
        ("Not only did I enjoy our talk, I remain interested.", "remain interested"),
        ("I am no less interested after our talk.", "interested after"),
        # a negation does not reach past its clause or a contrast
        ("I did not expect the panel, but I remain interested.", "remain interested"),
        ("I'm not sure I answered well; I remain interested.", "remain interested"),
        ("I don't have much experience, and I remain interested.", "remain interested"),
        ("I lost track of time, yet I enjoyed our conversation.", "enjoyed our conversation"),
        ("It was a longer talk than planned and I enjoyed it.", "enjoyed it"),
    ],
)
def test_not_negated(text: str, target: str) -> None:
    assert not is_negated(_span(text, target))


def test_window_limits_how_far_back_a_negator_reaches() -> None:
    text = "Not one person on the panel had guessed how much we enjoyed it."
    span = _span(text, "enjoyed it")
    assert not is_negated(span, window=6)
    assert is_negated(span, window=12)


def test_phrases_interface_is_stable() -> None:
    nlp = build_nlp()
    phrases = Phrases(nlp, ["thank you"], [[{"LOWER": "great"}, {"LOWER": "meeting"}]])
    doc = nlp("Thanking you again. Great meeting you.")
    found = [s.text for s in phrases.spans(doc)]
    assert found == ["Thanking you", "Great meeting"]  # lemmas: "thanking" meets "thank"
    assert overlaps(doc[0:2], [doc[1:3]]) and not overlaps(doc[0:1], [doc[1:3]])


def test_pattern_anchor_prefers_rare_required_words() -> None:
    from notelint.kinds.matching import pattern_anchor

    pattern = [
        {"LOWER": "the"},
        {"LOWER": {"IN": ["best", "greatest"]}},
        {"OP": "{0,3}"},
        {"LOWER": "ever", "OP": "?"},
    ]
    assert pattern_anchor(pattern) == ("LOWER", frozenset({"best", "greatest"}))
    assert pattern_anchor([{"IS_ALPHA": True}, {"LOWER": "x", "OP": "?"}]) is None
    assert pattern_anchor([{"LEMMA": "thank", "OP": "{1,2}"}]) == ("LEMMA", frozenset({"thank"}))


def test_hub_matches_equal_plain_spacy_matching() -> None:
    """Anchored, sentence-restricted matching finds what a plain Matcher finds."""
    from spacy.matcher import Matcher

    from notelint.config import default_ruleset
    from notelint.kinds.matching import MatchHub, Phrases
    from notelint.model import thaw
    from notelint.pipeline import build_nlp

    nlp = build_nlp()
    patterns = default_ruleset().get("hyperbole").option("patterns")
    with MatchHub(nlp).collecting():
        phrases = Phrases(nlp, (), patterns)
    plain = Matcher(nlp.vocab)
    plain.add("h", [thaw(p) for p in patterns])
    text = (
        "Dear Ms. Chen,\n\nIt was the best interview I have ever had. Your team is the "
        "finest in the world, hands down. My dream job!\n\nBest regards,\nTom"
    )
    doc = nlp(text)
    expected = {(s, e) for _, s, e in plain(doc)}
    assert expected
    assert phrases.hub.matches(doc)[phrases.match_id] == expected


def test_hub_runs_every_default_pattern_as_plain_spacy_does() -> None:
    """All the default rules' phrases and token patterns, grouped, restricted to the sentences that
    hold their words and combined per sentence, find what one plain Matcher over the
    whole note finds inside a sentence; patterns that require no word run only when
    their rule asks."""
    import json
    from pathlib import Path

    from spacy.matcher import Matcher

    from notelint.config import default_ruleset
    from notelint.kinds import KINDS
    from notelint.kinds.matching import MatchHub
    from notelint.pipeline import build_nlp

    nlp = build_nlp()
    hub = MatchHub(nlp)
    with hub.collecting():
        for rule in default_ruleset().rules:
            KINDS[rule.kind](rule, nlp)
    plain = Matcher(nlp.vocab)
    for key, pattern in hub.token_patterns():
        plain.add(key, [pattern])
    corpora = sorted((Path(__file__).parents[1] / "corpus").glob("*.jsonl"))
    lines = [line for corpus in corpora for line in corpus.read_text().splitlines()]
    compared = 0
    for doc in nlp.pipe(json.loads(line)["text"] for line in lines if line.strip()):
        inner_space = [t for t in doc[1:-1] if t.is_space and not doc[t.i + 1].is_sent_start]
        if inner_space:
            continue  # the hub matches around whitespace inside a sentence
        bounds = [(s.start, s.end) for s in doc.sents]
        expected: dict[int, set[tuple[int, int]]] = {}
        found = [*plain(doc), *hub.lower(doc), *hub.lemma(doc)]
        for key, start, end in found:
            if any(a <= start and end <= b for a, b in bounds):
                expected.setdefault(key, set()).add((start, end))
        assert hub.matches(doc) == expected
        compared += 1
    assert compared >= 100


def test_patterns_that_require_no_word_run_only_when_asked() -> None:
    from notelint.kinds.matching import MatchHub, Phrases
    from notelint.pipeline import build_nlp

    nlp = build_nlp()
    with MatchHub(nlp).collecting():
        titles = Phrases(nlp, (), [[{"IS_TITLE": True}, {"IS_TITLE": True}]])
        thanks = Phrases(nlp, (), [[{"LOWER": "thank"}, {"LOWER": "you"}]])
    doc = nlp("Thank you, Jane Doe, for the tour of Acme Labs.")
    assert [s.text for s in thanks.spans(doc)] == ["Thank you"]
    assert not [key for key in doc.user_data if key.endswith("_all")]  # not run yet
    assert [s.text for s in titles.spans(doc)] == ["Jane Doe", "Acme Labs"]


def test_no_token_pattern_match_crosses_a_sentence_boundary() -> None:
    """Whatever else the sentences hold: a pattern whose words are in both of two
    neighbouring sentences is not matched across them, whether or not another rule's
    words are in one of them."""
    from notelint.kinds.matching import MatchHub, Phrases
    from notelint.pipeline import build_nlp

    nlp = build_nlp()
    with MatchHub(nlp).collecting():
        across = Phrases(nlp, (), [[{"LOWER": "team"}, {"ORTH": "."}, {"LOWER": "the"}]])
        Phrases(nlp, (), [[{"LOWER": "lunch"}]])  # another rule's pattern
        inside = Phrases(nlp, (), [[{"LOWER": "the"}, {"LOWER": "team"}]])
    for text in ("I met the team. The team was great.", "I met the team. The team had lunch."):
        doc = nlp(text)
        assert [s.text for s in doc.sents][0] == "I met the team."
        assert across.spans(doc) == []
        assert [s.text for s in inside.spans(doc)] == ["the team", "The team"]
