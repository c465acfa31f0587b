"""Soft line breaks: a wrapped paragraph reads as one, the letter's lines stay lines."""

from __future__ import annotations

import pytest

from notelint.sources.linebreaks import join_soft_breaks

WRAPPED = (
    "Dear Ms. Chen,\n"
    "\n"
    "Thank you for meeting with me on Tuesday to discuss the Backend\n"
    "Engineer position. It was a pleasure to speak with you and with\n"
    "Daniel from the platform team, and I enjoyed hearing about your plan\n"
    "to move the order service onto AWS Lambda by the end of Q2.\n"
    "\n"
    "Best regards,\n"
    "Tom\u00e1s Ferreira\n"
)


def test_a_wrapped_paragraph_becomes_one_line_at_the_same_offsets() -> None:
    out = join_soft_breaks(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert [ch for a, ch in zip(WRAPPED, out, strict=True) if a != ch] == [" "] * 3
    lines = out.split("\n")
    assert lines[0] == "Dear Ms. Chen,"
    assert lines[2].startswith("Thank you") and lines[2].endswith("by the end of Q2.")
    assert lines[4:6] == ["Best regards,", "Tom\u00e1s Ferreira"]


@pytest.mark.parametrize(
    "text",
    [
        "Dear Chris,\nThank you for the interview on Monday and the tour of the lab.",
        "I remain interested in the position.\n\nBest regards,\nJane Doe",
        "Thank you for your time and consideration,\nTom Smith",
        "cheers,\njess",
        "What I took away:\n- the plan to move billing\n- the new on-call rota",
        "Kestrel Resources, 1055 West Hastings Street, Suite 2100\nVancouver, BC V6E 2E9",
        "Please sign below.\n\n______________________\nDana Chen",
        "It went well.\nI am keen on the role and would be glad to join.",
        "Best,\nDaniel Reyes, CPA\nsenior auditor at Brightline LLP",
        "Chief Financial Officer, Castor Industrial plc\n+44 20 7946 0321",
        "Senior Software Engineer, Acme Inc.\njohn.doe@acme.inc",
        "Dear Chris\nI wanted to thank you for the tour of the warehouse last week.",
    ],
)
def test_the_letters_own_line_breaks_stay(text: str) -> None:
    assert join_soft_breaks(text) == text


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("It was a pleasure to meet you, and I really\nenjoyed the tour.", "I really enjoyed"),
        ("I would be proud to bring my skills to [Company\nName] next year.", "[Company Name]"),
        ("Thanks for the tour and for the time I spent with Ms.\nLee and her team.", "Ms. Lee"),
        ("What stayed with me most from our conversation was\nthis: the plan.", "was this"),
        ("I was surprised that your team triages roughly\n4,000 alerts a day.", "roughly 4,000"),
        ("I interviewed with you on January 10,\n2024 and wanted to thank you.", "10, 2024"),
        ("Thank you for the time you gave me. I am\nvery excited about the plan.", "am very"),
        ("I enjoyed the tour of the new wing and I think\nI could help on day one.", "think I"),
        (
            "I admired the work of the nurses at St.\nJude and their calm on a busy ward.",
            "St. Jude",
        ),
    ],
)
def test_continued_sentences_are_joined(text: str, joined: str) -> None:
    assert joined in join_soft_breaks(text)


def test_crlf_and_tabs_keep_the_length() -> None:
    text = "It was a pleasure to meet you and I really\r\nenjoyed\tthe tour.\r\n\r\nBest,\r\nJo"
    out = join_soft_breaks(text)
    assert len(out) == len(text)
    assert "really  enjoyed the tour." in out
    assert out.endswith("tour.\r\n\r\nBest,\r\nJo")
