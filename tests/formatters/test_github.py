"""--format github: workflow commands and their escaping."""

from __future__ import annotations

from notelint.formatters.github import command, escape_data, escape_property, render
from tests.formatters.shared import OPTIONS, VIOLATIONS, report


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_escaping() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a, b: 50%\n") == "a%2C b%3A 50%25%0A"
    assert unescape(escape_property("x%0A,:%")) == "x%0A,:%"


def test_command_shape() -> None:
    assert (
        command("warning", "m", file="a.md", line=1, title=None) == "::warning file=a.md,line=1::m"
    )
    assert command("error", "no properties") == "::error::no properties"


def test_one_annotation_per_violation_then_errors() -> None:
    lines = render(report(), OPTIONS).splitlines()
    assert len(lines) == len(VIOLATIONS) + 1
    assert [line.split(" ", 1)[0] for line in lines] == [
        "::error", "::warning", "::notice", "::warning", "::notice", "::error"
    ]  # fmt: skip
    tricky = lines[3]
    head, _, message = tricky[2:].partition("::")
    props = dict(p.split("=", 1) for p in head.split(" ", 1)[1].split(","))
    assert unescape(props["file"]) == VIOLATIONS[3].path
    assert (props["line"], props["col"], props["endLine"], props["endColumn"]) == (
        "2",
        "3",
        "3",
        "8",
    )
    assert props["title"] == "hyperbole"
    assert "\n" not in message and unescape(message) == VIOLATIONS[3].message
    assert lines[-1] == "::error file=drafts/missing.md,title=notelint::no such file or folder"


def test_a_config_problem_points_at_its_line() -> None:
    from notelint.config import ConfigProblem
    from notelint.linter import InputError, Report

    error = InputError.from_config(ConfigProblem("cfg/.notelint.yaml", 3, "unknown rule 'nope'"))
    assert str(error) == "cfg/.notelint.yaml:3: unknown rule 'nope'"
    out = render(Report(errors=[error]), OPTIONS)
    assert out == "::error file=cfg/.notelint.yaml,line=3,title=notelint::unknown rule 'nope'"
