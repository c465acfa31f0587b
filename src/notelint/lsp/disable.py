"""The "disable RULE for this note" edit: add the rule to the note's front matter.

`notelint: {disable: [RULE]}` in a YAML front matter block at the top of the note
switches a rule off for that note (see notelint.sources). The edit creates the block when
there is none, adds a `notelint` key to an existing block, or extends its `disable`
list, and leaves every other key (and its formatting and comments) as it was.

Pure text in, one replacement out: (start, end, new_text) in code-point offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from notelint.sources.frontmatter import FrontMatterError, find_front_matter

_OPEN = re.compile(r"\A---[ \t]*(\r\n|\r|\n)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.MULTILINE)
_TOP_KEY = re.compile(r"^notelint[ \t]*:", re.MULTILINE)


@dataclass(frozen=True)
class TextEdit:
    start: int
    end: int
    new_text: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new_text + text[self.end :]


def _newline(text: str) -> str:
    match = re.search(r"\r\n|\r|\n", text)
    return match.group(0) if match else "\n"


def _block(disabled: list[str], nl: str) -> str:
    return f"notelint:{nl}  disable: [{', '.join(disabled)}]{nl}"


def disable_rule_edit(text: str, rule: str) -> TextEdit | None:
    """The edit that disables `rule` for this note, or None when it is already
    disabled or the front matter cannot be read (then no safe edit exists)."""
    start = 1 if text.startswith("\ufeff") else 0
    body = text[start:]
    nl = _newline(body)
    try:
        front = find_front_matter(body)
    except FrontMatterError:
        return None
    if front is None:
        return TextEdit(start, start, f"---{nl}{_block([rule], nl)}---{nl}")

    opening = _OPEN.match(body)
    closing = _CLOSE.search(body, opening.end()) if opening else None
    if opening is None or closing is None:  # pragma: no cover - find_front_matter agreed
        return None
    nl = opening.group(1)
    settings: Any = front.data.get("notelint")
    if settings is None and "notelint" not in front.data:
        # No notelint key yet: add one just before the closing line.
        at = start + closing.start()
        return TextEdit(at, at, _block([rule], nl))
    if settings is None:
        settings = {}
    if not isinstance(settings, dict):
        return None
    disabled = settings.get("disable") or []
    if isinstance(disabled, str):
        disabled = [disabled]
    if not isinstance(disabled, list):
        return None
    disabled = [str(r) for r in disabled]
    if rule in disabled:
        return None
    new_settings = {**settings, "disable": [*disabled, rule]}

    # Replace only the `notelint:` entry (its line and the indented lines under it),
    # keeping comments and the formatting of every other key.
    key = _TOP_KEY.search(body, opening.end(), closing.start())
    if key is not None:
        end = _entry_end(body, key.start(), closing.start())
        edit = TextEdit(start + key.start(), start + end, _dump({"notelint": new_settings}, nl))
        if _only_notelint_changed(text, edit, front.data, new_settings):
            return edit
    # Fallback: rewrite the whole block (comments inside it are lost, keys are kept).
    data = {**front.data, "notelint": new_settings}
    return TextEdit(start + opening.end(), start + closing.start(), _dump(data, nl))


def _entry_end(body: str, key_start: int, limit: int) -> int:
    """End of a top-level YAML entry: its line and the indented or blank lines after
    it, without trailing blank lines."""
    lines = body[key_start:limit].splitlines(keepends=True)
    end = key_start + len(lines[0])
    pos = end
    for line in lines[1:]:
        pos += len(line)
        if not line.strip():
            continue
        if not line[0].isspace():
            break
        end = pos
    return end


def _dump(data: dict[str, Any], nl: str) -> str:
    out = yaml.safe_dump(data, default_flow_style=None, sort_keys=False, allow_unicode=True)
    return out.replace("\n", nl)


def _only_notelint_changed(
    text: str, edit: TextEdit, data: dict[str, Any], settings: dict[str, Any]
) -> bool:
    """The edited front matter has the same keys plus the new settings, and the note
    after it is untouched."""
    before = text.removeprefix("\ufeff")
    after = edit.apply(text).removeprefix("\ufeff")
    try:
        old, new = find_front_matter(before), find_front_matter(after)
    except FrontMatterError:
        return False
    if old is None or new is None:
        return False
    return new.data == {**data, "notelint": settings} and after[new.end :] == before[old.end :]
