"""directive: report suppression directives that are malformed, misplaced or that name
an unknown rule.

The sources find the directives (`<!-- notelint-disable ... -->` in Markdown and HTML,
`notelint: {disable: [...]}` in front matter) and record what is wrong with their syntax
in `note.directive_problems`; the linter, which knows the rule set, adds the ids that are
not rules. This kind turns those problems into findings, one message each.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from notelint.kinds.base import Kind, KindOptions
from notelint.model import Finding

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from notelint.sources import Note


class DirectiveKind(Kind[KindOptions]):
    name = "directive"
    # A broken directive is reported even inside a range that switches all rules off:
    # otherwise a typo in the closing directive would hide itself.
    suppressible = False

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        for start, end, message in note.directive_problems:
            yield self.finding(start, end, message=message)
