"""End to end with a real editor: headless Neovim's built-in LSP client, configured with
the README's snippet word for word (its `notelint` is this environment's, on PATH).

Neovim 0.7 (Debian's package) has no `nvim -l`; the Lua script runs with `-c luafile`.
Its client claims UTF-16 but sends byte columns in code-action requests: the note puts an
emoji and an accent before the flagged words, so a server that trusted those columns
would offer no fix or a wrong one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.editors import readme

pytestmark = pytest.mark.slow

NVIM = shutil.which("nvim")
SCRIPT = Path(__file__).with_name("neovim_quickfix.lua")
BROKEN_SCRIPT = Path(__file__).with_name("neovim_broken_config.lua")

NOTE = """Dear Dana,

Thank you for meeting with me on Tuesday. Café talk 😀 aside, \
it was the best interview I have ever had.
It was a pleasure to meet you. I came 🚀 in order to hear about the plan \
to move billing to Stripe by June.

I remain very interested in the Backend Engineer position.

Best regards,
Tom
"""

CONFIG = """rules:
  wordy:
    kind: substitution
    severity: info
    summary: Wordy phrases
    message: "\\"{text}\\" is wordy; say it plainly"
    why: Short words read better than long ones.
    swap:
      in order to: to
    examples:
      pass: ["I came to learn."]
      fail: ["I came in order to learn."]
"""


def run_nvim(tmp_path: Path, cwd: Path, script: Path, **env_vars: str) -> list[str]:
    """Run a Lua script in headless Neovim with the README's snippet as init.lua; the
    script's report, one line per entry."""
    init = tmp_path / "init.lua"
    init.write_text(readme.snippet("**Neovim 0.7 and later**", "lua"), encoding="utf-8")
    out = tmp_path / "result.txt"
    env = {
        **os.environ,
        **env_vars,
        "NOTELINT_OUT": str(out),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    proc = subprocess.run(
        [str(NVIM), "--headless", "-u", str(init), "-i", "NONE", "-n", "-c", f"luafile {script}"],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    assert out.exists(), f"Neovim wrote nothing: {proc.stdout}\n{proc.stderr}"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("ERROR") for line in lines), "\n".join(lines)
    return lines


@pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (apt-get install neovim)")
def test_neovim_receives_diagnostics_and_applies_quick_fixes(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / ".notelint.yaml").write_text(CONFIG, encoding="utf-8")
    note = notes / "acme.md"
    note.write_text(NOTE, encoding="utf-8")
    lines = run_nvim(tmp_path, notes, SCRIPT, NOTELINT_NOTE=str(note))
    report = "\n".join(lines)
    assert any(line.startswith("diagnostic:") and "notelint" in line for line in lines), report

    buffer = "\n".join(
        line.removeprefix("buffer: ") for line in lines if line.startswith("buffer:")
    )
    # The wordy fix, the disable, then "fix all" took out both emoji (safe deletions).
    expected = "---\nnotelint:\n  disable: [hyperbole]\n---\n" + NOTE.replace(
        "I came 🚀 in order to hear", "I came to hear"
    ).replace("Café talk 😀 aside", "Café talk aside")
    assert buffer + "\n" == expected, report


@pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (apt-get install neovim)")
def test_neovim_shows_a_broken_config_on_the_note_and_in_the_config(tmp_path: Path) -> None:
    """A broken .notelint.yaml never leaves an open note looking clean."""
    notes = tmp_path / "notes"
    notes.mkdir()
    config = notes / ".notelint.yaml"
    config.write_text("rules:\n  hyperbole: {severity: loud}\n", encoding="utf-8")
    note = notes / "acme.md"
    note.write_text(NOTE, encoding="utf-8")
    lines = run_nvim(
        tmp_path, notes, BROKEN_SCRIPT, NOTELINT_NOTE=str(note), NOTELINT_CONFIG=str(config)
    )
    report = "\n".join(lines)
    note_diags = [line for line in lines if line.startswith("note:")]
    assert len(note_diags) == 1, report
    assert note_diags[0].startswith("note: 0:0 ")
    assert f"{config}:2: severity of 'hyperbole'" in note_diags[0], report
    assert any(line.startswith("config: 1:") and "'loud'" in line for line in lines), report
    assert "config attached: notelint" in lines, report  # the snippet attaches the config
