"""`notelint check --fix / --diff / --unsafe-fixes`: files rewritten safely, or not at all."""

from __future__ import annotations

import errno
import json
import os
import quopri
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint import fixes, safewrite
from notelint.cli import cli
from notelint.config import default_ruleset
from notelint.fixes import fix_paths
from notelint.linter import Linter

NOTE = (
    "Hey Sam,\n\nthx for the chat!! I am gonna practice the SQL drills. It was awesome to hear "
    "about the Postgres migration.\n\nI remain very interested in the role.\n\nBest,\nTom\n"
)
FIXED = (
    "Dear Sam,\n\nthanks for the chat. I am going to practice the SQL drills. It was awesome "
    "to hear about the Postgres migration.\n\nI remain very interested in the role.\n\n"
    "Best,\nTom\n"
)
RULES = "informal,enthusiasm,salutation"


def run(*args: str, input: bytes | str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *args], input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(NOTE, encoding="utf-8")
    (tmp_path / "b.md").write_text(NOTE, encoding="utf-8")
    return tmp_path


def test_text_output_marks_fixable_problems_and_counts_them(folder: Path) -> None:
    code, out, _ = run(str(folder / "a.txt"), "--select", RULES)
    assert code == 1
    lines = out.splitlines()
    assert any(" salutation [*] " in line for line in lines)
    assert any(' informal [*] "thx"' in line for line in lines)
    assert any(' informal "awesome"' in line for line in lines)  # a suggestion: no mark
    assert lines[-1].endswith(
        "[*] 4 fixable with `notelint check --fix` (2 more with --unsafe-fixes)."
    )


def test_fix_rewrites_keeps_the_mode_and_reports_what_is_left(folder: Path) -> None:
    note = folder / "a.txt"
    note.chmod(0o640)
    code, out, _ = run("--fix", str(note), "--select", RULES)
    assert note.read_text(encoding="utf-8") == FIXED
    assert oct(note.stat().st_mode & 0o777) == oct(0o640)
    assert code == 1  # "awesome" is left, a suggestion
    assert out.splitlines()[-1].startswith("Fixed 4 problems. 1 problem (1 warning)")
    assert '"awesome"' in out
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_fix_exit_status_is_clean_when_nothing_is_left(folder: Path) -> None:
    code, out, _ = run("--fix", str(folder / "a.txt"), "--select", "informal", "--unsafe-fixes")
    assert code == 0
    fixed = (folder / "a.txt").read_text(encoding="utf-8")
    assert fixed.startswith("Hello Sam,") and "It was impressive to hear" in fixed
    assert "no problems found" in out


def test_diff_prints_and_writes_nothing_then_nothing_once_fixed(folder: Path) -> None:
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, out, err = run("--diff", str(folder), "--select", RULES)
    assert code == 1
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert out.count("--- a/") == 2
    assert "-Hey Sam,\n+Dear Sam,\n" in out
    assert "Would fix 8 problems in 2 notes." in err

    assert run("--fix", str(folder), "--select", RULES)[0] == 1
    code, out, err = run("--diff", str(folder), "--select", RULES)
    assert (code, out, err) == (0, "", "")


def test_fix_on_standard_input_writes_the_fixed_note_to_standard_output() -> None:
    code, out, err = run("--fix", "-", "--select", RULES, input=NOTE)
    assert out == FIXED
    assert "awesome" in err and "Fixed 4 problems." in err
    assert code == 1


def test_fix_as_json_reports_what_is_left(folder: Path) -> None:
    code, out, _ = run("--fix", str(folder / "a.txt"), "--select", RULES, "--format", "json")
    (left,) = json.loads(out)
    assert left["rule"] == "informal"
    assert left["fix"]["applicability"] == "suggestion"
    assert [a["description"] for a in left["fix"]["alternatives"]] == [
        "Replace \u201cawesome\u201d with \u201cexcellent\u201d"
    ]


def test_json_fix_shape(folder: Path) -> None:
    _, out, _ = run(str(folder / "a.txt"), "--select", "informal", "--format", "json")
    thx = next(v for v in json.loads(out) if v["message"].startswith('"thx"'))
    assert thx["fix"] == {
        "description": "Replace \u201cthx\u201d with \u201cthanks\u201d",
        "replacement": "thanks",
        "applicability": "safe",
        "edits": [{"content": "thanks", "line": 3, "column": 1, "end_line": 3, "end_column": 4}],
        "alternatives": [],
    }


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    note = tmp_path / "crlf.txt"
    note.write_bytes(b"\xef\xbb\xbf" + NOTE.replace("\n", "\r\n").encode("utf-8"))
    run("--fix", str(note), "--select", RULES)
    assert note.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")


def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text(NOTE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run("--fix", str(link), "--select", RULES)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == FIXED


def test_a_file_changed_on_disk_since_it_was_read_is_skipped(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = folder / "a.txt"
    real_fix_note = fixes.fix_note

    def meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real_fix_note(*args, **kwargs)
        if args[1].path.endswith("a.txt"):
            note.write_text("Someone else's words.\n", encoding="utf-8")
        return result

    monkeypatch.setattr(fixes, "fix_note", meanwhile)
    code, out, err = run("--fix", str(folder), "--select", RULES)
    assert note.read_text(encoding="utf-8") == "Someone else's words.\n"
    assert "a.txt: changed on disk since it was read; not rewritten" in err
    assert (folder / "b.md").read_text(encoding="utf-8") == FIXED  # the others are fixed
    assert code == 1
    assert f"{note}:1:1: warning salutation" in out  # reported as it was read


@pytest.mark.parametrize("step", ["write", "fsync", "chmod", "replace"])
def test_an_interrupted_fix_leaves_the_file_wholly_old(
    folder: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """A crash between writing the temporary file and the rename (or earlier) leaves the
    original untouched and no temporary file behind."""
    note = folder / "a.txt"
    original = note.read_bytes()

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    targets = {"write": (os, "fdopen"), "fsync": (os, "fsync"), "chmod": (os, "chmod")}
    module, name = targets.get(step, (os, "replace"))
    monkeypatch.setattr(safewrite.os, name, interrupted)
    with pytest.raises(KeyboardInterrupt):
        fix_paths(Linter(default_ruleset(), select=RULES.split(",")), [note])
    monkeypatch.undo()
    assert note.read_bytes() == original
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.md"]


def test_a_failed_write_loses_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk is full: the error names the file, exit status 2, the file is as it was."""

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    monkeypatch.setattr(safewrite.os, "fsync", disk_full)
    code, out, err = run("--fix", str(folder), "--select", RULES)
    assert code == 2
    assert f"{folder / 'a.txt'}: could not write the fixes: No space left on device" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert "Fixed" not in out


def test_a_decoded_email_is_never_rewritten(tmp_path: Path) -> None:
    body = "Hi Sam,\n\nI am gonna send the deck \u2013 thx!!\n\nBest,\nAna\n"
    message = (
        b"From: Ana <ana@example.com>\nSubject: Thanks\nMIME-Version: 1.0\n"
        b"Content-Type: text/plain; charset=utf-8\n"
        b"Content-Transfer-Encoding: quoted-printable\n\n" + quopri.encodestring(body.encode())
    )
    note = tmp_path / "note.eml"
    note.write_bytes(message)
    code, _, err = run("--fix", str(note), "--select", RULES)
    assert note.read_bytes() == message
    assert "not rewritten: its text is decoded from an encoded e-mail body" in err
    assert "--diff" in err
    assert code == 1
    code, out, _ = run("--diff", str(note), "--select", RULES)
    assert "+I am going to send the deck \u2013 thanks." in out
    assert note.read_bytes() == message


def test_a_word_document_is_never_rewritten(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("Hey Sam,", "", "I am gonna send the deck!!", "", "Best,", "Ana"):
        document.add_paragraph(text)
    note = tmp_path / "note.docx"
    document.save(str(note))
    data = note.read_bytes()
    code, _, err = run("--fix", str(note), "--select", RULES)
    assert note.read_bytes() == data
    assert "not rewritten: its text is decoded from a Word document" in err
    assert code == 1


def test_a_config_can_add_fixes_ahead_of_the_defaults(tmp_path: Path) -> None:
    """...and a lexicon's words, as $name, in a match (here one the config defines)."""
    (tmp_path / ".notelint.yaml").write_text(
        "lexicons: {praise: [awesome, rad]}\n"
        'rules:\n  informal:\n    fixes:\n      - {match: "$praise", safe: "impressive"}\n',
        encoding="utf-8",
    )
    note = tmp_path / "a.txt"
    note.write_text(NOTE, encoding="utf-8")
    code, _, _ = run("--fix", str(note), "--select", "informal")
    assert "It was impressive to hear" in note.read_text(encoding="utf-8")
    assert code == 1  # "Hey" is left: a suggestion


def test_a_broken_fix_table_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / ".notelint.yaml"
    config.write_text(
        "rules:\n  informal:\n    fixes:\n"
        '      - {match: "(", safe: "x"}\n'
        '      - {match: "y", safe: "z", suggest: ["w"], tweak: 1}\n'
        '      - {match: "$nosuch stuff", safe: "z"}\n',
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text(NOTE, encoding="utf-8")
    code, _, err = run("--fix", str(tmp_path / "a.txt"))
    assert code == 2
    assert "'match' is not a valid regular expression" in err
    assert "unknown key 'tweak'" in err
    assert "needs exactly one of 'safe' and 'suggest'" in err
    assert "refers to unknown lexicon '$nosuch'" in err
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == NOTE


def test_sarif_offers_each_suggestion_as_a_fix(folder: Path) -> None:
    _, out, _ = run(str(folder / "a.txt"), "--select", "informal", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    awesome = next(r for r in results if r["message"]["text"].startswith('"awesome"'))
    assert [f["description"]["text"] for f in awesome["fixes"]] == [
        "Replace \u201cawesome\u201d with \u201cimpressive\u201d",
        "Replace \u201cawesome\u201d with \u201cexcellent\u201d",
    ]
    change = awesome["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"] == {"text": "impressive"}
    assert change["deletedRegion"]["startLine"] == 3


def test_show_fixes_lists_what_was_fixed(folder: Path) -> None:
    _, out, _ = run("--fix", "--show-fixes", str(folder / "a.txt"), "--select", RULES)
    assert f"{folder / 'a.txt'}:1:1: fixed salutation Replace \u201cHey Sam\u201d with " in out
    assert "    suggestion: Replace \u201cawesome\u201d with \u201cimpressive\u201d" in out


def test_rules_command_says_a_rule_has_fixes() -> None:
    result = CliRunner().invoke(cli, ["rules", "informal"])
    assert "Fixes: " in result.stdout and "safe (applied by --fix)" in result.stdout
    result = CliRunner().invoke(cli, ["rules", "length"])
    assert "Fixes:" not in result.stdout


def test_sarif_with_insertions_and_suggestions_is_valid(tmp_path: Path) -> None:
    from tests.formatters.test_sarif import validate

    note = tmp_path / "a.txt"
    note.write_text(NOTE.replace("I remain very interested in the role.\n\n", ""), "utf-8")
    _, out, _ = run(str(note), "--format", "sarif")
    log = json.loads(out)
    validate(log)
    inserted = [
        r
        for r in log["runs"][0]["results"]
        if r["ruleId"] == "continued-interest" and r.get("fixes")
    ]
    (region,) = [
        c["deletedRegion"]
        for f in inserted[0]["fixes"]
        for c in f["artifactChanges"][0]["replacements"]
    ][:1]
    assert (region["startLine"], region["startColumn"]) == (region["endLine"], region["endColumn"])


def test_fix_with_exit_zero_and_output_file(folder: Path) -> None:
    report = folder / "report.txt"
    code, out, _ = run(
        "--fix", str(folder / "a.txt"), "--select", RULES, "--exit-zero", "-o", str(report)
    )
    assert (code, out) == (0, "")
    assert (folder / "a.txt").read_text(encoding="utf-8") == FIXED
    assert "Fixed 4 problems." in report.read_text(encoding="utf-8")


def test_an_excluded_standard_input_passes_through_unchanged(tmp_path: Path) -> None:
    (tmp_path / ".notelint.yaml").write_text('exclude: ["old/**"]\n', encoding="utf-8")
    name = str(tmp_path / "old" / "a.txt")
    code, out, _ = run(
        "--fix", "--force-exclude", "--stdin-filename", name, "-", "--select", RULES, input=NOTE
    )
    assert out == NOTE
    assert code == 0
