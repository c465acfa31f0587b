"""Compositions: a statement found from its parts, in one clause."""

from __future__ import annotations

import pytest

from notelint.kinds.composition import Composition, option_problems
from notelint.pipeline import build_nlp

WANT_JOB = Composition.from_option(
    {
        "subject": ["i"],
        "predicate": ["want", "eager", "love"],
        "object": ["job", "join"],
        "not_between": ["hear"],
        "window": 5,
    }
)


def found(composition: Composition, text: str) -> list[str]:
    nlp = build_nlp()
    doc = nlp(text)
    return [span.text for span in composition.spans(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I really want the job.", ["want the job"]),
        ("I am eager to join.", ["eager to join"]),
        ("Eager to join the team!", ["Eager to join"]),  # no subject: opens the sentence
        ("I want, above all, the job.", []),  # a clause ends at the comma
        ("I want it, but the job is far.", []),
        ("I am eager to hear about the job.", []),  # not_between
        ("I wanted to follow up on the job.", []),  # "to" + another action
        ("I want to be sure I love the job.", ["love the job"]),
        ("I want a lot of things in life and also the job.", []),  # past the window
        ("You want the job.", []),  # not the writer
    ],
)
def test_forward(text: str, expected: list[str]) -> None:
    assert found(WANT_JOB, text) == expected


def test_reverse_order_finds_the_object_first() -> None:
    reverse = Composition.from_option(
        {"subject": ["i"], "predicate": ["want"], "object": ["team"], "order": "reverse"}
    )
    assert found(reverse, "This is the team I want to grow in.") == ["want"]
    assert found(reverse, "I want the team to win.") == []


def test_option_problems_say_what_is_wrong() -> None:
    assert option_problems([{"predicate": ["want"], "object": ["job"]}]) == []
    assert option_problems(
        [{"predicate": [], "object": "job", "window": 0, "order": "sideways", "verb": []}, "x"]
    ) == [
        "composition 1 has unknown key 'verb'; expected subject, predicate, object, "
        "not_between, window, order",
        "composition 1 needs 'predicate', a list of words",
        "composition 1: 'object' should be a list of words",
        "composition 1: 'window' should be a whole number from 1 to 20",
        "composition 1: 'order' should be one of forward, reverse, either",
        "composition 2 should be a mapping of subject, predicate and object",
    ]
