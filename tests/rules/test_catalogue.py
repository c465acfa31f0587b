"""The rule catalogue is consistent: ids, kinds, messages, why, examples."""

from __future__ import annotations

import re

import yaml

from notelint.config import RULE_ID, default_rules_path, default_ruleset
from notelint.kinds import KINDS

CONTRACT_IDS = {
    "length",
    "hyperbole",
    "enthusiasm",
    "thank-you",
    "pleasure-to-meet",
    "learned-detail",
    "continued-interest",
}


def test_ids_are_unique_in_the_file() -> None:
    # YAML silently keeps the last of two equal keys, so count them in the raw text.
    text = default_rules_path().read_text(encoding="utf-8")
    ids = re.findall(r"^  ([a-z][a-z0-9-]*):\s*$", text, flags=re.MULTILINE)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert set(ids) == {r.id for r in default_ruleset().rules}


def test_contract_rule_ids_exist() -> None:
    assert {r.id for r in default_ruleset().rules} >= CONTRACT_IDS


def test_every_rule_is_complete() -> None:
    for rule in default_ruleset().rules:
        assert RULE_ID.match(rule.id), rule.id
        assert rule.kind in KINDS, rule.id
        assert rule.examples.passing, f"{rule.id} has no passing example"
        assert rule.examples.failing, f"{rule.id} has no failing example"
        assert len(rule.why.split()) >= 15, f"{rule.id}: why should say what to do"
        assert rule.summary, rule.id


def test_messages_are_well_formed() -> None:
    for rule in default_ruleset().rules:
        message = rule.message
        # one lower-case sentence with no trailing period, naming problem then remedy
        assert message == message.strip(), rule.id
        assert not message.endswith("."), rule.id
        assert message[0].islower() or message[0] in '"{', rule.id
        assert ";" in message, f"{rule.id}: say what is wrong; then what to do"
        fields = set(re.findall(r"{(\w+)}", message))
        assert fields <= {"text", "words", "limit", "direction", "name", "expected"}, rule.id


def test_rules_yaml_is_plain_data() -> None:
    data = yaml.safe_load(default_rules_path().read_text(encoding="utf-8"))
    assert set(data) == {"rules"}


def test_the_readme_rule_table_is_the_catalogue() -> None:
    from notelint.catalogue import with_table
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    assert with_table(readme, default_ruleset()) == readme, (
        "the README's rule table is stale: run `python -m notelint.catalogue README.md`"
    )
