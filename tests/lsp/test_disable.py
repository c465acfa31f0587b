"""The "disable RULE for this note" front matter edit."""

from __future__ import annotations

import pytest

from notelint.lsp.disable import disable_rule_edit
from notelint.sources import note_from_text
from notelint.sources.frontmatter import find_front_matter


def disabled_after(text: str, rule: str) -> tuple[str, frozenset[str]]:
    edit = disable_rule_edit(text, rule)
    assert edit is not None
    new = edit.apply(text)
    return new, note_from_text(new, "note.md").disabled


def test_creates_a_block_when_there_is_none() -> None:
    new, disabled = disabled_after("Dear Dana,\n\nThanks.\n", "hyperbole")
    assert new == "---\nnotelint:\n  disable: [hyperbole]\n---\nDear Dana,\n\nThanks.\n"
    assert disabled == {"hyperbole"}


def test_keeps_existing_keys_and_comments() -> None:
    text = "---\ncompany: Acme  # the firm\ninterviewer: Dana Chen\n---\nDear Dana,\n"
    new, disabled = disabled_after(text, "length")
    assert new.startswith("---\ncompany: Acme  # the firm\ninterviewer: Dana Chen\n")
    assert new.endswith("---\nDear Dana,\n")
    assert disabled == {"length"}
    front = find_front_matter(new)
    assert front is not None
    assert front.data["company"] == "Acme" and front.data["interviewer"] == "Dana Chen"


@pytest.mark.parametrize(
    "entry",
    [
        "notelint: {disable: [length]}\n",
        "notelint:\n  disable:\n    - length\n",
        "notelint:\n  disable: length\n",
    ],
)
def test_extends_an_existing_disable_list(entry: str) -> None:
    text = f"---\n{entry}company: Acme  # keep\n---\nBody\n"
    new, disabled = disabled_after(text, "hyperbole")
    assert disabled == {"length", "hyperbole"}
    assert "company: Acme  # keep\n" in new
    assert new.endswith("---\nBody\n")


def test_keeps_crlf_line_endings() -> None:
    new, disabled = disabled_after("---\r\ncompany: Acme\r\n---\r\nBody\r\n", "hyperbole")
    assert "\n" not in new.replace("\r\n", "")
    assert disabled == {"hyperbole"}


def test_after_a_byte_order_mark() -> None:
    new, disabled = disabled_after("\ufeffDear Dana,\n", "length")
    assert new.startswith("\ufeff---\n")
    assert disabled == {"length"}


def test_no_edit_when_already_disabled_or_unreadable() -> None:
    assert disable_rule_edit("---\nnotelint: {disable: [length]}\n---\nx", "length") is None
    assert disable_rule_edit("---\n- a list\n---\nx", "length") is None
    assert disable_rule_edit("---\nnotelint: 3\n---\nx", "length") is None
