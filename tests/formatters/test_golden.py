"""Golden tests: every formatter renders the one shared set of violations.

To accept a deliberate change of output, run with NOTELINT_UPDATE_GOLDEN=1 and review
the diff of tests/formatters/golden/.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from notelint.formatters import FORMATTERS
from tests.formatters.shared import OPTIONS, report

GOLDEN = Path(__file__).parent / "golden"
FILES = {"text": "text.txt", "json": "json.json", "sarif": "sarif.json", "github": "github.txt"}


def rendered(fmt: str) -> str:
    out = FORMATTERS[fmt](report(), OPTIONS)
    if fmt == "sarif":  # the version changes with every release, the format does not
        log = json.loads(out)
        log["runs"][0]["tool"]["driver"]["version"] = "VERSION"
        out = json.dumps(log, indent=2, ensure_ascii=False)
    return out + "\n"


def test_every_format_has_a_golden_file() -> None:
    assert set(FORMATTERS) == set(FILES)


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_golden(fmt: str) -> None:
    path = GOLDEN / FILES[fmt]
    out = rendered(fmt)
    if os.environ.get("NOTELINT_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")
