"""Lexicons: shared word classes, referred to as `$name`, extended from a config."""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from notelint.config import ConfigError, default_ruleset, load_config
from notelint.lexicons import default_lexicons, expand, extended, references, shipped_lexicons
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
    in_code = set(
        re.findall(r"(?:LEXICONS|lexicons|sets|\(\))\[[\"']([a-z][a-z0-9_-]*)[\"']\]", code)
    )
    # or inside another lexicon that is used
    inside = {r for words in shipped_lexicons().values() for r in references(list(words))}
    assert set(default_lexicons()) - used - in_code - inside == set()
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


# ---------------------------------------------------------------- a word list is written once
# Collections of string literals that stay in the kinds' code: grammar inside an algorithm
# (pronouns, determiners, clause breaks, negators), suffixes, punctuation and symbols, names
# that are not words, and regular expressions whose alternatives are shapes of text rather
# than a word class. Each is (file, name).
CODE_LISTS_ALLOWED = {
    ("composition.py", "KEYS"),  # the keys of a composition option
    ("composition.py", "_DETERMINERS"),
    ("composition.py", "_LINKING"),  # auxiliaries a wanting reaches its object through
    ("composition.py", "_DEGREE"),  # adverbs skipped before a sentence-opening predicate
    ("enthusiasm.py", "CATEGORIES"),  # the finding categories (message keys)
    ("interview.py", "_TITLE_ENDINGS"),  # suffixes, not words
    ("interview.py", "_TITLE_STOPWORDS"),
    ("interview.py", "_INTEREST_CUE"),  # stems matched as prefixes ("opportunit")
    ("interview.py", "_ORG"),  # the small words inside a company's name ("of", "de")
    ("letter.py", "_ABBREVIATION_END"),  # abbreviations as they are cased ("Ph.D", "LLC")
    ("letter.py", "lower"),  # small words inside a signature's name or title
    # phrase grammars of capitalised slots ("ADD COMPANY NAME HERE", "Your Full Name")
    ("placeholder.py", "BARE_INSTRUCTION"),
    ("placeholder.py", "BARE_SLOT"),
    ("placeholder.py", "CAPS_SLOT"),
    ("matching.py", "AFFIRMING"),
    ("matching.py", "CLAUSE_BREAKS"),  # punctuation
    ("matching.py", "CONTRAST"),
    ("matching.py", "DOUBT_CUES"),
    ("matching.py", "NEGATORS"),
    ("placeholder.py", "PRONOUNS"),
    ("placeholder.py", "SMALL_WORDS"),
    ("specific_detail.py", "FIRST_PERSON"),
    ("specific_detail.py", "_BREAKS"),
    ("specific_detail.py", "_JOINERS"),
    ("specific_detail.py", "_OPENERS"),  # punctuation
    ("specific_detail.py", "_OWN_PAST"),
}
# Regular expressions may spell out short alternations; five plain words or more in one
# group is a word list.
WORD_ALTERNATION = re.compile(r"(?:^|[(|:])(?:[A-Za-z']{2,}\|){4}[A-Za-z']{2,}(?:[|)]|$)")
PLAIN_WORDS = re.compile(r"[\w%'’.&+!…\s-]+")


def _string_lists(value: object, where: str) -> Iterator[tuple[str, list[str]]]:
    """Every list of strings inside parsed YAML, with where it is."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "examples":
                yield from _string_lists(item, f"{where}.{key}")
    elif isinstance(value, list):
        if value and all(isinstance(v, str) for v in value):
            yield where, value
        for i, item in enumerate(value):
            yield from _string_lists(item, f"{where}[{i}]")


def test_no_two_lexicons_hold_the_same_words() -> None:
    """A lexicon that another holds entirely is written there as `$name`, not pasted."""
    shipped, table = shipped_lexicons(), default_lexicons()

    def includes(outer: str, inner: str) -> bool:
        refs = set(references(list(shipped[outer])))
        return inner in refs or any(includes(r, inner) for r in refs if r in shipped)

    pasted = [
        (inner, outer)
        for inner in table
        for outer in table
        if inner != outer and set(table[inner]) <= set(table[outer]) and not includes(outer, inner)
    ]
    assert pasted == [], "lexicons holding another's words; write it as $name"


def test_no_rules_list_repeats_another_or_a_lexicon() -> None:
    """An inline list of four words or more in rules.yaml is written once: not twice in
    the file, not as a lexicon's words or a run of them (refer to the lexicon instead)."""
    data = yaml.safe_load((ROOT / "rules.yaml").read_text("utf-8"))
    table = default_lexicons()
    seen: dict[frozenset[str], str] = {}
    problems = []
    for where, items in _string_lists(data["rules"], "rules"):
        words = [w for w in items if not w.startswith("$")]
        if len(words) < 4:
            continue
        key = frozenset(items)
        if key in seen and seen[key] != where:
            problems.append(f"{where} repeats {seen[key]}: {items}")
        seen.setdefault(key, where)
        for name, lexicon in table.items():
            n = len(words)
            runs = (list(lexicon[i : i + n]) for i in range(len(lexicon) - n + 1))
            if set(words) == set(lexicon) or words in runs:
                problems.append(f"{where} pastes lexicon ${name}: {words}")
    assert not problems, "\n".join(problems)


def test_kinds_keep_no_word_lists_in_code() -> None:
    """Word classes are lexicons (data a user can read and extend), not Python literals:
    a collection of five string literals or more in a kind is a word list, unless it is
    one of the few grammatical sets allowed above (each of which is still there)."""
    found: list[tuple[str, str, str]] = []
    for path in sorted((ROOT / "src" / "notelint" / "kinds").glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assign | ast.AnnAssign):
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if not names or node.value is None or names[0] in ("OPTIONS", "EXTENDABLE"):
                continue  # option names, not words
            strings = [
                n.value
                for n in ast.walk(node.value)
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
            ]
            collections = [
                n for n in ast.walk(node.value) if isinstance(n, ast.List | ast.Tuple | ast.Set)
            ]
            if any(
                sum(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in c.elts) >= 5
                for c in collections
            ):
                found.append((path.name, names[0], ""))
            # words in a string made into a collection: frozenset("a b c d e".split())
            spelled = [s for s in strings if len(s.split()) >= 5 and PLAIN_WORDS.fullmatch(s)]
            if spelled and isinstance(node.value, ast.Call):
                found.append((path.name, names[0], " (words in a string)"))
            if any(WORD_ALTERNATION.search(s) for s in strings):
                found.append((path.name, names[0], " (a regex alternation of words)"))
    word_lists = [
        f"{f}: {name}{what}" for f, name, what in found if (f, name) not in CODE_LISTS_ALLOWED
    ]
    assert not word_lists, "\n".join(word_lists)
    gone = CODE_LISTS_ALLOWED - {(f, name) for f, name, _ in found}
    assert not gone, f"allowed, but no longer there: {sorted(gone)}"


def test_a_lexicon_included_in_another_carries_a_configs_words(tmp_path: Path) -> None:
    # greetings include $casual-greetings: a casual greeting added is a greeting too
    note = "Ahoy Ms. Lee,\n\nThank you for the interview.\n\nBest,\nJo Park\n"
    cfg = write(tmp_path, "lexicons:\n  casual-greetings: [ahoy]\n")
    found = [v for v in Linter(load_config(cfg)).lint_text(note) if v.rule == "salutation"]
    assert [v.message.split(" is ")[0] for v in found] == ['"Ahoy Ms. Lee"']


@pytest.mark.parametrize(
    ("lexicons", "note", "rule"),
    [
        # the placeholder kind reads slot-nouns from its rule
        (
            "slot-nouns: [gizmo]",
            "Dear Ms. Lee,\n\nThank you for showing me [the gizmo] on Tuesday.\n\nBest,\nJo",
            "placeholder",
        ),
        # the salutation kind reads unnamed-addressees from its rule: no one's name
        (
            "unnamed-addressees: [comrades]",
            "Dear Comrades,\n\nThank you for the interview.\n\nBest,\nJo",
            "salutation",
        ),
        # the personalization kind reads seniority: the "Engineer role" names the
        # Distinguished Engineer position once "distinguished" is a level
        (
            "seniority: [distinguished]\ncontext: {position: Distinguished Engineer}",
            "Dear Ms. Lee,\n\nThank you for talking about the Engineer role.\n\nBest,\nJo",
            "personalization",
        ),
    ],
)
def test_a_configs_words_reach_the_kinds_that_read_a_lexicon(
    tmp_path: Path, lexicons: str, note: str, rule: str
) -> None:
    context = lexicons.partition("\ncontext:")[2]
    plain_config = write(tmp_path, f"context:{context}\n" if context else "{}\n")
    plain = {v.rule for v in Linter(load_config(plain_config)).lint_text(note)}
    extended_rules = {
        v.rule
        for v in Linter(load_config(write(tmp_path, f"lexicons:\n  {lexicons}\n"))).lint_text(note)
    }
    assert (rule in plain) != (rule in extended_rules)
