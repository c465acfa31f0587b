"""The lint endpoint's work without HTTP: findings with the page's offsets, the
checklist, the context fields and the word count."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from notelint.config import default_ruleset, load_config
from notelint.linter import Linter
from notelint.web.draft import DRAFT_NAME, DraftError, lint_draft

FLAWED = """Dear Dana,

Thank you so much for the interview!!! It was the best interview I have ever had, and \
I literally can't wait to start.

Let me know ASAP when I can start.

Best,
Tom
"""


def _lint(text: str, **context: str) -> dict:
    return lint_draft(default_ruleset(), {"text": text, "context": context})


def _checklist(result: dict) -> dict[str, str]:
    return {item["key"]: item["state"] for item in result["checklist"]}


def test_report_is_what_check_prints_for_the_draft() -> None:
    result = _lint(FLAWED)
    expected = Linter(default_ruleset()).lint_text(FLAWED, DRAFT_NAME)
    assert result["report"] == [v.to_dict() for v in expected]
    assert [f["rule"] for f in result["findings"]] == [v.rule for v in expected]


def test_findings_carry_offsets_the_page_can_use() -> None:
    result = _lint(FLAWED)
    hyperbole = next(f for f in result["findings"] if f["rule"] == "hyperbole")
    assert FLAWED[hyperbole["start"] : hyperbole["end"]] == hyperbole["flagged"]
    assert hyperbole["flagged"].startswith("the best interview")
    assert "Superlatives" in hyperbole["why"]
    assert hyperbole["whole_note"] is False
    missing = next(f for f in result["findings"] if f["rule"] == "pleasure-to-meet")
    assert missing["whole_note"] is True


def test_offsets_count_utf16_units_like_a_browser() -> None:
    # Each emoji is two UTF-16 code units but one Python character.
    text = "Dear Dana,\n\n😀😀 It was the best interview I have ever had.\n\nBest,\nTom\n"
    hyperbole = next(f for f in _lint(text)["findings"] if f["rule"] == "hyperbole")
    code_points = text.index("the best")
    assert hyperbole["start"] == code_points + 2
    utf16 = text.encode("utf-16-le")
    start, end = hyperbole["start"], hyperbole["end"]
    assert utf16[2 * start : 2 * end].decode("utf-16-le") == hyperbole["flagged"]


def test_a_byte_order_mark_keeps_offsets_in_step_with_the_page() -> None:
    text = "\ufeff" + FLAWED
    hyperbole = next(f for f in _lint(text)["findings"] if f["rule"] == "hyperbole")
    assert text[hyperbole["start"] : hyperbole["end"]] == hyperbole["flagged"]


def test_checklist_marks_items_met_or_missing_and_links_findings() -> None:
    result = _lint(FLAWED)
    states = _checklist(result)
    assert states["thanks"] == "met"
    assert states["pleasure"] == "missing"
    assert states["detail"] == "missing"
    assert states["interest"] == "missing"
    assert states["tone"] == "missing"
    assert states["brevity"] == "missing"  # 33 words, under the 50-word minimum
    tone = next(item for item in result["checklist"] if item["key"] == "tone")
    rules = {result["findings"][i]["rule"] for i in tone["findings"]}
    assert rules == {"hyperbole", "enthusiasm", "overeager"}


def test_checklist_labels_come_from_the_rule_set() -> None:
    labels = {item["key"]: item["label"] for item in _lint(FLAWED)["checklist"]}
    assert labels["thanks"] == default_ruleset().get("thank-you").checklist
    assert labels["brevity"] == "Keep it brief: 50 to 250 words"


def test_interviewer_field_changes_the_salutation_check() -> None:
    assert _checklist(_lint(FLAWED))["greeting"] == "met"
    wrong = _lint(FLAWED, interviewer="Sam Lee")
    assert _checklist(wrong)["greeting"] == "missing"
    salutation = next(f for f in wrong["findings"] if f["rule"] == "salutation")
    assert salutation["flagged"] == "Dana"
    assert _checklist(_lint(FLAWED, interviewer="Dana Chen"))["greeting"] == "met"


def test_company_field_gives_the_placeholder_a_fix() -> None:
    text = FLAWED.replace("start.\n\nLet", "start at [Company].\n\nLet")
    without = next(f for f in _lint(text)["findings"] if f["rule"] == "placeholder")
    assert without["fix"] is None
    placeholder = next(
        f for f in _lint(text, company="Acme Robotics")["findings"] if f["rule"] == "placeholder"
    )
    assert placeholder["flagged"] == "[Company]"
    assert placeholder["fix"]["replacement"] == "Acme Robotics"
    start = text.index("[Company]")
    edit = {"start": start, "end": start + 9, "content": "Acme Robotics", "was": "[Company]"}
    assert placeholder["fixes"] == [
        {"title": "Replace with \u201cAcme Robotics\u201d", "edits": [edit]}
    ]
    assert without["fixes"] == []


def test_interview_date_is_checked_against_today() -> None:
    payload = {"text": FLAWED, "context": {"interview_date": "2026-11-20"}}
    late = lint_draft(default_ruleset(), payload, today=dt.date(2026, 11, 30))
    assert "timing" in {f["rule"] for f in late["findings"]}
    on_time = lint_draft(default_ruleset(), payload, today=dt.date(2026, 11, 21))
    assert "timing" not in {f["rule"] for f in on_time["findings"]}


def test_a_bad_field_is_reported_and_the_others_still_count() -> None:
    result = _lint(FLAWED, interviewer="Sam Lee", interview_date="24/11/2026")
    assert "2026-11-24" in result["field_errors"]["interview_date"]
    assert "salutation" in {f["rule"] for f in result["findings"]}


def test_word_count_counts_the_prose() -> None:
    assert _lint("one two three")["words"] == 3
    assert _lint("---\ncompany: Acme\n---\nThank you, Dana.\n")["words"] == 3


def test_bad_front_matter_is_a_message_not_a_failure() -> None:
    result = _lint("---\ncompany: [unclosed\n---\nThank you.\n")
    assert result["note_error"]
    assert result["findings"] == []


@pytest.mark.parametrize(
    "payload",
    [{}, {"text": 3}, {"text": "x", "context": []}, {"text": "x", "context": {"boss": "Ann"}}],
)
def test_malformed_requests_are_refused(payload: dict) -> None:
    with pytest.raises(DraftError):
        lint_draft(default_ruleset(), payload)


def test_config_context_and_rules_apply(tmp_path: Path) -> None:
    config = tmp_path / ".notelint.yaml"
    config.write_text(
        "context:\n  interviewer: Sam Lee\nrules:\n  hyperbole: off\n", encoding="utf-8"
    )
    result = lint_draft(load_config(config), {"text": FLAWED})
    rules = {f["rule"] for f in result["findings"]}
    assert "salutation" in rules and "hyperbole" not in rules
    assert json.dumps(result)  # plain data, ready for the page


def test_context_from_the_page_wins_over_the_config(tmp_path: Path) -> None:
    config = tmp_path / ".notelint.yaml"
    config.write_text("context:\n  interviewer: Sam Lee\n", encoding="utf-8")
    result = lint_draft(load_config(config), {"text": FLAWED, "context": {"interviewer": "Dana"}})
    assert "salutation" not in {f["rule"] for f in result["findings"]}


def test_an_item_whose_rules_are_all_off_is_not_checked(tmp_path: Path) -> None:
    config = tmp_path / ".notelint.yaml"
    config.write_text("rules:\n  length: off\n  hyperbole: off\n", encoding="utf-8")
    states = _checklist(lint_draft(load_config(config), {"text": FLAWED}))
    assert states["brevity"] == "off"
    assert states["tone"] == "missing"  # other tone rules still run


def test_a_missing_part_is_listed_and_a_wrong_name_is_marked_in_place() -> None:
    text = (
        "Dear Dana,\n\nThank you for meeting with me about the Data Engineer role at Globex "
        "Corporation on Tuesday.\n\nBest,\nTom\n"
    )
    context = {"company": "Acme Robotics", "position": "Data Engineer"}
    wrong = next(f for f in _lint(text, **context)["findings"] if f["rule"] == "personalization")
    assert (wrong["flagged"], wrong["whole_note"]) == ("Globex Corporation", False)
    assert wrong["fixes"][0]["edits"][0]["content"] == "Acme Robotics"
    unnamed = text.replace(" at Globex Corporation", "")
    missing = next(
        f for f in _lint(unnamed, **context)["findings"] if f["rule"] == "personalization"
    )
    assert missing["whole_note"] is True
    # Missing parts are reported where they belong, but never highlighted there.
    missing_parts = [
        f
        for f in _lint(unnamed)["findings"]
        if f["rule"] in ("pleasure-to-meet", "learned-detail", "continued-interest")
    ]
    assert {f["rule"] for f in missing_parts} >= {"pleasure-to-meet", "continued-interest"}
    assert all(f["whole_note"] for f in missing_parts)
