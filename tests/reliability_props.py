"""Generated notes and the properties every one must keep, shared by the property test in
CI (a modest example count) and the long fuzz run (benchmarks/fuzz_long.py).

Properties: linting raises nothing (unreadable input is a clean SourceError), every
position lies inside the text and agrees with its line and column, the same input gives
the same output, JSON and SARIF output parse, and fixes apply cleanly and are idempotent.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from hypothesis import strategies as st

from notelint.config import default_ruleset
from notelint.fixes import chosen, fix_note, is_decoded
from notelint.formatters import json_format, sarif
from notelint.formatters.base import OutputOptions
from notelint.linter import Linter, Report
from notelint.model import Violation
from notelint.positions import LineIndex
from notelint.sources import Note, SourceError, note_from_bytes, note_from_text

NAMES = ("n.txt", "n.md", "n.markdown", "n.eml", "n.html", "n.htm")

PIECES = st.sampled_from(
    [
        # note-like text that wakes the rules (and their fixes)
        "Dear Ms. Chen,",
        "Hey Sam,",
        "Hi Dana!!",
        "thank you for",
        "Thank you for the interview.",
        "It was a pleasure to meet you.",
        "best interview I have ever had",
        "my dream job",
        "I'm gonna call you on Monday",
        "thx",
        "u",
        "SO excited",
        "sooo",
        "really really",
        "awesome",
        "sorry for rambling",
        "[Name]",
        "<Company>",
        "{position}",
        "____",
        "TODO",
        "I remain very interested in the role.",
        "Best regards,",
        "Jordan",
        "Sent from my iPhone",
        # markup of every format
        "---\n",
        "---\ninterviewer: Dana Chen\ncompany: Acme\nposition: Engineer\n---\n",
        "---\nnotelint: {disable: [length]}\n---\n",
        "# ",
        "**",
        "`code`",
        "```\n",
        "> ",
        "[link](http://x)",
        "<p>",
        "</p>",
        "<br>",
        "<script>x</script>",
        "&amp;",
        "&#x1F600;",
        "&bogus;",
        "<!-- notelint-disable -->",
        "<!-- notelint-disable-next-line hyperbole -->",
        "Subject: Thanks\r\n",
        "From: a@b.c\n",
        "Content-Transfer-Encoding: quoted-printable\n",
        "=C3=A9=\n",
        "On Mon, Dana wrote:\n",
        "-- \n",
        # line ends and white space
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\t",
        " ",
        "\u00a0",
        "\u2028",
        "\u2029",
        "\x85",
        "\x0b",
        "\x0c",
        # control characters, NUL, marks, emoji, surrogates
        "\x00",
        "\x1b[31m",
        "\x7f",
        "\ufeff",
        "\u200b",
        "\u200d",
        "\u202e",
        "\u0301",
        "e\u0301",
        "\u0915\u094d\u0937",
        "!!",
        ":)",
        "🎉",
        "👩\u200d💻",
        "🇺🇸",
        "\U0010ffff",
        "\ud800",
        "\udfff",
    ]
)
# Every code point, lone surrogates included.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=16)
SHORT = st.lists(st.one_of(PIECES, PIECES, ANY_TEXT), max_size=40).map("".join)
# Very long lines and one word said thousands of times.
LONG = st.builds(
    lambda head, unit, times, tail: head + unit * times + tail,
    SHORT,
    st.sampled_from(["really ", "a", "x" * 10, "!", "so ", "🎉", "word\r\n", "[Name] "]),
    st.integers(100, 2000),
    SHORT,
)
TEXT = st.one_of(*([SHORT] * 39), LONG)


@dataclass(frozen=True)
class Case:
    text: str
    name: str
    #: read as the file's bytes (UTF-8, surrogates kept as their bytes) rather than as text
    as_bytes: bool


CASES = st.builds(Case, TEXT, st.sampled_from(NAMES), st.sampled_from([False, False, True]))


def fuzz_linter() -> Linter:
    """One linter for a whole run, its date fixed so time-based rules do not drift."""
    return Linter(default_ruleset(), today=dt.date(2026, 12, 1))


def read(case: Case) -> Note | None:
    """The note, or None when it is (cleanly) not readable."""
    try:
        if case.as_bytes:
            return note_from_bytes(case.text.encode("utf-8", "surrogatepass"), case.name)
        return note_from_text(case.text, case.name)
    except SourceError as exc:
        assert str(exc), "a SourceError must say what is wrong"
        return None


def _signature(violations: list[Violation]) -> list[tuple[object, ...]]:
    return [(v.to_dict(), v.offset, v.end_offset) for v in violations]


def check_case(linter: Linter, case: Case) -> None:
    note = read(case)
    if note is None:
        return
    violations = linter.lint_notes([note])
    check_positions(note, violations)
    again = read(case)
    assert again is not None
    assert _signature(linter.lint_notes([again])) == _signature(violations), "not deterministic"
    check_output(violations)
    check_fixes(linter, note, violations)


def check_positions(note: Note, violations: list[Violation]) -> None:
    index = LineIndex(note.text)
    for v in violations:
        assert 0 <= v.offset <= v.end_offset <= len(note.text), v
        assert (v.line, v.column) == index.line_col(v.offset), v
        assert (v.end_line, v.end_column) == index.line_col(v.end_offset), v
        assert v.rule and v.message, v
        for option in v.fix_options:
            for edit in option.edits:
                assert 0 <= edit.start <= edit.end <= len(note.text), (v, edit)


def check_output(violations: list[Violation]) -> None:
    report = Report(violations=list(violations), files=1)
    options = OutputOptions(rules=tuple(default_ruleset().rules))
    as_json = json.loads(json_format.render(report, options))
    assert [o["rule"] for o in as_json] == [v.rule for v in violations]
    log = json.loads(sarif.render(report, options))
    assert len(log["runs"][0]["results"]) == len(violations)


def check_fixes(linter: Linter, note: Note, violations: list[Violation]) -> None:
    for unsafe in (False, True):
        if not chosen(violations, unsafe=unsafe):
            continue
        fixed = fix_note(linter, note, unsafe=unsafe)
        assert fixed.changed or fixed.text == note.text
        if is_decoded(note) or not fixed.changed:
            continue  # a decoded note is fixed in one pass and never rewritten
        # The fixed note as it is read back (a leading U+FEFF is read as a BOM).
        reread = note_from_text(fixed.text, note.path, fmt=note.format)
        refixed = fix_note(linter, reread)
        assert refixed.text == reread.text or unsafe, "safe fixes are not idempotent"
        if unsafe:
            twice = fix_note(linter, reread, unsafe=True)
            assert twice.text == reread.text, "fixes are not idempotent"
