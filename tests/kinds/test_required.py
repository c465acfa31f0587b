"""The generic required kind: present once, absent reported where it belongs."""

from __future__ import annotations

from pathlib import Path

import pytest

from notelint.linter import Linter

RULE = """  ask-question:
    kind: required
    message: "the note asks nothing; ask one question about the work"
    closing_counts: false
    phrases: [wonder]
    patterns:
      - [{LEMMA: thank}, {LOWER: you}, {IS_PUNCT: true}]
    exceptions: [wonder if i]
"""


def _linter(tmp_path: Path, body: str = RULE) -> Linter:
    config = tmp_path / ".notelint.yaml"
    config.write_text("rules:\n" + body, encoding="utf-8")
    return Linter(str(config))


def _fires(linter: Linter, text: str) -> list[tuple[int, int]]:
    return [(v.line, v.column) for v in linter.lint_text(text, "n.txt") if v.rule == "ask-question"]


def test_found_phrase_satisfies_and_missing_is_reported_once_at_the_opening(
    tmp_path: Path,
) -> None:
    linter = _linter(tmp_path)
    assert _fires(linter, "Hi Ana,\n\nI wonder how the team plans releases.") == []
    # the opening paragraph, under the greeting
    assert _fires(linter, "\n\nHi Ana,\n\nNothing here. Nothing there.") == [(5, 1)]


@pytest.mark.parametrize(
    ("place", "where"), [("start", (1, 1)), ("opening", (3, 1)), ("closing", (5, 1))]
)
def test_place_option(tmp_path: Path, place: str, where: tuple[int, int]) -> None:
    linter = _linter(tmp_path, RULE + f"    place: {place}\n")
    note = "Hi Ana,\n\nNothing here. Nothing there.\n\nMore of nothing.\n\nBest,\nTom\n"
    assert _fires(linter, note) == [where]


def test_exceptions_and_negation_do_not_satisfy(tmp_path: Path) -> None:
    linter = _linter(tmp_path)
    assert _fires(linter, "I wonder if I answered well.") == [(1, 1)]
    assert _fires(linter, "I never wonder about it.") == [(1, 1)]


def test_a_closing_alone_on_its_line_does_not_count(tmp_path: Path) -> None:
    linter = _linter(tmp_path)
    # "Thank you," alone on its line (the match must not run on into the name below)
    assert _fires(linter, "It was good to meet.\n\nThank you,\nAna Lopez") == [(1, 1)]
    assert _fires(linter, "It was good to meet. Thank you, and see you soon.") == []


def test_closing_counts_when_the_rule_says_so(tmp_path: Path) -> None:
    linter = _linter(tmp_path, RULE.replace("closing_counts: false", "closing_counts: true"))
    assert _fires(linter, "It was good to meet.\n\nThank you,\nAna Lopez") == []


def test_negation_can_be_switched_off(tmp_path: Path) -> None:
    linter = _linter(tmp_path, RULE + "    negation: false\n")
    assert _fires(linter, "I never wonder about it.") == []


@pytest.mark.parametrize(
    "closing", ["Many thanks,", "With thanks,", "Thanks again and best wishes,", "Thank you,"]
)
def test_a_closing_line_of_thanks_is_not_thanks(closing: str) -> None:
    from tests.conftest import rules_of

    note = f"It was a pleasure to meet you on Monday.\n\n{closing}\nHugo"
    assert "thank-you" in rules_of(note)
