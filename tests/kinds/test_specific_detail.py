"""specific-detail (learned-detail): a report of what was learned, holding a specific."""

from __future__ import annotations

from pathlib import Path

import pytest

from notelint.config import default_ruleset
from notelint.kinds.specific_detail import SpecificDetailKind
from notelint.linter import Linter
from notelint.pipeline import build_nlp
from notelint.sources import note_from_text


def _specifics(text: str) -> list[tuple[str, str]]:
    rule = next(r for r in default_ruleset().rules if r.id == "learned-detail")
    nlp = build_nlp()
    kind = SpecificDetailKind(rule, nlp)
    note = note_from_text(text, "n.txt")
    doc = nlp(note.masked)
    return kind.specifics(doc, note)


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("I enjoyed hearing about your plan to move billing to Stripe.", "name", "Stripe"),
        ("I learned that the unit cut falls by a third last spring.", "time", "last spring"),
        ("Hearing that the clinic sees 40 patients a day was sobering.", "number", "40"),
        ("I was impressed by the new pick-to-light system.", "thing", "light system"),
        ("It was great to hear the store opens in March.", "time", "March"),
        (
            "Hearing how support cut replies to under an hour was inspiring.",
            "time",
            "under an hour",
        ),
    ],
)
def test_each_kind_of_specific(text: str, kind: str, words: str) -> None:
    assert (kind, words) in _specifics(text)


@pytest.mark.parametrize(
    "text",
    [
        # generic reports
        "I learned a lot about the company and the role.",
        "I enjoyed hearing about the team and the kind of work you do each quarter.",
        "It was great to learn more about the role and what a typical week looks like.",
        "I enjoyed hearing about your projects and the new system.",
        # specifics that are not learned: the writer's own background
        "My four years of experience in Relativity would help me contribute.",
        "As we discussed, I have spent the last four years building dashboards in Tableau.",
        "At my last job I learned that Salesforce reports can be automated.",
        # template slots, the position, the company, people, weekdays, the hiring process
        "I was especially interested to hear about [insert detail here].",
        "Thank you for meeting on Tuesday to discuss the Backend Engineer position at Acme.",
        "I learned a lot about Acme. Thank you for the interview at Acme.",
        "It was a pleasure to speak with you and with Daniel about the team.",
        "You mentioned that you will decide by the end of the month.",
        # counting what stuck is not a detail; the intro's own words are not reported
        "Two things stood out to me: the culture and the people.",
    ],
)
def test_no_specific(text: str) -> None:
    assert _specifics(text) == []


def test_list_items_after_an_intro_are_reports() -> None:
    text = "Hi Ana,\n\nA few things that stuck with me:\n\n- Moving the warehouse to BigQuery\n"
    assert ("name", "BigQuery") in _specifics(text)
    # the same item without an intro that reports learning is not a report
    assert _specifics("Hi Ana,\n\nMy strengths:\n\n- Moving warehouses to BigQuery\n") == []


def test_report_stops_where_the_writer_turns_to_themselves() -> None:
    text = "I enjoyed hearing about the team, and I have used Tableau for five years."
    assert _specifics(text) == []


def _linter(tmp_path: Path, body: str) -> Linter:
    config = tmp_path / ".notelint.yaml"
    config.write_text("rules:\n" + body, encoding="utf-8")
    return Linter(str(config))


def _fires(linter: Linter, text: str) -> bool:
    return any(v.rule == "learned-detail" for v in linter.lint_text(text, "n.txt"))


def test_word_lists_are_options_a_config_can_extend(tmp_path: Path) -> None:
    text = "I enjoyed hearing about the hiring roadmap for the Acme Widgets team."
    assert not _fires(_linter(tmp_path, "  learned-detail: {severity: warning}\n"), text)
    # a user who considers "Widgets" generic says so, and the note is generic again
    body = "  learned-detail:\n    generic_names: [widgets]\n"
    assert _fires(_linter(tmp_path, body), text) is False  # "Acme" still names something
    body = "  learned-detail:\n    generic_names: [widgets, acme]\n"
    assert _fires(_linter(tmp_path, body), text)


def test_more_specifics_can_be_required(tmp_path: Path) -> None:
    text = "I enjoyed hearing about your plan to move billing to Stripe."
    assert not _fires(_linter(tmp_path, "  learned-detail: {min_specifics: 1}\n"), text)
    assert _fires(_linter(tmp_path, "  learned-detail: {min_specifics: 2}\n"), text)


def test_min_specifics_must_be_positive() -> None:
    assert SpecificDetailKind.validate({"min_specifics": 0})
    assert SpecificDetailKind.validate({"min_specifics": 2}) == []


def test_works_without_pos_tags() -> None:
    nlp = build_nlp()
    assert not any(n in nlp.pipe_names for n in ("tagger", "morphologizer"))
    assert _specifics("I learned that the team is moving to Kubernetes next year.")


def test_a_long_own_description_counts_but_a_long_vague_one_does_not() -> None:
    from tests.conftest import rules_of

    specific = (
        "What I keep thinking about is how your line cooks prep garnish trays before "
        "lunch and label them by station, so service starts without measuring anything."
    )
    vague = (
        "I learned so much about the company, its values, its culture, the way everyone "
        "works together, and what a typical day and week look like for the team."
    )
    assert "learned-detail" not in rules_of(specific)
    assert "learned-detail" in rules_of(vague)
