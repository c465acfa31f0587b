"""The advice as a checklist: each item is met when none of its rules has a finding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from notelint.config import RuleSet
from notelint.model import Violation


@dataclass(frozen=True)
class Item:
    key: str
    rules: tuple[str, ...]
    #: used when the rule set gives no `checklist` text of its own
    label: str


ITEMS: tuple[Item, ...] = (
    Item("greeting", ("salutation",), "Greet the interviewer by name"),
    Item("thanks", ("thank-you",), "Thank them for the interview"),
    Item("pleasure", ("pleasure-to-meet",), "Say it was a pleasure to meet them"),
    Item("detail", ("learned-detail",), "Mention something specific you learned"),
    Item("interest", ("continued-interest",), "Assure them of your continued interest"),
    Item("brevity", ("length",), "Keep it brief"),
    Item(
        "tone",
        ("hyperbole", "enthusiasm", "informal", "overeager", "undermining"),
        "Keep a cool, cordial tone: no hyperbole, gushing, slang, pushing or apologies",
    ),
)


def checklist(ruleset: RuleSet, violations: Sequence[Violation]) -> list[dict[str, object]]:
    """One entry per item: its label, `met`, `missing` or `off` (all its rules are
    switched off), and the indexes into `violations` of the findings that fail it."""
    enabled = {rule.id for rule in ruleset.rules}
    out: list[dict[str, object]] = []
    for item in ITEMS:
        found = [i for i, v in enumerate(violations) if v.rule in item.rules]
        checked = bool(enabled.intersection(item.rules))
        state = ("missing" if found else "met") if checked else "off"
        out.append(
            {
                "key": item.key,
                "label": _label(ruleset, item),
                "rules": list(item.rules),
                "state": state,
                "findings": found,
            }
        )
    return out


def _label(ruleset: RuleSet, item: Item) -> str:
    rules = [r for r in (ruleset.get(i) for i in item.rules) if r is not None]
    if len(rules) == 1 and rules[0].checklist:
        return rules[0].checklist
    if item.key == "brevity" and rules:
        low, high = rules[0].option("min"), rules[0].option("max")
        if isinstance(low, int) and isinstance(high, int):
            return f"{item.label}: {low} to {high} words"
    return item.label
