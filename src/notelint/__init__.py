"""notelint: a linter for job-interview thank-you notes.

Public API:
    lint_text(text, *, filename=None, config=None) -> list[Violation]
    lint_paths(paths, *, config=None) -> Report (iterable of Violation; .errors)
    load_config(path=None) -> RuleSet
"""

from notelint.config import ConfigError, RuleSet, load_config
from notelint.linter import InputError, Linter, Report, lint_paths, lint_text
from notelint.model import Context, Fix, Rule, Severity, Violation

__version__ = "0.1.0"

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
    "Violation",
    "__version__",
    "lint_paths",
    "lint_text",
    "load_config",
]
