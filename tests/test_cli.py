"""The command line: output formats, exit codes, stdin, bad input, config errors."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint.cli import cli
from notelint.config import default_ruleset

FLAWED = """Dear Ms. Chen,

Thank you for meeting with me. It was the best interview I have ever had, and I can't wait!

Best regards,
Tom
"""
LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) "
    r"(?P<rule>[a-z-]+) (?P<msg>.+)$"
)
JSON_KEYS = {
    "path",
    "rule",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "fix",
}


def run(*args: str, input: bytes | str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def notes(tmp_path: Path) -> Path:
    (tmp_path / "flawed.txt").write_text(FLAWED, encoding="utf-8")
    return tmp_path


def test_text_output_lines_and_summary(notes: Path) -> None:
    code, out, _ = run("check", str(notes / "flawed.txt"), "--select", "hyperbole,enthusiasm")
    assert code == 1
    lines = out.strip().splitlines()
    parsed = [LINE.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    assert {m["rule"] for m in parsed if m} == {"hyperbole", "enthusiasm"}
    first = parsed[0]
    assert first and (first["line"], first["col"]) == ("3", "39")
    assert lines[-1].startswith("2 problems (2 warnings) in 1 of 1 note")
    assert "\x1b[" not in out  # no colour when not on a terminal


def test_json_output_is_the_contract(notes: Path) -> None:
    code, out, _ = run("check", "--format", "json", str(notes / "flawed.txt"))
    assert code == 1
    data = json.loads(out)
    assert isinstance(data, list) and data
    for item in data:
        assert set(item) == JSON_KEYS
        assert item["path"] == str(notes / "flawed.txt")
        assert item["severity"] in {"error", "warning", "info"}
        assert item["line"] >= 1 and item["column"] >= 1
    hyper = next(d for d in data if d["rule"] == "hyperbole")
    assert (hyper["line"], hyper["column"], hyper["end_line"]) == (3, 39, 3)
    positions = [(d["line"], d["column"], d["rule"]) for d in data]
    assert positions == sorted(positions)


def test_clean_selection_exits_zero(notes: Path) -> None:
    clean = notes / "clean.txt"
    clean.write_text("Thank you for meeting with me on Tuesday.\n", encoding="utf-8")
    code, out, _ = run("check", str(clean), "--select", "hyperbole,thank-you")
    assert code == 0
    assert "no problems found" in out


def test_fail_on_error_ignores_warnings(notes: Path) -> None:
    code, _, _ = run("check", "--fail-on", "error", str(notes / "flawed.txt"))
    assert code == 0


def test_quiet_prints_only_violations(notes: Path) -> None:
    code, out, _ = run("check", "-q", "--select", "hyperbole", str(notes / "flawed.txt"))
    assert code == 1
    assert len(out.strip().splitlines()) == 1


def test_stdin_with_filename(notes: Path) -> None:
    code, out, _ = run(
        "check",
        "--format",
        "json",
        "--select",
        "hyperbole",
        "--stdin-filename",
        "drafts/acme.md",
        "-",
        input=FLAWED,
    )
    assert code == 1
    data = json.loads(out)
    assert data and all(d["path"] == "drafts/acme.md" for d in data)


def test_folder_is_searched_for_notes(notes: Path) -> None:
    (notes / "second.md").write_text(FLAWED, encoding="utf-8")
    (notes / "ignored.py").write_text("print('best interview I have ever had')\n")
    code, out, _ = run("check", "--format", "json", "--select", "hyperbole", str(notes))
    assert code == 1
    assert {Path(d["path"]).name for d in json.loads(out)} == {"flawed.txt", "second.md"}


def test_bad_files_are_reported_and_the_others_still_linted(notes: Path) -> None:
    (notes / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (notes / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, out, err = run(
        "check",
        "--select",
        "hyperbole",
        str(notes / "latin1.txt"),
        str(notes / "binary.txt"),
        str(notes / "missing.md"),
        str(notes / "flawed.txt"),
    )
    assert code == 2
    errors = err.strip().splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"notelint: {notes / 'latin1.txt'}: not valid UTF-8")
    assert errors[1] == f"notelint: {notes / 'binary.txt'}: binary file, not a text note"
    assert errors[2] == f"notelint: {notes / 'missing.md'}: no such file or folder"
    assert "flawed.txt:3:39: warning hyperbole" in out


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_note_lacks_everything_without_crashing(notes: Path, text: str) -> None:
    empty = notes / "empty.txt"
    empty.write_text(text, encoding="utf-8")
    code, out, _ = run("check", "--format", "json", str(empty))
    assert code == 1
    rules = {d["rule"] for d in json.loads(out)}
    assert {
        "thank-you",
        "pleasure-to-meet",
        "learned-detail",
        "continued-interest",
        "length",
    } <= rules


def test_unknown_select_lists_valid_rules(notes: Path) -> None:
    code, out, err = run("check", "--select", "nope", str(notes / "flawed.txt"))
    assert code == 2
    assert out == ""
    assert "unknown rule 'nope'" in err
    for rule_id in default_ruleset().known_ids:
        assert rule_id in err


def test_config_errors_exit_2_and_list_every_problem(notes: Path) -> None:
    cfg = notes / "bad.yaml"
    cfg.write_text("rules:\n  hyperbole: {severity: loud}\n  nope: off\n", encoding="utf-8")
    code, out, err = run("check", "--config", str(cfg), str(notes / "flawed.txt"))
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        f"{cfg}:2: severity of 'hyperbole' should be error, warning or info, not 'loud'",
        f"{cfg}:3: unknown rule 'nope'; known rules: "
        + ", ".join(sorted(default_ruleset().known_ids))
        + " (a new rule needs a 'kind')",
    ]


def test_discovered_config_applies(notes: Path) -> None:
    (notes / ".notelint.yaml").write_text("rules:\n  hyperbole: {severity: error}\n")
    code, out, _ = run(
        "check", "--fail-on", "error", "--select", "hyperbole", str(notes / "flawed.txt")
    )
    assert code == 1
    assert ": error hyperbole " in out


def test_bad_context_flag_is_a_usage_error(notes: Path) -> None:
    code, _, err = run("check", "--context", "shoe=9", str(notes / "flawed.txt"))
    assert code == 2
    assert "KEY=VALUE" in err


def test_rules_lists_and_explains() -> None:
    code, out, _ = run("rules")
    assert code == 0
    for rule in default_ruleset().rules:
        assert re.search(rf"^{re.escape(rule.id)}\s+{rule.severity}\s", out, re.MULTILINE)
    code, out, _ = run("rules", "hyperbole")
    assert code == 0
    assert "Why:" in out and "Flagged:" in out and "Fine:" in out
    code, _, err = run("rules", "nope")
    assert code == 2 and "unknown rule 'nope'" in err


def on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run notelint with its standard output on a pseudo-terminal; expects exit 1."""
    primary, secondary = pty.openpty()
    proc = subprocess.run(
        [sys.executable, "-m", "notelint", *args],
        stdout=secondary,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "200", **env},
        timeout=120,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert proc.returncode == 1, proc.stderr
    return b"".join(chunks).decode()


def test_checklist_on_a_terminal(notes: Path) -> None:
    """One note, stdout a terminal: the summary shows the advice as a checklist."""
    args = ["check", "--color", "never", str(notes / "flawed.txt")]
    out = on_a_terminal(args, {"NO_COLOR": "1"})
    assert "Checklist:" in out
    assert "✓ Thank them for the interview" in out
    assert "✗ Say it was a pleasure to meet them (pleasure-to-meet)" in out
    assert re.search(r"Tone and form: .*hyperbole", out)


@pytest.fixture()
def broken_sub(notes: Path) -> Path:
    """notes/flawed.txt is fine; notes/sub/ has a broken .notelint.yaml and a note."""
    sub = notes / "sub"
    sub.mkdir()
    (sub / ".notelint.yaml").write_text("rules:\n  nope: off\n", encoding="utf-8")
    (sub / "b.txt").write_text(FLAWED, encoding="utf-8")
    return sub


@pytest.mark.parametrize("order", ["folder", "broken first", "broken last", "broken folder"])
def test_a_broken_discovered_config_is_an_error_and_the_others_are_linted(
    notes: Path, broken_sub: Path, order: str
) -> None:
    flawed, broken = str(notes / "flawed.txt"), str(broken_sub / "b.txt")
    args = {
        "folder": [str(notes)],
        "broken first": [broken, flawed],
        "broken last": [flawed, broken],
        "broken folder": [str(broken_sub), flawed],
    }[order]
    code, out, err = run("check", "--select", "hyperbole", *args)
    assert code == 2
    assert err.splitlines() == [
        f"notelint: {broken_sub / '.notelint.yaml'}:2: unknown rule 'nope'; known rules: "
        + ", ".join(sorted(default_ruleset().known_ids))
        + " (a new rule needs a 'kind')"
    ]
    assert "flawed.txt:3:39: warning hyperbole" in out
    assert "b.txt" not in out


def test_a_broken_discovered_config_for_standard_input(notes: Path, broken_sub: Path) -> None:
    name = str(broken_sub / "x.txt")
    code, out, err = run("check", "-", "--stdin-filename", name, input=FLAWED)
    assert code == 2
    assert err.startswith(f"notelint: {broken_sub / '.notelint.yaml'}:2: unknown rule 'nope'")
    assert "x.txt:" not in out


def test_stdin_filename_alone_reads_standard_input() -> None:
    code, out, _ = run(
        "check",
        "--format",
        "json",
        "--select",
        "hyperbole",
        "--stdin-filename",
        "a.md",
        input=FLAWED,
    )
    assert code == 1 and json.loads(out)[0]["path"] == "a.md"
    code, _, err = run("check", "--stdin-filename", "a.md", "notes/")
    assert code == 2 and "add - to the paths" in err
