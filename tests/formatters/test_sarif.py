"""--format sarif: valid SARIF 2.1.0 (checked against the official schema)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint.cli import cli
from notelint.config import default_ruleset
from notelint.formatters.sarif import artifact_uri, render, sarif_log
from tests.conftest import ROOT, SHARED
from tests.formatters.shared import OPTIONS, RULES, VIOLATIONS, report

SCHEMA = SHARED / "data" / "sarif-schema-2.1.0.json"


def validate(log: dict) -> None:
    if not SCHEMA.is_file():
        pytest.skip("the SARIF 2.1.0 schema is not in ../shared/data")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_shared_report_is_valid_sarif() -> None:
    validate(json.loads(render(report(), OPTIONS)))


def test_rules_results_and_regions() -> None:
    log = json.loads(render(report(), OPTIONS))
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["salutation", "hyperbole", "wordy", "directive"]
    salutation = rules[0]
    assert salutation["shortDescription"]["text"] == RULES[0].summary
    assert salutation["fullDescription"]["text"] == " ".join(RULES[0].why.split())
    assert salutation["defaultConfiguration"]["level"] == "error"
    assert rules[2]["defaultConfiguration"]["level"] == "note"
    assert rules[2]["helpUri"] == RULES[2].link
    results = run["results"]
    assert [r["ruleId"] for r in results] == [v.rule for v in VIOLATIONS]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert [r["level"] for r in results] == ["error", "warning", "note", "warning", "note"]
    region = results[1]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 21, "endLine": 3, "endColumn": 55}
    assert run["columnKind"] == "unicodeCodePoints"
    fix = results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "Chen"
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["message"]["text"] == "no such file or folder"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_artifact_uris() -> None:
    assert artifact_uri("notes/café, 50%: draft.txt") == "notes/caf%C3%A9%2C%2050%25%3A%20draft.txt"
    assert artifact_uri("/tmp/a b.md") == "file:///tmp/a%20b.md"


def test_real_run_over_the_examples_is_valid_and_lists_the_rules_in_force(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", "--format", "sarif", "examples"])
    assert result.exit_code in (0, 1), result.output
    log = json.loads(result.stdout)
    validate(log)
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert set(ids) >= {r.id for r in default_ruleset().rules}
    assert log["runs"][0]["results"], "the flawed examples should produce results"
    for r in log["runs"][0]["results"]:
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert (ROOT / Path(uri)).is_file()


def test_a_config_problem_is_a_notification_at_its_line() -> None:
    from notelint.config import ConfigProblem
    from notelint.linter import InputError, Report

    error = InputError.from_config(ConfigProblem("cfg/.notelint.yaml", 3, "unknown rule 'nope'"))
    (note,) = sarif_log(Report(errors=[error]), OPTIONS)["runs"][0]["invocations"][0][
        "toolExecutionNotifications"
    ]
    (location,) = note["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "cfg/.notelint.yaml"},
        "region": {"startLine": 3},
    }
