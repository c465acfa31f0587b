"""Golden tests: for each input format and line-ending case, a fixture under cases/ and
the exact `notelint check --format json` output beside it (NAME.json).

The rules are defined in golden.yaml (two existence rules of their own, and the shipped
`directive` rule), so tuning the default rules does not change these expectations.
To regenerate after an intended change, run with NOTELINT_UPDATE_GOLDEN=1 and review
the diff; it is refused when CI is set.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint.cli import cli

HERE = Path(__file__).parent
CASES = HERE / "cases"
SELECT = "golden-hype,golden-wait,directive"
UPDATE = os.environ.get("NOTELINT_UPDATE_GOLDEN") == "1"
WORD_PARAGRAPHS = [
    "Dear Ms. Chen,",
    "",
    "Thank you for meeting with me.\tIt was the best interview of my year \U0001f600.",
    "The data platform is my dream job, and I can't wait to hear back.",
    "",
]


def run(folder: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(folder)
    config = str(HERE / "golden.yaml")
    result = CliRunner().invoke(
        cli, ["check", "--format", "json", "--config", config, "--select", SELECT, name]
    )
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def compare(actual: str, expected_file: Path) -> None:
    if UPDATE:
        if os.environ.get("CI"):
            pytest.fail("golden files are never regenerated in CI")
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"no {expected_file.name}: run with NOTELINT_UPDATE_GOLDEN=1"
    assert actual == expected_file.read_text(encoding="utf-8")


FIXTURES = sorted(p.name for p in CASES.iterdir() if p.suffix != ".json")


def test_every_format_and_line_ending_has_a_fixture() -> None:
    suffixes = {Path(name).suffix for name in FIXTURES}
    assert {".txt", ".md", ".eml", ".html"} <= suffixes
    assert {"crlf.txt", "cr.txt", "bom.txt", "utf16.txt", "tabs.txt", "emoji.txt"} <= set(FIXTURES)
    for name in FIXTURES:
        assert (CASES / f"{name}.json").exists(), name


@pytest.mark.parametrize("name", FIXTURES)
def test_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    compare(run(CASES, name, monkeypatch), CASES / f"{name}.json")


def test_golden_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in WORD_PARAGRAPHS:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    (tmp_path / "word.docx").write_bytes(out.getvalue())
    compare(run(tmp_path, "word.docx", monkeypatch), CASES / "word.docx.json")
