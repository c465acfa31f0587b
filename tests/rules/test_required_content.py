"""The four required-content rules on realistic sentences beyond the corpus.

`satisfied`: the note says it (the rule must stay silent); `missing`: it does not,
including the traps of RULES.md (the rule must report, once, at the body's first line).
"""

from __future__ import annotations

import pytest

from tests.conftest import lint

THANK_YOU_SATISFIED = [
    "Thank you for meeting with me on Tuesday.",
    "Thanks so much for taking the time to chat yesterday.",
    "I wanted to thank you and Dev for the tour.",
    "Many thanks for the interview on Friday.",
    "I really appreciate you taking the time to meet with me.",
    "I appreciated the opportunity to interview for the role.",
    "I'm grateful for the chance to interview with your team.",
    "I am thankful for the time you spent with me.",
    "Thank you, Dana, for meeting with me yesterday.",
    "Thank you again for your time and consideration.",
    "I appreciate your time and consideration.",
    "thx for the chat today",
    "ty for the interview!",
    "I can't thank you enough for the opportunity.",
    "Please accept my sincere thanks for the interview.",
    "I wanted to express my gratitude for your time.",
    "It was a pleasure to meet you. Thank you so much!\n\nBest,\nAna",
    "Thank you for having me in on Thursday.",
]
THANK_YOU_MISSING = [
    "It was a pleasure to meet you.\n\nThank you,\nAna",
    "It was a pleasure to meet you.\n\nThanks again,\nAna",
    "Thanks in advance for your consideration.",
    "Thank you in advance for considering my application.",
    "Thanks to your suggestion, I read the guidelines.",
    # thanks for something other than the interview
    "Thanks also for the book recommendation; I ordered it last night.",
    "Thank you for validating my parking.",
    "Thank you for the umbrella and the directions to the station.",
    "Thank you for your consideration.",
    "Thank you for considering my application.",
    "I appreciated hearing about your plan to move billing to Stripe.",
    "I would be grateful if you could let me know by Friday.",
    "Please pass my thanks to Monique for the tour.",
    "I wanted to follow up on our meeting on Monday.",
    "It was great to meet you.\n\nThank you and best regards,\nAna",
    "I appreciate your insights into the team.",
]

PLEASURE_TO_MEET_SATISFIED = [
    "It was a pleasure to meet you on Tuesday.",
    "I enjoyed our conversation.",
    "I really enjoyed our conversation about the clinic.",
    "Great meeting you yesterday.",
    "nice meeting u and the team",
    "It was nice to finally meet you in person.",
    "It was great to talk with you and Priya.",
    "I enjoyed speaking with you and Kwame.",
    "Good talking with you yesterday afternoon.",
    "I was glad to meet most of the team.",
    "I'm glad we had the chance to talk on Friday.",
    "Meeting you and the crew was a real pleasure.",
    "It was lovely to connect with you.",
    "It was great getting to know you.",
    "I loved getting to know you and the team.",
    "I enjoyed the opportunity to speak with you.",
    "It was such a pleasure to speak with you.",
    "I enjoyed meeting you and your front-office team.",
    "What a pleasure it was to meet you.",
    "It was good to see you again.",
]
PLEASURE_TO_MEET_MISSING = [
    "I enjoyed learning about the platform.",
    "Thank you for the interview on Tuesday.",
    "It was good to learn more about how the office runs day to day.",
    "I enjoyed hearing about the team and its culture.",
    "It was also nice to see the new office.",
    "I would be happy to talk more about my portfolio.",
    "I'm happy to talk through my case study anytime.",
    "It would be great to meet the rest of the team.",
    "I look forward to meeting the rest of the team.",
    "I would be glad to meet the rest of the team at your convenience.",
    "I would enjoy the challenge of keeping that voice consistent.",
    "I wanted to follow up on our meeting.",
    "I'm happy to meet again at your convenience.",
    "I was sorry to miss meeting Ms. Patel.",
    "Thank you for meeting with me.",
    "It was not a pleasure to meet the panel, to be honest.",
]

LEARNED_DETAIL_SATISFIED = [
    "I enjoyed hearing about your plan to move billing to Stripe by June.",
    "Hearing how the support team cut response times to under an hour was inspiring.",
    "I was impressed by the new pick-to-light system in the cold storage aisles.",
    "Learning that the clinic sees 40 patients a day gave me a clear picture of the pace.",
    "I was interested to hear that you are migrating the warehouse to Snowflake next quarter.",
    "The Kafka migration you described sounds like a smart move.",
    "It's exciting that the team is launching a mobile app in the spring.",
    "I appreciated hearing about the partnership with the county library.",
    "It was great to talk with you about the new onboarding program for night-shift nurses.",
    (
        "A few things that stuck with me:\n\n- The plan to rebuild the checkout flow\n- "
        "Moving the data warehouse to BigQuery"
    ),
    "What stood out:\n1. The 30-day onboarding plan\n2. Weekly design critiques",
    "I learned that the lab is adding a second MRI scanner next year.",
    "You mentioned that the store is remodeling the produce section this fall.",
    "The rebrand you're doing for the Oakwood Library looked thoughtful.",
    (
        "I was struck by how quickly your team turned around the grant "
        "application for the Hartwell Foundation."
    ),
    "I loved learning about the school's robotics club and its trip to the state finals in April.",
    (
        "The idea of pairing new hires with a buddy for their first 90 days is "
        "one I'd like to bring to my own work."
    ),
]
LEARNED_DETAIL_MISSING = [
    "I learned a lot about the company and the role.",
    "It was great to learn more about the team and how you work together.",
    "I enjoyed hearing about your projects and the company culture.",
    "I appreciated learning about the responsibilities of the position.",
    (
        "Thank you for meeting with me to discuss the Senior Data Engineer "
        "role at Acme Corp. I learned a lot."
    ),
    "It was a pleasure to speak with you and Priya. I enjoyed hearing about the team.",
    "I learned a lot about Acme and the role. Thank you for the interview at Acme.",
    "At my last job I learned Salesforce and Tableau, which would help me here.",
    (
        "I have five years of experience with Kubernetes and AWS, and I "
        "enjoyed hearing about the team."
    ),
    "I enjoyed hearing about the interview process, which has three rounds.",
    (
        "You mentioned that you will make a decision by the end of the month. "
        "I learned a lot about the role."
    ),
    "I enjoyed learning about the new system and the exciting projects ahead.",
    "I enjoyed hearing about your plans for growth and your vision for the department.",
    "It was interesting to hear about the day-to-day work of the team.",
    "I liked hearing about what a typical day looks like.",
    "I especially enjoyed hearing about [specific project].",
    "I was interested to learn about {project name} and <initiative>.",
    "I enjoyed hearing about XXX.",
    (
        "Dear Ms. Chen,\n\nThank you for meeting with me on Tuesday. I learned a lot "
        "about the team and its goals.\n\nBest,\nAna"
    ),
    "I was glad to hear more about the role and the team at Northwind.",
    "I learned a great deal and came away with a clearer picture of the job.",
    "Two things stood out to me: the culture and the people.",
    "I hope to hear from you by Friday about the decision.",
    "I look forward to seeing you again next week.",
    "I enjoyed learning about the different teams and how they collaborate.",
    "I was impressed by the team and its commitment to quality.",
    (
        "My experience running the Instagram account at my college would help "
        "me support your recruitment goals."
    ),
    "I would be glad to share the Tableau dashboards I built at my last job.",
    "I'm happy to discuss my experience with Salesforce further.",
    "Thank you for the tour of the office on Monday. I enjoyed meeting the team.",
    "I loved hearing how much the team cares about its customers.",
    "It was great to hear how the company has grown over the years.",
    (
        "Hi Dana,\n\nThanks for the chat with you and Marcus on Zoom. I learned a lot "
        "about the culture at Brightline.\n\nBest,\nSam"
    ),
    "I'm excited about the possibility of joining the team at Stripe.",
    "I remain very interested in joining the science department at Linden Park.",
    "I enjoyed hearing about the Marketing team and what they do.",
    "In my current role I have seen how Snowflake can speed up reporting.",
]

CONTINUED_INTEREST_SATISFIED = [
    "I remain very interested in the position.",
    "Our conversation confirmed my interest in the role.",
    "Our talk confirmed my interest in the role.",
    "After our talk I am even more interested in the night-shift RN position.",
    "I'm still keen on the analyst role.",
    "I am excited about the possibility of joining your team.",
    "I look forward to the possibility of working with you.",
    "I would be glad to be part of the kitchen.",
    "I have never been more interested in a role.",
    "My interest in the position has only grown since Tuesday.",
    "I am REALLY interested in this position.",
    "I'd love to join your team.",
    "I would welcome the opportunity to join your faculty.",
    "I am very interested in the job.",
    "I want to reiterate my strong interest in the Product Designer role.",
    "I'm more interested than ever in joining Acme.",
    "I remain enthusiastic about the opportunity.",
    "I look forward to joining the team.",
    "I have no doubt that I remain the right fit, and I am still very interested.",
    "I'm eager to contribute to the data team.",
    # composed: the writer, a wanting, and the job or joining, in one clause
    "I'm genuinely excited about the chance to work on the payments rebuild.",
    "I would love the job.",
    "I really want this role.",
    "I would be honoured to come aboard.",
    "I hope we get to work together soon.",
    "I'm eager to start contributing in the spring.",
    "Honestly, this is the sort of team I want to grow in.",
    "The apprenticeship is exactly what I have been looking for.",
    "Excited to join the crew if you'll have me.",
    "I'd like nothing more than to work alongside your nurses.",
]
CONTINUED_INTEREST_MISSING = [
    "I look forward to hearing from you.",
    "I was interested to learn about the new clinic.",
    "Can't wait to hear what you decide!",
    "I am not sure I am still interested in the position.",
    "I am no longer interested in the role.",
    "I was particularly interested in how the team plans its releases.",
    "Thank you for the opportunity to join the call with your engineers.",
    "I would be happy to join a follow-up call next week.",
    "I was excited to hear about the plans for the autumn collection.",
    "I look forward to the next steps.",
    "I'm not interested in the position anymore.",
    "I have decided to withdraw my application.",
    "I was interested in the capital campaign for the youth shelter.",
    "Please let me know if you need anything else from me.",
    "I'd be glad to help with the volunteer recruitment drive.",
    "I am less interested in the role after our conversation.",
    # composed statements that are about something else, or negated
    "I wanted to follow up on the coordinator position.",
    "I don't want the role if it means relocating.",
    "I'm not sure I want the job after all.",
    "I would like to hear more about the role's travel requirements.",
    "I was excited to read about the team's new warehouse.",
    "The job is not what I was looking for.",
    "I'm still eager to hear what you decide.",
    "I wonder whether I am still interested in the position.",
]

CASES = [
    pytest.param(rule, text, expected, id=f"{rule}-{expected}-{i}")
    for rule, satisfied, missing in (
        ("thank-you", THANK_YOU_SATISFIED, THANK_YOU_MISSING),
        ("pleasure-to-meet", PLEASURE_TO_MEET_SATISFIED, PLEASURE_TO_MEET_MISSING),
        ("learned-detail", LEARNED_DETAIL_SATISFIED, LEARNED_DETAIL_MISSING),
        ("continued-interest", CONTINUED_INTEREST_SATISFIED, CONTINUED_INTEREST_MISSING),
    )
    for expected, texts in (("satisfied", satisfied), ("missing", missing))
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("rule", "text", "expected"), CASES)
def test_required_content(rule: str, text: str, expected: str) -> None:
    found = [v for v in lint(text) if v.rule == rule]
    if expected == "satisfied":
        assert not found, f"{rule} should be satisfied by {text!r}"
    else:
        assert len(found) == 1, f"{rule} should report once for {text!r}"


PLACED = """Dear Ms. Chen,

I am writing after our call on Tuesday,
which covered a lot of ground.

We talked about the weather and the view from the office.

I look forward to hearing from you.

Best,
Ana
"""


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "eml"])
def test_missing_parts_point_where_they_belong(fmt: str) -> None:
    """Not all on the greeting line: thanks and pleasure at the opening paragraph, the
    detail after it, interest at the last paragraph, the closing above the signature."""
    text, shift = PLACED, 0
    if fmt == "html":
        text = "\n\n".join(f"<p>{para}</p>" for para in PLACED.strip().split("\n\n"))
    elif fmt == "eml":
        text = "Subject: Our call\nContent-Type: text/plain; charset=utf-8\n\n" + PLACED
        shift = 3
    found = {
        v.rule: (v.line - shift, v.column, v.end_line - shift)
        for v in lint(text, filename=f"note.{fmt}")
        if v.rule in {"thank-you", "pleasure-to-meet", "learned-detail", "continued-interest"}
    }
    column = 4 if fmt == "html" else 1
    assert found == {
        "thank-you": (3, column, 3),
        "pleasure-to-meet": (3, column, 3),
        "learned-detail": (6, column, 6),
        "continued-interest": (8, column, 8),
    }
    (sign_off,) = [v for v in lint(PLACED.replace("Best,\n", "")) if v.rule == "sign-off"]
    assert sign_off.line == 10  # the signature, where the closing goes above


def test_an_empty_note_lacks_everything() -> None:
    rules = {v.rule for v in lint("   \n")}
    assert {"thank-you", "pleasure-to-meet", "learned-detail", "continued-interest"} <= rules
