"""Config and front matter say what is wrong, where, and with every problem at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from notelint.config import load_config
from notelint.kinds import KINDS
from notelint.linter import Linter
from notelint.sources import SourceError, note_from_text
from tests.test_config import problems, write

README = Path(__file__).resolve().parents[1] / "README.md"


def test_duplicate_keys_are_errors_not_silently_dropped(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        rules:
          hyperbole: {severity: error}
          enthusiasm: off
          hyperbole: {phrases: [second to none]}
        context:
          company: Acme
          company: Acme Robotics
        """,
    )
    assert problems(cfg) == [
        "CFG:4: duplicate key 'hyperbole' (first on line 2); merge the two into one entry",
        "CFG:7: duplicate key 'company' (first on line 6); merge the two into one entry",
    ]


def test_the_readme_config_example_loads_as_documented(tmp_path: Path) -> None:
    """Pasted as is, the README's example keeps every setting it shows."""
    section = README.read_text(encoding="utf-8").split("## Configuration", 1)[1]
    example = re.search(r"```yaml\n(extends: default.*?)```", section, re.DOTALL)
    assert example is not None
    cfg = tmp_path / ".notelint.yaml"
    cfg.write_text(example[1], encoding="utf-8")
    ruleset = load_config(cfg)
    hyperbole = ruleset.get("hyperbole")
    assert hyperbole is not None and hyperbole.severity == "error"
    assert "second to none" in hyperbole.options["phrases"]
    assert "enthusiasm" not in {r.id for r in ruleset.rules}
    assert ruleset.get("no-salary") is not None


def test_context_problems_each_at_their_own_line_and_all_at_once(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        context:
          company: Acme
          interview_date: yesterday
          compnay: Acme
        rules:
          hyperbole: {severity: loud}
        """,
    )
    assert problems(cfg) == [
        "CFG:3: context key 'interview_date' must be a date like 2026-11-24, not 'yesterday'",
        "CFG:4: unknown context key 'compnay' (did you mean 'company'?); expected one of "
        "interviewer, company, position, interview_date",
        "CFG:6: severity of 'hyperbole' should be error, warning or info, not 'loud'",
    ]


def test_errors_say_what_value_they_found(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        rules:
          length: {max: lots, mni: 3}
          mine: {kind: regex, regexes: 'x+', message: "{text}", severity: 3}
        """,
    )
    assert problems(cfg) == [
        "CFG:2: option 'max' of 'length' should be a whole number, not 'lots'",
        "CFG:2: unknown option 'mni' (did you mean 'min'?) for rule 'length' (kind word-count); "
        "expected one of severity, message, why, min, max",
        "CFG:3: option 'regexes' of 'mine' should be a list of texts, not 'x+'",
        "CFG:3: severity of 'mine' should be error, warning or info, not 3",
    ]


def test_unknown_front_matter_keys_are_errors() -> None:
    """`compnay: Acme` would silently switch personalization off."""
    with pytest.raises(SourceError) as info:
        note_from_text("---\ncompnay: Acme\n---\nDear Dana,\n", "a.md")
    assert str(info.value) == (
        "unknown front matter key 'compnay' (did you mean 'company'?); expected one of "
        "interviewer, company, position, interview_date, notelint"
    )
    note = note_from_text("---\ncompany: Acme\n---\nDear Dana,\n", "a.md")
    assert note.context.company == "Acme"


def test_front_matter_reports_every_context_problem() -> None:
    with pytest.raises(SourceError, match="not 'yesterday'"):
        note_from_text("---\ninterview_date: yesterday\n---\nDear Dana,\n", "a.txt")


def test_a_substitution_message_can_show_its_replacement(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        rules:
          plain:
            kind: substitution
            message: '"{text}" is wordy; write "{replacement}" (or "{expected}")'
            swap: {in order to: to}
        """,
    )
    found = [
        v
        for v in Linter(load_config(cfg)).lint_text("I came in order to learn.")
        if v.rule == "plain"
    ]
    assert [v.message for v in found] == ['"in order to" is wordy; write "to" (or "to")']


def test_the_readme_documents_every_option_of_every_generic_kind() -> None:
    text = README.read_text(encoding="utf-8").split("The generic kinds for your own rules", 1)[1]
    text = text.split("\n\n```", 1)[0]
    rows = {
        m[1]: set(re.findall(r"`(\w+)`", re.sub(r"\([^)]*\)", "", m[2])))
        for m in re.finditer(r"^\| `([\w-]+)` \|[^|]*\| ([^|]*) \|", text, re.MULTILINE)
    }
    generic = {name: kind for name, kind in KINDS.items() if kind.generic}
    assert set(generic) == set(rows)
    for name, kind in generic.items():
        assert rows[name] == set(kind.Options.specs()), name


def test_duplicate_front_matter_keys_are_named() -> None:
    with pytest.raises(SourceError) as info:
        note_from_text("---\ncompany: A\ncompany: B\n---\nDear Dana,\n", "a.md")
    assert str(info.value) == (
        "front matter line 3: duplicate key 'company' (first on line 2); "
        "merge the two into one entry"
    )
