"""timing and personalization: the note checked against the interview it is about."""

from __future__ import annotations

import datetime as dt

import pytest

from notelint.model import Context
from tests.conftest import lint

NOTE = (
    "Dear Ms. Chen,\n\nThank you for meeting with me on Tuesday. I remain very interested in "
    "the Data Engineer position at Acme Robotics.\n\nBest regards,\nTom"
)
TODAY = dt.date(2026, 11, 25)


def of(rule: str, text: str, **kwargs: object) -> list:
    return [v for v in lint(text, **kwargs) if v.rule == rule]


# --------------------------------------------------------------------------- timing
@pytest.mark.parametrize(
    ("interview", "days"),
    [
        (dt.date(2026, 11, 23), 2),
        (dt.date(2026, 11, 18), 7),
        (dt.date(2025, 11, 25), 365),
    ],
)
def test_late_note_says_how_late_kindly(interview: dt.date, days: int) -> None:
    (v,) = of("timing", NOTE, context=Context(interview_date=interview), today=TODAY)
    assert f"{days} days since the interview" in v.message
    assert "send the note today" in v.message and "apologise" in v.message
    assert v.line == 1


@pytest.mark.parametrize(
    "interview",
    [dt.date(2026, 11, 25), dt.date(2026, 11, 24), dt.date(2026, 11, 26), dt.date(2027, 1, 1)],
)
def test_on_time_or_ahead_is_fine(interview: dt.date) -> None:
    assert not of("timing", NOTE, context=Context(interview_date=interview), today=TODAY)


def test_no_date_no_timing() -> None:
    assert not of("timing", NOTE, today=TODAY)
    assert not of("timing", NOTE, context=Context(company="Acme"), today=TODAY)


def test_today_defaults_to_the_real_date() -> None:
    long_ago = dt.date.today() - dt.timedelta(days=10)
    (v,) = of("timing", NOTE, context=Context(interview_date=long_ago))
    assert "10 days" in v.message


def test_datetime_values_do_not_crash() -> None:
    when = dt.datetime(2026, 11, 20, 10, 30)
    (v,) = of("timing", NOTE, context=Context(interview_date=when), today=TODAY)
    assert "5 days" in v.message


# --------------------------------------------------------------------------- personalization
ACME = Context(company="Acme Robotics", position="Data Engineer")


def body(sentence: str) -> str:
    return f"Dear Ms. Chen,\n\nThank you for meeting with me on Tuesday. {sentence}\n\nBest,\nTom"


@pytest.mark.parametrize(
    "sentence",
    [
        "I remain very interested in the Data Engineer position at Acme Robotics.",
        "I would be glad to join Acme as a data engineer.",
        "I am excited about the Senior Data Engineer role at ACME Robotics.",
        "I am excited about the data engineering role at Acme Robotics Inc.",
        "I hope to join the Data Platform team at Acme Robotics as a data engineer.",
        # a past employer is not the blunder
        "In my previous role at Initech I built pipelines; I'd like to do the same as a data "
        "engineer at Acme.",
        "I spent three years as a data engineer at Initech. I want to bring that to Acme.",
        "I enjoyed hearing how Acme works with Stripe, and I remain keen on the data engineer "
        "role.",
        "The Marketing role at Acme came up too; I remain keen on the data engineer job.",
        "Since joining Initech in 2019 I have built pipelines; I hope to join Acme as a data "
        "engineer.",
        "I held the same role at Initech for two years, and I hope to be a data engineer at Acme.",
    ],
)
def test_names_this_company_and_position(sentence: str) -> None:
    assert not of("personalization", body(sentence), context=ACME)


@pytest.mark.parametrize(
    ("sentence", "flagged", "fix"),
    [
        (
            "I remain very interested in the Data Analyst position at Initech.",
            ["Data Analyst", "Initech"],
            ["Data Engineer", "Acme Robotics"],
        ),
        (
            "I am excited about the possibility of joining Initech as a data engineer.",
            ["Initech"],
            ["Acme Robotics"],
        ),
        (
            "I'd love the chance to work at Globex on your data engineering team.",
            ["Globex"],
            ["Acme Robotics"],
        ),
        (
            "I remain interested in the Backend Engineer role at Acme.",
            ["Backend Engineer"],
            ["Data Engineer"],
        ),
        (
            # an earlier "was" in the sentence is not the writer's past job
            "It was a pleasure to speak with you about the Data Engineer opening at Halcyon\n"
            "Talent.",
            ["Halcyon\nTalent"],
            ["Acme Robotics"],
        ),
        (
            "I remain very interested in the Data Engineer position at Lumière. It was fun.",
            ["Lumière"],
            ["Acme Robotics"],
        ),
    ],
)
def test_another_company_or_position_is_the_blunder(
    sentence: str, flagged: list[str], fix: list[str]
) -> None:
    text = body(sentence)
    found = of("personalization", text, context=ACME)
    assert [text[v.offset : v.end_offset] for v in found] == flagged
    assert [v.fix.replacement for v in found if v.fix] == fix
    assert all("this interview was" in v.message for v in found)


def test_never_naming_them_is_reported_once_at_the_body() -> None:
    found = of("personalization", body("I remain very interested in the position."), context=ACME)
    assert len(found) == 1
    v = found[0]
    assert v.line == 1
    assert "the position (Data Engineer)" in v.message
    assert "the company (Acme Robotics)" in v.message


def test_only_what_the_context_gives_is_required() -> None:
    text = body("I remain very interested in the Data Engineer position.")
    assert not of("personalization", text, context=Context(position="Data Engineer"))
    (v,) = of("personalization", text, context=Context(company="Acme Robotics"))
    assert "the company (Acme Robotics)" in v.message and "position" not in v.message.split(";")[0]


@pytest.mark.parametrize(
    ("position", "sentence"),
    [
        ("Assistant Professor of History", "I remain keen on the assistant professor post."),
        ("Registered Nurse (Night Shift)", "I am even more interested in the night-shift RN job."),
        ("Assistant Store Manager", "I remain very interested in the store manager role."),
    ],
)
def test_position_paraphrases(position: str, sentence: str) -> None:
    assert not of("personalization", body(sentence), context=Context(position=position))


def test_without_context_nothing_is_checked() -> None:
    assert not of(
        "personalization", body("I remain interested in the Data Analyst job at Initech.")
    )
