"""The shared scorer on the development corpus, run as users run it (one CLI run)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

SCORER = SHARED / "eval" / "score.py"
CORPUS = SHARED / "eval" / "dev.jsonl"
CORE = "length,hyperbole,enthusiasm,thank-you,pleasure-to-meet,learned-detail,continued-interest"

pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason="shared eval corpus not present")


def _notelint() -> str:
    here = Path(sys.executable).parent / "notelint"
    return str(here) if here.exists() else shutil.which("notelint") or "notelint"


def score(*extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCORER), str(CORPUS), "--cmd", _notelint(), "--misses", *extra],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_core_rules_reach_f1_090() -> None:
    result = score("--rules", CORE, "--min-f1", "0.90")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_rule_reaches_f1_090() -> None:
    result = score("--min-f1", "0.90")
    assert result.returncode == 0, result.stdout + result.stderr
