"""The tone rules, hyperbole and enthusiasm: paraphrases that must fire, traps that
must not, and their score on the shared development corpus."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SHARED, lint


def fires(rule: str, text: str) -> bool:
    return any(v.rule == rule for v in lint(text))


HYPERBOLE = [
    "It was the best interview I've ever had.",
    "It was the best interview I\u2019ve ever had.",
    "Acme is the greatest company in the world.",
    "I truly believe I am the perfect candidate for this role.",
    "I'd be the perfect person to sell it.",
    "This is my dream job.",
    "This is the dream project of my life.",
    "Joining you would be life-changing.",
    "The demo was absolutely incredible.",
    "The results were absolutely mind-blowing.",
    "You have the most amazing team.",
    "I was impressed beyond words.",
    "I have never been so impressed by a team.",
    "Never have I been so inspired by a conversation.",
    "I am 100% the best fit for the job.",
    "Your lab is without a doubt the greatest in the field.",
    "I am the ideal hire for this team.",
    "My background makes me the ideal candidate for the role.",
    "It was a once-in-a-lifetime opportunity.",
    "This is the opportunity of a lifetime.",
    "It was the most brilliant thing I have heard in my whole career.",
    "It was the single most impressive engineering story I have ever heard.",
    "You've got the best beer in the entire country, hands down.",
    "Your team is clearly the best in the world at this.",
    "It was the best day of my life.",
    "You are by far the best studio I have talked to.",
    "Working with you would be a dream come true.",
    "Your company is the most innovative company on the planet.",
    "Your mentorship program is second to none.",
    "I've never met a more talented group of engineers.",
    "Words cannot express how impressed I was.",
    "Your clinic is the finest in the state.",
    "I am two hundred percent sure this is the right fit.",
    "I'm a thousand percent committed to this.",
    "I am 110% certain I can do this.",
    "I will give 200 percent from day one.",
]

NOT_HYPERBOLE = [
    "Best regards,\nAna",
    "Best,\nAna",
    "All the best,\nAna",
    "We follow the same best practices for on-call handoffs.",
    "I did my best to explain my reasoning.",
    "I will do my best to send the samples by Friday.",
    "It was good to meet most of the team.",
    "Most people in the industry use Jira.",
    "The docs site is the most-visited page after the homepage.",
    "It's the best-selling app in the country.",
    "It is one of the best known breweries in the region.",
    "Please reply at your earliest convenience.",
    "I learned a great deal from the tour.",
    "Email is the best way to reach me.",
    "What is the best time to call you if I have questions?",
    "That is the biggest quality problem right now.",
    "The greatest challenge in the industry is hiring.",
    "The largest hospital in the state is expanding.",
    "I'm not great at whiteboard questions.",
    "I know I'm not the most qualified candidate.",
    "I'm not sure I'm the perfect fit, but I'd like to try.",
    "You described the ideal candidate as a self-starter.",
    "The talk on soil chemistry was fascinating.",
    "I would be honored to join the team.",
    "I have thought about the migration plan ever since.",
    "The most common question at the desk is about printing.",
    "It was the most useful interview I have had.",
    "The best part of the day was the tour.",
    "It was great to learn more about the role.",
    "The team was thrilled beyond belief with the launch.",
    "That was the most helpful feedback I have ever received.",
    "She was the most senior person in the room.",
    "We got the best yields in the field trials.",
    "They had the best record in the league last season.",
    "It was the most thoughtful interview process I have experienced.",
    "I admire your aim to be the best clinic in the state.",
    "Your goal of becoming the greatest bakery in the city is a bold one.",
    "We grew online sales 150% in two years.",
    "I am 100% available on Fridays.",
    "The team wants to be the top supplier in the region.",
]

ENTHUSIASM = [
    "Thank you! It was great!",
    "Wow!! Thanks for the tour.",
    "Really?! I had no idea.",
    "Thank you SO much.",
    "I am REALLY interested.",
    "I LOVED meeting the team.",
    "THANK YOU for your time.",
    "Great to meet you :)",
    "I <3 your product.",
    "Great to meet you \U0001f642",
    "I'm sooo excited.",
    "Yesss, the plan is good.",
    "Pleeease keep me in mind.",
    "I'm so so excited.",
    "That was really really useful.",
    "It was very very kind of you.",
    "It was so, so helpful.",
    "I can't wait to hear back.",
    "I can\u2019t wait to hear back.",
    "Can't wait to hear what you decide.",
    "I\u2019m over the moon.",
    "I was thrilled beyond belief.",
    "I was ecstatic to see it.",
    "I'm totally stoked.",
    "I am so excited to join.",
    "I'm super excited about the role.",
    "I can hardly wait to start.",
    "I couldn't be more excited about this role.",
]

NOT_ENTHUSIASM = [
    "We use SQL on AWS in NYC with HR, the CEO and QA.",
    "CRDTs, KX-210, Phase II, 3D printers, A/B tests and 8D reports.",
    "[TODO: add the detail] XXX",
    "Let's meet at 10:30.",
    "The coffee and the bookkeeper's notes, see www.example.com.",
    "Louis XIII and Super Bowl III.",
    "I apologize for being so nervous.",
    "Thanks so much for your time.",
    "I'm excited about the possibility of joining.",
    "I'm really excited about the role.",
    "Have a great weekend!",
    "I used the STAR method for our SMART goals in the STEM program.",
    "Latency is <3 ms now.",
    "Portland, OR 97214",
    "The migration can't wait until Q3.",
    "It was a so-so demo.",
    "I was thrilled to hear about the expansion.",
    "I loved learning about the garden.",
    "The API, SDK and CLI docs.",
    "I use Adobe XD daily.",
    "It was so good to meet you.",
    "The PET scan suite and the ICU.",
    "Hmmm, I wondered about that.",
]


@pytest.mark.parametrize("text", HYPERBOLE)
def test_hyperbole_fires(text: str) -> None:
    assert fires("hyperbole", text)


@pytest.mark.parametrize("text", NOT_HYPERBOLE)
def test_hyperbole_traps(text: str) -> None:
    assert not fires("hyperbole", text)


@pytest.mark.parametrize("text", ENTHUSIASM)
def test_enthusiasm_fires(text: str) -> None:
    assert fires("enthusiasm", text)


@pytest.mark.parametrize("text", NOT_ENTHUSIASM)
def test_enthusiasm_traps(text: str) -> None:
    assert not fires("enthusiasm", text)


def test_gushing_is_not_hyperbole() -> None:
    # "over the moon" and "ecstatic" are enthusiasm; they claim nothing about the firm
    text = "I am over the moon, and I was ecstatic to see the plan."
    assert fires("enthusiasm", text)
    assert not fires("hyperbole", text)


def test_a_superlative_ever_span_covers_the_whole_phrase() -> None:
    text = "It was the best interview I have ever had, truly."
    (v,) = [v for v in lint(text) if v.rule == "hyperbole"]
    assert text[v.offset : v.end_offset] == "the best interview I have ever had"


def test_hyperbole_points_at_the_words() -> None:
    text = "Thank you for meeting me. This is my dream job."
    (v,) = [v for v in lint(text) if v.rule == "hyperbole"]
    assert text[v.column - 1 : v.end_column - 1] == "dream job"
    assert v.message.startswith('"dream job" overstates;')


CORPUS = SHARED / "eval" / "dev.jsonl"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared development corpus not present")
@pytest.mark.parametrize("rule", ["hyperbole", "enthusiasm"])
def test_tone_rules_on_the_development_corpus(rule: str) -> None:
    tp = fp = fn = 0
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        note = json.loads(line)
        expected = note["expect"][rule]
        got = any(v.rule == rule for v in lint(note["text"], note.get("filename", "n.txt")))
        tp += got and expected
        fp += got and not expected
        fn += expected and not got
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert f1 >= 0.95, (rule, tp, fp, fn)
