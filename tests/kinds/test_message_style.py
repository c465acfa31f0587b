"""Messages read alike across rules, and say what is true of the note."""

from __future__ import annotations

import notelint
from notelint.config import default_ruleset
from notelint.model import Violation


def found(text: str, rule: str, filename: str = "note.txt") -> list[Violation]:
    return [v for v in notelint.lint_text(text, filename=filename) if v.rule == rule]


def test_placeholder_quotes_like_every_other_rule() -> None:
    (v,) = found("Dear [Name],\n\nThank you for the interview.\n", "placeholder")
    assert v.message.startswith('"[Name]" is template text left in')
    assert "\u201c" not in v.message and "\u201d" not in v.message
    # the other rules' messages quote with straight quotes too
    assert all("\u201c" not in r.message for r in default_ruleset().rules)


def test_a_lone_run_of_marks_is_not_one_of_several() -> None:
    (v,) = found("Dear Dana,\n\nThank you for the interview!!!\n", "enthusiasm")
    assert v.message == '"!!!" piles up punctuation; end the sentence with one full stop or mark'
    hits = found("Dear Dana,\n\nThank you!! It was fun!\n", "enthusiasm")
    assert [h.message.split(";")[0] for h in hits] == [
        '"!!" is one of 3 exclamation marks',
        '"!" is one of 3 exclamation marks',
    ]


def test_marks_in_a_suppressed_region_are_not_counted() -> None:
    note = (
        "Dear Dana,\n\n"
        "<!-- notelint-disable enthusiasm -->\n"
        "The team's motto, Ship it!, stayed with me.\n"
        "<!-- notelint-enable enthusiasm -->\n\n"
        "Thank you for the interview!\n"
    )
    assert found(note, "enthusiasm", "note.md") == []
    unsuppressed = note.replace("notelint-disable", "x").replace("notelint-enable", "y")
    assert [v.message.split(";")[0] for v in found(unsuppressed, "enthusiasm", "note.md")] == [
        '"!" is one of 2 exclamation marks',
        '"!" is one of 2 exclamation marks',
    ]
