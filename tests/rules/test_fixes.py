"""Each rule's fixes, from its fix table in rules.yaml (or its kind): what --fix does
(safe) and what a person is offered (suggestions)."""

from __future__ import annotations

import pytest

from notelint.config import default_ruleset
from notelint.fixes import fix_note
from notelint.linter import Linter
from notelint.model import Applicability
from notelint.sources import note_from_text

LINTER = Linter(default_ruleset())

# (rule, note, the note after --fix): safe fixes, one rule at a time.
SAFE = [
    ("informal", "I'm gonna keep practicing.", "I'm going to keep practicing."),
    ("informal", "Thx for the chat.", "Thanks for the chat."),
    ("informal", "thx for the chat, nice meeting u and the team.", "thanks for the chat, nice meeting you and the team."),
    ("informal", "Tbh, I wanna join.", "To be honest, I want to join."),
    ("informal", "The sync design is super interesting.", "The sync design is interesting."),
    ("informal", "Btw, lmk if u need more.", "By the way, let me know if you need more."),
    ("enthusiasm", "Thank you for meeting me!! It was useful.", "Thank you for meeting me. It was useful."),
    ("enthusiasm", "Who knew it could be that complicated?!", "Who knew it could be that complicated?"),
    ("enthusiasm", "I am SO excited about the role.", "I am excited about the role."),
    ("enthusiasm", "I'm so so excited about it.", "I'm excited about it."),
    ("enthusiasm", "That was really really useful.", "That was really useful."),
    ("enthusiasm", "The tours made me sooo happy.", "The tours made me so happy."),
    ("enthusiasm", "I am REALLY interested in this role.", "I am really interested in this role."),
    ("enthusiasm", "THANK YOU for the time.", "Thank you for the time."),
    ("enthusiasm", "It was great to meet you :) and the team.", "It was great to meet you and the team."),
    ("enthusiasm", "It was a pleasure to meet you. 🌻", "It was a pleasure to meet you."),
    ("salutation", "Hey Chris,\n\nThanks for the interview.", "Dear Chris,\n\nThanks for the interview."),
    ("salutation", "Yo Marcus,\n\nThanks for the tour.", "Dear Marcus,\n\nThanks for the tour."),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "text", "fixed"), SAFE)
def test_safe_fix(rule: str, text: str, fixed: str) -> None:
    linter = Linter(default_ruleset(), select=[rule])
    before = [v for v in linter.lint_text(text) if v.fix is not None]
    assert before and all(v.fix.applicability is Applicability.SAFE for v in before)  # type: ignore[union-attr]
    result = fix_note(linter, note_from_text(text))
    assert result.text == fixed
    assert not [v for v in result.remaining if v.fix is not None and v.fix.safe]


# (rule, note, context, the titles offered, in order): suggestions are never applied
# by --fix; each is one choice.
SUGGESTED = [
    ("informal", "It was awesome to hear about it.", {}, ["Replace \u201cawesome\u201d with \u201cimpressive\u201d", "Replace \u201cawesome\u201d with \u201cexcellent\u201d"]),
    ("informal", "You guys are doing great work.", {}, ["Replace \u201cYou guys\u201d with \u201cYou\u201d", "Replace \u201cYou guys\u201d with \u201cYour team\u201d"]),
    ("enthusiasm", "I am over the moon after the call.", {}, ["Replace \u201cover the moon\u201d with \u201cvery pleased\u201d", "Replace \u201cover the moon\u201d with \u201cglad\u201d"]),
    ("enthusiasm", "I can't wait to hear back.", {}, ["Replace \u201cI can't wait\u201d with \u201cI am keen\u201d", "Replace \u201cI can't wait\u201d with \u201cI look forward\u201d"]),
    ("hyperbole", "This is my dream job.", {}, ["Replace \u201cdream job\u201d with \u201cideal job\u201d"]),
    ("salutation", "Dear Hiring Manager,\n\nThank you for the interview.", {"interviewer": ("Dana Chen",)}, ["Replace \u201cDear Hiring Manager\u201d with \u201cDear Dana Chen\u201d", "Replace \u201cDear Hiring Manager\u201d with \u201cHello Dana\u201d"]),
    ("salutation", "Thank you for meeting with me on Thursday.", {"interviewer": ("Dana Chen",)}, ["Insert \u201cDear Dana Chen,\u201d", "Insert \u201cHello Dana,\u201d"]),
    ("sign-off", "I remain very interested in the role.\n\nNkechi Adebayo", {}, ["Insert \u201cBest regards,\u201d", "Insert \u201cKind regards,\u201d", "Insert \u201cSincerely,\u201d"]),
    ("thank-you", "Dear Ms. Chen,\n\nI enjoyed our talk.\n\nBest regards,\nAna", {"position": "Data Engineer"}, ["Insert \u201cThank you for taking the time to meet with me about the Data Engineer position.\u201d", "Insert \u201cThank you for taking the time to meet with me.\u201d"]),
    ("pleasure-to-meet", "Dear Ms. Chen,\n\nThank you for the interview.\n\nBest regards,\nAna", {}, ["Insert \u201cIt was a pleasure to meet you.\u201d"]),
    ("continued-interest", "Dear Ms. Chen,\n\nThank you for the interview.\n\nBest regards,\nAna", {"company": "Acme", "position": "Data Engineer"}, ["Insert \u201cI remain very interested in the Data Engineer position at Acme.\u201d", "Insert \u201cI remain very interested in the Data Engineer position.\u201d", "Insert \u201cI remain very interested in the position.\u201d"]),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "text", "context", "titles"), SUGGESTED)
def test_suggestions(rule: str, text: str, context: dict, titles: list[str]) -> None:
    from notelint.model import Context

    linter = Linter(default_ruleset(), select=[rule], context=Context(**context))
    (violation,) = [v for v in linter.lint_text(text) if v.fix is not None]
    assert violation.fix is not None
    assert violation.fix.applicability is Applicability.SUGGESTION
    assert [o.title for o in violation.fix_options] == titles
    # --fix leaves a suggestion alone; --unsafe-fixes applies the first.
    assert fix_note(linter, note_from_text(text)).text == text
    unsafe = fix_note(linter, note_from_text(text), unsafe=True)
    assert unsafe.text != text
    assert not [v for v in unsafe.remaining if v.rule == rule]


def test_insertions_land_in_the_letter() -> None:
    from notelint.model import Context

    text = "Dear Ms. Chen,\n\nI enjoyed our talk about the Q3 roadmap.\n\nBest regards,\nAna\n"
    linter = Linter(
        default_ruleset(),
        select=["thank-you", "continued-interest"],
        context=Context(position="Data Engineer"),
    )
    fixed = fix_note(linter, note_from_text(text), unsafe=True).text
    assert fixed == (
        "Dear Ms. Chen,\n\nThank you for taking the time to meet with me about the Data "
        "Engineer position. I enjoyed our talk about the Q3 roadmap.\n\nI remain very "
        "interested in the Data Engineer position.\n\nBest regards,\nAna\n"
    )


def test_kind_fixes_keep_their_applicability() -> None:
    """A misspelt interviewer's name (the context is sure) is safe; naming the context's
    company instead of another one is a suggestion (it may be named on purpose)."""
    from notelint.model import Context

    linter = Linter(
        default_ruleset(),
        select=["salutation", "personalization"],
        context=Context(interviewer=("Dana Chen",), company="Acme Robotics"),
    )
    found = linter.lint_text(
        "Dear Ms. Chan,\n\nThank you for the interview at Initech Robotics yesterday."
    )
    by_rule = {v.rule: v for v in found if v.fix is not None}
    assert by_rule["salutation"].fix.safe  # type: ignore[union-attr]
    if "personalization" in by_rule:
        assert not by_rule["personalization"].fix.safe  # type: ignore[union-attr]


def test_no_fix_touches_what_is_not_prose() -> None:
    """Front matter, Markdown markup and `code` are never edited."""
    text = (
        "---\ninterviewer: Sam Lee\nnote: gonna!!\n---\n"
        "Hi Sam,\n\nThe `status == GONNA` check and **SO** much more!!\n\nBest,\nAna\n"
    )
    linter = Linter(default_ruleset(), select=["informal", "enthusiasm"])
    result = fix_note(linter, note_from_text(text, "note.md"))
    # The words inside the bold markers are prose; the markers stay.
    assert result.text == text.replace("more!!", "more.").replace("**SO**", "**so**")


def test_no_fix_touches_mail_headers_or_quoted_replies() -> None:
    text = (
        "From: Ana <ana@example.com>\nSubject: Thanks!! gonna\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Hi Sam,\n\nI am gonna send the deck!!\n\n> gonna reply later!!\n> thx\n\n"
        "Best,\nAna\n"
    )
    linter = Linter(default_ruleset(), select=["informal", "enthusiasm"])
    result = fix_note(linter, note_from_text(text, "note.eml"))
    assert result.text == text.replace(
        "I am gonna send the deck!!", "I am going to send the deck."
    )
