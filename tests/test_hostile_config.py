"""Configs from other people's repositories: user regular expressions that could hang the
linter, absurd sizes and `extends` outside the repository are errors at their key's line."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from notelint.config import ConfigError, load_config
from notelint.regexguard import regex_problem
from tests.test_cli import run


def write(folder: Path, text: str, name: str = ".notelint.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def problems(path: Path, **kwargs: object) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(path, **kwargs)  # type: ignore[arg-type]
    return [str(p).replace(str(path), "CFG") for p in info.value.problems]


@pytest.mark.parametrize(
    "pattern",
    ["(a+)+$", r"(\w+\s?)*$", "(.*,){20}", "(a|a?)+$", r"(?:\s*\w+)*!", "((a*))*b"],
)
def test_catastrophic_patterns_are_refused(pattern: str) -> None:
    problem = regex_problem(pattern)
    assert problem is not None and problem.startswith("can take exponential time")


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bgonna\b",
        r"super (?P<word>[a-z]+)",
        r"[A-Z][A-Z'’]*[A-Z](?: [A-Z][A-Z'’]*[A-Z])*",  # separated rounds: linear
        r"(?P<word>\w+)(?:,? (?P=word))+",
        r"(?:a++)+$",  # possessive: no backtracking inside
        r"(?>a+)+$",  # atomic
        r"(?:[^,]+,)+$",
        r"(a{2}){3}",
    ],
)
def test_ordinary_patterns_pass(pattern: str) -> None:
    assert regex_problem(pattern) is None


def test_regex_rule_with_nested_quantifier_is_an_error_at_its_line(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        rules:
          no-aaa:
            kind: regex
            message: "{text}"
            regexes:
              - "(a+)+$"
        """,
    )
    (found,) = problems(cfg)
    assert found.startswith("CFG:5: option 'regexes' of 'no-aaa': '(a+)+$' can take exponential")


def test_catastrophic_pattern_never_runs_from_the_cli(tmp_path: Path) -> None:
    """The classic `(a+)+$` against 'aaaa...!' would run for ages; it is refused first."""
    write(
        tmp_path,
        """
        rules:
          no-aaa: {kind: regex, message: "{text}", regexes: ["(a+)+$"]}
        """,
    )
    note = tmp_path / "note.txt"
    note.write_text("a" * 40 + "!\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "notelint", "check", str(note)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert ".notelint.yaml:2: option 'regexes' of 'no-aaa'" in result.stderr
    assert "exponential time" in result.stderr


def test_fix_table_match_is_guarded(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        rules:
          informal:
            fixes:
              - {match: "(\\\\w+ ?)+x", safe: "y"}
        """,
    )
    (found,) = problems(cfg)
    assert found.startswith("CFG:4: fixes of 'informal': 'match' can take exponential time")


def test_regex_inside_a_token_pattern_is_guarded(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        rules:
          no-aaa:
            kind: existence
            message: "{text}"
            patterns:
              - [{TEXT: {REGEX: "(a+)+$"}}]
        """,
    )
    (found,) = problems(cfg)
    assert "CFG:6:" in found and "exponential time" in found


def test_negative_limit_is_an_error(tmp_path: Path) -> None:
    cfg = write(tmp_path, "rules:\n  length: {max: -5}\n")
    assert problems(cfg) == ["CFG:2: option 'max' of 'length' should not be negative, not -5"]


def test_a_million_phrases_is_an_error(tmp_path: Path) -> None:
    phrases = "      - p\n" * 1_000_000
    cfg = tmp_path / "big.yaml"
    cfg.write_text("rules:\n  hyperbole:\n    phrases:\n" + phrases, encoding="utf-8")
    assert problems(cfg) == ["CFG:3: 'phrases' has 1,000,000 entries; at most 10,000"]


def test_a_pattern_of_megabytes_is_an_error(tmp_path: Path) -> None:
    cfg = tmp_path / "huge.yaml"
    cfg.write_text(
        "rules:\n  no-x:\n    kind: regex\n    message: x\n    regexes:\n      - "
        + "x" * 2_000_000
        + "\n",
        encoding="utf-8",
    )
    assert problems(cfg) == [
        "CFG:6: entry 1 of 'regexes' is 2,000,000 characters long; at most 10,000"
    ]


def test_a_long_regex_is_refused(tmp_path: Path) -> None:
    long = "x" * 5000
    cfg = write(tmp_path, f'rules:\n  no-x: {{kind: regex, message: x, regexes: ["{long}"]}}\n')
    (found,) = problems(cfg)
    assert found.startswith("CFG:2: option 'regexes' of 'no-x'")
    assert "is too long for a regular expression (5,000 characters; at most 1,000)" in found


# ------------------------------------------------------------------- extends
def _rule_set(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("rules:\n  shout: {kind: regex, message: x, regexes: [SHOUT]}\n", "utf-8")
    return path


def test_discovered_config_cannot_extend_outside_its_repository(tmp_path: Path) -> None:
    _rule_set(tmp_path / "elsewhere" / "rules.yaml")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "notes").mkdir()
    cfg = write(repo / "notes", "extends: ../../elsewhere/rules.yaml\n")
    (found,) = problems(cfg, discovered=True)
    assert found.startswith("CFG:1: 'extends' names '../../elsewhere/rules.yaml', which is outside")
    # inside the repository (above the config's folder) is fine
    _rule_set(repo / "shared" / "rules.yaml")
    cfg.write_text("extends: ../shared/rules.yaml\n", encoding="utf-8")
    assert "shout" in {r.id for r in load_config(cfg, discovered=True).rules}


def test_without_git_the_config_folder_is_the_limit(tmp_path: Path) -> None:
    _rule_set(tmp_path / "rules.yaml")
    (tmp_path / "notes").mkdir()
    cfg = write(tmp_path / "notes", "extends: ../rules.yaml\n")
    (found,) = problems(cfg, discovered=True)
    assert "outside the repository" in found


def test_cli_discovered_and_explicit_config(tmp_path: Path) -> None:
    _rule_set(tmp_path / "elsewhere" / "rules.yaml")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    cfg = write(repo, "extends: ../elsewhere/rules.yaml\n")
    note = repo / "note.txt"
    note.write_text("SHOUT\n", encoding="utf-8")
    code, _, err = run("check", "--select", "shout", str(note))
    assert code == 2 and "'extends' names '../elsewhere/rules.yaml', which is outside" in err
    code, out, _ = run("check", "--config", str(cfg), "--select", "shout", str(note))
    assert code == 1 and "shout" in out
