"""Suppression comment lines in plain text and e-mail: "# notelint-disable-next-line ID"."""

from __future__ import annotations

import pytest

import notelint

BODY = (
    "Dear Dana,\n\n"
    "# notelint-disable-next-line hyperbole -- the CEO's words, quoted\n"
    "Your CEO called it the best product in the world.\n"
    "It was the best interview I have ever had.\n"
)
EML_HEAD = (
    "From: Ana Lopez <ana@example.com>\n"
    "Subject: Thank you\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: 8bit\n\n"
)


@pytest.mark.parametrize(("name", "head", "offset"), [("a.txt", "", 0), ("a.eml", EML_HEAD, 5)])
def test_next_line_is_suppressed_and_the_comment_is_not_prose(
    name: str, head: str, offset: int
) -> None:
    found = notelint.lint_text(head + BODY, filename=name)
    hyperbole = [(v.line - offset, v.rule) for v in found if v.rule == "hyperbole"]
    assert hyperbole == [(5, "hyperbole")]  # line 4 is suppressed, line 5 is not
    # the comment line is neither linted nor counted
    assert not [v for v in found if v.line - offset == 3]


def test_disable_and_enable_ranges_and_malformed_lines() -> None:
    text = (
        "Dear Dana,\n\n"
        "#notelint-disable hyperbole\n"
        "The best team. The greatest plan.\n"
        "# notelint-enable hyperbole\n"
        "The best interview ever.\n"
        "# notelint-disabel enthusiasm\n"
        "# Note to self: the # lines that are not for notelint stay prose.\n"
    )
    found = notelint.lint_text(text, filename="a.txt")
    assert [v.line for v in found if v.rule == "hyperbole"] == [6]
    (directive,) = [v for v in found if v.rule == "directive"]
    assert directive.line == 7 and "malformed notelint directive" in directive.message


def test_markdown_headings_are_not_directives() -> None:
    found = notelint.lint_text(
        "# notelint-disable hyperbole\n\nThe best team ever.\n", filename="a.md"
    )
    assert "hyperbole" in {v.rule for v in found}
