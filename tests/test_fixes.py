"""Applying fixes (notelint.fixes): overlaps, passes, idempotence over every labelled note."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notelint.config import default_ruleset, load_config
from notelint.fixes import MAX_PASSES, apply_edits, chosen, fix_note, unified_diff
from notelint.linter import Linter
from notelint.model import Edit, Fix, FixOption, Severity, Violation
from notelint.sources import SourceError, note_from_text

LINTER = Linter(default_ruleset())
ROOT = Path(__file__).resolve().parents[1]
CORPORA = sorted((ROOT / "tests" / "corpus").glob("*.jsonl")) + [
    p for p in [ROOT.parent / "shared" / "eval" / "dev.jsonl"] if p.is_file()
]


def _violation(rule: str, start: int, end: int, content: str) -> Violation:
    edit = Edit(start, end, content)
    fix = Fix(f"{rule} fix", content, options=(FixOption(f"{rule} fix", (edit,)),))
    return Violation(
        "n.txt", 1, start + 1, rule, Severity.WARNING, "m", 1, end + 1, fix, start, end
    )


def test_overlapping_edits_apply_in_a_stable_order_and_the_rest_wait() -> None:
    note = note_from_text("abcdefghij")
    first = _violation("b-rule", 2, 5, "X")  # cde
    overlapping = _violation("a-rule", 4, 7, "Y")  # efg: overlaps cde
    later = _violation("c-rule", 8, 9, "Z")
    insert_at_edge = _violation("d-rule", 5, 5, "+")  # at the end of cde
    orders = (
        [first, overlapping, later, insert_at_edge],
        [later, insert_at_edge, overlapping, first],
    )
    for order in orders:
        text, applied, deferred = apply_edits(note, order)
        assert text == "abXfghZj"
        assert [v.rule for v in applied] == ["b-rule", "c-rule"]
        assert sorted(v.rule for v in deferred) == ["a-rule", "d-rule"]


def test_two_rules_fixing_the_same_words_fix_them_once() -> None:
    """'super excited' is both informal and enthusiasm: one fix applies, the other is
    deferred, and the next pass finds nothing left."""
    linter = Linter(default_ruleset(), select=["informal", "enthusiasm"])
    note = note_from_text("I am super excited about the role.")
    found = [v for v in linter.lint_notes([note]) if v.fix is not None]
    assert {v.rule for v in found} == {"informal", "enthusiasm"}
    result = fix_note(linter, note)
    assert result.text == "I am excited about the role."
    assert len(result.applied) == 1 and result.passes == 1


def test_passes_stop_at_the_limit(tmp_path: Path) -> None:
    """Fixes that undo each other end after MAX_PASSES passes, not in a loop."""
    config = tmp_path / ".notelint.yaml"
    rule = (
        '  {id}:\n    kind: substitution\n    message: "{{text}}"\n    why: x\n'
        "    swap: {{{a}: {b}}}\n    examples: {{pass: [x], fail: [{a}]}}\n"
    )
    config.write_text(
        "rules:\n"
        + rule.format(id="alpha-beta", a="alpha", b="beta")
        + rule.format(id="beta-alpha", a="beta", b="alpha"),
        encoding="utf-8",
    )
    linter = Linter(load_config(config), select=["alpha-beta", "beta-alpha"])
    result = fix_note(linter, note_from_text("We met alpha."))
    assert result.passes == MAX_PASSES
    assert result.text in ("We met alpha.", "We met beta.")


def _labelled_notes() -> list[tuple[str, str]]:
    notes = []
    for path in CORPORA:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                notes.append((f"{path.name}:{record['id']}", record["text"]))
    return notes


NOTES = _labelled_notes()


def test_there_are_labelled_notes() -> None:
    assert len(NOTES) >= 300


def test_fixing_twice_equals_fixing_once_and_loses_no_words() -> None:
    """Over every labelled note in the repository (and the development corpus when it
    is beside the checkout): a fixed note has no safe fix left, fixing it again changes
    nothing, and no note loses more than a fifth of its words."""
    unsafe_left, changed_again, lossy, fixed_notes = [], [], [], 0
    for name, text in NOTES:
        once = fix_note(LINTER, note_from_text(text, "note.txt"))
        fixed_notes += once.changed
        if chosen(once.remaining):
            unsafe_left.append(name)
        twice = fix_note(LINTER, note_from_text(once.text, "note.txt"))
        if twice.text != once.text:
            changed_again.append(name)
        if len(once.text.split()) < 0.8 * len(text.split()):
            lossy.append(name)
    assert not unsafe_left
    assert not changed_again
    assert not lossy
    assert fixed_notes >= 40  # the corpora have plenty to fix: this test is not idle


def test_unified_diff_is_empty_for_no_change_and_marks_a_missing_final_newline() -> None:
    assert unified_diff("a.txt", "same\n", "same\n") == ""
    diff = unified_diff("a.txt", "thx", "thanks")
    assert diff.splitlines() == [
        "--- a/a.txt",
        "+++ b/a.txt",
        "@@ -1 +1 @@",
        "-thx",
        "\\ No newline at end of file",
        "+thanks",
        "\\ No newline at end of file",
    ]


@pytest.mark.parametrize("unsafe", [False, True])
def test_python_api_fix_text(unsafe: bool) -> None:
    import notelint

    text = "Hey Sam,\n\nthx for the chat!! It was awesome.\n\nBest,\nAna\n"
    fixed = notelint.fix_text(text, unsafe=unsafe)
    assert fixed.startswith("Dear Sam,\n\n") and "thanks for the chat." in fixed
    assert ("awesome" in fixed) is not unsafe
    assert notelint.fix_text(fixed, unsafe=unsafe) == fixed


# Note-like pieces with plenty to fix, and arbitrary characters between them.
FIXABLE = st.sampled_from(
    ["Hey Sam,", "\n", "\r\n", " ", "!!", "?!", "!", "SO excited", "so so", "sooo", "🎉", ":)",
     "thx", "gonna", "u", "super interesting", "REALLY", "awesome", "---\n", "**", "`x`",
     "> ", "Best regards,", "Ana", "I remain very interested in the role."]
)  # fmt: skip
NOTE_TEXT = st.lists(st.one_of(FIXABLE, st.text(max_size=6)), max_size=30).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NOTE_TEXT, st.sampled_from(["note.txt", "note.md"]))
def test_fixing_any_text_is_idempotent_and_keeps_front_matter(text: str, name: str) -> None:
    try:
        note = note_from_text(text, name)
    except SourceError:
        return  # front matter that is not YAML: not a note
    once = fix_note(LINTER, note)
    assert fix_note(LINTER, note_from_text(once.text, name)).text == once.text
    front = re.match(r"---\r?\n.*?\r?\n---\r?\n", note.text, re.DOTALL)
    if front and note.masked.startswith(" " * 3):
        assert once.text.startswith(front.group())
