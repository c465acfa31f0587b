"""Every rule's own examples from rules.yaml: `pass` must not fire it, `fail` must."""

from __future__ import annotations

import pytest

from notelint.config import default_ruleset
from tests.conftest import lint

CASES = [
    pytest.param(rule.id, text, expected, id=f"{rule.id}-{expected}-{i}")
    for rule in default_ruleset().rules
    for expected, examples in (("pass", rule.examples.passing), ("fail", rule.examples.failing))
    for i, text in enumerate(examples)
]


@pytest.mark.parametrize(("rule_id", "text", "expected"), CASES)
def test_rule_example(rule_id: str, text: str, expected: str) -> None:
    found = [v for v in lint(text) if v.rule == rule_id]
    if expected == "fail":
        assert found, f"{rule_id} should flag: {text!r}"
    else:
        assert not found, f"{rule_id} should not flag {text!r}: {[v.message for v in found]}"
