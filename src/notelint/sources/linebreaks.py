"""Soft line breaks: the breaks a hard-wrapped paragraph has only because its lines were
filled to a width (plain-text e-mail is wrapped at about 72 columns).

A phrase that crosses one ("It was a pleasure to / meet you") is still one phrase, so the
prose mask shows a soft break as spaces: every rule then matches across it, and since the
replacement keeps the text's length, every offset still points into the original. Tabs
and no-break spaces inside a line are shown as plain spaces for the same reason.

A break stays a break (a *hard* break) where the letter's structure puts one: after a
greeting, a closing or a signature line, a heading, before a list item or a quotation,
and after a sentence. A break is soft when the next line simply continues the sentence:
it starts in lower case, or the line before it was full (its next word would not have fit
in the width the note is wrapped to).
"""

from __future__ import annotations

import re

_BREAK = re.compile(r"\r\n|\r|\n")
# Lines that are structure, never the continuation of a wrapped sentence.
_STRUCTURE_START = re.compile(r"(?:[-*+\u2022>|#]|\d+[.)])(?:\s|$)")
_SENTENCE_END = re.compile(r"[.!?]['\"\u2019\u201d)\]]*$")
# A full stop that does not end a sentence: a title or a common abbreviation.
_ABBREVIATION = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Mx|Dr|Prof|Jr|Sr|vs|etc|e\.g|i\.e|approx|incl|dept)\.$",
    re.IGNORECASE,
)
# Abbreviations whose full stop may end a sentence or not ("St. Jude", "Main St."): the
# break after one is judged like any other.
_NOT_AN_END = re.compile(r"(?:^|\s)(?:St|Mt|Ft|Ave|No|Nos|Inc|Co|Corp|Ltd|approx)\.$", re.I)
MIN_WRAP_WIDTH = 40
_HORIZONTAL = str.maketrans({"\t": " ", "\u00a0": " ", "\u202f": " ", "\u2007": " "})


def join_soft_breaks(masked: str) -> str:
    """The masked prose with soft line breaks (and tabs, no-break spaces) as spaces; the
    same length as `masked`, every other character where it was."""
    text = masked.translate(_HORIZONTAL)
    breaks = list(_BREAK.finditer(text))
    if not breaks:
        return text
    # Nobody wraps prose narrower than this: in a note of a few short lines ("From: a@b.c
    # / Best regards, / Ana") every line is as long as the longest, not full.
    width = max(_wrap_width(text), MIN_WRAP_WIDTH)
    chars: list[str] | None = None
    line_start = 0
    for k, brk in enumerate(breaks):
        line = text[line_start : brk.start()].rstrip()
        next_end = breaks[k + 1].start() if k + 1 < len(breaks) else len(text)
        following = text[brk.end() : next_end].strip()
        if line.strip() and following and _is_soft(line, following, width):
            if chars is None:
                chars = list(text)
            chars[brk.start() : brk.end()] = " " * (brk.end() - brk.start())
        line_start = brk.end()
    return text if chars is None else "".join(chars)


def _wrap_width(text: str) -> int:
    """The width the note's lines are filled to: its longest line that could have been
    broken (a long address or link alone on its line says nothing of the width)."""
    lines = (line.rstrip() for line in _BREAK.split(text))
    return max((len(line) for line in lines if " " in line.strip()), default=0)


def _unclosed(line: str) -> bool:
    """Whether the line opens a bracket it does not close ("at [Company")."""
    return any(line.count(o) > line.count(c) for o, c in ("[]", "()", "{}", "<>"))


def _is_soft(line: str, following: str, width: int) -> bool:
    """Whether the break between `line` (right-stripped) and the `following` line
    (stripped) only wraps a sentence."""
    if _STRUCTURE_START.match(following) or line.lstrip().startswith("#"):
        return False
    if _ABBREVIATION.search(line) or _unclosed(line):
        return True  # "Ms. / Lee", "[Company / Name]": the phrase goes on
    if _SENTENCE_END.search(line) and not _NOT_AN_END.search(line):
        return False
    words = line.split()
    last = words[-1]
    if len(words) == 1 and last != "I":
        return False  # a lone word: a closing ("Thanks"), a name, a rule
    if (
        words != ["I"]
        and len(words) <= 5
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    ):
        return False  # a name or a title line: "Daniel Reyes, CPA", "Acme Robotics Inc."
    stops_midway = (last[:1].islower() or last == "I") and not line.endswith(",")
    if len(line) < width // 2 and not stops_midway:
        # A short line is a greeting, a closing or a signature ("cheers,", "Dana Reyes,
        # CPA"), unless it stops mid-sentence ("I am / very excited", left by re-wrapping).
        return False
    first = following.split(maxsplit=1)[0]
    if "@" in first or "://" in first or first.lower().startswith("www."):
        return False  # an e-mail address or a link on its own line: a signature's
    letter = next((ch for ch in first if ch.isalpha()), "")
    if letter.islower():
        return True
    if line.endswith((":", ";")):
        return False
    if not letter:
        # A number opens the line: "roughly / 4,000 alerts a day" goes on; an address
        # ("Ltd. / 1055 West Street") or a telephone number ("plc / +44 20 7946") does not.
        prose = first[:1].isdigit() and re.search(r"[a-z]{3,}", following) is not None
        return prose and (last[:1].islower() or line.endswith(","))
    if re.match(r"I(?:$|['\u2019])", first) and last[:1].islower():
        return True  # "and I think / I could", not "Dear Chris / I wanted"
    # A capital after a line that had room for it is a new line on purpose (a greeting,
    # a closing, a signature, an address) rather than a wrapped one; so is a capital
    # after a number (the end of an address line: a suite, a postcode), and a short line
    # after a long one (a signature under a long closing line).
    full = len(line) + 1 + len(first) > width
    return full and not line[-1].isdigit() and len(following) >= width // 2
