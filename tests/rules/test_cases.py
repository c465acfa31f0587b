"""Every rule's case file: tests/rules/cases/RULE_ID.yaml (after sqlfluff's YAML rule cases).

A case file names its rule and lists cases:

    rule: hyperbole
    cases:
      - name: the best interview ever           # unique in the file; the test id
        type: fail                              # pass | fail | trap (a look-alike)
        note: |                                 # the note, linted as note.txt
          It was the best interview I have ever had.
        findings:                               # this rule's findings, in order
          - text: the best interview I have ever had    # what the span covers
            span: 1:8-1:42                      # LINE:COL-END_LINE:END_COL (end exclusive)
            message_contains: overstates        # or message: the exact message
            fix: null                           # the fix's replacement (null: no fix)

Optional per case: `filename` (its suffix picks the format), `config` (the rule's options
and severity, as in .notelint.yaml), `context` (interviewer, company, position,
interview_date, and today), `fixed` (the note with this rule's fixes applied) and
`xfail: reason` (the case states what RULES.md asks and the rule does not do yet).

`pass` cases must not fire the rule and have no `findings`; `fail` cases list at least
one finding; `trap` cases are look-alikes and give their `findings` explicitly, usually
none (wording that resembles a problem but is fine), or the findings of wording that
resembles the required content but does not satisfy it. Only the case's own rule is
checked: other rules may fire on a short note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from notelint.config import default_ruleset, load_config
from notelint.linter import Linter
from notelint.model import Violation
from notelint.sources import note_from_text, parse_context
from notelint.yamlsource import load_with_lines

CASES_DIR = Path(__file__).parent / "cases"
CASE_TYPES = ("pass", "fail", "trap")
CASE_KEYS = {"name", "type", "note", "findings", "filename", "config", "context", "fixed"}
CASE_KEYS |= {"xfail"}
FINDING_KEYS = {"text", "span", "message", "message_contains", "fix"}


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    type: str
    note: str
    findings: tuple[dict[str, Any], ...]
    filename: str = "note.txt"
    config: dict[str, Any] | None = None
    context: dict[str, Any] | None = None
    fixed: str | None = None
    xfail: str | None = None


def load_case_file(path: Path) -> list[Case]:
    """The cases of one file; a malformed file fails loudly rather than testing less."""
    # notelint's own loader: a key given twice in a case is an error, not silently dropped
    data, _ = load_with_lines(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and set(data) == {"rule", "cases"}, f"{path.name}: rule, cases"
    rule = data["rule"]
    assert path.stem == rule, f"{path.name} holds the cases of {rule!r}"
    cases: list[Case] = []
    for raw in data["cases"]:
        assert isinstance(raw, dict), f"{path.name}: each case is a mapping"
        where = f"{path.name}: {raw.get('name')!r}"
        assert not set(raw) - CASE_KEYS, f"{where}: unknown keys {set(raw) - CASE_KEYS}"
        assert isinstance(raw.get("name"), str) and raw["name"], f"{where}: needs a name"
        assert raw.get("type") in CASE_TYPES, f"{where}: type is one of {CASE_TYPES}"
        assert isinstance(raw.get("note"), str), f"{where}: needs a note"
        findings = raw.get("findings")
        if raw["type"] == "pass":
            assert findings is None, f"{where}: a pass case has no findings"
        elif raw["type"] == "fail":
            assert findings, f"{where}: a fail case lists its findings"
        else:
            assert isinstance(findings, list), f"{where}: a trap case gives its findings"
        for finding in findings or ():
            assert isinstance(finding, dict), f"{where}: a finding is a mapping"
            assert not set(finding) - FINDING_KEYS, f"{where}: finding keys {FINDING_KEYS}"
            assert {"text", "span"} & set(finding), f"{where}: a finding needs text or span"
            assert {"message", "message_contains"} & set(finding), f"{where}: and a message"
        cases.append(
            Case(
                rule=rule,
                name=raw["name"],
                type=raw["type"],
                note=raw["note"],
                findings=tuple(findings or ()),
                filename=raw.get("filename", "note.txt"),
                config=raw.get("config"),
                context=raw.get("context"),
                fixed=raw.get("fixed"),
                xfail=raw.get("xfail"),
            )
        )
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), f"{path.name}: case names repeat"
    return cases


def all_cases() -> list[Case]:
    return [case for path in sorted(CASES_DIR.glob("*.yaml")) for case in load_case_file(path)]


def _params() -> list[Any]:
    return [
        pytest.param(
            case,
            id=f"{case.rule}-{case.type}-{case.name}",
            marks=[pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else [],
        )
        for case in all_cases()
    ]


_DEFAULT_LINTER = Linter(default_ruleset())


def linter_for(case: Case, tmp_path: Path) -> Linter:
    if case.config is None and case.context is None:
        return _DEFAULT_LINTER
    ruleset = default_ruleset()
    if case.config is not None:
        config = tmp_path / ".notelint.yaml"
        config.write_text(yaml.safe_dump({"rules": {case.rule: case.config}}), encoding="utf-8")
        ruleset = load_config(config)
    context = dict(case.context or {})
    today = context.pop("today", None)
    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    return Linter(ruleset, context=parse_context(context), today=today)


def span_of(v: Violation) -> str:
    return f"{v.line}:{v.column}-{v.end_line}:{v.end_column}"


def apply_fixes(text: str, violations: list[Violation]) -> str:
    for v in sorted(violations, key=lambda v: v.offset, reverse=True):
        if v.fix is not None:
            text = text[: v.offset] + v.fix.replacement + text[v.end_offset :]
    return text


@pytest.mark.parametrize("case", _params())
def test_case(case: Case, tmp_path: Path) -> None:
    note = note_from_text(case.note, case.filename)
    found = [v for v in linter_for(case, tmp_path).lint_notes([note]) if v.rule == case.rule]
    shown = [(span_of(v), note.text[v.offset : v.end_offset], v.message) for v in found]
    assert len(found) == len(case.findings), f"expected {len(case.findings)}, found {shown}"
    for v, expected in zip(found, case.findings, strict=True):
        if "text" in expected:
            assert note.text[v.offset : v.end_offset] == expected["text"], shown
        if "span" in expected:
            assert span_of(v) == expected["span"], shown
        if "message" in expected:
            assert v.message == expected["message"]
        if "message_contains" in expected:
            assert expected["message_contains"] in v.message, v.message
        if "fix" in expected:
            assert (v.fix.replacement if v.fix else None) == expected["fix"]
    if case.fixed is not None:
        assert apply_fixes(note.text, found) == case.fixed


def test_every_rule_has_pass_fail_and_trap_cases() -> None:
    by_rule: dict[str, set[str]] = {}
    for case in all_cases():
        by_rule.setdefault(case.rule, set()).add(case.type)
    for rule in default_ruleset().rules:
        assert rule.id in by_rule, f"no case file tests/rules/cases/{rule.id}.yaml"
        missing = set(CASE_TYPES) - by_rule[rule.id]
        assert not missing, f"{rule.id} has no {', '.join(sorted(missing))} case"


def test_case_files_name_known_rules() -> None:
    known = default_ruleset().known_ids
    for path in CASES_DIR.glob("*.yaml"):
        assert path.stem in known, f"{path.name} names no rule of the default set"


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ("- {name: a, type: fail, note: x}", "a fail case lists its findings"),
        ("- {name: a, type: pass, note: x, findings: []}", "a pass case has no findings"),
        ("- {name: a, type: trap, note: x, findings: [{text: x}]}", "and a message"),
        ("- {name: a, type: odd, note: x}", "type is one of"),
        ("- {name: a, type: pass, note: x, notes: y}", "unknown keys"),
        ("- {name: a, type: pass, note: x}\n- {name: a, type: pass, note: y}", "names repeat"),
        ("- {name: a, type: pass, note: x, note: y}", "duplicate key"),
    ],
)
def test_a_malformed_case_file_fails_loudly(tmp_path: Path, body: str, complaint: str) -> None:
    path = tmp_path / "hyperbole.yaml"
    path.write_text(f"rule: hyperbole\ncases:\n{body}\n", encoding="utf-8")
    with pytest.raises(Exception, match=complaint):
        load_case_file(path)
