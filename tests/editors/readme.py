"""The README's editor snippets, as the editor tests run them (the README is the source)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def snippet(after: str, lang: str) -> str:
    """The first ```lang block of the README after the text `after`."""
    text = README.read_text(encoding="utf-8")
    at = text.index(after)
    block = re.compile(rf"^```{re.escape(lang)}\n(.*?)^```", re.MULTILINE | re.DOTALL)
    found = block.search(text, at)
    assert found is not None, f"no {lang} block after {after!r} in README.md"
    return found[1]
