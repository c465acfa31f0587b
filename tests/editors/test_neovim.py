"""End to end with a real editor: headless Neovim's built-in LSP client.

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

pytestmark = pytest.mark.slow

NVIM = shutil.which("nvim")
SCRIPT = Path(__file__).with_name("neovim_quickfix.lua")

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


@pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (apt-get install neovim)")
def test_neovim_receives_diagnostics_and_applies_quick_fixes(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / ".notelint.yaml").write_text(CONFIG, encoding="utf-8")
    note = notes / "acme.md"
    note.write_text(NOTE, encoding="utf-8")
    out = tmp_path / "result.txt"
    env = {
        **os.environ,
        "NOTELINT_NOTE": str(note),
        "NOTELINT_OUT": str(out),
        "NOTELINT_PYTHON": sys.executable,
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    proc = subprocess.run(
        [str(NVIM), "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {SCRIPT}"],
        env=env,
        cwd=notes,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    assert out.exists(), f"Neovim wrote nothing: {proc.stdout}\n{proc.stderr}"
    lines = out.read_text(encoding="utf-8").splitlines()
    report = "\n".join(lines)
    assert not any(line.startswith("ERROR") for line in lines), report
    assert any(line.startswith("diagnostic:") and "notelint" in line for line in lines), report

    buffer = "\n".join(
        line.removeprefix("buffer: ") for line in lines if line.startswith("buffer:")
    )
    expected = "---\nnotelint:\n  disable: [hyperbole]\n---\n" + NOTE.replace(
        "I came 🚀 in order to hear", "I came 🚀 to hear"
    )
    assert buffer + "\n" == expected, report
