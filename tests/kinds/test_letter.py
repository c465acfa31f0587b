"""salutation and sign-off: the letter's frame, with the traps of RULES.md and more."""

from __future__ import annotations

import pytest

from notelint.kinds.letter import close_spelling, edit_distance, fold
from notelint.model import Context
from tests.conftest import lint

BODY = "\n\nThank you for meeting with me on Tuesday.\n\nBest regards,\nTom"


def salutations(text: str, **kwargs: object) -> list:
    return [v for v in lint(text, **kwargs) if v.rule == "salutation"]


def sign_offs(text: str) -> list:
    return [v for v in lint(text) if v.rule == "sign-off"]


# --------------------------------------------------------------------------- salutation
@pytest.mark.parametrize(
    "greeting",
    [
        "Dear Ms. Chen,",
        "Dear Dr. Patel,",
        "Hi Sarah,",
        "Dear Jordan,",
        "Hello Mr. Brennan,",
        "Good afternoon Ms. Fontaine,",
        "Dear Chef Moreau,",
        "Hi Coach Alvarez,",
        "Dear Professor X,",
        "Dear Ms. Van der Berg,",
        "Dear Dr. Patel and Mr. Ortiz,",
        "Dear Mrs Castillo",
        "Hi, Sarah!",
        "Sarah,",
        "Hi all,",
        "Dear Search Committee,",
        "Dear Sir Alex,",  # a knight, not "Dear Sir"
        "Sarah \u2014",
        "Hello again, Ms. Chen,",
        # a template slot is the placeholder rule's, not salutation's
        "Dear Mr./Ms. [Last Name],",
        "Dear [Interviewer Name],",
        # a group the writer met: ambiguous, so not reported
        "Dear all,",
        "Dear Selection Panel,",
        "Dear Members of the Search Committee,",
        "Dear Interview Panel,",
        "Hello everyone,",
        "Dear Panel Members,",
        # "Respected" with a name is a formal greeting
        "Respected Mr. Sharma,",
        "Respected Dr. Iyer,",
        "Respected Professor Rao,",
        "Respected colleagues,",
        "Sir Alex,",
        "Dear Sir Alex Ferguson,",
    ],
)
def test_fine_greetings(greeting: str) -> None:
    assert not salutations(greeting + BODY)


@pytest.mark.parametrize(
    ("greeting", "word"),
    [
        ("To whom it may concern,", "generic"),
        ("To Whom It May Concern:", "generic"),
        ("Dear Sir or Madam,", "generic"),
        ("Dear Sir/Madam,", "generic"),
        ("Dear Hiring Manager,", "generic"),
        ("Dear Hiring Manager:", "generic"),
        ("Dear Hiring Team,", "generic"),
        ("Dear Acme Hiring Team,", "generic"),
        ("Hello,", "generic"),
        ("Good morning,", "generic"),
        ("Hey,", "casual"),
        ("Hey Sam,", "casual"),
        ("Hey there,", "casual"),
        ("HEY THERE,", "casual"),
        ("Hi there,", "casual"),
        ("Hello there!", "casual"),
        ("Yo Marcus,", "casual"),
        ("Yo!", "casual"),
        ("Howdy Jim,", "casual"),
        ("Heyyy Sam,", "casual"),
        ("Hiii Sam,", "casual"),
        ("To the Hiring Manager,", "generic"),
        ("Dear Acme Recruiter,", "generic"),
        ("Dear HR Team,", "generic"),
        ("Dear Ma'am,", "generic"),
        ("Dear Prospective Employer,", "generic"),
        # no one named: sir, madam and their variants, however politely put
        ("Respected Sir,", "generic"),
        ("Respected Madam,", "generic"),
        ("Respected Sir/Madam,", "generic"),
        ("Respected Sir / Madam,", "generic"),
        ("Respected sir,", "generic"),
        ("Respected Ma'am,", "generic"),
        ("Dear Sir,", "generic"),
        ("Dear sir,", "generic"),
        ("Dear Madam,", "generic"),
        ("Dear Sirs,", "generic"),
        ("Dear Sir/Ma'am,", "generic"),
        ("Dear Respected Sir,", "generic"),
        ("Sir,", "generic"),
        ("Madam,", "generic"),
        ("Hello Sir,", "generic"),
        ("Good morning Sir,", "generic"),
        ("Dear Ladies and Gentlemen,", "generic"),
    ],
)
def test_generic_and_casual_greetings(greeting: str, word: str) -> None:
    found = salutations(greeting + BODY)
    assert len(found) == 1
    v = found[0]
    assert (v.line, v.column) == (1, 1)
    assert word in v.message
    # the message quotes the greeting itself
    assert greeting.rstrip(",:!").split()[0] in v.message


def test_respected_in_a_sentence_is_not_a_greeting() -> None:
    found = salutations("Respected by my peers, I have led teams for years." + BODY)
    assert len(found) == 1 and "no greeting" in found[0].message


def test_lower_case_one_liner_is_too_casual() -> None:
    found = salutations(
        "hey, thx for the chat today. nice meeting u and the team. lmk what's next!"
    )
    assert len(found) == 1 and "casual" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for meeting with me on Thursday to discuss the role.\n\nBest,\nAna",
        "Subject: Thank you\n\nThank you for meeting with me on Thursday.\n\nBest,\nAna",
        "Thank you so much for your time today, Ms. Chen. I enjoyed it.",
    ],
)
def test_missing_greeting_points_at_the_first_body_line(text: str) -> None:
    found = salutations(text)
    assert len(found) == 1
    assert "no greeting" in found[0].message
    first_body = next(
        i for i, line in enumerate(text.splitlines(), 1) if line and not line.startswith("Subject")
    )
    assert found[0].line == first_body


@pytest.mark.parametrize(
    "head",
    [
        "14 March 2025\n\nMs. Aisha Rahman\nPrincipal, Linden Park Middle School\n22 Alder Road\n"
        "Portland, OR 97214\n\n",
        "April 22, 2025\n\nDr. Anjali Mukherjee\nChief Geologist, Kestrel Resources Ltd.\n"
        "1055 West Hastings Street, Suite 2100\n\n",
        "Subject: Thank you for Tuesday\n\n",
        "Re: Interview follow-up\n\n",
        "# Thank you, Priya!\n\n",
        "**Subject: Thank you - SOC Analyst interview**\n\n",
        "2025-11-03\n\n",
    ],
)
def test_letterhead_before_the_greeting_is_fine(head: str) -> None:
    assert not salutations(head + "Dear Ms. Rahman," + BODY)
    found = salutations(head + "To whom it may concern," + BODY)
    assert len(found) == 1
    assert found[0].line == head.count("\n") + 1


def test_greeting_points_at_the_greeting() -> None:
    text = "Subject: Interview\n\nDear Hiring Manager," + BODY
    (v,) = salutations(text)
    assert (v.line, v.column, v.end_line, v.end_column) == (3, 1, 3, 20)


# -- with the interview's context --------------------------------------------------
CHEN = Context(interviewer=("Dana Chen",))


@pytest.mark.parametrize(
    "greeting",
    [
        "Dear Ms. Chen,",
        "Hi Dana,",
        "Hello again, Ms. Chen,",
        "Dear Dana Chen,",
        "Hi Ms. CHEN,",
        "Dear Dr. Chen and Mr. Ortiz,",
    ],
)
def test_greeting_names_the_interviewer(greeting: str) -> None:
    assert not salutations(greeting + BODY, context=CHEN)


@pytest.mark.parametrize(
    ("greeting", "wrong", "right"),
    [
        ("Dear Ms. Chan,", "Chan", "Chen"),
        ("Dear Ms. Cehn,", "Cehn", "Chen"),
        ("Dear Dana Chan,", "Chan", "Chen"),
        ("Hi Dane,", "Dane", "Dana"),
        ("Hello again, Ms. Chan,", "Chan", "Chen"),
    ],
)
def test_misspelt_interviewer_name_has_a_fix(greeting: str, wrong: str, right: str) -> None:
    (v,) = salutations(greeting + BODY, context=CHEN)
    assert f'"{wrong}"' in v.message and f'"{right}"' in v.message
    assert v.fix is not None and v.fix.replacement == right
    # the fix replaces just the misspelt word
    column = greeting.index(wrong) + 1
    assert (v.line, v.column, v.end_column) == (1, column, column + len(wrong))


def test_fixing_the_name_makes_the_note_clean() -> None:
    text = "Dear Ms. Chan," + BODY
    (v,) = salutations(text, context=CHEN)
    fixed = text[: v.offset] + v.fix.replacement + text[v.end_offset :]
    assert not salutations(fixed, context=CHEN)


def test_another_name_is_not_the_interviewer() -> None:
    (v,) = salutations("Dear Mr. Ortiz," + BODY, context=CHEN)
    assert "Mr. Ortiz" in v.message and "Dana Chen" in v.message
    assert v.fix is None


@pytest.mark.parametrize(
    ("names", "greeting"),
    [
        (("Katherine O'Neil",), "Hi Kate,"),
        (("Daniel Ortiz",), "Hi Dan,"),
        (("Daniel Ortiz",), "Hi Danny,"),
        (("Robert Lee",), "Hi Bob,"),
        (("Luis Brandão",), "Dear Mr. Brandao,"),
        (("Dr. Anna Van der Berg",), "Dear Dr. Van der Berg,"),
        (("Dr. Anna Van der Berg",), "Dear Dr. Vanderberg,"),
        (("Beatriz Ferreira-Lang",), "Dear Ms. Ferreira-Lang,"),
        (("Dana Chen", "Sam Lee"), "Hi Sam,"),
    ],
)
def test_nicknames_accents_and_compound_names(names: tuple[str, ...], greeting: str) -> None:
    assert not salutations(greeting + BODY, context=Context(interviewer=names))


def test_near_miss_of_a_longer_name_is_misspelt() -> None:
    (v,) = salutations(
        "Dear Ms. O'Neill," + BODY, context=Context(interviewer=("Katherine O'Neil",))
    )
    assert v.fix is not None and v.fix.replacement == "O'Neil"


def test_generic_greeting_with_context_is_still_generic() -> None:
    (v,) = salutations("Dear Hiring Manager," + BODY, context=CHEN)
    assert "generic" in v.message


def test_without_context_any_name_is_fine() -> None:
    assert not salutations("Dear Ms. Chan," + BODY)


def test_edit_distance_and_close_spelling() -> None:
    assert edit_distance("chen", "chan") == 1
    assert edit_distance("chen", "cehn") == 1  # a transposition is one edit
    assert edit_distance("kitten", "sitting") == 3
    assert close_spelling("chan", "chen")
    assert close_spelling("jonathon", "jonathan")
    assert not close_spelling("li", "le")  # too short to judge
    assert not close_spelling("ortiz", "chen")
    assert fold("Brandão") == "brandao" and fold("O'Neil") == "oneil"


# --------------------------------------------------------------------------- sign-off
@pytest.mark.parametrize(
    "ending",
    [
        "Best regards,\nTom",
        "Best,\nTom",
        "Sincerely,\nTom",
        "Kind Regards,\n\nJane Doe\nSent from my iPhone",
        "Warm regards,\nTom",
        "Thank you,\nHannah Okoro",
        "Thanks,\nJ.",
        "Thanks again!\nTom",
        "Respectfully,\nJane",
        "Regards,\nPatrick Dunleavy",
        "Cheers — Ana",
        "All the best,\nTom\nSenior Analyst | Acme Corp\ntom@example.com\n(555) 123-4567",
        "With appreciation,\nJane",
        "Yours truly,\nJane",
        "Sincerely yours,\n\n\nJane Q. Public, Ph.D.",
        "Best regards\nJane",
        "Kind regards,\nMarisol Quintero\n+1 617 555 0199",
        "Thank you for your time and consideration,\nTom Smith",
        "Looking forward to hearing from you,\nTom",
        "**Best regards,**\n**Jane**",
        "Sincerely,\nTom\n\nP.S. I attached my portfolio.\nIt has three case studies.",
        "Sincerely,\nMiriam Castellanos\nDepartment of History, Northbridge University",
        "cheers,\njess",
        "thx\njess",
        "Thank you once again,\nTom",
        "Respectfully submitted,\nTom",
        "Best regards,\nTom Smith\n123 Main St, Springfield, IL 62701",
        # signature blocks: a blank line, then name, title, company, phone, links
        "Kind regards,\n\nJonathan Ashby-Reeve\nChief Financial Officer, Castor Industrial plc"
        "\n+44 20 7946 0321\nlinkedin.com/in/jashbyreeve",
        "Respectfully,\nCarlos Jim\u00e9nez\nPMP candidate\n(910) 555-0173 | "
        "linkedin.com/in/carlosjimenez-pm",
        "Best,\n\nMaya Okafor (she/her)\nData analyst, Northwind Traders\nmaya.okafor@example.com",
        "Sincerely,\n\n\nDaniel Reyes, CPA\nsenior auditor at Brightline llp\n555.201.3344",
        "Warm regards,\nLena Fischer\nM.Sc. candidate, Environmental Engineering\n"
        "portfolio: lenafischer.dev",
        "Regards,\n\nTom\u00e1s Ortega\nformer shift lead, Blue Bottle\ntomas.ortega@gmail.com",
        # two closings, one above the other
        "Thanking you,\nYours faithfully,\nPriya Raman",
        "Thanking you,\nYours faithfully,\nName",
        "Thanking you\nPriya Raman",
    ],
)
def test_closings(ending: str) -> None:
    assert not sign_offs("I remain very interested in the position.\n\n" + ending)


def test_closing_at_the_end_of_the_last_line() -> None:
    assert not sign_offs("I remain very interested in the position. Best, Tom")


@pytest.mark.parametrize(
    ("ending", "line"),
    [
        ("Nkechi Adebayo", 3),
        ("— Kevin", 3),
        ("~Jane", 3),
        ("Ahmed Siddiqui\n(503) 555-0142", 3),
        ("Sent from my iPhone", 3),
        ("Jane Doe\n[Phone Number] | [Email Address]", 3),
        ("Tom\n\nP.S. I attached my portfolio.", 3),
        ("Best of luck with the launch!\n\nJane", 5),
        ("jess", 3),
        # a whole signature block is still no closing
        (
            "Jonathan Ashby-Reeve\nChief Financial Officer, Castor Industrial plc\n"
            "+44 20 7946 0321\nlinkedin.com/in/jashbyreeve",
            3,
        ),
        ("Carlos Jim\u00e9nez\nPMP candidate\n(910) 555-0173 | linkedin.com/in/cj-pm", 3),
        ("Looking forward to next steps\nTom", 4),
    ],
)
def test_no_closing_points_at_the_signature(ending: str, line: int) -> None:
    found = sign_offs("I remain very interested in the position.\n\n" + ending)
    assert len(found) == 1
    assert found[0].line == line


def test_no_closing_and_no_name_points_at_the_end_of_the_body() -> None:
    text = "Dear Ms. Chen,\n\nThank you for meeting with me.\n\nI remain very interested."
    (v,) = sign_offs(text)
    assert v.line == 5


@pytest.mark.parametrize(
    "text",
    [
        "Hi Tom,\nThanks for the chat today\nTom",
        "Dear Ms. Chen,\nThank you for meeting with me\nLooking forward to hearing from you\nTom",
        "Dana,\nGreat talking today\nSam",
    ],
)
def test_body_lines_without_full_stops_are_not_a_signature(text: str) -> None:
    (v,) = sign_offs(text)
    assert v.line == text.count("\n") + 1  # at the name, where the closing belongs


def test_one_line_note_without_closing() -> None:
    assert len(sign_offs("hey, thx for the chat today. nice meeting u and the team.")) == 1


def test_thanks_for_the_interview_is_body_not_closing() -> None:
    text = "Thanks for the interview this morning. I look forward to hearing from you.\n\n— Dev"
    assert len(sign_offs(text)) == 1


@pytest.mark.parametrize("greeting", ["Kia ora Mrs Whaanga,", "Namaste Mr. Rao,"])
def test_greetings_of_other_englishes_are_greetings(greeting: str) -> None:
    from tests.conftest import rules_of

    note = f"{greeting}\n\nThank you for meeting with me on Friday.\n\nBest regards,\nSam"
    assert "salutation" not in rules_of(note)


@pytest.mark.parametrize("invisible", ["\x7f", "\x01", "\u200b", "\x7f\u200b "])
def test_a_line_of_invisible_characters_is_no_signature(invisible: str) -> None:
    # Before, it was taken for the last line of the letter, and --unsafe-fixes inserted
    # "Best regards," above it again on every pass (found by the fuzz run).
    note = f"Dear Ms. Chen,\n\nThank you.\n\nBest regards,\nAna\n{invisible}\n"
    assert sign_offs(note) == []
    assert sign_offs(f"Dear Ms. Chen,\n\nThank you.\n\nBest regards,\r\n{invisible}") == []
