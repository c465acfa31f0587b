"""--format json: one array of violation objects (the contract in ARCHITECTURE.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from notelint.formatters.base import OutputOptions

if TYPE_CHECKING:
    from notelint.linter import Report


def render(report: Report, options: OutputOptions) -> str:
    return json.dumps([v.to_dict() for v in report.violations], indent=2, ensure_ascii=False)
