"""The lint endpoint's work, without HTTP: a draft and its context in, the findings, the
checklist and the word count out, as plain JSON-ready data.

Offsets for the page count UTF-16 code units (a browser's string indexes), for the
flagged words and for each edit of each way to fix them; the `report` list is exactly
what `notelint check --format json` prints for the draft.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from notelint.config import RuleSet
from notelint.kinds.base import body_line_span
from notelint.kinds.word_count import word_count
from notelint.linter import Linter
from notelint.lsp.positions import UTF16, to_units
from notelint.model import Context, Violation
from notelint.sources import CONTEXT_KEYS, Note, SourceError, note_from_text, parse_context
from notelint.web.checklist import checklist

#: the name the draft has in findings and in the downloaded JSON (plain text)
DRAFT_NAME = "draft.txt"

#: kinds whose findings are about something missing or about the note as a whole
#: (length, timing, readability); they are reported at a line (where the missing part
#: belongs, or the body's first line), but the page lists them rather than highlighting
#: that line or paragraph
NOTE_LEVEL_KINDS = frozenset({"required", "specific-detail", "word-count", "readability", "timing"})
#: kinds that report a missing part at the body's first line, and other problems in place
_MISSING_AT_FIRST_LINE = frozenset({"personalization"})


class DraftError(ValueError):
    """A request the page should not have sent: the message says what was wrong."""


def lint_draft(
    ruleset: RuleSet, payload: Mapping[str, Any], today: dt.date | None = None
) -> dict[str, Any]:
    text = payload.get("text")
    if not isinstance(text, str):
        raise DraftError("'text' must be the draft, as a string")
    fields = payload.get("context")
    fields = {} if fields is None else fields
    if not isinstance(fields, Mapping):
        raise DraftError("'context' must be an object of interview fields")
    context, field_errors = _context(fields)
    try:
        note = note_from_text(text, DRAFT_NAME)
    except SourceError as exc:
        return _result([], [], ruleset, 0, field_errors, note_error=str(exc))
    violations = Linter(ruleset, context=context, today=today).lint_notes([note])
    # The note drops a leading byte-order mark; the page's text still has it.
    shift = len(text) - len(note.text)
    findings = [_finding(ruleset, note, v, shift) for v in violations]
    return _result(violations, findings, ruleset, word_count(note.masked), field_errors)


def _result(
    violations: list[Violation],
    findings: list[dict[str, Any]],
    ruleset: RuleSet,
    words: int,
    field_errors: dict[str, str],
    note_error: str | None = None,
) -> dict[str, Any]:
    return {
        "findings": findings,
        "checklist": checklist(ruleset, violations),
        "words": words,
        "field_errors": field_errors,
        "note_error": note_error,
        "report": [v.to_dict() for v in violations],
    }


def _context(fields: Mapping[str, Any]) -> tuple[Context, dict[str, str]]:
    """Each field on its own, so a bad date does not drop the interviewer's name."""
    context = Context()
    errors: dict[str, str] = {}
    for key, value in fields.items():
        if key not in CONTEXT_KEYS:
            raise DraftError(f"unknown context field {key!r}")
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if not isinstance(value, str):
            errors[key] = f"{key.replace('_', ' ')} must be text"
            continue
        try:
            context = context.merged(parse_context({key: value}, "field"))
        except ValueError as exc:
            errors[key] = str(exc)
    return context, errors


def _finding(ruleset: RuleSet, note: Note, v: Violation, shift: int) -> dict[str, Any]:
    rule = ruleset.get(v.rule)
    start, end = v.offset, v.end_offset
    kind = rule.kind if rule else ""
    note_level = kind in NOTE_LEVEL_KINDS or (
        kind in _MISSING_AT_FIRST_LINE and (start, end) == body_line_span(note)
    )

    def unit(offset: int) -> int:
        return shift + to_units(note.text[:offset], UTF16)

    return {
        **v.to_dict(),
        "start": unit(start),
        "end": unit(end),
        "flagged": note.text[start:end],
        "why": " ".join(rule.why.split()) if rule else "",
        "whole_note": note_level,
        "fixes": [
            {
                "title": option.title,
                "edits": [
                    {
                        "start": unit(edit.start),
                        "end": unit(edit.end),
                        "content": edit.content,
                        "was": note.text[edit.start : edit.end],
                    }
                    for edit in option.edits
                ],
            }
            for option in v.fix_options
        ],
    }
