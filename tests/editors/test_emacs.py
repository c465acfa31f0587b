"""Emacs: eglot end to end (a real editor, the README's snippet), and the command lines of
the README's flycheck and ALE snippets, which read the buffer on standard input."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.editors import readme
from tests.editors.test_neovim import CONFIG, NOTE

EMACS = shutil.which("emacs")
DRIVER = Path(__file__).with_name("emacs_eglot.el")
BIN = Path(sys.executable).parent


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path / "home"),
    }


@pytest.mark.slow
@pytest.mark.skipif(EMACS is None, reason="Emacs is not installed (apt-get install emacs-nox)")
def test_eglot_receives_diagnostics_and_applies_a_quick_fix(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / ".notelint.yaml").write_text(CONFIG, encoding="utf-8")
    note = notes / "acme.txt"
    note.write_text(NOTE, encoding="utf-8")
    snippet = tmp_path / "notelint-eglot.el"
    snippet.write_text(readme.snippet("**Emacs** with eglot", "elisp"), encoding="utf-8")
    out = tmp_path / "result.txt"
    env = {
        **_env(tmp_path),
        "NOTELINT_SNIPPET": str(snippet),
        "NOTELINT_NOTE": str(note),
        "NOTELINT_OUT": str(out),
        "NOTELINT_ACTION": "Replace with \u201cto\u201d",
    }
    proc = subprocess.run(
        [str(EMACS), "--batch", "-l", str(DRIVER)],
        env=env,
        cwd=notes,
        capture_output=True,
        text=True,
        timeout=240,
        stdin=subprocess.DEVNULL,
    )
    assert out.exists(), f"Emacs wrote nothing: {proc.stdout}\n{proc.stderr}"
    lines = out.read_text(encoding="utf-8").splitlines()
    report = "\n".join(lines) + "\n" + proc.stderr[-3000:]
    assert not any(line.startswith("ERROR") for line in lines), report
    diagnostics = [line for line in lines if line.startswith("diagnostic:")]
    assert any("hyperbole" in line for line in diagnostics), report
    assert "action: Replace with \u201cto\u201d" in lines, report
    buffer = "\n".join(
        line.removeprefix("buffer: ") for line in lines if line.startswith("buffer:")
    )
    assert buffer == NOTE.replace("I came 🚀 in order to hear", "I came 🚀 to hear"), report


# -- flycheck and ALE: the command each runs, fed the buffer on standard input ------------

#: flycheck's error patterns of the README's checker, as Python regexes:
#: `(file-name) ":" line ":" column ": LEVEL " (id ...) " " (message)`
FLYCHECK = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<level>error|warning|info) "
    r"(?P<id>[^ ]+) (?P<message>.+)$"
)
#: the pattern of ALE's `ale#handlers#unix#HandleAsWarning` (autoload/ale/handlers/unix.vim:
#: '\v^[a-zA-Z]?:?[^:]+:(\d+):?(\d+)?:? ?(.+)$'), as a Python regex
ALE_UNIX = re.compile(r"^[a-zA-Z]?:?[^:]+:(\d+):?(\d+)?:? ?(.+)$")


def _flycheck_command(name: str) -> list[str]:
    elisp = readme.snippet("flycheck:", "elisp")
    command = re.search(r":command \(([^)]*)\)", elisp)
    assert command is not None, elisp
    words = [w.strip('"') for w in re.findall(r'"[^"]*"|[^\s"]+', command[1])]
    assert "source-original" in words  # flycheck puts the buffer's file name there
    assert re.search(r":standard-input t\b", elisp)
    return [name if w == "source-original" else w for w in words]


def _ale_command(name: str) -> list[str]:
    vim = readme.snippet("ALE (", "vim")
    command = re.search(r"'command': '([^']*)'", vim)
    assert command is not None, vim
    # ALE replaces %s with the buffer's file name and pipes the buffer to the command
    return [name if w == "%s" else w for w in shlex.split(command[1])]


@pytest.mark.parametrize("editor", ["flycheck", "ALE"])
def test_stdin_linters_parse_every_line_notelint_prints(tmp_path: Path, editor: str) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / ".notelint.yaml").write_text(
        CONFIG + "  hyperbole: {severity: error}\n", encoding="utf-8"
    )
    name = str(notes / "acme.md")  # not on disk: the editor's unsaved buffer
    command = _flycheck_command(name) if editor == "flycheck" else _ale_command(name)
    assert command[0] == "notelint"
    proc = subprocess.run(
        [str(BIN / "notelint"), *command[1:]],
        input=NOTE,
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines, proc.stderr
    if editor == "flycheck":
        parsed = [FLYCHECK.match(line) for line in lines]
        assert all(parsed), lines  # a summary line would be an unparsed error
        found = {(m["id"], m["level"]) for m in parsed if m}
        assert {m["file"] for m in parsed if m} == {name}
        # the config beside the buffer's name was found: its rule and its severity
        assert {("wordy", "info"), ("hyperbole", "error")} <= found
    else:
        parsed = [ALE_UNIX.match(line) for line in lines]
        assert all(parsed), lines
        first = parsed[0]
        assert first is not None and int(first[1]) >= 1 and first[2] and int(first[2]) >= 1
        assert any("wordy" in (m[3] if m else "") for m in parsed)
