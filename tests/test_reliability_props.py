"""The long fuzz run's properties (tests/reliability_props.py) with a modest example
count, and the inputs it found that once broke them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from notelint.fixes import fix_text
from notelint.linter import Linter
from tests import reliability_props as props

LINTER = props.fuzz_linter()


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(props.CASES)
def test_every_generated_note_keeps_the_properties(case: props.Case) -> None:
    props.check_case(LINTER, case)


def test_lone_surrogates_are_linted_not_a_crash(linter: Linter) -> None:
    violations = linter.lint_text("Dear Ms. Chen,\n\ud800 thx \udfff\n", "note.txt")
    thx = [v for v in violations if v.rule == "informal"]
    assert [(v.line, v.column, v.end_column) for v in thx] == [(2, 3, 6)]


def test_a_closing_goes_above_a_signature_after_a_unicode_line_separator() -> None:
    fixed = fix_text("\u2028u", unsafe=True)
    assert fixed.count("Best regards,") <= 1  # it was inserted once a pass, ten times
    assert fix_text(fixed, unsafe=True) == fixed


def test_no_second_closing_above_a_signature_the_rule_does_not_accept() -> None:
    text = "word\r\n" * 100 + "&amp;"
    fixed = fix_text(text, filename="n.md", unsafe=True)
    assert fixed.count("Best regards,") == 1
    assert fix_text(fixed, filename="n.md", unsafe=True) == fixed


def test_an_html_paragraph_break_is_a_line_start_for_insertions() -> None:
    text = "Dear Ms. Chen,<p>u"
    fixed = fix_text(text, filename="n.html", unsafe=True)
    assert fixed.count("Best regards,") <= 1 and "<p>" in fixed  # never inside the tag
    assert fix_text(fixed, filename="n.html", unsafe=True) == fixed


def test_a_fix_that_would_break_the_front_matter_is_not_applied() -> None:
    """Deleting the ":)" would turn the first line into a front matter fence whose block
    is not valid YAML: that pass is left out, and the note stays readable."""
    text = ":)---\ninterviewer: Dana Chen\ncompany: Acme\nposition: Engineer\n---\n"
    fixed = fix_text(text, unsafe=True)
    assert fixed.startswith(":)---\n")
    assert fix_text(fixed, unsafe=True) == fixed


def test_no_closing_above_a_closing_when_the_last_line_is_a_control_character() -> None:
    text = "# Subject: Thanks\r\nthxDear Ms. Chen,\n\x7f"
    fixed = fix_text(text, filename="n.md", unsafe=True)
    assert fixed.count("Best regards,") <= 1  # it was inserted ten times a pass
    assert fix_text(fixed, filename="n.md", unsafe=True) == fixed


def test_a_fix_after_a_markdown_link_edits_what_it_reports() -> None:
    text = "[link](http://x)" + "\U0001f389" * 100 + "thx\U0001f389"
    fixed = fix_text(text, filename="n.md")
    assert fixed.startswith("[link](http://x)") and "thx" not in fixed
    assert fix_text(fixed, filename="n.md") == fixed


def test_a_second_byte_order_mark_is_kept_and_fixing_is_idempotent() -> None:
    # The reader drops one leading U+FEFF (a BOM); each fix pass used to drop another.
    text = "\ufeff\ufeff\ufeffI'm gonna call you on Monday"
    fixed = fix_text(text)
    assert fixed == "\ufeff\ufeff\ufeffI'm going to call you on Monday"
    assert fix_text(fixed) == fixed
    assert fix_text(":)\ufeff" + "\U0001f389" * 5 + "\ufeff") == "\ufeff\ufeff"


def test_no_fix_edits_a_word_the_mask_wrote_over_other_characters() -> None:
    # "&amp;" and the emoji after it are one word, written from the "&" on: the emoji
    # then stood over other characters, and fixes deleted those (found by the fuzz run).
    text = "Dear Ms. Chen,&amp;" + "\U0001f389" * 100 + "**\U0001f389"
    fixed = fix_text(text, filename="n.md")
    assert fix_text(fixed, filename="n.md") == fixed
    assert fixed.startswith("Dear Ms. Chen,&amp;")


@pytest.mark.parametrize("text", ["\tFrom: a@b.c\n0", "\x1e" + "a" * 100 + "\x85@\n\u00bf"])
def test_a_closing_line_in_a_note_of_short_lines_is_not_wrapped_prose(text: str) -> None:
    # Every line was as long as the longest, so each was taken for a full, wrapped line,
    # the inserted closing joined the line above, and another was inserted every pass.
    fixed = fix_text(text, unsafe=True)
    assert fixed.count("Best regards,") == 1
    assert fix_text(fixed, unsafe=True) == fixed


def test_a_lone_surrogate_in_a_quoted_printable_body_is_linted_not_a_crash(
    linter: Linter,
) -> None:
    text = "Content-Transfer-Encoding: quoted-printable\n\nThanks, thx \ud800\n"
    assert "informal" in {v.rule for v in linter.lint_text(text, "n.eml")}
    linter.lint_text("Content-Transfer-Encoding: quoted-printable\n\ud800", "n.eml")


@pytest.mark.parametrize("space", ["\u200b", "\u2060", "\ufeff"])
def test_a_zero_width_space_does_not_hide_the_word_it_touches(linter: Linter, space: str) -> None:
    """A zero-width space glued to a word (pasted from the web) is read as the space it
    looks like: the word is found, and fixing reaches a fixed point in one run (a fix
    pass once missed "so excited" behind a U+FEFF, which the next read took for a BOM)."""
    text = f"Dear Ms. Chen,\n\nI am {space}so excited{space} to join.\n\nBest,\nTom\n"
    gushes = [v for v in linter.lint_text(text, "n.txt") if v.rule == "enthusiasm"]
    assert [(v.line, v.column, v.end_column) for v in gushes] == [(3, 7, 17)]
    for case in (f"{space}{space}SO excited", text, f"{space}thx"):
        for name in ("n.txt", "n.md", "n.html"):
            props.check_case(LINTER, props.Case(case, name, False))


def test_a_lone_surrogate_in_front_matter_is_a_front_matter_error(linter: Linter) -> None:
    """libyaml cannot encode a lone surrogate (possible from the API or an editor): the
    front matter is reported as not valid YAML at its line, not a crash."""
    from notelint.sources import SourceError, note_from_text

    for text in ("---\n\ud800\n---\nHi\n", "---\na: 1\nb: x\udfff\n---\nHi\n"):
        with pytest.raises(SourceError, match=r"front matter is not valid YAML \(line [23]\)"):
            note_from_text(text, "n.md")
    case = "---\n" + "really " * 100 + "\ud800---\ninterviewer: Dana Chen\n---\n"
    props.check_case(LINTER, props.Case(case, "n.txt", False))


@pytest.mark.parametrize("name", ["n.html", "n.md", "n.eml"])
def test_a_marked_section_python_does_not_know_is_text(linter: Linter, name: str) -> None:
    """Python's HTML parser raises AssertionError on "<![" before anything but a keyword it
    knows: the rest is read as text, and Outlook's "<![if ...]>" stays markup."""
    props.check_case(LINTER, props.Case("<![Dear Ms. Chen,", name, False))
    text = "<p>Dear Ms. Chen, <![Dear thx</p>"
    assert "informal" in {v.rule for v in linter.lint_text(text, "n.html")}
    from notelint.sources import note_from_text

    outlook = "<p>Dear Ms. Chen,</p><p><![if !supportLists]>-<![endif]> thx</p>"
    assert note_from_text(outlook, "n.html").masked.split() == ["Dear", "Ms.", "Chen,", "-", "thx"]


def test_no_line_is_inserted_inside_a_code_span_that_runs_over_lines(linter: Linter) -> None:
    """A Markdown code span ran from the greeting line into the last line, so the space
    that line starts with was inside it. The mask shows a space as itself, so that line
    start looked like prose: the closing inserted there was read as code, and every fix
    pass inserted another."""
    text = "Dear Ms. Chen, `notes\r\nSubject: Thanks\r\n `<\r\n"
    sign_off = [v for v in linter.lint_text(text, "n.md") if v.rule == "sign-off"]
    assert len(sign_off) == 1 and sign_off[0].fix_options == ()
    # Outside the span the same line gets the closing.
    plain = text.replace("`", "'")
    assert fix_text(plain, filename="n.md", unsafe=True).count("Best regards,") == 1
    case = "Dear Ms. Chen," * 4 + "`" + "really " * 100 + "Subject: Thanks\r\n `<"
    props.check_case(LINTER, props.Case(case, "n.md", False))


def test_a_lone_surrogate_in_an_e_mail_header_is_linted_not_a_crash(linter: Linter) -> None:
    """The email package cannot encode a lone surrogate in a header (possible from the
    API or an editor): the message is parsed with U+FFFD in its place, and the Subject and
    the body are linted where they are."""
    text = "Subject: thx \ud800\n\nDear Ms. Chen,\nthx \udfff\n"
    found = [(v.line, v.column) for v in linter.lint_text(text, "n.eml") if v.rule == "informal"]
    assert found == [(1, 10), (4, 1)]
    case = "Subject: Thanks\r\n\t" + "really " * 100 + "\ud800"
    props.check_case(LINTER, props.Case(case, "n.eml", False))
