"""Config loading, merging and validation. Error messages are a tested contract."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from notelint.config import ConfigError, default_ruleset, find_config, glob_match, load_config
from notelint.kinds import KINDS
from notelint.linter import Linter
from notelint.model import Severity


def write(tmp_path: Path, text: str, name: str = ".notelint.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return [str(p).replace(str(path), "CFG") for p in info.value.problems]


def test_defaults_without_a_config(tmp_path: Path) -> None:
    ruleset = load_config(start=tmp_path)
    assert ruleset.path is None
    assert "hyperbole" in {r.id for r in ruleset.rules}


def test_severity_threshold_and_off(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        rules:
          hyperbole: {severity: error}
          enthusiasm: off
          length: {max: 200, min: 60}
        """,
    )
    ruleset = load_config(cfg)
    ids = {r.id for r in ruleset.rules}
    assert "enthusiasm" not in ids
    assert "enthusiasm" in ruleset.known_ids
    assert ruleset.get("hyperbole").severity is Severity.ERROR
    length = ruleset.get("length")
    assert (length.option("min"), length.option("max")) == (60, 200)


def test_added_phrases_extend_the_defaults(tmp_path: Path) -> None:
    cfg = write(tmp_path, "rules:\n  hyperbole: {phrases: [stellar beyond compare]}\n")
    ruleset = load_config(cfg)
    phrases = ruleset.get("hyperbole").option("phrases")
    assert "stellar beyond compare" in phrases
    assert "dream job" in phrases  # the shipped phrases are kept
    found = Linter(ruleset).lint_text("Your team is stellar beyond compare. It is my dream job.")
    assert sum(v.rule == "hyperbole" for v in found) >= 2


def test_user_defined_rule_of_a_generic_kind(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        rules:
          no-salary:
            kind: existence
            severity: error
            message: "\\"{text}\\" raises pay too early; leave salary for the offer stage"
            phrases: [salary, compensation package]
        """,
    )
    found = Linter(load_config(cfg)).lint_text("I was curious about the salary range.")
    hits = [v for v in found if v.rule == "no-salary"]
    assert len(hits) == 1
    assert hits[0].severity is Severity.ERROR
    assert hits[0].message.startswith('"salary" raises pay')


def test_substitution_rule_carries_a_fix(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        rules:
          plain-words:
            kind: substitution
            message: "\\"{text}\\" is stiff; say it plainly"
            swap: {utilize: use}
        """,
    )
    found = [
        v
        for v in Linter(load_config(cfg)).lint_text("I would utilize the new tooling.")
        if v.rule == "plain-words"
    ]
    assert found and found[0].fix is not None
    assert found[0].fix.replacement == "use"


def test_every_problem_is_reported_at_once_with_lines(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        rules:
          hyperbole: {severity: loud}
          nope: {severity: error}
          length: {max: many, colour: red}
          mine: {kind: telepathy, message: "x; y"}
        contxt: {}
        """,
    )
    assert problems(cfg) == [
        "CFG:2: severity of 'hyperbole' should be error, warning or info, not 'loud'",
        "CFG:3: unknown rule 'nope'; known rules: "
        + ", ".join(sorted(default_ruleset().known_ids))
        + " (a new rule needs a 'kind')",
        "CFG:4: option 'max' of 'length' should be a whole number, not 'many'",
        "CFG:4: unknown option 'colour' for rule 'length' (kind word-count); "
        "expected one of severity, message, why, min, max",
        "CFG:5: rule 'mine' has unknown kind 'telepathy'; expected one of "
        + ", ".join(sorted(k for k, v in KINDS.items() if v.generic)),
        "CFG:6: unknown key 'contxt' (did you mean 'context'?); expected one of extends, "
        "context, rules, lexicons, exclude, per_file, pipeline",
    ]


def test_an_override_and_a_new_rule_are_checked_alike(tmp_path: Path) -> None:
    """One path checks both; `fixes: 5` on an override was a traceback."""
    cfg = write(
        tmp_path,
        """
        rules:
          hyperbole: {phrases: 5, fixes: 5, place: start}
          mine: {kind: existence, message: "x", phrases: 5, fixes: 5, place: start}
        """,
    )
    found = problems(cfg)
    for line, rule in ((2, "hyperbole"), (3, "mine")):
        assert [p for p in found if p.startswith(f"CFG:{line}:")] == [
            f"CFG:{line}: option 'phrases' of '{rule}' should be a list of texts, not 5",
            f"CFG:{line}: fixes of '{rule}': should be a list of fix entries",
            f"CFG:{line}: unknown option 'place' for rule '{rule}' (kind existence); "
            "expected one of severity, message, why, phrases, patterns, exceptions, "
            "exception_patterns, negation, skip_quotes",
        ]


def test_bad_token_pattern_is_an_error_naming_the_line(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        rules:
          mine:
            kind: existence
            message: "\\"{text}\\"; do not"
            patterns:
              - [{LOWR: best}]
        """,
    )
    (problem,) = problems(cfg)
    assert problem.startswith("CFG:6: pattern 1 of 'mine' (patterns) is not a valid spaCy")


def test_built_in_kind_cannot_be_used_for_new_rules(tmp_path: Path) -> None:
    cfg = write(tmp_path, "rules:\n  mine: {kind: word-count, message: 'a; b', max: 300}\n")
    assert load_config(cfg).get("mine") is not None  # word-count is generic
    builtin = [k for k, v in KINDS.items() if not v.generic]
    if builtin:
        cfg = write(tmp_path, f"rules:\n  mine: {{kind: {builtin[0]}, message: 'a; b'}}\n")
        (problem,) = problems(cfg)
        assert f"kind '{builtin[0]}' is built in" in problem


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    cfg = write(tmp_path, "rules:\n  hyperbole: [unclosed\n")
    (problem,) = problems(cfg)
    assert problem.startswith("CFG:") and "not valid YAML" in problem


def test_wrong_types_at_the_top(tmp_path: Path) -> None:
    cfg = write(tmp_path, "rules: [a, b]\nexclude: 3\ncontext: {shoe_size: 9}\n")
    assert problems(cfg) == [
        "CFG:1: 'rules' must be a mapping of rule id to settings",
        "CFG:2: 'exclude' must be a list of globs",
        "CFG:3: unknown context key 'shoe_size'; expected one of interviewer, company, "
        "position, interview_date",
    ]


def test_an_impossible_date_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    cfg = write(tmp_path, "context:\n  interview_date: 2026-13-45\n")
    assert problems(cfg) == [
        "CFG:2: context key 'interview_date' must be a date like 2026-11-24, not '2026-13-45'"
    ]


@pytest.mark.parametrize(
    "text",
    ["exclude: !!python/object:os.system ls\n", "rules: &r\n  length: *r\n"],
)
def test_yaml_that_cannot_be_built_is_a_problem_not_a_crash(tmp_path: Path, text: str) -> None:
    (problem,) = problems(write(tmp_path, text))
    assert problem.startswith("CFG:") and "not valid YAML" in problem


@pytest.mark.parametrize("disable", ["3", "[hyperbole, {x: 1}]", "{hyperbole: 1}"])
def test_per_file_disable_must_be_rule_ids(tmp_path: Path, disable: str) -> None:
    cfg = write(tmp_path, f"per_file:\n  'a/**':\n    disable: {disable}\n")
    (problem,) = problems(cfg)
    assert problem == "CFG:3: per_file 'a/**': 'disable' must be a rule id or a list of rule ids"


@pytest.mark.parametrize(
    "template", ["{0} is bad; fix it", "{x.y}; fix", "{text!z}; fix", "{ bad; fix", "} bad; fix"]
)
def test_a_message_template_that_cannot_be_filled_is_a_problem(
    tmp_path: Path, template: str
) -> None:
    """Found at load time, with its line: at lint time it was a traceback."""
    cfg = write(
        tmp_path,
        f"""
        rules:
          length: {{message: "{template}"}}
          salutation:
            messages: {{generic: "{template}"}}
          mine: {{kind: existence, phrases: [x], message: "{template}"}}
        """,
    )
    found = problems(cfg)
    assert [p.split(": ", 1)[0] for p in found] == ["CFG:2", "CFG:4", "CFG:5"]
    assert all("message" in p and "{text}" in p for p in found)


def test_unknown_message_fields_are_problems(tmp_path: Path) -> None:
    cfg = write(tmp_path, 'rules:\n  length: {message: "{nope} words; cut {words}"}\n')
    (problem,) = problems(cfg)
    assert problem.startswith("CFG:2: message of 'length' uses {nope}; ")
    assert load_config(write(tmp_path, 'rules:\n  length: {message: "{{x}}: {words}; cut"}\n'))


def test_min_above_max_is_an_error(tmp_path: Path) -> None:
    cfg = write(tmp_path, "rules:\n  length: {min: 300, max: 100}\n")
    (problem,) = problems(cfg)
    assert "min (300) must not be more than max (100)" in problem


def test_discovery_walks_up(tmp_path: Path) -> None:
    cfg = write(tmp_path, "rules:\n  enthusiasm: off\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep / "note.md") == cfg
    assert find_config(deep) == cfg


def test_extends_another_rule_set(tmp_path: Path) -> None:
    write(
        tmp_path,
        """
        rules:
          only-rule:
            kind: existence
            message: "\\"{text}\\" is banned; remove it"
            phrases: [synergy]
        """,
        name="house.yaml",
    )
    cfg = write(tmp_path, "extends: house.yaml\n")
    ruleset = load_config(cfg)
    assert [r.id for r in ruleset.rules] == ["only-rule"]


def test_context_from_config(tmp_path: Path) -> None:
    cfg = write(
        tmp_path,
        """
        context:
          interviewer: [Dana Chen, Ravi Rao]
          company: Acme Robotics
          interview_date: 2026-11-24
        """,
    )
    ctx = load_config(cfg).context
    assert ctx.interviewer == ("Dana Chen", "Ravi Rao")
    assert ctx.company == "Acme Robotics"
    assert str(ctx.interview_date) == "2026-11-24"


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("archive/old.md", "archive/**", True),
        ("archive/2024/old.md", "archive/**", True),
        ("drafts/old.md", "archive/**", False),
        ("drafts/x.md", "*.md", True),
        ("a/b/c.txt", "**/c.txt", True),
        ("a/b/c.txt", "a/*.txt", False),
    ],
)
def test_glob_match(path: str, pattern: str, expected: bool) -> None:
    assert glob_match(path, pattern) is expected


def test_missing_trained_pipeline_is_a_config_error(tmp_path: Path) -> None:
    cfg = write(tmp_path, "pipeline: {model: en_core_web_nonexistent}\n")
    (problem,) = problems(cfg)
    assert problem == (
        "CFG:1: spaCy pipeline 'en_core_web_nonexistent' is not installed; install its "
        "package with pip or remove 'model' to use the built-in blank English pipeline"
    )


def test_a_saved_pipeline_can_be_selected(tmp_path: Path) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "my_pipeline")
    cfg = write(tmp_path, "pipeline: {model: my_pipeline}\n")
    ruleset = load_config(cfg)
    found = Linter(ruleset).lint_text("Dear Ms. Chen,\n\nThis is my dream job.\n")
    assert "hyperbole" in {v.rule for v in found}


def test_a_generic_rule_needs_something_to_look_for(tmp_path: Path) -> None:
    cfg = write(tmp_path, "rules:\n  empty: {kind: existence, message: 'a; b'}\n")
    (problem,) = problems(cfg)
    assert problem == "CFG:2: option 'phrases' of 'empty': give phrases or patterns to look for"


def test_problems_are_structured_with_file_and_line(tmp_path: Path) -> None:
    from notelint.config import ConfigProblem

    path = write(tmp_path, "rules:\n  hyperbole: off\n  nope: {severity: error}\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    (problem,) = info.value.problems
    assert isinstance(problem, ConfigProblem)
    assert (problem.path, problem.line) == (str(path), 3)
    assert problem.message.startswith("unknown rule 'nope'")
    assert str(problem) == f"{path}:3: {problem.message}"


def test_a_missing_config_is_a_problem_without_a_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "absent.yaml")
    (problem,) = info.value.problems
    assert problem.line is None
    assert str(problem) == f"{tmp_path / 'absent.yaml'}: config file not found"


def test_one_linter_finds_each_folders_config_and_sees_a_new_one(tmp_path: Path) -> None:
    """Within a run, notes in one folder share the config found for it; notes in a
    sub-folder with a config of its own get that one; and a Linter that lives on (as the
    language server's does) sees a config written after its last run."""
    from notelint.linter import Linter

    text = "Dear Ana,\n\nThank you so much!!! I am thrilled!!!\n\nBest,\nBo\n"
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text)
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    (quiet / "c.txt").write_text(text)
    write(quiet, "rules:\n  enthusiasm: off\n")
    linter = Linter()

    def flagged() -> dict[str, bool]:
        found = linter.lint_paths([tmp_path]).violations
        names = {Path(v.path).name for v in found if v.rule == "enthusiasm"}
        return {name: name in names for name in ("a.txt", "b.txt", "c.txt")}

    assert flagged() == {"a.txt": True, "b.txt": True, "c.txt": False}
    write(tmp_path, "rules:\n  enthusiasm: off\n")
    assert flagged() == {"a.txt": False, "b.txt": False, "c.txt": False}
