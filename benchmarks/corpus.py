"""A deterministic corpus of thank-you notes for benchmarks: the same seed gives the same
notes, byte for byte, on every machine and Python version (random.Random with a seed is
stable across versions for choice/randint/shuffle on lists).

    python3 benchmarks/corpus.py OUT_FOLDER [--notes 1000] [--seed 7]

Each note is 150-250 words: a greeting, thanks, a pleasure-to-meet line, a detail learned,
body sentences, interest, a closing and a name; about a third carry a flaw (hyperbole,
gushing, slang, pushiness, an apology, a placeholder) so every kind of rule has work.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = ["Dana", "Marcus", "Priya", "Tomás", "Aisha", "Jordan", "Lena", "Ravi", "Mei", "Owen"]
LAST = ["Chen", "Okafor", "Nair", "Ferreira", "Haddad", "Brooks", "Novak", "Iyer", "Lund"]
COMPANIES = ["Acme Robotics", "Brightwater", "Northwind Health", "Harbor Foods", "Lumen Labs"]
ROLES = ["Data Engineer", "Account Coordinator", "Nurse Educator", "Product Designer"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "yesterday"]
TOPICS = [
    "the plan to move the nightly inventory jobs from cron scripts to Dagster",
    "the relaunch of the recipe site in March",
    "the new onboarding checklist for night-shift nurses on 4 West",
    "how the team cut checkout latency from 900 to 300 milliseconds",
    "the pilot that pairs each new analyst with a senior reviewer for six weeks",
    "the decision to rebuild the design system around accessible color tokens",
    "the warehouse analytics dashboard that the store managers read every morning",
]
BODY = [
    "I ran a similar migration at my current job, so that project interests me in particular.",
    "Our discussion of how the team reviews work before each release was useful to me.",
    "I have spent the last three years writing reports for clinical managers and enjoy it.",
    "The questions you asked about handling competing deadlines made me think carefully.",
    "I would bring experience with spreadsheets, SQL and careful documentation to the role.",
    "Hearing how the team shares on-call duties gave me a clear picture of the work.",
    "In my current role I coordinate four vendors and a weekly status meeting.",
    "I appreciated the time you took to walk me through the office and introduce the team.",
    "My background in customer support has taught me to listen before proposing changes.",
    "The way you described the quarterly planning process matched how I like to work.",
    "I also enjoyed meeting the analysts who maintain the forecasting models.",
    "If it would help, I can send the write-up from my last project.",
]
FLAWS = [
    "Honestly, it was the best interview I have ever had!!",
    "This is my dream job and I can't wait to hear back!",
    "I'm gonna be super excited if I get the offer, lol.",
    "I will call you on Friday to check on my application.",
    "Sorry for rambling during the interview; I'm not the most qualified candidate.",
    "Please send my regards to [Name] at <Company>.",
    "The team is without a doubt the greatest in the world.",
]
GREETINGS = ["Dear {title} {last},", "Hello {first},", "Dear {first} {last},"]
CLOSINGS = ["Best regards,", "Kind regards,", "Sincerely,", "With thanks,"]


def make_note(rng: random.Random) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    title = rng.choice(["Ms.", "Mr.", "Dr."])
    company, role, day = rng.choice(COMPANIES), rng.choice(ROLES), rng.choice(DAYS)
    lines = [
        f"Thank you for meeting with me on {day} to discuss the {role} position at {company}.",
        "It was a pleasure to meet you and the rest of the team.",
        f"I especially appreciated hearing about {rng.choice(TOPICS)}.",
    ]
    body = BODY[:]
    rng.shuffle(body)
    target = rng.randint(150, 250)
    words = sum(len(line.split()) for line in lines) + 15  # greeting, interest, closing
    flawed = rng.random() < 0.35
    while words < max(target - 6, 152) and body:
        sentence = body.pop()
        lines.append(sentence)
        words += len(sentence.split())
    if flawed:
        lines.insert(rng.randint(1, len(lines)), rng.choice(FLAWS))
    lines.append(f"Our conversation confirmed my interest in the {role} role.")
    paragraphs = []
    while lines:
        take = rng.randint(2, 3)
        paragraphs.append(" ".join(lines[:take]))
        lines = lines[take:]
    greeting = rng.choice(GREETINGS).format(title=title, first=first, last=last)
    signer = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return "\n\n".join([greeting, *paragraphs, f"{rng.choice(CLOSINGS)}\n{signer}"]) + "\n"


def make_corpus(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(file name, text) for `count` notes."""
    rng = random.Random(seed)
    return [(f"note-{i:05d}.txt", make_note(rng)) for i in range(count)]


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in make_corpus(count, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--notes", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    write_corpus(args.out, args.notes, args.seed)


if __name__ == "__main__":
    main()
