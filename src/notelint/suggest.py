"""'did you mean ...?' for a mistyped name (a rule id, a config or front-matter key)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """' (did you mean 'hyperbole'?)' for a near miss among choices, else ''."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
