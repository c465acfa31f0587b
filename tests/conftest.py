"""Shared fixtures: one pipeline per test session, and a lint() helper."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The tests (and the processes they start) use a cache of their own, never the user's.
os.environ["NOTELINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="notelint-test-cache-")

from notelint.config import default_ruleset  # noqa: E402
from notelint.linter import Linter  # noqa: E402
from notelint.model import Violation  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(default_ruleset())


def lint(text: str, filename: str = "note.txt", **kwargs: object) -> list[Violation]:
    """Lint text with the default rules (or Linter kwargs such as context=...)."""
    if kwargs:
        return Linter(default_ruleset(), **kwargs).lint_text(text, filename)  # type: ignore[arg-type]
    return _DEFAULT.lint_text(text, filename)


def rules_of(text: str, filename: str = "note.txt", **kwargs: object) -> set[str]:
    return {v.rule for v in lint(text, filename, **kwargs)}


_DEFAULT = Linter(default_ruleset())
