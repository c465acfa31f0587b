"""Command-line options that users of other linters (ruff, yamllint) expect."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from notelint.cli import use_color
from tests.test_cli import on_a_terminal, run

FLAWED = """Dear Ms. Chen,

Thank you for meeting with me. It was the best interview I have ever had, and I can't wait!

Best regards,
Tom
"""


@pytest.fixture()
def notes(tmp_path: Path) -> Path:
    (tmp_path / "flawed.txt").write_text(FLAWED, encoding="utf-8")
    return tmp_path


# -- colour ----------------------------------------------------------------------------


def test_color_always_keeps_escapes_in_a_pipe(notes: Path) -> None:
    """`notelint check --color always | cat -v`: the escapes reach the pipe."""
    code, out, _ = run("check", "--color", "always", "--select", "hyperbole", str(notes))
    assert code == 1
    assert "\x1b[" in out
    code, out, _ = run("check", "--select", "hyperbole", str(notes))
    assert "\x1b[" not in out  # auto: not a terminal


@pytest.mark.parametrize(
    "env",
    [{"NO_COLOR": "1", "TERM": "xterm"}, {"TERM": "dumb"}],
    ids=["NO_COLOR", "TERM=dumb"],
)
def test_no_color_and_dumb_terminals_get_no_colour(notes: Path, env: dict[str, str]) -> None:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    args = ["check", "--select", "hyperbole", str(notes / "flawed.txt")]
    with pytest.MonkeyPatch.context() as mp:
        for key in ("NO_COLOR", "TERM"):
            mp.delenv(key, raising=False)
        out = on_a_terminal(args, {**base, **env})
    assert "hyperbole" in out and "\x1b[" not in out


def test_use_color_rules() -> None:
    assert use_color("auto", True, {"TERM": "xterm-256color"})
    assert not use_color("auto", False, {"TERM": "xterm-256color"})
    assert not use_color("auto", True, {"NO_COLOR": "1"})
    assert use_color("auto", True, {"NO_COLOR": ""})  # set but empty: no effect
    assert not use_color("auto", True, {"TERM": "dumb"})
    assert use_color("always", False, {"NO_COLOR": "1", "TERM": "dumb"})
    assert not use_color("never", True, {})


# -- ruff's flags ------------------------------------------------------------------------


def test_exit_zero_reports_but_exits_zero(notes: Path) -> None:
    code, out, _ = run("check", "--exit-zero", str(notes / "flawed.txt"))
    assert code == 0 and "hyperbole" in out
    code, _, _ = run("check", "--exit-zero", str(notes / "missing.txt"))
    assert code == 2  # an input error is still an error


def test_statistics_counts_each_rule(notes: Path) -> None:
    (notes / "second.txt").write_text(FLAWED, encoding="utf-8")
    code, out, _ = run("check", "--statistics", "--select", "hyperbole,enthusiasm", str(notes))
    assert code == 1
    lines = out.strip().splitlines()
    assert [line.split()[:2] for line in lines] == [["2", "enthusiasm"], ["2", "hyperbole"]]
    assert "exaggerated" in lines[1] or len(lines[1].split()) > 2  # the rule's summary
    code, out, _ = run(
        "check", "--statistics", "--format", "json", "--select", "hyperbole", str(notes)
    )
    assert json.loads(out) == [{"rule": "hyperbole", "count": 2}]
    code, _, err = run("check", "--statistics", "--format", "sarif", str(notes))
    assert code == 2 and "--statistics" in err


def test_output_file(notes: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run(
        "check", "--format", "json", "--output-file", str(target), str(notes / "flawed.txt")
    )
    assert code == 1 and out == ""
    assert {v["rule"] for v in json.loads(target.read_text(encoding="utf-8"))} >= {"hyperbole"}
    code, _, err = run("check", "-o", str(tmp_path / "no" / "such" / "x"), str(notes))
    assert code == 2 and "cannot write" in err


def test_extend_select_adds_to_select_and_turns_on_rules_the_config_switched_off(
    notes: Path,
) -> None:
    (notes / ".notelint.yaml").write_text("rules:\n  enthusiasm: off\n", encoding="utf-8")
    note = str(notes / "flawed.txt")
    _, out, _ = run("check", "--select", "hyperbole", note)
    assert "hyperbole" in out and "enthusiasm" not in out
    code, out, _ = run("check", "--select", "hyperbole", "--extend-select", "enthusiasm", note)
    assert code == 1 and "hyperbole" in out and "enthusiasm" in out
    _, out, _ = run("check", "--extend-select", "enthusiasm", note)
    assert "enthusiasm" in out and "hyperbole" in out  # every rule, plus enthusiasm


def test_select_a_rule_the_config_switched_off_runs_it(notes: Path) -> None:
    """Named on the command line, a rule runs: it is not silently dropped."""
    (notes / ".notelint.yaml").write_text("rules:\n  enthusiasm: off\n", encoding="utf-8")
    code, out, _ = run("check", "--select", "enthusiasm", str(notes / "flawed.txt"))
    assert code == 1 and "enthusiasm" in out


def test_unknown_rule_ids_get_a_suggestion(notes: Path) -> None:
    code, _, err = run("check", "--select", "hyperbol", str(notes))
    assert code == 2 and "unknown rule 'hyperbol' (did you mean 'hyperbole'?)" in err
    code, _, err = run("check", "--extend-select", "enthusiasim", str(notes))
    assert code == 2 and "(did you mean 'enthusiasm'?)" in err
    code, _, err = run("rules", "thankyou")
    assert code == 2 and "(did you mean 'thank-you'?)" in err
    code, _, err = run("check", "--ignore", "zzz", str(notes))
    assert code == 2 and "did you mean" not in err


# -- excludes ----------------------------------------------------------------------------


def test_force_exclude_applies_exclude_to_named_files(notes: Path) -> None:
    (notes / ".notelint.yaml").write_text('exclude: ["archive/**"]\n', encoding="utf-8")
    (notes / "archive").mkdir()
    old = notes / "archive" / "old.txt"
    old.write_text(FLAWED, encoding="utf-8")
    code, out, _ = run("check", str(old))
    assert code == 1 and "old.txt" in out  # named: linted, as before
    code, out, _ = run("check", "--force-exclude", str(old), str(notes / "flawed.txt"))
    assert code == 1 and "old.txt" not in out and "flawed.txt" in out
    code, out, _ = run("check", "--force-exclude", str(old))
    assert code == 0 and "old.txt" not in out
    # standard input named as an excluded file (an editor's buffer) is skipped too
    code, out, _ = run("check", "--force-exclude", "--stdin-filename", str(old), input=FLAWED)
    assert code == 0 and "old.txt" not in out


def test_the_pre_commit_hook_forces_excludes() -> None:
    import yaml

    root = Path(__file__).resolve().parents[1]
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert "--force-exclude" in hooks[0]["entry"].split()


def test_a_binary_note_in_a_folder_is_named_as_skipped(notes: Path) -> None:
    (notes / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, _, err = run("check", "--select", "hyperbole", str(notes))
    assert code == 1  # a skipped file is not an error
    assert f"{notes / 'scan.txt'}: skipped, not a text file" in err
    assert "error" not in err


# -- notelint rules ID ------------------------------------------------------------------


def test_rules_id_names_the_file_behind_long_options() -> None:
    from notelint.config import default_rules_path

    code, out, _ = run("rules", "hyperbole")
    assert code == 0
    assert f"entries (see {default_rules_path()})" in out


def test_rules_id_for_a_custom_rule(tmp_path: Path) -> None:
    cfg = tmp_path / ".notelint.yaml"
    cfg.write_text(
        "rules:\n  no-salary:\n    kind: existence\n"
        '    message: "\\"{text}\\" raises pay too early; leave salary for the offer stage"\n'
        "    phrases: [salary, compensation package]\n",
        encoding="utf-8",
    )
    code, out, _ = run("rules", "--config", str(cfg), "no-salary")
    assert code == 0
    assert "{text}" not in out
    assert '"…" raises pay too early' in out
    assert f"Why:\n  (not given: add a `why:` to no-salary in {cfg})" in out
    code, out, _ = run("rules", "--config", str(cfg))
    assert re.search(r"^no-salary\s+warning\s+existence\s+\"…\" raises pay too early$", out, re.M)
