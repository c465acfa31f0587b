"""The interview as context, end to end: front matter, --context / --today flags, the
config file, their precedence (config < front matter < flags), and no context at all."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint.cli import cli
from notelint.model import Context
from notelint.sources import note_from_text, parse_context

BODY = textwrap.dedent(
    """\
    Dear Ms. Chan,

    Thank you for meeting with me on Friday. It was a pleasure to hear about the plan to
    move the order service to AWS Lambda. I remain very interested in the Data Analyst
    position at Initech.

    Best regards,
    Tom
    """
)
FRONT = textwrap.dedent(
    """\
    ---
    interviewer: Dana Chen
    company: Acme Robotics
    position: Data Engineer
    interview_date: 2026-11-20
    ---
    """
)
CONTEXT_RULES = "salutation,timing,personalization"


def run(
    args: list[str], cwd: Path, stdin: str | None = None, select: str = CONTEXT_RULES
) -> tuple[int, list[dict]]:
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        result = runner.invoke(
            cli, ["check", "--format", "json", "--select", select, *args], input=stdin
        )
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def summary(found: list[dict]) -> set[tuple[str, str]]:
    return {(v["rule"], v["message"].split(";")[0]) for v in found}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["note.md", "note.txt"])
def test_front_matter(tmp_path: Path, name: str) -> None:
    write(tmp_path, name, FRONT + BODY)
    code, found = run(["--today", "2026-11-25", name], tmp_path)
    assert code == 1
    assert summary(found) == {
        ("timing", "it has been 5 days since the interview"),
        ("salutation", 'the greeting spells the name "Chan"'),
        (
            "personalization",
            'the note names the "Data Analyst" job, but this interview was for Data Engineer',
        ),
        ("personalization", 'the note names "Initech", but this interview was with Acme Robotics'),
    }
    # positions count lines of the file, front matter included
    salutation = next(v for v in found if v["rule"] == "salutation")
    assert (salutation["line"], salutation["column"], salutation["end_column"]) == (7, 10, 14)
    assert salutation["fix"]["replacement"] == "Chen"


def test_front_matter_is_not_linted(tmp_path: Path) -> None:
    # The front matter's "interviewer: Dana Chen" line is not a greeting or the body.
    write(tmp_path, "note.md", FRONT + BODY.replace("Dear Ms. Chan", "Dear Ms. Chen"))
    _, found = run(["--today", "2026-11-21", "note.md"], tmp_path, select="salutation,sign-off")
    assert found == []


def test_flags(tmp_path: Path) -> None:
    write(tmp_path, "note.txt", BODY)
    code, found = run(
        [
            "--context",
            "interviewer=Dana Chen",
            "--context",
            "company=Acme Robotics",
            "--context",
            "position=Data Engineer",
            "--context",
            "interview-date=2026-11-20",
            "--today",
            "2026-11-23",
            "note.txt",
        ],
        tmp_path,
    )
    assert code == 1
    rules = sorted(v["rule"] for v in found)
    assert rules == ["personalization", "personalization", "salutation", "timing"]
    assert any("3 days" in v["message"] for v in found)


def test_flags_on_standard_input(tmp_path: Path) -> None:
    code, found = run(
        ["--context", "interviewer=Sam Lee,Dana Chen", "--stdin-filename", "draft.md", "-"],
        tmp_path,
        stdin=BODY,
    )
    assert [(v["path"], v["rule"]) for v in found] == [("draft.md", "salutation")]
    assert found[0]["fix"]["replacement"] == "Chen"


def test_bad_flags_are_usage_errors(tmp_path: Path) -> None:
    write(tmp_path, "note.txt", BODY)
    runner = CliRunner()
    for args in (
        ["--context", "mood=great"],
        ["--context", "interview_date=last tuesday"],
        ["--today", "tomorrow"],
    ):
        result = runner.invoke(cli, ["check", *args, str(tmp_path / "note.txt")])
        assert result.exit_code == 2, args


def test_config_file(tmp_path: Path) -> None:
    write(
        tmp_path,
        ".notelint.yaml",
        "context:\n  interviewer: [Dana Chen]\n  company: Acme Robotics\n"
        "  position: Data Engineer\n  interview_date: 2026-11-20\n",
    )
    write(tmp_path, "note.txt", BODY)
    _, found = run(["--today", "2026-11-21", "note.txt"], tmp_path)
    assert sorted(v["rule"] for v in found) == ["personalization", "personalization", "salutation"]
    # and with --config from elsewhere
    other = tmp_path / "elsewhere"
    other.mkdir()
    _, again = run(
        [
            "--config",
            str(tmp_path / ".notelint.yaml"),
            "--today",
            "2026-11-21",
            str(tmp_path / "note.txt"),
        ],
        other,
    )
    assert summary(again) == summary(found)


def test_precedence_config_then_front_matter_then_flags(tmp_path: Path) -> None:
    write(tmp_path, ".notelint.yaml", "context:\n  interviewer: Pat Kim\n")
    write(tmp_path, "plain.txt", "Dear Mr. Kim,\n\nThanks.\n")
    write(tmp_path, "front.txt", "---\ninterviewer: Dana Chen\n---\nDear Mr. Kim,\n\nThanks.\n")
    _, found = run(["plain.txt", "front.txt"], tmp_path)
    # the config's interviewer holds for plain.txt; front.txt's own front matter wins
    assert [(v["path"], v["rule"]) for v in found] == [("front.txt", "salutation")]
    assert "Dana Chen" in found[0]["message"]
    # a flag wins over both
    _, flagged = run(["--context", "interviewer=Sam Lee", "plain.txt", "front.txt"], tmp_path)
    assert sorted(v["path"] for v in flagged) == ["front.txt", "plain.txt"]
    assert all("Sam Lee" in v["message"] for v in flagged)


def test_no_context_at_all(tmp_path: Path) -> None:
    write(tmp_path, "note.txt", BODY)
    code, found = run(["note.txt"], tmp_path)
    # no interviewer: any name is fine; no company or date: nothing to compare
    assert (code, found) == (0, [])


def test_bad_front_matter_context_is_an_input_error(tmp_path: Path) -> None:
    write(tmp_path, "bad.md", "---\ninterview_date: soon\n---\nDear Dana,\n")
    write(tmp_path, "good.md", BODY)
    result = CliRunner().invoke(
        cli, ["check", "--format", "json", "--select", "salutation", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "interview_date" in result.stderr
    assert json.loads(result.stdout) == []  # good.md was still linted (and is clean)


# --------------------------------------------------------------------------- parsing
def test_front_matter_values_become_context() -> None:
    note = note_from_text(FRONT + BODY, "note.md")
    assert note.context == Context(
        interviewer=("Dana Chen",),
        company="Acme Robotics",
        position="Data Engineer",
        interview_date=dt.date(2026, 11, 20),
    )
    assert note.masked.startswith(" " * 3 + "\n")  # the front matter is blanked


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-20", dt.date(2026, 11, 20)),
        (dt.date(2026, 11, 20), dt.date(2026, 11, 20)),
        (dt.datetime(2026, 11, 20, 10, 0), dt.date(2026, 11, 20)),  # YAML timestamps
        ("2026-11-20 10:00", dt.date(2026, 11, 20)),
        ("2026-11-20T10:00", dt.date(2026, 11, 20)),
    ],
)
def test_interview_dates(value: object, expected: dt.date) -> None:
    assert parse_context({"interview_date": value}).interview_date == expected


def test_a_yaml_timestamp_in_front_matter_works_end_to_end(tmp_path: Path) -> None:
    write(tmp_path, "note.md", "---\ninterview_date: 2026-11-20 10:00:00\n---\n" + BODY)
    _, found = run(["--today", "2026-11-25", "note.md"], tmp_path)
    assert [v["rule"] for v in found] == ["timing"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Dana Chen", ("Dana Chen",)),
        ("Dana Chen, Sam Lee", ("Dana Chen", "Sam Lee")),
        ("Dana Chen and Sam Lee", ("Dana Chen", "Sam Lee")),
        (["Dana Chen", " Sam Lee "], ("Dana Chen", "Sam Lee")),
    ],
)
def test_interviewer_names(value: object, expected: tuple[str, ...]) -> None:
    assert parse_context({"interviewer": value}).interviewer == expected


@pytest.mark.parametrize(
    "data",
    [
        {"interviewer": 42},
        {"interviewer": {"name": "Dana"}},
        {"interview_date": "next week"},
        {"company": ["Acme"]},
        {"mood": "great"},
    ],
)
def test_bad_context_values(data: dict) -> None:
    with pytest.raises(ValueError):
        parse_context(data)
