"""overeager, undermining and informal on sentences beyond rules.yaml's own examples:
paraphrases that must be caught and the traps that must not be."""

from __future__ import annotations

import pytest

from tests.conftest import lint


def flagged(rule: str, text: str) -> list[str]:
    return [v.message for v in lint(text) if v.rule == rule]


OVEREAGER_FAIL = [
    "I'll give you a call on Thursday to see where things stand.",
    "I will phone your office tomorrow morning.",
    "I’ll call you next week to follow up.",
    "I'm going to stop by the clinic on Wednesday to check on my application.",
    "I plan to drop by the shop on Saturday.",
    "I'll pop in on Friday to say hello to the team.",
    "I will check in with you on Monday about your decision.",
    "Please let me know by the end of the week.",
    "Could you let me know your decision by Tuesday?",
    "Please let me know within 48 hours.",
    "When can I expect to hear back?",
    "When will I hear from you?",
    "How soon will you decide?",
    "I need to know by Friday whether I have the job.",
    "I'd like an answer by Monday, as I have another offer.",
    "I expect a response within 48 hours.",
    "Please get back to me by Wednesday.",
    "Once I start next month, I can take over the Monday reports.",
    "When I join your team, I will reorganise the stockroom.",
    "I have already handed in my notice at my current job.",
    "I've already resigned from my current position.",
    "I'm looking forward to my first day.",
    "When can I start?",
    "Please send my offer letter to my home address.",
    "You won't regret hiring me.",
    "Please give me a chance.",
    "I desperately need this job.",
    "I would do anything to work for your company.",
    "I'm begging you to consider me.",
    "I'll give your team a quick ring on Thursday to see where things stand.",
    "I will follow up daily until I hear back.",
    "I plan to email you every morning this week.",
    "I expect an answer by the 15th.",
    "Please reply ASAP.",
    "Could we book the next round for early next week?",
    "Let's schedule the second interview for Monday.",
    "I'd gladly start unpaid for a month to prove myself.",
    "I would be willing to work for free during a trial period.",
    "I could start without pay until the budget is approved.",
]

OVEREAGER_PASS = [
    "I look forward to hearing from you.",
    "Please let me know if I can provide anything further.",
    "Please let me know if you need any additional information from me.",
    "Let me know if u need a copy of my CPR certificate.",
    "I would be glad to complete a skills test whenever it suits you.",
    "I am happy to provide references at any time.",
    "If it would help, I can come in for a second conversation.",
    "I will send the writing samples you asked for by Friday.",
    "I'll send over the portfolio link tomorrow.",
    "You mentioned that decisions would be made by the end of the month.",
    "You said you need an answer from the board by May.",
    "When I started at my last job, I rewrote the onboarding guide.",
    "When I start a new project, I write the test plan first.",
    "As you suggested, I will call Ms. Ortega on Monday to arrange the site visit.",
    "I'll call you if I have any other questions about the role.",
    "I need a role where I can keep learning.",
    "I would welcome the chance to contribute to the expansion.",
    "It would be great to hear what you decide.",
    "Please let me know by email if you need anything else.",
    "I look forward to the possibility of working with you.",
    "I will show you the dashboard I built if you are curious.",
    "I would be glad to join the on-call rotation that supports the migration.",
    "I worked an unpaid internship at the county museum.",
    "You mentioned you expect to make a decision by the end of the month.",
    "The platform grew 300% after the relaunch.",
    "I would be glad to schedule a follow-up call at your convenience.",
    "I check the dashboards every morning in my current role.",
]

UNDERMINING_FAIL = [
    "I'm sorry I was so nervous during the panel.",
    "Sorry if I came across as scattered.",
    "I apologise for my rambling answer about budgets.",
    "Please forgive my nerves on Tuesday.",
    "I may not be the best candidate on paper.",
    "I'm sure there are much better candidates than me.",
    "I'm not as experienced as the other applicants.",
    "I know I'm underqualified for the role.",
    "I'm not very good at interviews.",
    "I'm terrible at whiteboard exercises.",
    "I froze on the SQL question.",
    "I completely blanked on the last question.",
    "I struggled with the case study question.",
    "I hope I didn't waste your time.",
    "I hope you can overlook my nervousness.",
    "I know I made a bad first impression.",
    "My experience is limited, but I learn quickly.",
    "My presentation wasn't very polished.",
    "I'm just a student, but I would love to help.",
    "I'm not sure I'm qualified enough for this role.",
    "Apologies for the delay in sending this.",
    "I'm sorry this note is a few days late.",
    "Sorry to have kept you so long on Tuesday.",
    "I know I'm only an outside chance for this role.",
    "I don't have much experience, but I learn fast.",
    "I know there were some mistakes in my take-home submission.",
    "My case study had a couple of errors I only noticed later.",
]

UNDERMINING_PASS = [
    "I was sorry to miss meeting Ms. Patel.",
    "I'm sorry I didn't get to meet Ms. Patel.",
    "I'm sorry I missed meeting your CTO.",
    "I was so sorry to hear about the flood at the warehouse.",
    "Sorry to hear that the power outage delayed your launch.",
    "I'm sorry you had to stay late for my interview.",
    "I'm sorry the fire alarm cut our tour short.",
    "I did my best to talk through my reasoning aloud.",
    "The old scheduling system wasn't very clear, and the new one fixes that.",
    "Your plan uses structured scorecards to find stronger candidates faster.",
    "Most of the learners in that track are night-shift staff.",
    "I was nervous at first, but you put me at ease.",
    "It was not the most common approach, and it worked.",
    "My previous manager was not great at giving feedback, which taught me to ask.",
    "I know the team is not the biggest in the region.",
    "I was sorry to hear about the delay to the new wing.",
    "The bugs in the legacy billing code sounded painful.",
    "There is an outside seating area I'd love to see in summer.",
    "I don't have any questions at the moment.",
]

INFORMAL_FAIL = [
    "hey Dana, thanks for the interview.",
    "The new mentoring program sounds super helpful.",
    "I'm super-excited about the rollout.",
    "It was pretty cool to see the new line.",
    "That's a cool idea for the onboarding flow.",
    "Cool!",
    "ty for the tour yesterday.",
    "I wanna help with the launch.",
    "I gotta say, the studio looks great.",
    "It's kinda like the setup at my last job.",
    "r u still hiring for the night shift?",
    "I hope ur week is going well.",
    "Yeah, the pipeline made a lot of sense.",
    "I'm so pumped about the new line.",
    "idk how you manage forty tickets a day.",
    "Thx again for the coffee.",
]

INFORMAL_PASS = [
    "The county is moving its Super Duty trucks to a shared maintenance contract.",
    "I watched the Super Bowl ad you produced.",
    "I spoke with the shift supervisor about the schedule.",
    "The team keeps vaccine shipments cool during the last mile.",
    "The warehouse stays cool even in August.",
    "Store the samples in a cool, dry place.",
    "I noticed the cool tones in the new brand palette.",
    "We used a walk-in cooler for the produce.",
    "We moved our U.S. office with a U-Haul.",
    "I also met Ty from the design team.",
    "I have used R and Python for the survey analysis.",
    "The site is in Austin, TX.",
    "I shadowed the NP on the rehab unit.",
    "I would enjoy the challenge of keeping that voice consistent.",
    "It was great to meet you and the rest of the team.",
    "The super fund rollover took two weeks.",
    "The new drive-thru lane opened in March.",
]


@pytest.mark.parametrize("text", OVEREAGER_FAIL)
def test_overeager_catches_paraphrases(text: str) -> None:
    assert flagged("overeager", text), text


@pytest.mark.parametrize("text", OVEREAGER_PASS)
def test_overeager_leaves_offers_and_traps(text: str) -> None:
    assert not flagged("overeager", text), text


@pytest.mark.parametrize("text", UNDERMINING_FAIL)
def test_undermining_catches_paraphrases(text: str) -> None:
    assert flagged("undermining", text), text


@pytest.mark.parametrize("text", UNDERMINING_PASS)
def test_undermining_leaves_sympathy_and_traps(text: str) -> None:
    assert not flagged("undermining", text), text


@pytest.mark.parametrize("text", INFORMAL_FAIL)
def test_informal_catches_slang(text: str) -> None:
    assert flagged("informal", text), text


@pytest.mark.parametrize("text", INFORMAL_PASS)
def test_informal_leaves_names_and_literal_uses(text: str) -> None:
    assert not flagged("informal", text), text


def test_informal_points_at_the_word() -> None:
    text = "Dear Ms. Chen,\n\nThe demo was awesome and I'm gonna practise more."
    found = [v for v in lint(text) if v.rule == "informal"]
    words = sorted(text[text.index(w) : text.index(w) + len(w)] for w in ("awesome", "gonna"))
    assert sorted(v.message.split('"')[1] for v in found) == words


def test_hey_greeting_is_informal() -> None:
    assert flagged("informal", "Hey Sam,\n\nThank you for meeting with me on Tuesday.")
