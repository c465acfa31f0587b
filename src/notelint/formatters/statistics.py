"""--statistics: how many violations of each rule, most frequent first (as ruff does)."""

from __future__ import annotations

import json
from collections import Counter

from notelint.formatters.base import OutputOptions
from notelint.linter import Report

#: the formats --statistics can write
STATISTICS_FORMATS = ("text", "json")


def render(report: Report, options: OutputOptions, fmt: str = "text") -> str:
    counts = Counter(v.rule for v in report.violations)
    summaries = {rule.id: rule.summary for rule in options.rules}
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if fmt == "json":
        return json.dumps([{"rule": rule, "count": count} for rule, count in ordered], indent=2)
    if not ordered:
        return ""
    width = max(len(rule) for rule, _ in ordered)
    digits = len(str(ordered[0][1]))
    return "\n".join(
        f"{count:>{digits}}  {rule:<{width}}  {summaries.get(rule, '')}".rstrip()
        for rule, count in ordered
    )
