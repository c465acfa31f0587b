"""The enthusiasm kind: each category on its own, its options, and its traps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notelint.config import default_ruleset
from notelint.kinds.enthusiasm import EnthusiasmKind, looks_like_emphasis
from notelint.linter import Linter
from notelint.model import Violation
from tests.conftest import lint


def enthusiasm(text: str, filename: str = "note.txt") -> list[Violation]:
    return [v for v in lint(text, filename) if v.rule == "enthusiasm"]


def flagged(text: str, filename: str = "note.txt") -> list[str]:
    """The flagged words, as written in the note."""
    lines = text.splitlines()
    out = []
    for v in enthusiasm(text, filename):
        assert v.line == v.end_line
        out.append(lines[v.line - 1][v.column - 1 : v.end_column - 1])
    return out


# ---------------------------------------------------------------- exclamation marks
def test_one_exclamation_mark_is_tolerated() -> None:
    assert flagged("Thank you for meeting me. Have a good weekend!") == []


def test_two_exclamation_marks_are_each_reported() -> None:
    text = "Thank you for meeting me! Have a good weekend!"
    found = enthusiasm(text)
    assert [v.column for v in found] == [text.index("!") + 1, text.rindex("!") + 1]
    assert "2 exclamation marks" in found[0].message


def test_a_double_mark_counts_even_alone() -> None:
    assert flagged("It was the best day!!") == ["!!"]
    assert flagged("Who knew a pricing page could be that complicated?!") == ["?!"]
    assert flagged("Is that right?") == []


def test_exclamation_in_a_markdown_heading_counts() -> None:
    text = "# Thank you, Priya!\n\nHi Priya,\n\nIt was a pleasure. Have a good weekend!\n"
    assert flagged(text, "note.md") == ["!", "!"]


def test_exclamation_in_a_subject_line_counts() -> None:
    text = "Subject: Thanks!!\n\nDear Ms. Okafor,\n\nThank you for meeting me.\n"
    assert flagged(text) == ["!!"]


def test_code_operators_are_not_exclamations() -> None:
    assert flagged("We compared a != b and c != d in the review.") == []


# ---------------------------------------------------------------- capitals
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Thank you SO much for meeting me.", "SO"),
        ("I am REALLY interested in this position.", "REALLY"),
        ("I LOVED meeting the team.", "LOVED"),
        ("Seeing the lab was AMAZING to me.", "AMAZING"),
        ("THANK YOU for your time.", "THANK YOU"),
        ("I CAN'T wait to hear back.", "I CAN'T wait"),
    ],
)
def test_words_in_capitals_for_emphasis(text: str, words: str) -> None:
    assert flagged(text) == [words]


@pytest.mark.parametrize(
    "text",
    [
        "We discussed the AWS migration, SQL reports, the HR portal and the NYC office.",
        "The CEO and the QA lead described the CRDTs in the KX-210 trial.",
        "The Phase II trial, the 3D printers, the A/B tests and the 8D reports.",
        "[TODO: mention the rebrand] and the report from XXX.",
        "I used the STAR method and our SMART goals for the STEM program.",
        "The WHO guidance and the ASPIRE program.",
        "Portland, OR 97214",
        "The PET scan suite next to the ICU.",
        "GREAT LAKES BREWING is next door to the office.",
        "Super Bowl III and Louis XIV.",
    ],
)
def test_acronyms_names_and_numerals_are_not_shouting(text: str) -> None:
    assert flagged(text) == []


def test_word_classes_tell_emphasis_from_acronyms() -> None:
    assert looks_like_emphasis("amazing", "amazing")
    assert looks_like_emphasis("truly", "truly")
    assert not looks_like_emphasis("star", "star")  # a noun: STAR method
    assert not looks_like_emphasis("aids", "aid")
    assert not looks_like_emphasis("sql", "sql")  # not a word at all
    assert not looks_like_emphasis("hr", "hr")  # too short to judge


# ---------------------------------------------------------------- emoji, emoticons
@pytest.mark.parametrize(
    "text",
    [
        "It was great to meet you :)",
        "It was great to meet you :D",
        "It was great to meet you ;-)",
        "I <3 the new studio.",
        "The sunflower classroom was lovely. \U0001f33b",
        "Great to meet you \U0001f642",
        "Thanks \u2764\ufe0f",
        "Thanks \U0001f44d\U0001f3fd",
    ],
)
def test_emoji_and_emoticons(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Could we talk at 10:30 or 16:45 on Friday?",
        "The aspect ratio was 16:9.",
        "See https://example.com/docs for the write-up.",
        "The p99 latency is now <3 ms.",
        "Section 2(a): the budget.",
        "Phone \u260e +1 617 555 0199",
        "I use Adobe XD for prototypes.",
    ],
)
def test_times_urls_and_signature_symbols_are_not_emoticons(text: str) -> None:
    assert flagged(text) == []


# ---------------------------------------------------------------- elongated words
@pytest.mark.parametrize("word", ["sooo", "Yesss", "pleeease", "SOOO", "loooved"])
def test_elongated_words(word: str) -> None:
    assert flagged(f"The tour made me {word} happy.") == [word]


@pytest.mark.parametrize(
    "text",
    [
        "The coffee and the bookkeeper's notes were a help.",
        "See www.example.com and Mississippi.",
        "Louis XIII and Super Bowl III and the XXX placeholder.",
        "Hmmm, I wondered about that. Brrr, the dock was cold.",
    ],
)
def test_ordinary_double_letters_are_not_elongation(text: str) -> None:
    assert flagged(text) == []


# ---------------------------------------------------------------- stacked intensifiers
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("I'm so so excited about the role.", "so so excited"),
        ("It was so, so helpful.", "so, so"),
        ("That was really really useful context.", "really really"),
        ("It was very, very kind of you.", "very, very"),
    ],
)
def test_stacked_intensifiers(text: str, span: str) -> None:
    assert flagged(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Thanks so much for your time.",
        "It was a so-so demo, to be honest.",
        "I apologize for being so nervous.",
        "I really enjoyed our conversation.",
    ],
)
def test_single_intensifiers_are_fine(text: str) -> None:
    assert flagged(text) == []


# ---------------------------------------------------------------- gushing
@pytest.mark.parametrize(
    "text",
    [
        "I can't wait to hear back.",
        "I can\u2019t wait to hear back.",
        "Can't wait to hear what you decide.",
        "I am over the moon about the chance to join.",
        "I was thrilled beyond belief.",
        "I was ecstatic to see the plan.",
        "I'm totally stoked.",
        "I'm so excited about the possibility of joining.",
        "I'm SO excited about the possibility of joining.",
        "I couldn't be more excited about this role.",
        "I can hardly wait to start.",
    ],
)
def test_gushing_phrases(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm excited about the possibility of joining your team.",
        "The migration can't wait until the third quarter.",
        "I was thrilled to hear about the expansion.",
        "I loved learning about the garden program.",
        "I'm not so excited about the commute, honestly, but the role fits.",
    ],
)
def test_plain_interest_is_not_gushing(text: str) -> None:
    assert flagged(text) == []


# ---------------------------------------------------------------- options
def test_a_finding_per_stretch_of_text() -> None:
    # "SO excited" is caps and gushing at once: one finding, the longer one
    assert len(enthusiasm("I'm SO excited about the role.")) == 1


def test_max_exclamations_option(tmp_path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / ".notelint.yaml"
    config.write_text("rules:\n  enthusiasm: {max_exclamations: 0}\n", encoding="utf-8")
    strict = Linter(str(config))
    found = strict.lint_text("Have a good weekend!", "note.txt")
    assert [v.rule for v in found if v.rule == "enthusiasm"] == ["enthusiasm"]


def test_acronyms_option_extends_the_list(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "I enjoyed hearing about the SUPER program rollout."
    config = tmp_path / ".notelint.yaml"
    config.write_text("rules:\n  enthusiasm: {acronyms: [super]}\n", encoding="utf-8")
    assert not [v for v in Linter(str(config)).lint_text(text, "n.txt") if v.rule == "enthusiasm"]


def test_unknown_message_category_is_a_config_problem() -> None:
    problems = EnthusiasmKind.validate({"messages": {"shouting": "x; y"}})
    assert problems and problems[0][0] == "messages"
    assert EnthusiasmKind.validate({"messages": {"caps": "x; y"}}) == []
    assert EnthusiasmKind.validate({"max_exclamations": -1})


def test_default_rule_uses_the_enthusiasm_kind() -> None:
    rule = default_ruleset().get("enthusiasm")
    assert rule is not None and rule.kind == "enthusiasm"


def test_the_exclamation_mark_of_a_name_is_not_counted() -> None:
    from notelint import lint_text

    text = "Most traffic comes from Yahoo! Finance.\n\nP.S. Good luck on Sunday!"
    assert not [v for v in lint_text(text) if v.rule == "enthusiasm"]
    assert [v for v in lint_text("Thank you! It was great!") if v.rule == "enthusiasm"]


# Letters with case partners that are not simply upper and lower case (dotted and
# dotless i, long s, the Kelvin sign, the Greek iota subscript), digits, "_", numerals
# that \w takes for letters, and spaces: where a faster test of the whole note could
# disagree with the one that is run on each word.
_TRICKY = "aAiIıİsSſkK\u212aιΙ\u0345ß²Ⅰⅰ019_ .\n"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_TRICKY, max_size=12) | st.text(max_size=12))
def test_the_whole_note_test_for_tripled_letters_agrees_with_the_word_test(text: str) -> None:
    from notelint.kinds.enthusiasm import _ANY_TRIPLE, _LETTER, _TRIPLE

    fast = any(_LETTER.match(m.group(1)) for m in _ANY_TRIPLE.finditer(text))
    assert fast == bool(_TRIPLE.search(text))
