"""Lint results -> diagnostics, hovers and code actions (pure, no server)."""

from __future__ import annotations

from dataclasses import replace

from lsprotocol import types

from notelint.lsp.convert import (
    LintResult,
    code_actions,
    config_diagnostics,
    config_problems,
    diagnostics,
    fix_all_action,
    hover,
)
from notelint.model import Fix, Rule, Severity, Violation
from notelint.positions import LineIndex

TEXT = "Hi Dana,\n\nCafé 😀 was the best ever. I came in order to learn.\nBye\n"
RULES = {
    "hyperbole": Rule(
        "hyperbole", "existence", Severity.WARNING, "m", "Say what impressed you.", link=None
    ),
    "wordy": Rule(
        "wordy", "substitution", Severity.INFO, "m", "Short words.", link="https://x.test/wordy"
    ),
}


def violation(text: str, phrase: str, rule: str, severity: Severity, fix: Fix | None = None):
    start = text.index(phrase)
    end = start + len(phrase)
    index = LineIndex(text.removeprefix("\ufeff"))
    shift = 1 if text.startswith("\ufeff") else 0
    line, col = index.line_col(start - shift)
    end_line, end_col = index.line_col(end - shift)
    return Violation(
        "n.md", line, col, rule, severity, f"{rule} here", end_line, end_col, fix,
        start - shift, end - shift,
    )  # fmt: skip


def result(text: str = TEXT, fmt: str = "md") -> LintResult:
    return LintResult(
        uri="file:///n.md",
        version=3,
        text=text,
        format=fmt,
        violations=(
            violation(text, "the best ever", "hyperbole", Severity.WARNING),
            violation(text, "in order to", "wordy", Severity.INFO, Fix("Replace with to", "to")),
        ),
        rules=RULES,
    )


def test_diagnostics_fields_and_utf16_ranges() -> None:
    hyper, wordy = diagnostics(result(), "utf-16")
    # "Café 😀 was " is 11 code points, 12 UTF-16 units.
    assert hyper.range == types.Range(
        start=types.Position(line=2, character=12), end=types.Position(line=2, character=25)
    )
    assert (hyper.code, hyper.source, hyper.severity) == (
        "hyperbole",
        "notelint",
        types.DiagnosticSeverity.Warning,
    )
    assert hyper.code_description is None
    assert wordy.severity == types.DiagnosticSeverity.Information
    assert wordy.code_description == types.CodeDescription(href="https://x.test/wordy")


def test_a_byte_order_mark_shifts_nothing_on_the_client_side() -> None:
    (hyper, _) = diagnostics(result("\ufeff" + TEXT), "utf-16")
    assert hyper.range.start == types.Position(line=2, character=12)


def test_unreadable_note_is_one_diagnostic() -> None:
    broken = LintResult("file:///n.md", 1, "---\n- x\n---\n", "md", error="bad front matter")
    (diag,) = diagnostics(broken, "utf-16")
    assert "bad front matter" in diag.message
    assert diag.range.start.line == 0


def test_code_actions_use_lines_not_columns() -> None:
    # A byte-counted column (as Neovim 0.7 sends) past the UTF-16 end of the phrase.
    line = TEXT.split("\n")[2]
    byte_col = len(line.encode("utf-8"))
    asked = types.Range(
        start=types.Position(line=2, character=byte_col),
        end=types.Position(line=2, character=byte_col),
    )
    actions = code_actions(result(), "utf-16", asked)
    assert [a.title for a in actions] == [
        "Replace with to",
        "Disable hyperbole for this note",
        "Disable wordy for this note",
    ]
    fix = actions[0]
    assert fix.edit is not None and fix.edit.changes is not None
    (edit,) = fix.edit.changes["file:///n.md"]
    assert edit.new_text == "to"
    assert edit.range.start == types.Position(line=2, character=line.index("in order") + 1)
    assert fix.diagnostics is not None and fix.diagnostics[0].code == "wordy"


def test_no_actions_elsewhere_or_for_other_kinds_or_formats() -> None:
    line3 = types.Range(
        start=types.Position(line=3, character=0), end=types.Position(line=3, character=2)
    )
    assert code_actions(result(), "utf-16", line3) == []
    line2 = types.Range(
        start=types.Position(line=2, character=0), end=types.Position(line=2, character=0)
    )
    assert code_actions(result(), "utf-16", line2, only=[types.CodeActionKind.Refactor]) == []
    assert code_actions(result(), "utf-16", line2, only=[types.CodeActionKind.QuickFix])
    # An e-mail has no front matter: only the quick fix.
    titles = [a.title for a in code_actions(result(fmt="eml"), "utf-16", line2)]
    assert titles == ["Replace with to"]


def test_hover_shows_why_on_the_span_only() -> None:
    on = hover(result(), "utf-16", types.Position(line=2, character=15))
    assert on is not None and isinstance(on.contents, types.MarkupContent)
    assert "Say what impressed you." in on.contents.value
    assert "**hyperbole**" in on.contents.value
    assert hover(result(), "utf-16", types.Position(line=2, character=2)) is None
    linked = hover(result(), "utf-16", types.Position(line=2, character=40))
    assert linked is not None and "https://x.test/wordy" in str(linked.contents)


def test_config_problems_become_line_diagnostics() -> None:
    from notelint.config import ConfigProblem

    grouped = config_problems(
        [
            ConfigProblem("/p/.notelint.yaml", 3, "unknown rule 'x'"),
            ConfigProblem("/p/.notelint.yaml", None, "config file not found"),
        ]
    )
    assert grouped == {"/p/.notelint.yaml": [(2, "unknown rule 'x'"), (0, "config file not found")]}
    text = "rules:\n  hyperbole: off\n  x: {severity: error}\n"
    first, _ = config_diagnostics(text, grouped["/p/.notelint.yaml"], "utf-16")
    assert first.range.start == types.Position(line=2, character=0)
    assert first.range.end == types.Position(line=2, character=len("  x: {severity: error}"))


def test_each_suggestion_is_an_action_and_none_is_preferred() -> None:
    from notelint.model import Applicability, Edit, FixOption

    start = TEXT.index("the best ever")
    end = start + len("the best ever")
    options = tuple(
        FixOption(f"Replace with {w}", (Edit(start, end, w),)) for w in ("good", "useful")
    )
    fix = Fix("Replace with good", "good", Applicability.SUGGESTION, options)
    suggested = LintResult(
        "file:///n.md", 3, TEXT, "md", (violation(TEXT, "the best ever", "hyperbole",
        Severity.WARNING, fix),), RULES,
    )  # fmt: skip
    line2 = types.Range(start=types.Position(line=2, character=0), end=types.Position(2, 0))
    actions = [
        a for a in code_actions(suggested, "utf-16", line2) if a.edit and "Replace" in a.title
    ]
    assert [(a.title, a.is_preferred) for a in actions] == [
        ("Replace with good", False),
        ("Replace with useful", False),
    ]


def test_fix_all_is_one_edit_over_the_changed_part_and_never_for_decoded_text() -> None:
    text = "\ufeffHi Dana,\n\nthx!! See you.\n"
    fixed = "Hi Dana,\n\nthanks. See you.\n"
    plain = LintResult("file:///n.md", 3, text, "md")
    action = fix_all_action(plain, "utf-16", fixed)
    assert action is not None and action.kind == types.CodeActionKind.SourceFixAll
    assert action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes["file:///n.md"]
    # "thx!!" -> "thanks." on line 2 (the BOM is not a character of the note)
    assert (edit.range.start.line, edit.range.start.character) == (2, 2)
    assert (edit.range.end.line, edit.range.end.character) == (2, 5)
    assert edit.new_text == "anks."
    assert fix_all_action(plain, "utf-16", text[1:]) is None  # nothing to fix
    decoded = LintResult("file:///n.eml", 1, text, "eml", decoded=True)
    assert fix_all_action(decoded, "utf-16", fixed) is None
    line2 = types.Range(start=types.Position(2, 0), end=types.Position(2, 0))
    assert code_actions(replace(result(), decoded=True), "utf-16", line2) == [
        a for a in code_actions(result(), "utf-16", line2) if a.title.startswith("Disable")
    ]
