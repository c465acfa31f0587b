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
    ("informal", "thx for the chat, see u soon.", "thanks for the chat, see you soon."),
    ("informal", "Tbh, I wanna join.", "To be honest, I want to join."),
    ("informal", "The sync design is super interesting.", "The sync design is interesting."),
    ("informal", "Btw, lmk if u need more.", "By the way, let me know if you need more."),
    ("enthusiasm", "Thanks for meeting me!! It helped.", "Thanks for meeting me. It helped."),
    ("enthusiasm", "Who knew it could be so hard?!", "Who knew it could be so hard?"),
    ("enthusiasm", "I am SO excited about the role.", "I am excited about the role."),
    ("enthusiasm", "I'm so so excited about it.", "I'm excited about it."),
    ("enthusiasm", "That was really really useful.", "That was really useful."),
    ("enthusiasm", "The tours made me sooo happy.", "The tours made me so happy."),
    ("enthusiasm", "I am REALLY interested in this role.", "I am really interested in this role."),
    ("enthusiasm", "THANK YOU for the time.", "Thank you for the time."),
    ("enthusiasm", "It was great to meet you :) and Jo.", "It was great to meet you and Jo."),
    ("enthusiasm", "It was a pleasure to meet you. 🌻", "It was a pleasure to meet you."),
    ("salutation", "Hey Chris,\n\nThanks for the chat.", "Dear Chris,\n\nThanks for the chat."),
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


def replace(old: str, *new: str) -> list[str]:
    return [f"Replace \u201c{old}\u201d with \u201c{n}\u201d" for n in new]


def insert(*lines: str) -> list[str]:
    return [f"Insert \u201c{line}\u201d" for line in lines]


DANA = {"interviewer": ("Dana Chen",)}
LETTER = "Dear Ms. Chen,\n\n{}\n\nBest regards,\nAna"
INTEREST = "I remain very interested in the "

# (rule, note, context, the titles offered, in order): suggestions are never applied
# by --fix; each is one choice.
SUGGESTED = [
    ("informal", "It was awesome to hear.", {}, replace("awesome", "impressive", "excellent")),
    ("informal", "You guys are doing great work.", {}, replace("You guys", "You", "Your team")),
    ("enthusiasm", "I am over the moon after the call.", {},
     replace("over the moon", "very pleased", "glad")),
    ("enthusiasm", "I can't wait to hear back.", {},
     replace("I can't wait", "I am keen", "I look forward")),
    ("hyperbole", "This is my dream job.", {}, replace("dream job", "ideal job")),
    ("salutation", "Dear Hiring Manager,\n\nThank you for the interview.", DANA,
     replace("Dear Hiring Manager", "Dear Dana Chen", "Hello Dana")),
    ("salutation", "Thank you for meeting with me on Thursday.", DANA,
     insert("Dear Dana Chen,", "Hello Dana,")),
    ("sign-off", "I remain very interested in the role.\n\nNkechi Adebayo", {},
     insert("Best regards,", "Kind regards,", "Sincerely,")),
    ("thank-you", LETTER.format("I enjoyed our talk."), {"position": "Data Engineer"},
     insert("Thank you for taking the time to meet with me about the Data Engineer position.",
            "Thank you for taking the time to meet with me.")),
    ("pleasure-to-meet", LETTER.format("Thank you for the interview."), {},
     insert("It was a pleasure to meet you.")),
    ("undermining", "Thank you. Sorry for rambling during the demo. It helped.", {},
     ["Delete \u201cSorry for rambling during the demo.\u201d"]),
    ("overeager", LETTER.format("Thanks.\n\nI will call you on Monday to check in."), {},
     ["Delete \u201cI will call you on Monday to check in.\u201d"]),
    ("continued-interest", LETTER.format("Thank you for the interview."),
     {"company": "Acme", "position": "Data Engineer"},
     insert(INTEREST + "Data Engineer position at Acme.", INTEREST + "Data Engineer position.",
            INTEREST + "position.")),
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
        "---\ninterviewer: Sam Lee\ncompany: Gonna!! Labs\n---\n"
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
    assert result.text == text.replace("I am gonna send the deck!!", "I am going to send the deck.")


def test_fixes_reach_across_the_soft_line_breaks_of_a_wrapped_paragraph() -> None:
    text = "Dear Sam,\n\nI am SO\nexcited about the role and I am\ngonna send it.\n\nBest,\nAna\n"
    linter = Linter(default_ruleset(), select=["enthusiasm", "informal"])
    fixed = fix_note(linter, note_from_text(text, "note.md")).text
    assert fixed == text.replace("SO\nexcited", "excited").replace("gonna", "going to")
    # The mask shows this soft line break as a space: still prose.
    text = "Dear Sam,\n\nThe design you showed me is super\ninteresting to me.\n\nBest,\nAna\n"
    fixed = fix_note(linter, note_from_text(text, "note.md")).text
    assert fixed == text.replace("super\ninteresting", "interesting")


@pytest.mark.parametrize(
    ("text", "phrase", "deleted"),
    [
        ("One. Two bad. Three.", "bad", "One. Three."),
        ("One. Two bad.", "bad", "One."),
        ("Hi,\n\nTwo bad.\n\nBest,\nAna", "bad", "Hi,\n\nBest,\nAna"),
        ("One. Two is\nbad here. Three.", "bad", "One. Three."),
    ],
)
def test_a_sentence_goes_with_the_space_around_it(text: str, phrase: str, deleted: str) -> None:
    from notelint.fixtable import sentence_span

    start = text.index(phrase)
    s0, s1 = sentence_span(text, start, start + len(phrase))
    assert text[:s0] + text[s1:] == deleted


def test_a_sentence_that_says_more_than_the_problem_is_not_offered_for_deletion() -> None:
    linter = Linter(default_ruleset(), select=["undermining"])
    text = (
        "Thank you. I'm probably not what you're looking for, but I appreciated hearing "
        "about the plan to cover every council meeting."
    )
    (violation,) = linter.lint_text(text)
    assert violation.fix is None
