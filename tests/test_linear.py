"""The worst inputs are linted in time proportional to their size: ten times the text
takes about ten times as long, not a hundred (a ratio, never an absolute time)."""

from __future__ import annotations

import time

import pytest

from notelint.linter import Linter
from notelint.sources import note_from_text

SHAPES = {
    "one word said over and over": lambda n: "really " * (n // 7),
    "one long line of short words": lambda n: "abc def! " * (n // 9),
    "one enormous word": lambda n: "x" * n,
    "a word a line": lambda n: "word\n" * (n // 5),
    # spaCy splits marks off a word one at a time, each time searching the rest of it
    "a line of emoji": lambda n: "\U0001f389" * n,
    "a line of marks": lambda n: "!)" * (n // 2),
    # a required rule's match per sentence: each is checked against the rest of its line
    "thanks said on one long line": lambda n: "Thank you for the time. " * (n // 24),
}


def _seconds(linter: Linter, text: str, name: str) -> float:
    note = note_from_text(text, name)
    best = float("inf")
    # This process's CPU time, the least of two runs: other jobs on a busy machine
    # stretch the wall clock, and a small input's time with it.
    for _ in range(2):
        start = time.process_time()
        linter.lint_notes([note])
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", ["note.txt", "note.md", "note.eml", "note.html"])
def test_ten_times_the_text_takes_about_ten_times_as_long(
    linter: Linter, shape: str, name: str
) -> None:
    make = SHAPES[shape]
    small = _seconds(linter, make(10_000), name)
    large = _seconds(linter, make(100_000), name)
    # Linear is 10; quadratic would be 100. Generous for a noisy machine.
    assert large / max(small, 1e-3) < 35, (shape, small, large)
