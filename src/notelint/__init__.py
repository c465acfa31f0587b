"""notelint: a linter for job-interview thank-you notes.

Public API:
    lint_text(text, *, filename=None, config=None) -> list[Violation]
        (raises SourceError for a note that cannot be read, ConfigError for a bad config)
    lint_paths(paths, *, config=None) -> Report (iterable of Violation; .errors)
    load_config(path=None) -> RuleSet
    fix_text(text, *, filename=None, config=None, unsafe=False) -> str
        (the note with its safe fixes applied; with unsafe, suggestions too)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The API is imported on first use, so that `notelint --version` and `--help` start
# without loading the linter (and spaCy behind it).
_EXPORTS = {
    "ConfigError": "notelint.config",
    "RuleSet": "notelint.config",
    "load_config": "notelint.config",
    "InputError": "notelint.linter",
    "Linter": "notelint.linter",
    "Report": "notelint.linter",
    "lint_paths": "notelint.linter",
    "lint_text": "notelint.linter",
    "Context": "notelint.model",
    "Fix": "notelint.model",
    "Rule": "notelint.model",
    "Severity": "notelint.model",
    "Violation": "notelint.model",
    "SourceError": "notelint.sources",
    "fix_text": "notelint.fixes",
}

if TYPE_CHECKING:
    from notelint.config import ConfigError, RuleSet, load_config
    from notelint.fixes import fix_text
    from notelint.linter import InputError, Linter, Report, lint_paths, lint_text
    from notelint.model import Context, Fix, Rule, Severity, Violation
    from notelint.sources import SourceError


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'notelint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "ConfigError",
    "Context",
    "Fix",
    "InputError",
    "Linter",
    "Report",
    "Rule",
    "RuleSet",
    "Severity",
    "SourceError",
    "Violation",
    "__version__",
    "fix_text",
    "lint_paths",
    "lint_text",
    "load_config",
]
