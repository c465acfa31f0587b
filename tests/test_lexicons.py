"""Lexicons: shared word classes, referred to as `$name`, extended from a config."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from notelint.config import ConfigError, default_ruleset, load_config
from notelint.lexicons import default_lexicons, expand, extended, references
from notelint.linter import Linter
from tests.conftest import ROOT


def test_a_reference_expands_in_place_among_other_words() -> None:
    table = {"weekdays": ("monday", "tuesday")}
    pattern = [{"LOWER": {"IN": ["$weekdays", "noon"]}}, {"LOWER": "$5"}]
    assert expand(pattern, table) == [
        {"LOWER": {"IN": ["monday", "tuesday", "noon"]}},
        {"LOWER": "$5"},
    ]
    assert list(references(pattern)) == ["weekdays"]


def test_extending_adds_words_once_and_new_lexicons() -> None:
    table = extended({"job": ("role", "post")}, {"job": ["post", "stint"], "mine": ["x"]})
    assert table == {"job": ("role", "post", "stint"), "mine": ("x",)}


def test_the_shipped_rules_refer_only_to_known_lexicons_and_use_them() -> None:
    text = (ROOT / "rules.yaml").read_text("utf-8")
    used = set(re.findall(r"\$([a-z][a-z0-9_-]*)", text))
    assert used <= set(default_lexicons())
    # every lexicon serves a rule: referred to in rules.yaml or read by a kind
    code = "".join(p.read_text("utf-8") for p in (ROOT / "src" / "notelint").rglob("*.py"))
    in_code = set(re.findall(r"(?:LEXICONS|default_lexicons\(\))\[\"([a-z][a-z0-9_-]*)\"\]", code))
    assert set(default_lexicons()) - used - in_code == set()
    # built rules hold plain words, never a reference
    for rule in default_ruleset().rules:
        assert not list(references(rule.options)), rule.id


def test_no_rules_line_is_longer_than_160_characters() -> None:
    for n, line in enumerate((ROOT / "rules.yaml").read_text("utf-8").splitlines(), 1):
        assert len(line) <= 160, f"rules.yaml:{n} has {len(line)} characters"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".notelint.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def test_a_config_adds_words_to_a_shipped_lexicon(tmp_path: Path) -> None:
    note = "Dear Ms. Lee,\n\nPlease let me know by Feastday.\n\nBest,\nJo"
    plain = Linter(default_ruleset()).lint_text(note)
    assert "overeager" not in {v.rule for v in plain}
    cfg = write(tmp_path, "lexicons:\n  weekdays: [feastday]\n")
    found = Linter(load_config(cfg)).lint_text(note)
    assert "overeager" in {v.rule for v in found}


def test_a_users_rule_may_use_shipped_and_own_lexicons(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        lexicons:
          gadgets: [widget, gizmo]
        rules:
          no-gadgets:
            kind: existence
            message: "avoid {text}"
            patterns:
              - [{LOWER: {IN: [$gadgets]}}, {LOWER: {IN: [$weekdays]}}]
        """,
    )
    found = Linter(load_config(cfg)).lint_text("I saw the gizmo Monday at the lab.")
    assert [v.message for v in found if v.rule == "no-gadgets"] == ["avoid gizmo Monday"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "rules:\n  my-rule:\n    kind: existence\n    message: m\n"
            "    patterns: [[{LOWER: {IN: [$nosuch]}}]]\n",
            "CFG:5: option 'patterns' of 'my-rule' refers to unknown lexicon '$nosuch'; "
            "known lexicons: ",
        ),
        ("lexicons: [a, b]\n", "CFG:1: 'lexicons' must be a mapping of lexicon name to words"),
        ("lexicons:\n  job: stint\n", "CFG:2: lexicon 'job' must be a list of words"),
        ("lexicons:\n  Bad Name: [x]\n", "CFG:2: lexicon name 'Bad Name' must be lower-case"),
    ],
)
def test_lexicon_problems_name_their_line(tmp_path: Path, text: str, message: str) -> None:
    cfg = tmp_path / ".notelint.yaml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(cfg)
    got = [str(p).replace(str(cfg), "CFG") for p in info.value.problems]
    assert any(p.startswith(message) for p in got), got


def test_a_config_extends_the_letters_lexicons(tmp_path: Path) -> None:
    note = "Ahoy Ms. Lee,\n\nThank you for the interview.\n\nBest,\nJo Park\n"
    assert "salutation" not in {v.rule for v in Linter(default_ruleset()).lint_text(note)}
    cfg = write(tmp_path, "lexicons:\n  greetings: [ahoy]\n  casual-greetings: [ahoy]\n")
    found = [v for v in Linter(load_config(cfg)).lint_text(note) if v.rule == "salutation"]
    assert [v.message.split(" is ")[0] for v in found] == ['"Ahoy Ms. Lee"']
