"""notelint: a linter for job-interview thank-you notes.

Public API:
    lint_text(text, *, filename=None, config=None) -> list[Violation]
        (raises SourceError for a note that cannot be read, ConfigError for a bad config)
    lint_paths(paths, *, config=None) -> Report (iterable of Violation; .errors)
    load_config(path=None) -> RuleSet
    fix_text(text, *, filename=None, config=None, unsafe=False) -> str
        (the note with its safe fixes applied; with unsafe, suggestions too)
"""

from notelint.config import ConfigError, RuleSet, load_config
from notelint.fixes import fix_text
from notelint.linter import InputError, Linter, Report, lint_paths, lint_text
from notelint.model import Context, Fix, Rule, Severity, Violation
from notelint.sources import SourceError

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
    "SourceError",
    "Violation",
    "__version__",
    "fix_text",
    "lint_paths",
    "lint_text",
    "load_config",
]
