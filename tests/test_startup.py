"""Start-up work that a command does not need is not done: `--version`, `--help`,
`rules` and config errors answer without importing spaCy (or the other heavy libraries),
even with an empty cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint import linter as linter_module
from notelint.cli import cli
from tests.conftest import ROOT

PROBE = """
import sys
from notelint.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
heavy = [m for m in ("spacy", "textstat", "pygls", "markdown_it", "docx") if m in sys.modules]
print("HEAVY", ",".join(heavy), file=sys.stderr)
sys.exit(code)
"""


def run_probe(args: list[str], cwd: Path, cache: Path) -> tuple[int, str, list[str]]:
    env = {**os.environ, "NOTELINT_CACHE_DIR": str(cache)}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )
    lines = proc.stderr.splitlines()
    heavy = [line.removeprefix("HEAVY ") for line in lines if line.startswith("HEAVY")]
    assert heavy, proc.stderr
    return proc.returncode, proc.stdout, [m for m in heavy[-1].split(",") if m]


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["check", "--help"], ["rules"], ["rules", "hyperbole"]],
)
def test_commands_that_do_not_lint_do_not_import_spacy(args: list[str], tmp_path: Path) -> None:
    code, out, heavy = run_probe(args, tmp_path, tmp_path / "empty-cache")
    assert code == 0
    assert out
    assert heavy == []


def test_config_error_does_not_import_spacy(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("rulez: {}\n", encoding="utf-8")
    (tmp_path / "note.txt").write_text("Dear Dana,\n\nThank you.\n", encoding="utf-8")
    code, _, heavy = run_probe(
        ["check", "--config", "bad.yaml", "note.txt"], tmp_path, tmp_path / "cache"
    )
    assert code == 2
    assert heavy == []


def test_linting_does_import_spacy(tmp_path: Path) -> None:
    """The probe can see an import: linting a note needs spaCy."""
    (tmp_path / "note.txt").write_text("Dear Dana,\n\nThank you.\n", encoding="utf-8")
    _, _, heavy = run_probe(["check", "note.txt"], tmp_path, tmp_path / "cache")
    assert "spacy" in heavy


def _corpus_notes(folder: Path, count: int) -> None:
    rows = [
        json.loads(line)
        for name in ("heldout.jsonl", "heldout2.jsonl")
        for line in (ROOT / "tests" / "corpus" / name).read_text("utf-8").splitlines()
        if line.strip()
    ]
    for i, row in enumerate(rows[:count]):
        suffix = ".md" if i % 3 == 0 else ".txt"
        (folder / f"note-{i:03d}{suffix}").write_text(row["text"], encoding="utf-8")


def test_jobs_give_the_same_output_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _corpus_notes(tmp_path, 80)
    forked: list[int] = []
    real = linter_module._in_workers

    def spy(*args: object, **kwargs: object) -> object:
        forked.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(linter_module, "_in_workers", spy)
    runner = CliRunner()
    outputs = {}
    for jobs in ("1", "2", "3"):
        result = runner.invoke(cli, ["check", "--format", "json", "--jobs", jobs, str(tmp_path)])
        assert result.exit_code == 1, result.output
        outputs[jobs] = result.output
    if not linter_module._can_fork():
        pytest.skip("no fork on this platform: --jobs lints in one process")
    assert len(forked) == 2  # --jobs 2 and 3 used workers; --jobs 1 did not
    assert outputs["2"] == outputs["1"]
    assert outputs["3"] == outputs["1"]
    assert len(json.loads(outputs["1"])) > 20


def test_yaml_is_read_only_when_there_is_yaml_to_read(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "plain.txt").write_text("Dear Dana,\n\nThank you for the interview.\n\nBest,\nSam\n")
    (notes / "front.md").write_text("---\ncompany: Acme\n---\nDear Dana,\n\nThank you.\n")
    probe = (
        "import sys\nfrom notelint.linter import Linter\n"
        "Linter().lint_paths([sys.argv[1]])\nprint('yaml' in sys.modules)\n"
    )
    env = {**os.environ, "NOTELINT_CACHE_DIR": str(tmp_path / "cache")}

    def reads_yaml(path: Path) -> str:
        proc = subprocess.run(
            [sys.executable, "-c", probe, str(path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
            check=True,
        )
        return proc.stdout.strip()

    assert reads_yaml(notes / "plain.txt") == "True"  # an empty cache: the rule files
    assert reads_yaml(notes / "plain.txt") == "False"  # from the cache
    assert reads_yaml(notes / "front.md") == "True"  # front matter
