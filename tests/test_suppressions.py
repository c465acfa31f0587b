"""Turning rules off where the writer means it: front matter, inline directives in
Markdown and HTML, and per-file config; broken directives are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint.cli import cli
from notelint.config import default_ruleset
from notelint.linter import Linter

HYPE = "It was the best interview I have ever had."
WAIT = "I can't wait to hear back."
LINTER = Linter(default_ruleset(), select=["hyperbole", "enthusiasm", "directive"])


def found(text: str, filename: str = "note.md") -> list[tuple[str, int]]:
    return [(v.rule, v.line) for v in LINTER.lint_text(text, filename)]


def messages(text: str, filename: str = "note.md") -> list[str]:
    return [v.message for v in LINTER.lint_text(text, filename) if v.rule == "directive"]


# -- front matter -------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["txt", "md"])
def test_front_matter_disables_a_rule_for_the_note(suffix: str) -> None:
    text = f"---\nnotelint: {{disable: [hyperbole]}}\n---\n{HYPE}\n{WAIT}\n"
    assert found(text, f"note.{suffix}") == [("enthusiasm", 5)]


def test_front_matter_naming_an_unknown_rule_is_reported_at_the_id() -> None:
    text = f"---\nnotelint:\n  disable: [hyperbol]\n---\n{HYPE}\n"
    result = LINTER.lint_text(text, "note.md")
    assert [(v.rule, v.line, v.column) for v in result] == [
        ("directive", 3, 13),
        ("hyperbole", 5, result[1].column),
    ]
    assert 'unknown rule "hyperbol"' in result[0].message


# -- inline directives ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "comment"),
    [("md", "<!-- {} -->"), ("html", "<p><!-- {} --></p>")],
)
def test_disable_and_enable_a_range(fmt: str, comment: str) -> None:
    lines = [
        comment.format("notelint-disable hyperbole"),
        HYPE,
        WAIT,
        comment.format("notelint-enable hyperbole"),
        HYPE,
    ]
    text = "\n\n".join(f"<p>{x}</p>" if fmt == "html" and "<p>" not in x else x for x in lines)
    assert found(text, f"note.{fmt}") == [("enthusiasm", 5), ("hyperbole", 9)]


def test_disable_without_ids_switches_every_rule_off_until_enable() -> None:
    text = f"<!-- notelint-disable -->\n{HYPE}\n{WAIT}\n<!-- notelint-enable -->\n\n{WAIT}\n"
    assert found(text) == [("enthusiasm", 6)]


def test_a_disable_without_enable_lasts_to_the_end() -> None:
    assert found(f"{HYPE}\n\n<!-- notelint-disable -->\n\n{HYPE}\n\n{WAIT}\n") == [("hyperbole", 1)]


def test_enable_one_rule_inside_a_disable_all() -> None:
    text = f"<!-- notelint-disable -->\n<!-- notelint-enable enthusiasm -->\n\n{HYPE} {WAIT}\n"
    assert found(text) == [("enthusiasm", 4)]


def test_disable_next_line() -> None:
    text = f"<!-- notelint-disable-next-line enthusiasm -->\n{WAIT}\n\n{WAIT}\n"
    assert found(text) == [("enthusiasm", 4)]
    text = f"<!-- notelint-disable-next-line -->\n{HYPE} {WAIT}\n\n{HYPE}\n"
    assert found(text) == [("hyperbole", 4)]


def test_several_ids_with_commas_and_a_reason() -> None:
    text = (
        "<!-- notelint-disable-next-line hyperbole, enthusiasm -- quoting them -->\n"
        f"{HYPE} {WAIT}\n"
    )
    assert found(text) == []


def test_a_directive_in_a_code_block_is_not_a_directive() -> None:
    text = f"```\n<!-- notelint-disable -->\n```\n\n{HYPE}\n"
    assert found(text) == [("hyperbole", 5)]


def test_plain_text_has_no_comment_directives() -> None:
    text = f"<!-- notelint-disable -->\n{HYPE}\n"
    assert ("hyperbole", 2) in found(text, "note.txt")


# -- broken directives ------------------------------------------------------------


def test_unknown_rule_is_reported_and_the_known_ones_still_work() -> None:
    text = f"<!-- notelint-disable-next-line hyperbol, enthusiasm -->\n{HYPE} {WAIT}\n"
    result = LINTER.lint_text(text, "note.md")
    assert [(v.rule, v.line, v.column) for v in result] == [
        ("directive", 1, 33),
        ("hyperbole", 2, result[1].column),
    ]
    assert result[0].end_column == 41  # the id itself


@pytest.mark.parametrize(
    ("directive", "expected"),
    [
        ("notelint-disabel hyperbole", "malformed notelint directive"),
        ("notelint disable", "malformed notelint directive"),
        ("notelint-disable Hyperbole!", "is not a rule id"),
        ("notelint-enable hyperbole", "has no matching notelint-disable"),
        ("notelint-enable", "has no matching notelint-disable"),
    ],
)
def test_malformed_directives_are_reported(directive: str, expected: str) -> None:
    result = messages(f"Dear Dana,\n\n<!-- {directive} -->\n")
    assert len(result) == 1 and expected in result[0]


def test_disable_next_line_on_the_last_line_is_reported() -> None:
    assert "no next line" in messages("Dear Dana,\n<!-- notelint-disable-next-line -->")[0]


def test_a_broken_directive_is_reported_even_where_every_rule_is_off() -> None:
    text = f"<!-- notelint-disable -->\n{HYPE}\n<!-- notelint-enable hyperbol -->\n"
    assert [r for r, _ in found(text)] == ["directive"]


def test_directive_problems_can_be_ignored_like_any_rule() -> None:
    text = "<!-- notelint-dsable -->\n"
    assert messages(text)
    linter = Linter(default_ruleset(), ignore=["directive"])
    assert not [v for v in linter.lint_text(text, "n.md") if v.rule == "directive"]


def test_html_directives() -> None:
    text = (
        "<p>Dear Dana,</p>\n<!-- notelint-disable-next-line hyperbole -->\n"
        f"<p>{HYPE}</p>\n<!-- notelint-frobnicate -->\n"
    )
    assert found(text, "note.html") == [("directive", 4)]


# -- per-file config, end to end -------------------------------------------------


def test_per_file_config_disables_rules_for_matching_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".notelint.yaml").write_text(
        'per_file:\n  "archive/**": {disable: [hyperbole]}\n  "*.html": {disable: [enthusiasm]}\n'
    )
    (tmp_path / "archive" / "old").mkdir(parents=True)
    for rel in ("archive/old/a.md", "draft.md", "draft.html"):
        (tmp_path / rel).write_text(f"{HYPE}\n\n{WAIT}\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli, ["check", "--format", "json", "--select", "hyperbole,enthusiasm", "."]
    )
    pairs = sorted((v["path"], v["rule"]) for v in json.loads(result.stdout))
    assert pairs == [
        ("archive/old/a.md", "enthusiasm"),
        ("draft.html", "hyperbole"),
        ("draft.md", "enthusiasm"),
        ("draft.md", "hyperbole"),
    ]
