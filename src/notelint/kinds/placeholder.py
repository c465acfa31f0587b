"""placeholder: template text left in a note ([Name], <Company>, {position}, ____, TODO).

A slot is judged by its shape and its words, not by its brackets alone: "[Company Name]",
"<Position Title>", "{role}", "[insert detail here]", "[TODO: ...]", "____", "XXX",
"Your Name" are slots; Markdown links "[text](url)" and reference links, checkboxes
"[ ]" / "[x]", footnote markers "[1]", editorial "[sic]" / "[...]", e-mail addresses and
URLs in angle brackets, HTML tags, emoticons such as "<3", maths such as "x<y" or "{x}"
are not. Each slot is reported on its own, with a message naming it; when the note's
context gives the company, the position or the interviewer, the matching slot gets a fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from notelint.kinds.base import Kind, KindOptions, Texts, option
from notelint.lexicons import Lexicons, alternation, word_sets
from notelint.model import Finding

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.model import Rule
    from notelint.sources import Note


MARKERS = re.compile(r"\b(?:TODO|FIXME|TBD|TBA|XXX+|TK)\b|\?\?\?")
SMALL_WORDS = frozenset({"of", "or", "and", "the", "a", "an", "for", "at", "to", "in", "&", "/"})
PRONOUNS = frozenset(
    {"i", "we", "you", "he", "she", "they", "it", "this", "that", "the", "a", "an", "his"}
    | {"her", "their", "our", "my", "me", "us", "them", "him"}
)


@dataclass(frozen=True)
class SlotWords:
    """The word classes (lexicons) that tell a slot from prose, read from a rule's
    lexicons so that a config's additions count."""

    #: by lexicon: "slot-nouns" make bracketed text a slot to fill in ("[Company Name]");
    #: "slot-instructions" begin an instruction to the writer ("[insert detail here]");
    #: "not-slots" are bracketed words that are not slots (editorial marks, e-mail tags);
    #: "html-tags" name HTML elements ("<div>" in a plain-text note is not a slot);
    #: "numbering-words" come before a Roman numeral with X ("Super Bowl XXX"); and
    #: "label-nouns" end a slot in parentheses ("(Company Name)", "(Your Title)")
    sets: Mapping[str, frozenset[str]]
    #: "TODO" or "FIXME", with the reminder after a colon to the end of its line ("TODO:
    #: mention the Q3 launch"); not the literal word in "the TODO app we built"
    bare_marker: re.Pattern[str]
    #: "Mr", "Ms", ...: a regular expression group
    honorific: str
    #: a name written as the word Blank: "Dear Mr. Blank", "Ms. Blank"
    blank_name: re.Pattern[str]
    #: a slash pair of honorifics before a slot belongs to it: "Mr./Ms. [Last Name]"
    honorifics: re.Pattern[str]

    @classmethod
    def of(cls, lexicons: Lexicons) -> SlotWords:
        honorific = alternation(w.capitalize() for w in lexicons["honorifics"])
        return cls(
            sets=word_sets(
                lexicons,
                "slot-nouns",
                "slot-instructions",
                "not-slots",
                "html-tags",
                "numbering-words",
                "label-nouns",
            ),
            honorific=honorific,
            bare_marker=re.compile(
                r"(?<![\w-])(?:TODO|FIXME)(?![\w-])(?::[^\n]*)?"
                rf"(?! {alternation(lexicons['marker-nouns'])}\b)"
            ),
            blank_name=re.compile(rf"(?<![\w-]){honorific}\.? Blank(?![\w-])"),
            honorifics=re.compile(rf"(?:{honorific}\.?\s*/\s*)+{honorific}\.?\s*$"),
        )


SQUARE = re.compile(r"\[([^\[\]\n]{1,100})\]")
ANGLE = re.compile(r"<([^<>\n]{1,60})>")
CURLY = re.compile(r"(\$?)\{\{?([^{}\n]{1,60}?)\}?\}")
PAREN = re.compile(r"\(([^()\n]{1,40})\)")
BLANK = re.compile(r"_{3,}")
X_NUMBER = re.compile(
    r"(?<![\w$])(?:\$\s?X{1,3}(?:,XXX)*(?:\.XX)?|X{1,2}%|X{2,}(?:[/.,:-]X{2,})+"
    r"|\(?[xX]{3}\)?[ .-][xX]{3}[ .-][xX]{4})(?!\w)"
)
X_RUN = re.compile(r"(?<![\w-])X{3,}(?![\w-])")
# An instruction to the writer in capitals, without brackets: "INSERT PROJECT",
# "ADD COMPANY NAME HERE", "MENTION SPECIFIC DETAIL".
BARE_INSTRUCTION = re.compile(
    r"(?<![\w-])(?:INSERT|ADD|MENTION|INCLUDE|ENTER|FILL IN|PUT|DESCRIBE|NAME OF)"
    r"(?: (?:THE|A|AN|YOUR|ONE|SPECIFIC|MORE))*"
    r" (?:[A-Z]{2,}(?: [A-Z]{2,})*)(?![\w-])"
)
BARE_SLOT = re.compile(
    r"(?<![\w-])(?:"
    r"(?:Your|YOUR) (?:(?:Full|First|Last|FULL|FIRST|LAST) )?(?:Name|NAME)"
    r"|(?:Your|YOUR) (?:Job )?Title|(?:Your|YOUR) (?:Phone|E-?mail|Email)(?: Number| Address)?"
    r"|(?:Your|YOUR) (?:Street )?Address|(?:Your|YOUR) (?:Signature|City|LinkedIn)"
    r"|(?:Company|Interviewer(?:'s)?|Hiring Manager(?:'s)?|Recipient(?:'s)?) Name"
    r"|Position Title|Firstname Lastname|First Last|City, State ZIP|Date of Interview"
    r"|(?:Jane|John) Doe"
    r")(?![\w-])(?!:\s*[\w+(@])"
)
# A slot in capitals, without brackets: "Dear FIRST NAME,", "the JOB TITLE role",
# "COMPANY NAME's plans". Two or three capitalised words ending in a slot noun, so that
# acronyms ("the QA TEAM") and shouting ("I LOVE THE ROLE") are not slots.
CAPS_SLOT = re.compile(
    r"(?<![\w-])(?:FIRST|LAST|FULL|COMPANY|COMPANY'S|INTERVIEWER|INTERVIEWER'S|HIRING|"
    r"MANAGER'S|JOB|POSITION|RECIPIENT|RECIPIENT'S|YOUR|THEIR|SPECIFIC|PROJECT|INTERVIEW|"
    r"TEAM|ORGANI[SZ]ATION|EMPLOYER|SCHOOL|DEPARTMENT|CONTACT)"
    r"(?: (?:MANAGER|FIRST|LAST|FULL|JOB|PROJECT|PHONE|E-?MAIL))?"
    r" (?:NAME|TITLE|POSITION|ROLE|COMPANY|DATE|DAY|NUMBER|ADDRESS|DETAIL|PROJECT|TOPIC|"
    r"SKILL|SKILLS|GOAL|INITIATIVE|PRODUCT|TEAM)(?![\w-])"
)
LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d+[.)])?\s*$")
URLISH = re.compile(r"<?(?:[a-z][a-z0-9+.-]*:|www\.|/|#)", re.IGNORECASE)
REF_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:\s*\S", re.MULTILINE)
HTML_TAG = re.compile(
    r"^/?([a-zA-Z][a-zA-Z0-9]*)(?:\s+[\w:-]+(?:=(?:\"[^\"]*\"|'[^']*'|\S+))?)*\s*/?$"
)
WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# Slot words that the note's context can fill in: slot (normalised) -> context field.
CONTEXT_SLOTS = {
    "company": "company",
    "company name": "company",
    "company's name": "company",
    "name of company": "company",
    "organization": "company",
    "organisation": "company",
    "organization name": "company",
    "organisation name": "company",
    "position": "position",
    "position title": "position",
    "position name": "position",
    "role": "position",
    "role title": "position",
    "job title": "position",
    "title of position": "position",
    "interviewer": "interviewer",
    "interviewer name": "interviewer",
    "interviewer's name": "interviewer",
    "interviewer’s name": "interviewer",
    "name of interviewer": "interviewer",
    "hiring manager's name": "interviewer",
    "hiring manager name": "interviewer",
}


def _words(text: str) -> list[str]:
    return WORDS.findall(text)


def _is_title_words(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content)


def slot_words(content: str, vocabulary: SlotWords) -> bool:
    """Whether bracketed text reads as a slot to fill in rather than prose."""
    text = content.strip()
    lower = text.lower()
    not_slots = vocabulary.sets["not-slots"]
    if not text or lower in not_slots or lower.rstrip(".") in not_slots:
        return False
    if MARKERS.search(text):
        return True
    words = _words(text)
    if not words:
        return False
    first = words[0].lower()
    instruction = first in vocabulary.sets["slot-instructions"]
    if instruction and (len(words) > 1 or first in ("todo", "tbd")):
        return True
    if len(words) > 8:
        return False
    lowered = [w.lower() for w in words]
    if any(w in vocabulary.sets["slot-nouns"] for w in lowered):
        return True
    if "/" in text and len(words) <= 4:  # "[his/her]", "[Mr./Ms.]"
        return True
    if len(words) == 1 and lowered[0] in PRONOUNS:
        return False  # an editorial "[We]" inside a quotation
    return _is_title_words(words) and len(words) <= 6


def _describe(content: str, vocabulary: SlotWords) -> str:
    """What a slot asks for, for the message: 'the company name', 'what it asks for'."""
    text = " ".join(content.replace("_", " ").split()).strip(" .:")
    words = _words(text)
    if not words or MARKERS.fullmatch(text) or MARKERS.search(text[:5]):
        return ""
    if words[0].lower() in vocabulary.sets["slot-instructions"]:
        return ""
    if len(words) > 5:
        return ""
    lowered = [w.lower() for w in words]
    if lowered[0] == "your" and len(lowered) > 1:
        return "your " + " ".join(lowered[1:])
    if lowered[-1] == "doe":
        return "the real name"
    return "the real " + " ".join(lowered)


def _without_honorifics(content: str, vocabulary: SlotWords) -> str:
    """A slot's words without the honorifics before it: "Mr./Ms. [Last Name" -> "Last Name"."""
    return re.sub(rf"^(?:{vocabulary.honorific}\.?\s*/\s*)+\S+\s*\[?", "", content)


def slot_field(content: str) -> str | None:
    """The context field a slot stands for ("Company Name" -> "company"), or None."""
    key = " ".join(content.lower().replace("_", " ").split()).strip(" .:")
    return CONTEXT_SLOTS.get(key)


def slot_fields(note: Note, finder: SlotFinder) -> set[str]:
    """The context fields that the note's template slots stand for: a note with
    "[Company]" in it does name the company, in a slot the placeholder rule reports."""
    fields = set()
    for start, end, _ in finder.slots(note):
        content = re.sub(r"^[\[<{(\s]+|[\]>})\s]+$", "", " ".join(note.text[start:end].split()))
        field = slot_field(content)
        if field:
            fields.add(field)
    return fields


_LEADING_LOOKBEHIND = re.compile(r"\(\?<!(?:[^()\\]|\\.)*\)")
_WITHOUT_LOOKBEHIND: dict[re.Pattern[str], re.Pattern[str]] = {}


def _finditer(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """regex.finditer(text), after a quick look for the regex without its leading
    lookbehind: Python's re tries a pattern that starts with a lookbehind at every
    position, but finds the first letters of one that does not fast; where the rest
    matches nowhere, the whole regex matches nowhere."""
    quick = _WITHOUT_LOOKBEHIND.get(regex)
    if quick is None:
        lookbehind = _LEADING_LOOKBEHIND.match(regex.pattern)
        body = regex.pattern[lookbehind.end() :] if lookbehind else regex.pattern
        quick = _WITHOUT_LOOKBEHIND[regex] = re.compile(body, regex.flags)
    if quick.search(text) is None:
        return iter(())
    return regex.finditer(text)


#: one object per distinct set-up of a SlotFinder
_SIGNATURES: dict[tuple[object, ...], tuple[object, ...]] = {}
#: the last note a finder looked at, the finder's set-up and the slots it found: two
#: rules ask for the slots of each note
_last_slots: tuple[Note, tuple[object, ...], tuple[tuple[int, int, str], ...]] | None = None


class SlotFinder:
    """Finds template slots in a note: (start, end, what) in the note's text. Used by the
    placeholder rule, and by rules that must not mistake a slot for content."""

    def __init__(
        self, vocabulary: SlotWords, exceptions: Iterable[str] = (), extra_words: Iterable[str] = ()
    ) -> None:
        self.vocabulary = vocabulary
        self.exceptions = {e.strip().lower() for e in exceptions}
        self.extra_slots = {w.strip().lower() for w in extra_words}
        # Finders set up alike (the placeholder and learned-detail rules' usually are)
        # share one object here, so that one can reuse the other's slots of a note.
        signature = (
            tuple(sorted(vocabulary.sets.items())),
            vocabulary.bare_marker,
            vocabulary.blank_name,
            vocabulary.honorific,
            vocabulary.honorifics,
            frozenset(self.exceptions),
            frozenset(self.extra_slots),
        )
        self._signature = _SIGNATURES.setdefault(signature, signature)

    def _is_slot(self, content: str) -> bool:
        if content.strip().lower() in self.exceptions:
            return False
        lowered = {w.lower() for w in _words(content)}
        return slot_words(content, self.vocabulary) or bool(lowered & self.extra_slots)

    def slots(self, note: Note) -> Iterator[tuple[int, int, str]]:
        global _last_slots
        last = _last_slots
        if last is None or last[0] is not note or last[1] is not self._signature:
            last = _last_slots = (note, self._signature, tuple(self._slots(note)))
        return iter(last[2])

    def _slots(self, note: Note) -> Iterator[tuple[int, int, str]]:
        text, masked = note.text, note.masked
        references = {m.group(1).strip().lower() for m in REF_DEFINITION.finditer(text)}
        yield from self._square(text, masked, references)
        yield from self._angle(text, masked)
        yield from self._curly(masked)
        yield from self._paren(masked)
        for m in BLANK.finditer(masked):
            line_start = masked.rfind("\n", 0, m.start()) + 1
            line_end = masked.find("\n", m.end())
            line = masked[line_start : line_end if line_end >= 0 else len(masked)]
            # A line of underscores alone is a rule or a signature line, not a blank.
            if re.search(r"[^\W_]", line):
                yield m.start(), m.end(), "blank"
        for m in X_NUMBER.finditer(masked):
            yield m.start(), m.end(), "marker"
        for m in _finditer(X_RUN, masked):
            before = masked[: m.start()].split()
            if before and before[-1].lower().strip(",") in self.vocabulary.sets["numbering-words"]:
                continue
            yield m.start(), m.end(), "marker"
        for m in _finditer(self.vocabulary.bare_marker, masked):
            yield m.start(), m.end(), "marker"
        for m in _finditer(BARE_INSTRUCTION, masked):
            yield m.start(), m.end(), "instruction"
        for m in BARE_SLOT.finditer(masked):
            yield m.start(), m.end(), "bare"
        for regex in (CAPS_SLOT, self.vocabulary.blank_name):
            for m in _finditer(regex, masked):
                yield m.start(), m.end(), "bare"

    def _square(
        self, text: str, masked: str, references: set[str]
    ) -> Iterator[tuple[int, int, str]]:
        for m in SQUARE.finditer(masked):
            start, end = m.span()
            content = m.group(1)
            after = text[end : end + 1]
            line_before = text[:start].rsplit("\n", 1)[-1]
            target = text[end + 1 : end + 80].strip()
            definition = after == ":" and not line_before.strip() and bool(URLISH.match(target))
            if after in ("(", "[") or definition:
                continue  # a Markdown link, reference link or reference definition
            if start > 0 and text[start - 1] in "[!":
                continue  # "[[wiki]]" or an image "![alt](...)"
            if content.strip().lower() in references:
                continue  # a shortcut reference link "[my portfolio]"
            if content.strip().lower() in ("", "x") and LIST_MARK.match(line_before):
                continue  # a task-list checkbox "- [ ]" / "[x]"
            stripped = content.strip()
            if re.fullmatch(r"\^?\d+(?:\s*[,–-]\s*\^?\d+)*|\^\w+|[a-z]|[.…\s]+", stripped):
                continue  # footnote "[1]", "[^2]", "[a]", elision "[...]"
            if not self._is_slot(content):
                continue
            yield self._with_honorific(text, start), end, "square"

    def _angle(self, text: str, masked: str) -> Iterator[tuple[int, int, str]]:
        seen: set[int] = set()
        for m in ANGLE.finditer(masked):
            seen.add(m.start())
            if self._angle_slot(text, m.start(), m.end(), m.group(1)):
                yield self._with_honorific(text, m.start()), m.end(), "angle"
        # A Markdown or HTML reader blanks "<Company>" as if it were a tag: it still is
        # template text when the blank covers exactly that bracket (not a comment, not code).
        for m in ANGLE.finditer(text):
            start, end = m.span()
            if start in seen or masked[start:end].strip():
                continue
            if not self._blanked_alone(text, masked, start, end):
                continue
            if self._angle_slot(text, start, end, m.group(1)):
                yield self._with_honorific(text, start), end, "angle"

    @staticmethod
    def _blanked_alone(text: str, masked: str, start: int, end: int) -> bool:
        """Whether the blank run of the mask around text[start:end] is just that span."""
        i = start
        while i > 0 and masked[i - 1] == " " and text[i - 1] not in " \t\n":
            i -= 1
        j = end
        while j < len(masked) and masked[j] == " " and text[j] not in " \t\n":
            j += 1
        return i == start and j == end

    def _angle_slot(self, text: str, start: int, end: int, content: str) -> bool:
        if content != content.strip() or not content[:1].isalpha():
            return False  # "a < b > c", "<3", "<-", "</3", "<=", "</p>"
        if "@" in content or "://" in content or content.lower().startswith(("www.", "mailto:")):
            return False  # <dana@acme.com>, <https://acme.com>
        before = text[start - 1 : start] if start else ""
        after = text[end : end + 1]
        if before.isalnum() or after.isalnum():
            return False  # x<y, List<String>
        tag = HTML_TAG.match(content)
        html_tags = self.vocabulary.sets["html-tags"]
        if tag and tag.group(1).lower() in html_tags and content[:1].islower():
            return False  # a real HTML tag in a plain-text note
        if "=" in content or '"' in content:
            return False
        if not re.fullmatch(r"[A-Za-z][\w '’./&-]*", content):
            return False
        return len(_words(content)) <= 6

    def _curly(self, masked: str) -> Iterator[tuple[int, int, str]]:
        for m in CURLY.finditer(masked):
            start, end = m.span()
            content = m.group(2).strip()
            if m.group(1):  # "${first_name}"
                if re.fullmatch(r"[A-Za-z_][\w.]*", content):
                    yield start, end, "curly"
                continue
            before = masked[:start]
            if re.search(r"(?:\\[A-Za-z]+|[\^_=(,])\s*$", before):
                continue  # LaTeX "\textbf{...}", "x^{2}", "a_{ij}", code
            if len(re.sub(r"[^A-Za-z]", "", content)) < 2:
                continue  # maths: {x}, {1, 2}, {n}
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9_.]*", content):
                yield start, end, "curly"  # {position}, {{first_name}}
            elif re.fullmatch(r"[A-Za-z][\w '’-]*", content) and (
                _is_title_words(_words(content)) or self._is_slot(content)
            ):
                yield start, end, "curly"  # {Company Name}, {hiring manager name}

    def _paren(self, masked: str) -> Iterator[tuple[int, int, str]]:
        """Only unmistakable slots in parentheses: "(Company Name)", "(insert date)"."""
        for m in PAREN.finditer(masked):
            content = m.group(1).strip()
            words = _words(content)
            if not words or len(words) > 5 or not re.fullmatch(r"[A-Za-z][\w '’/-]*", content):
                continue
            first, last = words[0].lower(), words[-1].lower()
            named = last in self.vocabulary.sets["label-nouns"]
            instruction = first in ("insert", "enter", "fill")
            labelled = named and (first == "your" or _is_title_words(words))
            if len(words) > 1 and (instruction or labelled):
                yield m.start(), m.end(), "paren"

    def _with_honorific(self, text: str, start: int) -> int:
        h = self.vocabulary.honorifics.search(text[max(0, start - 20) : start])
        return start - len(h.group(0)) if h else start

    # ------------------------------------------------------------------ reporting


@dataclass(frozen=True)
class PlaceholderOptions(KindOptions):
    exceptions: Texts = option("str_list", (), extendable=True)
    slot_words: Texts = option("str_list", (), extendable=True)


class PlaceholderKind(Kind[PlaceholderOptions]):
    """Report template slots left in the note, each with a message naming it."""

    name = "placeholder"

    def __init__(self, rule: Rule, nlp: Language) -> None:
        super().__init__(rule, nlp)
        self.exceptions = {e.strip().lower() for e in self.options.exceptions}
        words = SlotWords.of(rule.lexicons)
        self.finder = SlotFinder(words, self.exceptions, self.options.slot_words)

    # ------------------------------------------------------------------ finding slots
    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        spans = sorted(self.finder.slots(note), key=lambda s: (s[0], -(s[1] - s[0])))
        last_end = -1
        for start, end, kind in spans:
            if start < last_end:
                continue  # inside a slot already reported ("XXX" in "[XXX name]")
            text = note.text[start:end]
            if text.strip().lower() in self.exceptions:
                continue
            last_end = end
            yield self._finding(note, start, end, kind)

    def _finding(self, note: Note, start: int, end: int, kind: str) -> Finding:
        text = note.text[start:end]
        shown = " ".join(text.split())
        content = re.sub(r"^[\[<{(\s]+|[\]>})\s]+$", "", shown)
        content = _without_honorifics(content, self.finder.vocabulary)
        replacement = self._context_value(note, content)
        if kind == "blank":
            remedy = "fill in the blank or reword the sentence"
        elif kind == "marker" and not _describe(content, self.finder.vocabulary):
            remedy = "finish it or delete it"
        elif replacement is not None:
            remedy = f'replace it with "{replacement}"'
        else:
            wanted = _describe(content, self.finder.vocabulary)
            remedy = (
                f"replace it with {wanted}" if wanted else "write what it asks for, or delete it"
            )
        message = f'"{shown}" is template text left in; {remedy}'
        if replacement is None:
            return self.finding(start, end, message=message)
        return self.finding(
            start,
            end,
            message=message,
            replacement=replacement,
            fix_description=f"Replace with \u201c{replacement}\u201d",
        )

    @staticmethod
    def _context_value(note: Note, content: str) -> str | None:
        field = slot_field(content)
        ctx = note.context
        if field == "company" and ctx.company:
            return ctx.company
        if field == "position" and ctx.position:
            return ctx.position
        if field == "interviewer" and len(ctx.interviewer) == 1:
            return ctx.interviewer[0]
        return None
