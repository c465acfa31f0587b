"""The generic existence kind: phrases, token patterns, exceptions and negation."""

from __future__ import annotations

from pathlib import Path

from notelint.linter import Linter


def _linter(tmp_path: Path, body: str) -> Linter:
    config = tmp_path / ".notelint.yaml"
    config.write_text("rules:\n" + body, encoding="utf-8")
    return Linter(str(config))


def _found(linter: Linter, text: str, rule: str = "buzz") -> list[str]:
    return [
        text[v.column - 1 : v.end_column - 1]
        for v in linter.lint_text(text, "n.txt")
        if v.rule == rule
    ]


RULE = """  buzz:
    kind: existence
    message: "\\"{text}\\" is a buzzword; say what you mean"
    phrases: [synergy, move the needle]
    patterns:
      - [{LOWER: world}, {ORTH: "-"}, {LOWER: class}]
    exceptions: [synergy model]
"""


def test_phrases_match_on_lemmas_and_lower_case(tmp_path: Path) -> None:
    linter = _linter(tmp_path, RULE)
    assert _found(linter, "Our Synergies grew. We moved the needle.") == [
        "Synergies",
        "moved the needle",
    ]


def test_token_patterns_match(tmp_path: Path) -> None:
    assert _found(_linter(tmp_path, RULE), "A world-class team.") == ["world-class"]


def test_exceptions_cancel_an_overlapping_match(tmp_path: Path) -> None:
    assert _found(_linter(tmp_path, RULE), "We use the synergy model for pricing.") == []


def test_negation_is_off_by_default(tmp_path: Path) -> None:
    assert _found(_linter(tmp_path, RULE), "There is no synergy here.") == ["synergy"]


def test_negation_option_skips_negated_matches(tmp_path: Path) -> None:
    linter = _linter(tmp_path, RULE + "    negation: true\n")
    assert _found(linter, "There is no synergy here.") == []
    assert _found(linter, "I am not sure there is synergy.") == []
    # a negation in an earlier sentence does not reach this one
    assert _found(linter, "It is not cheap. The synergy is real.") == ["synergy"]


def test_hyperbole_uses_negation(tmp_path: Path) -> None:
    linter = _linter(tmp_path, "")
    text = "I may not be the perfect candidate, but I am the perfect candidate now."
    found = _found(linter, text, "hyperbole")
    assert found == ["I am the perfect candidate"]


def test_overlapping_matches_are_reported_once_as_their_union() -> None:
    from notelint.config import default_ruleset
    from notelint.linter import Linter

    found = [
        v
        for v in Linter(default_ruleset()).lint_text(
            "I'm sure you met far stronger candidates than me."
        )
        if v.rule == "undermining"
    ]
    assert len(found) == 1
    assert found[0].column == 14  # from "met"
    assert found[0].end_column == 49  # to "me", exclusive


def test_skip_quotes_ignores_quoted_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from notelint.config import load_config
    from notelint.linter import Linter

    cfg = tmp_path / "cfg.yaml"
    cfg.write_text(
        "rules:\n  slang:\n    kind: existence\n    message: 'x; y'\n"
        "    phrases: [you guys]\n    skip_quotes: true\n"
    )
    linter = Linter(load_config(cfg))
    quoted = 'Their manager said, "you guys answered faster than our IT desk."'
    assert not [v for v in linter.lint_text(quoted) if v.rule == "slang"]
    assert [v for v in linter.lint_text("Thanks, you guys were great.") if v.rule == "slang"]
