"""Reading notes: bytes -> text -> Note (original text + prose mask + context).

Each input format is a module in this package that turns the decoded text into a
`Prose`: the same text with everything that is not prose (markup, front matter, headers,
quoted replies) blanked to spaces, so every offset into the masked text is an offset into
the original. Rules, positions, fixes and the language server then work the same way for
every format.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from notelint.model import Context
from notelint.positions import LineIndex
from notelint.sources import registry
from notelint.sources.directives import Directive, Suppression, suppressions
from notelint.sources.frontmatter import FrontMatter, FrontMatterError, find_front_matter
from notelint.sources.linebreaks import join_soft_breaks
from notelint.sources.prose import FormatError, blank, plain_prose
from notelint.sources.registry import FORMAT_BY_SUFFIX, NOTE_SUFFIXES, format_for
from notelint.suggest import did_you_mean


class SourceError(Exception):
    """A note that cannot be read: missing, binary, badly encoded, bad front matter."""


class NotTextError(SourceError):
    """A file that is not text at all (a folder walk skips it rather than failing)."""


@dataclass(frozen=True)
class Note:
    """One note: `text` is what positions count in (the decoded file, or the text a
    format made: a decoded e-mail body, a Word document's paragraphs); `masked` is the
    prose, the same length, everything else blanked.

    `disabled`: rules off for the whole note (front matter). `suppressions`: rules off
    in ranges (inline directives). `directives`: every suppression the writer asked for,
    with the offsets of the rule ids it names, so the linter can report unknown ids.
    `directive_problems`: (start, end, message) for malformed or misplaced directives.
    `extra["decoded"]` is True when `text` is not the file's own text.
    """

    path: str
    text: str
    masked: str
    format: str = "txt"
    context: Context = Context()
    disabled: frozenset[str] = frozenset()
    suppressions: tuple[Suppression, ...] = ()
    directive_problems: tuple[tuple[int, int, str], ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    directives: tuple[Directive, ...] = ()
    #: spans of words the mask wrote away from their source (see Prose.moved): not editable
    moved: tuple[tuple[int, int], ...] = ()

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def shows_text(self, i: int) -> bool:
        """Whether the mask shows the text's own character at i: the same character, or
        a zero-width space that the rules read as a space."""
        shown, written = self.masked[i], self.text[i]
        return shown == written or (shown == " " and written in INVISIBLE_SPACES)

    @cached_property
    def body_start(self) -> int:
        """Offset of the first prose character: where missing-content violations point."""
        for i, ch in enumerate(self.masked):
            if not ch.isspace():
                return i
        return 0


#: zero-width spaces: U+200B, the word joiner U+2060 and U+FEFF inside a text (pasted
#: from the web or a word processor, invisible on screen); the mask makes them spaces
INVISIBLE_SPACES = "\u200b\u2060\ufeff"

#: spaCy's default Language.max_length: a longer text is no note, and cannot be parsed.
MAX_NOTE_CHARS = 1_000_000
#: a file larger than this is refused before it is read (Word files carry images).
MAX_NOTE_BYTES = 16 * 1024 * 1024


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is an error."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(f"not valid UTF-16 (byte offset {exc.start})") from None
    if b"\x00" in data:
        raise NotTextError("binary file, not a text note")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the note as UTF-8"
        ) from None


def note_from_bytes(data: bytes, path: str, *, fmt: str | None = None) -> Note:
    fmt = fmt or format_for(path)
    spec = registry.get(fmt)
    if spec.binary:
        try:
            text = registry.to_text(fmt, data)
        except FormatError as exc:
            raise SourceError(str(exc)) from None
    elif spec.latin1_fallback:
        text = _decode_or_latin1(data)
    else:
        text = decode(data)
    return note_from_text(text, path, fmt=fmt)


def _decode_or_latin1(data: bytes) -> str:
    """UTF-8 as usual, but a text in an 8-bit legacy charset (an e-mail's parts say
    which) is still read, as Latin-1, rather than refused."""
    try:
        return decode(data)
    except NotTextError:
        raise
    except SourceError:
        return data.decode("latin-1")


def note_from_text(text: str, path: str = "<text>", *, fmt: str | None = None) -> Note:
    """Build a Note from decoded text; raises SourceError for bad front matter."""
    fmt = fmt or format_for(path)
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text) > MAX_NOTE_CHARS:
        raise SourceError(
            f"too long for a note ({len(text):,} characters; notelint reads up to "
            f"{MAX_NOTE_CHARS:,})"
        )
    context = Context()
    disabled: frozenset[str] = frozenset()
    masked_front = text
    directives: list[Directive] = []
    if registry.get(fmt).front_matter:
        try:
            front = find_front_matter(text)
        except FrontMatterError as exc:
            raise SourceError(str(exc)) from None
        if front is not None:
            context, disabled = _read_front_matter(front.data)
            masked_front = blank(text, front.start, front.end)
            if disabled:
                directives.append(_front_matter_directive(text, front, disabled))
    prose = registry.prose(fmt, masked_front)
    if prose.text is not None:
        text = prose.text
    directives += prose.directives
    ranges, misplaced = suppressions(text, prose.directives)
    return Note(
        path=path,
        text=text,
        masked=_encodable(join_soft_breaks(prose.masked)),
        format=fmt,
        context=context,
        disabled=disabled,
        suppressions=tuple(ranges),
        directive_problems=tuple(sorted(prose.problems + misplaced)),
        extra={"decoded": True} if prose.text is not None else {},
        directives=tuple(directives),
        moved=tuple(prose.moved),
    )


_SURROGATE = re.compile("[\ud800-\udfff]")
_INVISIBLE_SPACE = re.compile(f"[{INVISIBLE_SPACES}]")


def _encodable(masked: str) -> str:
    """The masked text as the rules read it, one character for one: lone surrogates
    (text from an API or editor that is not valid Unicode, which spaCy cannot hash) are
    U+FFFD, and zero-width spaces are spaces, so that the word they touch is still the
    word ("\ufeffso excited" reads "so excited", as it does on screen)."""
    if masked.isascii():
        return masked
    return _INVISIBLE_SPACE.sub(" ", _SURROGATE.sub("\ufffd", masked))


def _front_matter_directive(text: str, front: FrontMatter, ids: frozenset[str]) -> Directive:
    """`notelint: {disable: [...]}` as a directive, each id at its place in the block."""
    block = text[front.start : front.end]
    key = re.search(r"\bdisable\b", block)
    after = key.end() if key else 0
    rules = []
    for rule_id in sorted(ids):
        found = re.search(rf"(?<![\w-]){re.escape(rule_id)}(?![\w-])", block[after:])
        if found:
            rules.append(
                (rule_id, front.start + after + found.start(), front.start + after + found.end())
            )
        else:
            rules.append((rule_id, front.start, front.start + 3))
    return Directive("front-matter", front.start, front.end, tuple(rules))


def read_note(path: Path, display: str | None = None) -> Note:
    display = display or str(path)
    try:
        mode = path.stat()
        if stat.S_ISDIR(mode.st_mode):
            raise IsADirectoryError
        if stat.S_ISREG(mode.st_mode) and mode.st_size > MAX_NOTE_BYTES:
            raise SourceError(
                f"too large for a note ({mode.st_size:,} bytes; notelint reads up to "
                f"{MAX_NOTE_BYTES:,})"
            )
        # A named pipe is read (`notelint check <(...)`); a device or socket is no note.
        if not (stat.S_ISREG(mode.st_mode) or stat.S_ISFIFO(mode.st_mode)):
            raise NotTextError("not a regular file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None
    return note_from_bytes(data, display)


CONTEXT_KEYS = ("interviewer", "company", "position", "interview_date")
#: front matter may hold the context and notelint's own settings, nothing else
FRONT_MATTER_KEYS = (*CONTEXT_KEYS, "notelint")


class ContextError(ValueError):
    """Every problem of a context mapping, as (key, message); str() is the first."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems[0][1])
        self.problems = problems


def parse_context(data: dict[str, Any], where: str = "context") -> Context:
    """Context from a mapping (front matter, config or --context flags); raises
    ContextError with every problem found."""
    problems = [
        (
            key,
            f"unknown {where} key {key!r}{did_you_mean(key, CONTEXT_KEYS)}; expected one of "
            + ", ".join(CONTEXT_KEYS),
        )
        for key in data
        if key not in CONTEXT_KEYS
    ]
    values: dict[str, Any] = {}
    for key in CONTEXT_KEYS:
        try:
            values[key] = _context_value(key, data.get(key), where)
        except ValueError as exc:
            problems.append((key, str(exc)))
    if problems:
        raise ContextError(problems)
    return Context(**values)


def _context_value(key: str, value: Any, where: str) -> Any:
    if key == "interviewer":
        names = value or ()
        if isinstance(names, str):
            # "Dana Chen, Sam Lee" or "Dana Chen and Sam Lee" in one string: two people.
            names = tuple(re.split(r"\s*[,;&]\s*|\s+and\s+", names))
        if not isinstance(names, list | tuple) or not all(isinstance(n, str) for n in names):
            raise ValueError(
                f"{where} key 'interviewer' must be a name or a list of names, not {value!r}"
            )
        return tuple(n.strip() for n in names if n.strip())
    if key == "interview_date":
        return _date(value, where)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{where} key {key!r} must be text, not {value!r}")
    return (value or "").strip() or None


def _date(date: Any, where: str) -> dt.date | None:
    if isinstance(date, str):
        try:
            return dt.date.fromisoformat(date.strip())
        except ValueError:
            try:  # a date with a time: "2026-11-24 10:00", "2026-11-24T10:00"
                return dt.datetime.fromisoformat(date.strip()).date()
            except ValueError:
                raise ValueError(
                    f"{where} key 'interview_date' must be a date like 2026-11-24, not {date!r}"
                ) from None
    if isinstance(date, dt.datetime):  # YAML reads "2026-11-24 10:00:00" as a datetime
        return date.date()
    if date is not None and not isinstance(date, dt.date):
        raise ValueError(
            f"{where} key 'interview_date' must be a date like 2026-11-24, not {date!r}"
        )
    return date


def _read_front_matter(data: dict[str, Any]) -> tuple[Context, frozenset[str]]:
    settings = data.get("notelint") or {}
    if not isinstance(settings, dict) or set(settings) - {"disable"}:
        raise SourceError("front matter key 'notelint' must be a mapping like {disable: [rule]}")
    disable = settings.get("disable") or []
    if isinstance(disable, str):
        disable = [disable]
    if not isinstance(disable, list) or not all(isinstance(r, str) for r in disable):
        raise SourceError(
            "front matter key 'notelint' must be a mapping like {disable: [rule]}, "
            "its 'disable' a rule id or a list of rule ids"
        )
    unknown = [key for key in data if key not in FRONT_MATTER_KEYS]
    if unknown:  # a typo ("compnay") would silently switch a rule off
        named = ", ".join(repr(k) + did_you_mean(k, FRONT_MATTER_KEYS) for k in unknown)
        raise SourceError(
            f"unknown front matter key{'s' if len(unknown) > 1 else ''} {named}; "
            f"expected one of {', '.join(FRONT_MATTER_KEYS)}"
        )
    known = {k: v for k, v in data.items() if k in CONTEXT_KEYS}
    try:
        context = parse_context(known, "front matter")
    except ValueError as exc:
        raise SourceError(str(exc)) from None
    return context, frozenset(disable)


__all__ = [
    "FORMAT_BY_SUFFIX",
    "NOTE_SUFFIXES",
    "ContextError",
    "Directive",
    "NotTextError",
    "Note",
    "SourceError",
    "Suppression",
    "decode",
    "format_for",
    "note_from_bytes",
    "note_from_text",
    "parse_context",
    "plain_prose",
    "read_note",
]
