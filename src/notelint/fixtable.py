"""Fix tables: how a rule's findings are fixed, as data (a rule's `fixes` in rules.yaml).

A table is a list of entries, tried in order; the first that applies gives the fix:

    fixes:
      - {match: "gonna", safe: "going to"}              # the flagged text, whole
      - {match: "super[- ](?P<word>\\w+)", safe: "\\g<word>"}
      - {match: "awesome", suggest: [impressive, excellent]}
      - {match: "[A-Z][A-Z' ]*[A-Z]", case: true, safe: "\\g<0>", transform: lower}
      - {insert: before-closing, suggest: ["I remain very interested in the {position}."]}

`match` is a regular expression that must match the whole flagged text (its white space
folded to single spaces; case ignored unless `case: true`); `$name` in it stands for any
word of a lexicon (lexicons.yaml). `safe` is one replacement
that --fix may apply unread; `suggest` lists alternatives for a person to choose from.
Replacements may use the match's groups (\\1, \\g<name>) and the interview's context
({interviewer}, {first_name}, {company}, {position}); an entry whose context is missing
does not apply. `transform` post-processes a replacement: `lower` (a shouted word in
lower case, a capital kept at the start of a sentence) or `collapse-repeats` ("sooo" to
"so", only when the result is an English word). An `insert` entry adds a line at a place
in the letter instead: `after-greeting` (the start of the body) or `before-closing`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import TYPE_CHECKING, Any

from notelint.lexicons import Lexicons, alternation
from notelint.model import Applicability, Edit, Finding, Fix, FixOption, Rule
from notelint.regexguard import regex_problem
from notelint.sources import INVISIBLE_SPACES

if TYPE_CHECKING:
    from notelint.positions import LineIndex
    from notelint.sources import Note

ENTRY_KEYS = ("match", "case", "safe", "suggest", "transform", "insert", "scope")
TRANSFORMS = ("lower", "collapse-repeats")
PLACES = ("top", "after-greeting", "before-closing", "before-line")
CONTEXT_FIELDS = ("interviewer", "first_name", "company", "position")
#: the longest sentence a `scope: sentence` fix may replace
SENTENCE_WORDS = 14
#: a lexicon's words in a match: `$intensifiers`
LEXICON = re.compile(r"\$([a-z][a-z0-9_-]*)")


@dataclass(frozen=True)
class FixEntry:
    pattern: re.Pattern[str] | None
    templates: tuple[str, ...]
    applicability: Applicability
    transform: str | None = None
    insert: str | None = None
    #: "sentence": the replacement takes the place of the whole sentence
    scope: str | None = None


# ----------------------------------------------------------------------- loading
def table_problems(
    value: Any, lexicons: Lexicons | None = None
) -> list[tuple[tuple[Any, ...], str]]:
    """What is wrong with a fix table, as (where inside it, message)."""
    if not isinstance(value, list | tuple):
        return [((), "should be a list of fix entries")]
    problems: list[tuple[tuple[Any, ...], str]] = []
    for i, entry in enumerate(value):
        if not isinstance(entry, Mapping):
            problems.append(((i,), "a fix entry should be a mapping"))
            continue
        unknown = sorted(set(entry) - set(ENTRY_KEYS))
        if unknown:
            problems.append(
                ((i, unknown[0]), f"unknown key {unknown[0]!r}; expected {', '.join(ENTRY_KEYS)}")
            )
        if ("safe" in entry) == ("suggest" in entry):
            problems.append(((i,), "a fix entry needs exactly one of 'safe' and 'suggest'"))
        if "safe" in entry and not isinstance(entry["safe"], str):
            problems.append(((i, "safe"), "'safe' should be text"))
        suggest = entry.get("suggest", [])
        if not isinstance(suggest, list | tuple) or not all(isinstance(s, str) for s in suggest):
            problems.append(((i, "suggest"), "'suggest' should be a list of texts"))
        if ("match" in entry) == ("insert" in entry):
            problems.append(((i,), "a fix entry needs exactly one of 'match' and 'insert'"))
        if "insert" in entry and entry["insert"] not in PLACES:
            problems.append(((i, "insert"), f"'insert' should be one of {', '.join(PLACES)}"))
        if "scope" in entry and entry["scope"] != "sentence":
            problems.append(((i, "scope"), "'scope' should be sentence"))
        if "transform" in entry and entry["transform"] not in TRANSFORMS:
            problems.append(
                ((i, "transform"), f"'transform' should be one of {', '.join(TRANSFORMS)}")
            )
        if "match" in entry:
            known = lexicons or {}
            unknown = sorted(set(LEXICON.findall(str(entry["match"]))) - set(known))
            if unknown:
                problems.append(
                    ((i, "match"), f"'match' refers to unknown lexicon '${unknown[0]}'")
                )
                continue
            problem = regex_problem(_with_lexicons(str(entry["match"]), known))
            if problem:
                problems.append(((i, "match"), f"'match' {problem}"))
    return problems


def compile_table(value: Any, lexicons: Lexicons | None = None) -> tuple[FixEntry, ...]:
    """A validated table (see table_problems) as entries."""
    out = []
    for entry in value or ():
        flags = 0 if entry.get("case") else re.IGNORECASE
        safe = "safe" in entry
        match = _with_lexicons(entry["match"], lexicons or {}) if "match" in entry else None
        out.append(
            FixEntry(
                pattern=re.compile(match, flags) if match is not None else None,
                templates=(entry["safe"],) if safe else tuple(entry["suggest"]),
                applicability=Applicability.SAFE if safe else Applicability.SUGGESTION,
                transform=entry.get("transform"),
                insert=entry.get("insert"),
                scope=entry.get("scope"),
            )
        )
    return tuple(out)


def _with_lexicons(match: str, lexicons: Lexicons) -> str:
    """`$name` in a match is any word of that lexicon: (?:word|word|...)."""

    return LEXICON.sub(lambda found: alternation(lexicons[found[1]]), match)


# ----------------------------------------------------------------------- fixing
def editable(note: Note, edit: Edit) -> bool:
    """An edit may only touch prose: front matter, markup, headers and quoted replies
    are blanked in the mask and never changed. An insertion must sit at a line start or
    next to prose."""
    text, masked = note.text, note.masked
    if not 0 <= edit.start <= edit.end <= len(text):
        return False
    if _in_code(text, edit.start):
        return False  # `status != PENDING` is code, even in a plain-text note
    # (for an insertion, edit.start == edit.end: a point strictly inside a moved span)
    if any(start < edit.end and edit.start < end for start, end in note.moved):
        return False  # the masked word there is not the text under it ("I&rsquo;m")
    if note.format == "eml" and edit.start < _headers_end(text):
        return False  # the Subject line is read as prose, but it is a header
    if edit.start == edit.end:
        at = edit.start
        line_start = at == 0 or text[at - 1] in "\r\n"
        return line_start or (note.shows_text(at - 1) and not text[at - 1].isspace())
    # A soft line break in a hard-wrapped paragraph is prose shown as a space.
    return all(
        note.shows_text(i) or (masked[i] == " " and text[i] in "\r\n")
        for i in range(edit.start, edit.end)
    )


def _headers_end(text: str) -> int:
    """Where an e-mail's header block ends (the first empty line); 0 when the text does
    not start with a header (a message body on its own)."""
    if not re.match(r"[!-9;-~]+:", text):
        return 0
    found = re.search(r"\r?\n\r?\n|\r\r", text)
    return found.end() if found else len(text)


def _in_code(text: str, at: int) -> bool:
    """Whether a point is inside `backticks` on its line."""
    line_start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    return text.count("`", line_start, at) % 2 == 1


def fix_for(note: Note, rule: Rule, finding: Finding) -> Fix | None:
    """The fix a finding offers: the kind's own, else the rule's fix table; edits
    outside the prose are dropped, and so is an option left with none."""
    applicability = finding.fix_applicability
    options: list[FixOption] = []
    if finding.replacement is not None:
        edit = Edit(finding.start, finding.end, finding.replacement)
        title = finding.fix_description or _title(note.text[finding.start : finding.end], edit)
        options.append(FixOption(title, (edit,)))
    options.extend(finding.fixes)
    if not options and rule.fixes:
        applicability, options = _from_table(note, rule.fixes, finding.start, finding.end)
    options = [o for o in options if o.edits and all(editable(note, e) for e in o.edits)]
    if not options:
        return None
    if len(options) > 1:
        applicability = Applicability.SUGGESTION
    options = [_located(note.lines, o) for o in options]
    first = options[0].edits
    replacement = (
        first[0].content
        if len(first) == 1 and (first[0].start, first[0].end) == (finding.start, finding.end)
        else None
    )
    return Fix(options[0].title, replacement, applicability, tuple(options))


def _located(lines: LineIndex, option: FixOption) -> FixOption:
    edits = []
    for e in option.edits:
        line, column = lines.line_col(e.start)
        end_line, end_column = lines.line_col(e.end)
        edits.append(Edit(e.start, e.end, e.content, line, column, end_line, end_column))
    return FixOption(option.title, tuple(edits))


def _from_table(
    note: Note, table: tuple[FixEntry, ...], start: int, end: int
) -> tuple[Applicability, list[FixOption]]:
    raw = note.text[start:end]
    flat = " ".join(raw.split())
    fields = _context_fields(note)
    for entry in table:
        if entry.insert is not None:
            options = list(_insertions(note, entry, fields, start))
            if options:
                return entry.applicability, options
            continue
        assert entry.pattern is not None
        match = entry.pattern.fullmatch(flat)
        if match is None:
            continue
        found: list[str] = []
        for template in entry.templates:
            new = _expand(match, template, fields)
            if new is not None and entry.transform:
                new = _transform(entry.transform, new)
            if new is None:
                continue
            new = _case_like(note.text, start, flat, new)
            if new != raw and new not in found:
                found.append(new)
        if found and entry.scope == "sentence":
            s0, s1 = sentence_span(note.text, start, end)
            sentence = note.text[s0:s1]
            if not _short_and_single(sentence):
                continue  # it says more than the problem: a person rewrites it
            edits = [_edit(note.text, s0, s1, new) if new else Edit(s0, s1, "") for new in found]
            return entry.applicability, [FixOption(_title(sentence, e), (e,)) for e in edits]
        if found:
            edits = [_edit(note.text, start, end, new) for new in found]
            return entry.applicability, [FixOption(_title(raw, e), (e,)) for e in edits]
    return Applicability.SAFE, []


def _title(old: str, edit: Edit) -> str:
    old = " ".join(old.split())
    if len(old) > 60:
        old = old[:57].rstrip() + "\u2026"
    if edit.start == edit.end:
        return f"Insert \u201c{edit.content.strip()}\u201d"
    if not edit.content.strip():
        return f"Delete \u201c{old}\u201d"
    return f"Replace \u201c{old}\u201d with \u201c{edit.content}\u201d"


def _edit(text: str, start: int, end: int, new: str) -> Edit:
    """Replace text[start:end]; a deletion takes one run of spaces beside it along, so
    no double space is left ("great 🙂 to" -> "great to")."""
    if new:
        return Edit(start, end, new)
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    if before < start and (after == len(text) or text[after] in "\r\n.,;:!?)"):
        return Edit(before, end, "")  # the space before, at the end of a line or clause
    if after > end:
        return Edit(start, after, "")
    return Edit(before, end, "")


_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*")
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)]*")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end], with the white space that deleting it
    should take along: the spaces after it (or, last in its paragraph, before it), or
    the paragraph break after it when it is a paragraph of its own."""
    para_start = 0
    for m in _PARAGRAPH_BREAK.finditer(text, 0, start):
        para_start = m.end()
    next_break = _PARAGRAPH_BREAK.search(text, end)
    para_end = next_break.start() if next_break else len(text.rstrip())
    s0 = para_start
    for m in re.finditer(r"[.!?]+[\"'\u201d\u2019)]*\s+", text[para_start:start]):
        s0 = para_start + m.end()
    found = _SENTENCE_END.search(text, end, para_end)
    s1 = found.end() if found else para_end
    after = s1
    while after < para_end and text[after] in " \t\r\n":
        after += 1
    if after < para_end:
        return s0, after  # more sentences follow in the paragraph
    if s0 > para_start:
        while s0 > para_start and text[s0 - 1] in " \t\r\n":
            s0 -= 1
        return s0, s1
    # A paragraph of its own: it goes with the break after it.
    return s0, next_break.end() if next_break else s1


def _short_and_single(sentence: str) -> bool:
    """A sentence that is only the problem: short, one clause."""
    return len(sentence.split()) <= SENTENCE_WORDS and not re.search(
        r"[;:]|,\s*(?:but|and|so|though|although|while)\b", sentence
    )


class _Missing(Exception):
    pass


class _Fields(dict[str, str]):
    def __missing__(self, key: str) -> str:
        raise _Missing(key)


def _context_fields(note: Note) -> _Fields:
    context = note.context
    fields = _Fields()
    if context.interviewer:
        fields["interviewer"] = context.interviewer[0]
        fields["first_name"] = context.interviewer[0].split()[0]
    if context.company:
        fields["company"] = context.company
    if context.position:
        fields["position"] = context.position
    return fields


def _expand(match: re.Match[str] | None, template: str, fields: _Fields) -> str | None:
    try:
        text = match.expand(template) if match is not None else template
        return text.format_map(fields) if "{" in text else text
    except (_Missing, ValueError, IndexError, re.error):
        return None


def _transform(name: str, text: str) -> str | None:
    if name == "lower":
        # "I" stays a capital: "I'M SO GLAD" -> "I'm so glad".
        return re.sub(r"\bi\b", "I", text.lower())
    return _collapse_repeats(text)


def _collapse_repeats(word: str) -> str | None:
    """A stretched word spelt normally: "sooo" -> "so", "goooood" -> "good"; None when
    no way of shortening its runs gives an English word."""
    runs = list(re.finditer(r"([^\W\d_])\1{2,}", word, re.IGNORECASE))
    if not runs or len(runs) > 4:
        return None
    words = _english_words()
    for lengths in product((1, 2), repeat=len(runs)):
        out, pos = [], 0
        for run, keep in zip(runs, lengths, strict=True):
            out.append(word[pos : run.start()] + run.group()[:keep])
            pos = run.end()
        candidate = "".join(out) + word[pos:]
        if candidate.lower() in words:
            return candidate
    return None


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """English words (base and inflected forms) from spacy-lookups-data."""
    try:
        from spacy.lookups import load_lookups

        lookups = load_lookups("en", ["lemma_index", "lemma_lookup"])
        index = lookups.get_table("lemma_index")
        words = {w for cls in ("adj", "adv", "noun", "verb") for w in index[cls]}
        words.update(lookups.get_table("lemma_lookup").keys())
        return frozenset(w.lower() for w in words if isinstance(w, str))
    except Exception:  # pragma: no cover - lookups data missing: no such fix
        return frozenset()


def _case_like(text: str, start: int, old: str, new: str) -> str:
    """A replacement keeps a capital at the start of a sentence; a shouted word mid
    sentence does not pass its capital on ("I am REALLY keen" -> "really")."""
    if not old or not new or not old[0].isupper():
        return new
    first_word = old.split()[0]
    shouted = len(first_word) > 1 and first_word.isupper()
    if shouted and not sentence_start(text, start):
        return new
    return new[0].upper() + new[1:]


def sentence_start(text: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and text[i] in " \t\"'\u201c\u2018(*_":
        i -= 1
    return i < 0 or text[i] in "\r\n.!?:"


# ----------------------------------------------------------------- insertions
_GREETING = re.compile(
    r"^(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening)|greetings)\b", re.IGNORECASE
)


def _insertions(note: Note, entry: FixEntry, fields: _Fields, flagged: int) -> Iterator[FixOption]:
    where = _insertion_point(note, entry.insert or "", flagged)
    if where is None:
        return
    point, breaks = where
    if not _read_as_prose(note, point):
        return  # the line starts with markup (a list item, a heading): leave it be
    newline = next((b for b in ("\r\n", "\r") if b in note.text), "\n")
    for template in entry.templates:
        sentence = _expand(None, template, fields)
        if sentence is None:
            continue
        content = sentence + (newline * breaks if breaks else " ")
        yield FixOption(f"Insert \u201c{sentence}\u201d", (Edit(point, point, content),))


def _insertion_point(note: Note, place: str, flagged: int) -> tuple[int, int] | None:
    """Where a line goes, and how many line breaks follow it (0: it starts a paragraph
    as its first sentence): `top` of the letter (when it has no greeting), the start of
    the body (`after-greeting`), above the closing line (`before-closing`), or above the
    flagged line when that is a signature (`before-line`)."""
    from notelint.kinds.letter import prose_lines

    lines = prose_lines(note)
    if not lines:
        return None
    if place == "top":
        if _GREETING.match(lines[0].text):
            return None
        return _line_begin(note, lines[0].start), 2
    if place == "after-greeting":
        for index, line in enumerate(lines[:4]):
            if _GREETING.match(line.text) and len(line.text.split()) <= 8:
                if index + 1 < len(lines):
                    return _line_begin(note, lines[index + 1].start), 0
                return None
        return _line_begin(note, lines[0].start), 0
    if place == "before-line":
        here = next((i for i, ln in enumerate(lines) if ln.start <= flagged <= ln.end), None)
        if here is None:
            return None
        at = lines[here]
        if len(at.words) > 4 or at.text[-1:] in ".!?,;:":
            return None  # not a signature line
        if here and _closing(lines[here - 1].text):
            return None  # a closing is there already: another would not help
        return _line_begin(note, at.start), 1
    for line in reversed(lines[-8:]):
        if _closing(line.text):
            return _line_begin(note, line.start), 2
    return None


def _read_as_prose(note: Note, point: int) -> bool:
    """Whether text inserted at point would be read as prose: the first character from
    point on that is not white space is one the reader shows. The character at point
    cannot tell alone: white space inside markup (a code span running over lines) is
    masked as itself."""
    text = note.text
    at = point
    while at < len(text) and (text[at].isspace() or text[at] in INVISIBLE_SPACES):
        at += 1
    if at == len(text):
        return point == len(text)
    return note.shows_text(at)


def _closing(text: str) -> bool:
    """A closing line: "Best regards,", "Thanks again for your time," "Cheers, Ana"."""
    from notelint.kinds.letter import _CLOSING_START, _THANKS_CLOSING, _name_like

    core = text.strip().strip("*_").strip()
    if _THANKS_CLOSING.match(core):
        return True
    m = _CLOSING_START.match(core)
    if m is None:
        return False
    rest = core[m.end() :].strip().lstrip(",.!:;-\u2013\u2014~ ").strip()
    return not rest or _name_like(rest, max_words=4)


# What str.splitlines() breaks on, as prose_lines() does.
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _line_begin(note: Note, at: int) -> int:
    """Where the line holding `at` begins. A line break the reader made of markup (an
    HTML `<p>`, which the prose shows as a break) counts too: then the line begins after
    that markup, never inside a tag."""
    text, masked = note.text, note.masked
    begin = max(text.rfind(c, 0, at) for c in _LINE_BREAKS) + 1
    prose_begin = max(masked.rfind(c, 0, at) for c in _LINE_BREAKS) + 1
    if prose_begin > begin:
        begin = prose_begin
        while begin < at and not note.shows_text(begin):
            begin += 1
    return begin
