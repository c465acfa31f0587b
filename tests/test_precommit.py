"""The pre-commit hook, run by the real pre-commit (`pre-commit try-repo`).

try-repo installs this repository (its committed and staged files) into a fresh
virtualenv, as pre-commit users get it, so this test is slow and needs the package index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, lint

pytestmark = pytest.mark.slow

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
FLAWED = ROOT / "examples" / "overexcited.txt"
CLEAN = ROOT / "examples" / "clean.md"


def test_hook_definition() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "notelint"
    assert hook["language"] == "python"
    assert hook["entry"] == "notelint check --force-exclude"
    assert hook["require_serial"] is True


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def try_repo(repo: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(ROOT), "notelint", "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_try_repo_fails_a_flawed_note_and_passes_a_clean_one(tmp_path: Path) -> None:
    assert PRE_COMMIT.exists(), "pre-commit is a test dependency"
    # The clean note really is clean under the default rules, and the flawed one is not.
    clean_text = CLEAN.read_text(encoding="utf-8")
    flawed_text = FLAWED.read_text(encoding="utf-8")
    assert lint(clean_text, "clean.md") == []
    flawed_rules = {v.rule for v in lint(flawed_text, "flawed.txt")}
    assert flawed_rules

    notes = tmp_path / "notes"
    notes.mkdir()
    git(notes, "init", "-q")
    git(notes, "config", "user.email", "test@example.org")
    git(notes, "config", "user.name", "Test")
    (notes / "drafts").mkdir()
    (notes / "drafts" / "flawed.txt").write_text(flawed_text, encoding="utf-8")
    (notes / "drafts" / "clean.md").write_text(clean_text, encoding="utf-8")
    # An excluded note, named by pre-commit like any staged file, does not block a commit.
    (notes / ".notelint.yaml").write_text('exclude: ["archive/**"]\n', encoding="utf-8")
    (notes / "archive").mkdir()
    (notes / "archive" / "old.txt").write_text(flawed_text, encoding="utf-8")
    git(notes, "add", ".")

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["VIRTUALENV_OVERRIDE_APP_DATA"] = str(tmp_path / "virtualenv-data")
    env["PRE_COMMIT_COLOR"] = "never"

    failed = try_repo(notes, env, "drafts/flawed.txt", "drafts/clean.md")
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "Failed" in output
    # notelint's own output, one line per violation, for the flawed note only.
    for rule in flawed_rules:
        assert f" {rule} " in output, output
    assert "drafts/flawed.txt:" in output
    assert "drafts/clean.md:" not in output

    passed = try_repo(notes, env, "drafts/clean.md", "archive/old.txt")
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "Passed" in output
