"""The Python API: lint_text, lint_paths, load_config, frozen Violation."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import notelint
from notelint import Violation, lint_paths, lint_text, load_config

NOTE = "Dear Ms. Chen,\n\nThis is my dream job.\n\nBest regards,\nTom\n"


def test_lint_text_returns_frozen_violations() -> None:
    found = lint_text(NOTE, filename="acme.md")
    assert found and all(isinstance(v, Violation) for v in found)
    hyper = next(v for v in found if v.rule == "hyperbole")
    assert (hyper.path, hyper.line, hyper.column) == ("acme.md", 3, 12)
    assert hyper.to_dict()["end_column"] == 21  # exclusive
    with pytest.raises(dataclasses.FrozenInstanceError):
        hyper.line = 2  # type: ignore[misc]


def test_lint_text_with_a_config_path(tmp_path: Path) -> None:
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("rules:\n  hyperbole: off\n")
    assert "hyperbole" not in {v.rule for v in lint_text(NOTE, config=cfg)}
    assert "hyperbole" not in {v.rule for v in lint_text(NOTE, config=load_config(cfg))}


def test_lint_paths_reports_violations_and_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NOTE)
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\xfa")
    report = lint_paths([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert any(v.rule == "hyperbole" for v in report)
    assert len(report.errors) == 1 and report.errors[0].path.endswith("b.txt")


def test_public_names() -> None:
    for name in ("lint_text", "lint_paths", "load_config", "Violation", "ConfigError"):
        assert hasattr(notelint, name)


@pytest.mark.parametrize("as_path", [False, True])
def test_lint_paths_takes_one_path_too(tmp_path: Path, as_path: bool) -> None:
    """A lone str is a path, not an iterable of one-letter paths."""
    (tmp_path / "a.txt").write_text(NOTE)
    one = tmp_path / "a.txt"
    report = lint_paths(one if as_path else str(one))  # type: ignore[arg-type]
    assert not report.errors and report.files == 1
    assert any(v.rule == "hyperbole" for v in report)


def test_a_note_that_cannot_be_read_raises_a_public_error() -> None:
    with pytest.raises(notelint.SourceError, match="interview_date"):
        lint_text("---\ninterview_date: someday\n---\nHi\n", filename="a.md")


def test_violations_differing_only_in_message_are_not_equal() -> None:
    from notelint.model import Severity

    base = dict(path="a", line=1, column=1, rule="r", end_line=1, end_column=2)
    one = Violation(severity=Severity.WARNING, message="one", **base)  # type: ignore[arg-type]
    two = Violation(severity=Severity.WARNING, message="two", **base)  # type: ignore[arg-type]
    assert one != two and len({one, two}) == 2
    assert sorted([two, one]) == [one, two]
