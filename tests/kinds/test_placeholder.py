"""The placeholder kind: every template slot reported on its own and named, the
look-alikes (links, e-mail addresses, checkboxes, footnotes, emoticons, maths) left alone."""

from __future__ import annotations

import pytest

from notelint.kinds.placeholder import SlotWords, slot_words
from notelint.lexicons import default_lexicons
from notelint.model import Context
from tests.conftest import lint, rules_of


def slots(text: str, filename: str = "note.txt", **kwargs: object) -> list[str]:
    """The flagged text of each placeholder violation, in order."""
    found = [v for v in lint(text, filename, **kwargs) if v.rule == "placeholder"]
    lines = text.splitlines(keepends=True)
    out = []
    for v in found:
        assert v.line == v.end_line
        line = lines[v.line - 1]
        out.append(line[v.column - 1 : v.end_column - 1])
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear [Interviewer Name],", ["[Interviewer Name]"]),
        ("Dear FIRST NAME,", ["FIRST NAME"]),
        ("for the JOB TITLE role at COMPANY NAME.", ["JOB TITLE", "COMPANY NAME"]),
        ("Dear Mr. Blank,", ["Mr. Blank"]),
        ("Dear Mr./Ms. [Last Name],", ["Mr./Ms. [Last Name]"]),
        ("at <Company> on [date]", ["<Company>", "[date]"]),
        ("the {position} role", ["{position}"]),
        ("Hi {{first_name}},", ["{{first_name}}"]),
        ("Hello ${name},", ["${name}"]),
        ("the {Company Name} team", ["{Company Name}"]),
        ("I enjoyed hearing about [insert detail here].", ["[insert detail here]"]),
        ("Great work. [TODO: mention the rebrand]", ["[TODO: mention the rebrand]"]),
        ("the report from XXX that we discussed", ["XXX"]),
        ("TODO add a detail from the interview", ["TODO"]),
        ("I met the team at ____ on Monday.", ["____"]),
        ("Sincerely,\nYour Name", ["Your Name"]),
        ("Marcus\n[Phone Number] | [Email Address]", ["[Phone Number]", "[Email Address]"]),
        ("Subject: Thank you – <Position Title> interview", ["<Position Title>"]),
        ("the job at (Company Name) next year", ["(Company Name)"]),
        ("My salary was $XX,XXX last year.", ["$XX,XXX"]),
        ("Call me at (xxx) xxx-xxxx.", ["(xxx) xxx-xxxx"]),
        ("thank [him/her] for the tour", ["[him/her]"]),
        ("the [PROJECT] launch", ["[PROJECT]"]),
        (
            "[Add one more detail from the interview.]",
            ["[Add one more detail from the interview.]"],
        ),
    ],
)
def test_slots_are_found_and_named(text: str, expected: list[str]) -> None:
    assert slots(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Write to me at <dana@acme.com>.",
        "The QA TEAM LEAD and I LOVED THE ROLE.",
        "Mr. Blanks showed me the lab.",
        "My site is <https://dana.dev/portfolio>.",
        "I added two case studies to [my portfolio](https://example.com/portfolio).",
        "See [the write-up][1] for details.\n\n[1]: https://example.com/write-up",
        "I read [your engineering blog].\n\n[your engineering blog]: https://example.com/blog",
        "- [x] send the writing sample\n- [ ] send references",
        "As the paper notes [1], the effect is small [2, 3].",
        "Thanks again <3",
        "The set {x} is empty and {1, 2} has two elements.",
        "We proved x<y and y>z for every pair.",
        "Use \\textbf{Note} for emphasis and x^{2} for squares.",
        "He wrote that it was 'the best [sic] year'.",
        "I quoted the memo: 'the team [...] shipped it'.",
        "I worked at A&P for two summers.",
        "Super Bowl XXX was the first game I watched.",
        "Phone Number: +1 617 555 0199",
        "Please sign below.\n\n______________________\nDana Chen",
        "I used <b>bold</b> sparingly in the draft.",
        "Her words were '[We] will ship in May'.",
        "[EXTERNAL] Re: Interview on Tuesday",
        "The start date is still TBD, which is fine.",
        "I used the Opera Cloud (PMS) system at my last hotel.",
        "You asked (your words) for a plain answer.",
        "Let me know if u need a copy of my CPR certificate.",
    ],
)
def test_look_alikes_are_not_slots(text: str) -> None:
    assert slots(text) == []


def test_each_slot_is_its_own_violation_with_a_message_naming_it() -> None:
    text = "Dear [Name],\n\nThank you for the {role} interview at <Company>."
    found = [v for v in lint(text) if v.rule == "placeholder"]
    assert len(found) == 3
    for v, slot in zip(found, ["[Name]", "{role}", "<Company>"], strict=True):
        assert slot in v.message
        assert ";" in v.message and not v.message.endswith(".")
    assert "company" in found[2].message


def test_instructions_and_markers_get_their_own_remedy() -> None:
    [insert] = [v for v in lint("I liked [insert detail here].") if v.rule == "placeholder"]
    assert "what it asks for" in insert.message
    [marker] = [v for v in lint("I liked XXX a lot.") if v.rule == "placeholder"]
    assert "finish it" in marker.message


def test_context_fills_the_slot_as_a_fix() -> None:
    context = Context(interviewer=("Dana Chen",), company="Acme Robotics", position="Data Engineer")
    text = "Dear [Interviewer Name],\n\nI enjoyed the {position} interview at <Company>."
    found = [v for v in lint(text, context=context) if v.rule == "placeholder"]
    assert [v.fix.replacement if v.fix else None for v in found] == [
        "Dana Chen",
        "Data Engineer",
        "Acme Robotics",
    ]


def test_no_fix_without_context() -> None:
    found = [v for v in lint("I enjoyed meeting the <Company> team.") if v.rule == "placeholder"]
    assert found and found[0].fix is None


def test_markdown_keeps_links_out_and_slots_in() -> None:
    text = (
        "Hi <Company> team,\n\nSee [my portfolio](https://x.example) and `<T>` in code.\n"
        "<!-- [Name] goes here -->\n"
    )
    assert slots(text, "note.md") == ["<Company>"]


@pytest.mark.parametrize(
    ("content", "is_slot"),
    [
        ("Company Name", True),
        ("date", True),
        ("insert specific exhibit or program here", True),
        ("TODO: mention the rebrand question", True),
        ("Pharmacist Name", True),
        ("sic", False),
        ("We", False),
        ("the team", False),
        ("laughs", False),
    ],
)
def test_slot_words(content: str, is_slot: bool) -> None:
    assert slot_words(content, SlotWords.of(default_lexicons())) is is_slot


@pytest.mark.parametrize(
    "text",
    [
        "I especially enjoyed hearing about INSERT PROJECT and its budget.",
        "Thank you for meeting me at ADD COMPANY NAME on Monday.",
        "It was great to learn about MENTION SPECIFIC DETAIL.",
    ],
)
def test_bare_instructions_in_capitals_are_slots(text: str) -> None:
    assert "placeholder" in rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Please insert the new SIM card before the demo.",
        "We discussed the ADD-ON packages and the INSERT statement in SQL.",
    ],
)
def test_instruction_words_in_prose_are_not_slots(text: str) -> None:
    assert "placeholder" not in rules_of(text)


def test_todo_reminder_runs_to_the_end_of_its_line_but_not_the_todo_app() -> None:
    found = [v for v in lint("TODO: mention the Q3 launch\n\nMore.") if v.rule == "placeholder"]
    assert len(found) == 1 and found[0].end_column == 28
    assert "placeholder" not in rules_of("We built a small TODO app in the pairing exercise.")


def test_a_slot_for_the_company_is_reported_once() -> None:
    """ "[Company]" with a company in the context is a placeholder with a fix, not also a
    note that never names the company."""
    text = (
        "Dear Ms. Lee,\n\nThank you for the interview at [Company] on Tuesday.\n\n"
        "I remain interested in the Data Analyst role.\n\nBest,\nJo"
    )
    found = lint(text, context=Context(company="Acme", position="Data Analyst"))
    assert [v.rule for v in found if v.rule in ("placeholder", "personalization")] == [
        "placeholder"
    ]
    assert rules_of(text.replace("[Company]", "the office"), context=Context(company="Acme")) >= {
        "personalization"
    }


def test_finders_set_up_alike_share_a_notes_slots_and_others_do_not() -> None:
    from notelint.kinds.placeholder import SlotFinder
    from notelint.sources import note_from_text

    note = note_from_text("Dear [Name],\n\nI enjoyed hearing about [Company Name].\n", "n.txt")
    other = note_from_text(note.text.replace("[Name]", "[First Name]"), "n.txt")
    plain = SlotFinder(SlotWords.of(default_lexicons()))
    alike = SlotFinder(SlotWords.of(default_lexicons()))
    excepting = SlotFinder(SlotWords.of(default_lexicons()), exceptions=["Company Name"])
    # what each finder finds, worked out afresh (the cache is bypassed)
    expected = {
        (id(finder), id(n)): list(finder._slots(n))
        for finder in (plain, excepting)
        for n in (note, other)
    }
    assert expected[id(plain), id(note)] != expected[id(excepting), id(note)]
    assert expected[id(plain), id(note)] != expected[id(plain), id(other)]
    for finder, n in [(plain, note), (excepting, note), (plain, note), (plain, other)]:
        assert list(finder.slots(n)) == expected[id(finder), id(n)]
    assert list(alike.slots(other)) == expected[id(plain), id(other)]
    assert list(excepting.slots(other)) == expected[id(excepting), id(other)]
