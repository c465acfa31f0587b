"""Each kind's options: one typed, frozen dataclass with every option's type, default and
whether a user's list extends the rule's list."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import pytest

from notelint.config import default_ruleset, load_config
from notelint.kinds import KINDS
from notelint.kinds.base import MatchOptions, OptionSpec, option, type_error
from notelint.kinds.enthusiasm import EnthusiasmOptions
from notelint.kinds.existence import ExistenceOptions
from notelint.kinds.interview import PersonalizationKind
from notelint.kinds.letter import SalutationOptions
from notelint.kinds.required import RequiredOptions
from notelint.kinds.word_count import WordCountKind
from notelint.model import Rule, Severity


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_option_has_a_spec_whose_default_fits_its_type(name: str) -> None:
    options = KINDS[name].Options
    specs = options.specs()
    assert list(specs) == [f.name for f in dataclasses.fields(options)]
    defaults = options()
    for key, spec in specs.items():
        assert isinstance(spec, OptionSpec)
        assert getattr(defaults, key) == spec.default
        # None: no limit (readability's `min`); a user cannot write it
        assert spec.default is None or type_error(spec.default, spec.type) is None, key
        assert not isinstance(spec.default, list | dict), key  # frozen like a rule's own


def test_an_unknown_option_type_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown option type"):
        option("list", ())


def test_the_matching_kinds_share_one_declaration_with_their_own_defaults() -> None:
    shared = set(MatchOptions.specs())
    for options in (ExistenceOptions, RequiredOptions, EnthusiasmOptions):
        assert issubclass(options, MatchOptions)
        assert shared <= set(options.specs())
    assert not ExistenceOptions().negation
    assert RequiredOptions().negation and EnthusiasmOptions().negation
    assert ExistenceOptions.specs()["phrases"].extendable


def _rule(kind: str, message: str = "", **options: object) -> Rule:
    return Rule(
        id="r",
        kind=kind,
        severity=Severity.WARNING,
        message=message,
        why="",
        options=MappingProxyType(dict(options)),
    )


def test_a_kind_reads_the_rules_options_and_the_defaults_for_the_rest() -> None:
    kind = WordCountKind(_rule("word-count", max=100), None)  # type: ignore[arg-type]
    assert (kind.options.min, kind.options.max) == (50, 100)
    with pytest.raises(dataclasses.FrozenInstanceError):
        kind.options.max = 5  # type: ignore[misc]


def test_list_and_map_defaults_are_read_only() -> None:
    defaults = SalutationOptions()
    assert isinstance(defaults.greetings, tuple) and defaults.greetings
    assert isinstance(defaults.nicknames, Mapping) and defaults.nicknames
    with pytest.raises(TypeError):
        defaults.nicknames["x"] = "y"  # type: ignore[index]


def test_a_message_comes_from_messages_then_the_rule() -> None:
    rule = _rule("personalization", "never names {text}", messages={"company": "not {name}"})
    kind = PersonalizationKind(rule, None)  # type: ignore[arg-type]
    assert kind.message("company", name="Initech") == "not Initech"
    assert kind.message("missing", text="the company") == "never names the company"


def test_a_config_replaces_one_message_and_keeps_the_others(tmp_path: Path) -> None:
    config = tmp_path / ".notelint.yaml"
    config.write_text("rules:\n  enthusiasm:\n    messages:\n      emoji: no emoji, please\n")
    (default,) = [r for r in default_ruleset().rules if r.id == "enthusiasm"]
    (rule,) = [r for r in load_config(config).rules if r.id == "enthusiasm"]
    assert rule.options["messages"]["emoji"] == "no emoji, please"
    others = {k: v for k, v in rule.options["messages"].items() if k != "emoji"}
    assert others == {k: v for k, v in default.options["messages"].items() if k != "emoji"}
    assert len(others) >= 5
