"""The letter's frame: the greeting at the top (salutation) and the closing at the end
(sign-off). Structure kinds: they read the note's lines, not phrases in its sentences.

Both work on `note.masked` (the prose, with markup, front matter and headers blanked), so
offsets are offsets into the original text. Markup that a format leaves in place ("#",
"**", "> ") is stripped from a line before it is judged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from notelint.kinds.base import (
    Kind,
    KindOptions,
    MessageOptions,
    TextMap,
    Texts,
    body_line_span,
    option,
    strip_trailing_marks,
)
from notelint.kinds.placement import HEADER_LINE
from notelint.lexicons import Lexicons, alternation, default_lexicons, word_sets
from notelint.model import Finding

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.model import Rule
    from notelint.sources import Note


# The words of the letter's frame are data: the shipped lexicons (lexicons.yaml).
LEXICONS = default_lexicons()


# --------------------------------------------------------------------------- lines
@dataclass(frozen=True)
class Line:
    """One line of the prose: `text` is stripped of markup, [start, end) is where that
    stripped text sits in the note."""

    start: int
    end: int
    text: str
    raw: str  # the original line (note.text), for headers that a format blanked

    @property
    def words(self) -> list[str]:
        return [w for w in self.text.split() if _WORDISH.search(w)]


_WORDISH = re.compile(r"[^\W_]")
_MARKUP_LEAD = re.compile(r"^(?:[#>*_~`|]+\s*)+")


def _strip_markup(text: str) -> str:
    """A line without leading (`#`, `>`, `*`...) and trailing (`*`, `_`...) markup."""
    return strip_trailing_marks(_MARKUP_LEAD.sub("", text), "*_~`|", last_must_be_mark=True)


def prose_lines(note: Note) -> list[Line]:
    """The non-blank lines of the prose, markup stripped, with their offsets."""
    out = []
    masked, text = note.masked, note.text
    pos = 0
    for chunk in masked.splitlines(keepends=True):
        body = chunk.rstrip("\r\n")
        raw = text[pos : pos + len(body)]
        stripped = _strip_markup(body)
        core = stripped.strip()
        # A line of control or invisible characters only (DEL, a zero-width space) is
        # blank to a reader: it is no signature, and a closing above it is the last line.
        if any(ch.isprintable() and not ch.isspace() for ch in core):
            lead = body.find(core)
            start = pos + (lead if lead >= 0 else 0)
            out.append(Line(start, start + len(core), core, raw))
        pos += len(chunk)
    return out


def fold(word: str) -> str:
    """A name compared without case, accents or punctuation: "Brandão" -> "brandao"."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(
        ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch)
    ).lower()


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent transpositions)."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def close_spelling(written: str, right: str) -> bool:
    """Whether `written` looks like a misspelling of the name `right` (both folded):
    one edit for names of 3 to 6 letters, two for longer ones."""
    if written == right or min(len(written), len(right)) < 3:
        return False
    limit = 1 if max(len(written), len(right)) <= 6 else 2
    return edit_distance(written, right) <= limit


# Things that come before the greeting in a letter: headers, dates, address blocks.
# A date line above the greeting. Line classification serves fixes too, which have no
# rule: it reads the shipped lexicons.
_MONTH = alternation([*LEXICONS["month-abbreviations"], "may"]) + r"[a-z]*\.?"
_WEEKDAY = alternation(day[:3] for day in LEXICONS["weekdays"]) + "[a-z]*"
_DATE = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}})$",
    re.I,
)
_CONTACT = re.compile(
    # (the lookbehind starts an address only at its beginning: linear on a long word)
    r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|https?://|www\.|linkedin|github\.com"
    r"|^[\s()+\d./-]{7,}$"
    rf"|^{alternation(LEXICONS['contact-labels'])}\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?]['\")\]]*$")
_ABBREVIATION_END = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Jr|Sr|Inc|Ltd|Co|Corp|Ph\.D|M\.D|Esq|St|Ave|Rd|Blvd|Dr|Mr|Mrs|Ms|PLC|LLC|LLP|Bros|Dept|Univ)\.)$"
)


def _header_like(line: Line) -> bool:
    """A line of the letterhead: subject, date, address, contact, a short title."""
    text = line.text
    if HEADER_LINE.match(text) or HEADER_LINE.match(_strip_markup(line.raw.strip())):
        return True
    if line.raw.lstrip().startswith("#"):
        return True
    if _DATE.match(text) or _CONTACT.search(text):
        return True
    words = line.words
    # An address line or a title: short, and not a sentence.
    if not 0 < len(words) <= 8 or text.endswith(","):
        return False
    return not _SENTENCE_END.search(text) or bool(_ABBREVIATION_END.search(text))


def _name_like(text: str, max_words: int = 6) -> bool:
    """A signature line: a name, a job title, an organisation ("Rosa Lindqvist, RDH")."""
    text = text.strip().lstrip("-\u2013\u2014~ ").strip()
    if not text:
        return False
    words = [w for w in re.split(r"[\s,|/]+", text) if _WORDISH.search(w)]
    if not 0 < len(words) <= max_words:
        return False
    if text[-1] in "!?" or (text.endswith(".") and not _ABBREVIATION_END.search(text)):
        return False
    lower = {"of", "and", "the", "for", "at", "de", "van", "der", "von", "da", "la", "le", "&"}
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit() or w in lower)
    return capitalised == len(words) and any(w[0].isupper() for w in words)


# --------------------------------------------------------------------------- salutation
_SLOT = re.compile(r"[\[\]{}<>]|_{2,}|\bX{3,}\b|\b(?:last|first|full)\s+name\b|\bname\b", re.I)


def nickname_map(entries: Iterable[str]) -> dict[str, str]:
    """Nicknames written as `short=full,full` (the `nicknames` lexicon) as a mapping."""
    return dict(entry.split("=", 1) for entry in entries if "=" in entry)


# Common English short forms that are not a prefix of the full name (those are
# recognised anyway: "Dan", "Chris", "Alex"). A greeting may use them.
NICKNAMES: dict[str, str] = nickname_map(LEXICONS["nicknames"])


@dataclass(frozen=True)
class NameWords:
    """The word classes (lexicons) that read the name in a greeting, from a rule's
    lexicons so that a config's additions count."""

    #: titles before a name ("Dr", "Professor"), folded
    titles: frozenset[str]
    #: by lexicon: "name-particles" are lower-case parts of a surname ("van", "da"); a
    #: greeting made only of "unnamed-addressees" (and "unnamed-fillers") addresses no one
    #: in particular ("Dear Sirs,", "Respected Sir/Madam,", "Ladies and Gentlemen,");
    #: "alone-addressees" are generic only alone ("Dear Sir", but "Dear Sir Alex")
    sets: Mapping[str, frozenset[str]]
    #: a name alone on the first line, maybe after an honorific: "Sarah,", "Ms. Chen,"
    bare_name: re.Pattern[str]

    @classmethod
    def of(cls, lexicons: Lexicons) -> NameWords:
        honorifics = lexicons["honorifics"]
        return cls(
            titles=frozenset(fold(t) for t in lexicons["titles"]),
            sets=word_sets(
                lexicons,
                "name-particles",
                "unnamed-addressees",
                "unnamed-fillers",
                "alone-addressees",
            ),
            bare_name=re.compile(
                rf"^(?:{alternation(w.capitalize() for w in [*honorifics, 'prof'])}\.?\s+)?"
                r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2}\s*(?:[,:]|\s[-\u2013\u2014])$"
            ),
        )


@dataclass(frozen=True)
class Greeting:
    start: int  # the greeting word
    end: int  # the end of the name (or of the greeting word when there is none)
    word: str  # "dear", "hi", "to whom it may concern" (folded to lower case)
    name: str  # the name part as written ("Ms. Chen"), may be empty
    name_start: int


@dataclass(frozen=True)
class SalutationOptions(MessageOptions):
    greetings: Texts = option("str_list", LEXICONS["greetings"], extendable=True)
    casual: Texts = option("str_list", LEXICONS["casual-greetings"], extendable=True)
    casual_names: Texts = option("str_list", LEXICONS["casual-names"], extendable=True)
    generic: Texts = option("str_list", LEXICONS["generic-addressees"], extendable=True)
    lines: int = option("int", 15)
    nicknames: TextMap = option("str_map", NICKNAMES)


class SalutationKind(Kind[SalutationOptions]):
    """The greeting: missing, generic or too casual; with the interview's context, it
    must name an interviewer, and a misspelt name gets a fix.

    Messages: the rule's `message` for a generic or too-casual greeting ({text} is the
    greeting); `messages` may override `missing`, `generic`, `casual`, `misspelt` and
    `not-interviewer` ({name} is the name as written, {expected} the interviewer)."""

    name = "salutation"

    def __init__(self, rule: Rule, nlp: Language) -> None:
        super().__init__(rule, nlp)
        words = sorted({g.lower().strip() for g in self.options.greetings if g.strip()}, key=len)
        alternatives = "|".join(
            r"\s+".join(re.escape(part) for part in w.split()) for w in reversed(words)
        )
        # Elongated greetings ("Heyyy", "Hiii") are greetings too, and too casual.
        self._greeting = re.compile(
            rf"^(?P<word>{alternatives}|h+e+y+|hi{{2,}}|to\s+the(?=\s+(?:hiring|recruit)))"
            r"(?![\w'])",
            re.I,
        )
        self._casual = {" ".join(c.lower().split()) for c in self.options.casual}
        self._casual_names = {_normal(c) for c in self.options.casual_names}
        self._generic = [_normal(g) for g in self.options.generic if _normal(g)]
        self._words = NameWords.of(rule.lexicons)
        # the rule's `nicknames` and the `nicknames` lexicon (a config may add to either)
        self._nicknames: dict[str, set[str]] = {}
        for nicknames in (nickname_map(rule.lexicons["nicknames"]), self.options.nicknames):
            for short, full in nicknames.items():
                names = self._nicknames.setdefault(fold(short), set())
                names.update(fold(f) for f in full.split(",") if fold(f))

    # -- finding the greeting --------------------------------------------------------
    def find(self, note: Note) -> tuple[Greeting | None, Line | None]:
        """The greeting, or (None, the first line of the body) when there is none."""
        for index, line in enumerate(prose_lines(note)):
            if index >= self.options.lines:
                break
            greeting = self._parse(line)
            if greeting is not None:
                return greeting, line
            if _bare_name_greeting(line.text, self._words):
                name = line.text.rstrip(",:").strip()
                return Greeting(line.start, line.start + len(name), "", name, line.start), line
            if _header_like(line):
                continue
            return None, line
        return None, None

    def _parse(self, line: Line) -> Greeting | None:
        match = self._greeting.match(line.text)
        if not match:
            return None
        word = " ".join(match.group("word").lower().split())
        if re.fullmatch(r"h+e+y+|hi{2,}", word):
            word = "hey"
        after = line.text[match.end() :]
        offset = match.end()
        again = re.match(r"\s+again\b", after, re.I)  # "Hello again, Ms. Chen,"
        if again:
            after, offset = after[again.end() :], offset + again.end()
        # "Hi, Sarah!": the name after a comma, alone up to the end of the greeting.
        comma = re.match(r",\s*(?=[A-Z])", after)
        if comma:
            rest = after[comma.end() :]
            stop = _name_stop(rest, self._words)
            candidate = rest[:stop] if stop is not None else rest
            if _name_like(candidate, max_words=4) and (stop is None or rest[stop] in ",!:"):
                after, offset = rest, offset + comma.end()
        # The name runs to the first comma, colon, dash or end of sentence.
        stop = _name_stop(after, self._words)
        name_text = after[:stop] if stop is not None else after
        name_text = _leading_name(
            name_text, self._words, whole_line=stop is not None or len(after) < 40
        )
        lead = len(after) - len(after.lstrip())
        name_start = line.start + offset + lead
        name = name_text.strip()
        if (
            word == "respected"
            and not _addressee_start(name, self._words)
            and (stop is None or after[stop + 1 :].strip())
        ):
            return None  # "Respected by my peers, I ...": a sentence, not a greeting
        end = name_start + len(name) if name else line.start + match.end()
        if not name and word not in self._casual and stop is None and after.strip():
            # "Hello world of..."? A greeting word that runs into a sentence: not a greeting.
            return None
        return Greeting(line.start, end, word, name, name_start)

    # -- judging it ------------------------------------------------------------------
    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        greeting, line = self.find(note)
        if greeting is None:
            if line is None:
                start, end = body_line_span(note)
            else:
                start, end = line.start, line.end
            yield self.finding(start, end, message=self.message("missing"))
            return
        text = " ".join(note.text[greeting.start : greeting.end].split())
        name = greeting.name
        if _SLOT.search(name):
            return  # "Dear Mr./Ms. [Last Name]": the placeholder rule's
        normal = _normal(name)
        if greeting.word in ("to whom it may concern", "to the") or self._is_generic(normal):
            yield self.finding(
                greeting.start, greeting.end, message=self.message("generic", text=text)
            )
            return
        if greeting.word in self._casual or normal in self._casual_names:
            yield self.finding(
                greeting.start, greeting.end, message=self.message("casual", text=text)
            )
            return
        if not name:
            if greeting.word:  # "Hello," "Good morning," with no one's name
                yield self.finding(
                    greeting.start, greeting.end, message=self.message("generic", text=text)
                )
            return
        if note.context.interviewer:
            yield from self._check_name(note, greeting)

    def _nickname(self, written: str, names: set[str]) -> bool:
        """A short form of a first name: "Dan" for Daniel (a prefix at least two letters
        shorter), "Danny" for Daniel, or one of `nicknames` ("Kate" for Katherine)."""
        if len(written) >= 3 and any(
            k.startswith(written) and len(k) - len(written) >= 2 for k in names
        ):
            return True
        if (
            4 <= len(written) <= 6
            and written.endswith(("y", "ie"))
            and any(len(k) > 3 and k[:3] == written[:3] and k != written for k in names)
        ):
            return True  # "Danny" for Daniel, "Jenny" for Jennifer
        full = self._nicknames.get(written, ())
        return any(f in names for f in full)

    def _is_generic(self, normal: str) -> bool:
        if not normal:
            return False
        words = normal.split()
        sets = self._words.sets
        unnamed, fillers = sets["unnamed-addressees"], sets["unnamed-fillers"]
        if any(w in unnamed for w in words) and all(w in unnamed or w in fillers for w in words):
            return True
        padded = f" {normal} "
        # "Sir" and "Madam" only alone ("Dear Sir Alex" is a knight); the rest anywhere in
        # the name ("Dear Acme Hiring Team", "Dear HR Team").
        return any(
            normal == g or (g not in self._words.sets["alone-addressees"] and f" {g} " in padded)
            for g in self._generic
        )

    def _check_name(self, note: Note, greeting: Greeting) -> Iterator[Finding]:
        known: list[tuple[str, str]] = []  # (folded, as written in the context)
        for person in note.context.interviewer:
            parts = [p for p in person.split() if fold(p) and fold(p) not in self._words.titles]
            for part in parts:
                for piece in part.split("-"):
                    if fold(piece):
                        known.append((fold(piece), piece.strip(".,")))
            surname = parts[1:]
            if len(surname) > 1:
                known.append((fold("".join(surname)), " ".join(surname)))
        names = {k for k, _ in known}
        words = list(_name_words(note.text, greeting, self._words))
        if not words:
            return
        joined = fold("".join(w for _, _, w in words))
        if joined in names:
            return
        named = False
        misspelt: list[tuple[int, int, str, str]] = []
        for start, end, word in words:
            folded = fold(word)
            if folded in self._words.sets["name-particles"] or len(folded) < 2:
                continue
            if folded in names or self._nickname(folded, names):
                named = True
                continue
            best = min(
                (k for k in known if close_spelling(folded, k[0])),
                key=lambda k: edit_distance(folded, k[0]),
                default=None,
            )
            if best is not None:
                misspelt.append((start, end, word, best[1]))
        for start, end, word, right in misspelt:
            fix = f"Spell the name \u201c{right}\u201d"
            yield self.wrong_name(start, end, "misspelt", word, right, fix_description=fix)
        if not named and not misspelt:
            expected = " or ".join(note.context.interviewer)
            yield self.finding(
                greeting.name_start,
                greeting.end,
                message=self.message("not-interviewer", name=greeting.name, expected=expected),
            )


def _normal(text: str) -> str:
    """Lower case, '/' read as 'or', punctuation dropped: "Sir/Madam" -> "sir or madam"."""
    text = text.lower().replace("/", " or ").replace("&", " and ")
    return " ".join(re.sub(r"[^\w' ]+", " ", text).split())


def _addressee_start(name: str, words: NameWords) -> bool:
    """Whether a name starts like a person or a title ("Sir", "Ms. Rao", "Priya")."""
    first = name.split()[0] if name.split() else ""
    bare = first.split("/")[0].strip(".,")
    return bool(bare) and (
        bare[0].isupper()
        or fold(bare) in words.titles
        or bare.lower() in words.sets["unnamed-addressees"]
    )


_STOP = re.compile(r"[,:;!?\u2013\u2014]|\s-\s|\.(?=\s|$)")


def _name_stop(text: str, words: NameWords) -> int | None:
    """Where the name after a greeting word ends: a comma, colon, dash or full stop (not
    the stop of "Ms." or of an initial)."""
    for m in _STOP.finditer(text):
        if m.group() == ".":
            before = re.search(r"(\w+)$", text[: m.start()])
            if before and (fold(before.group(1)) in words.titles or len(before.group(1)) == 1):
                continue
        return m.start()
    return None


def _leading_name(text: str, words: NameWords, *, whole_line: bool) -> str:
    """The name at the start of `text`: titles, capitalised words and particles, up to
    the first word that is neither ("Sarah thanks for..." -> "Sarah")."""
    if whole_line and len(text.split()) <= 4:
        return text.rstrip(" .")
    kept = []
    for word in text.split():
        bare = word.strip(".,'\u2019")
        if not bare:
            break
        folded = fold(bare)
        if bare[0].isupper() or folded in words.sets["name-particles"] or folded in words.titles:
            kept.append(word)
        else:
            break
    return " ".join(kept).rstrip(" .")


def _name_words(text: str, greeting: Greeting, words: NameWords) -> Iterator[tuple[int, int, str]]:
    """The words of the greeting's name that could be a person's name, with offsets."""
    span = text[greeting.name_start : greeting.end]
    for m in re.finditer(r"[^\W\d_](?:[\w'\u2019]|\.(?=\w))*", span):
        word = m.group()
        folded = fold(word)
        if folded in words.titles or folded in {"and", "or"}:
            continue
        if word[0].islower() and folded not in words.sets["name-particles"]:
            continue  # "Hello again, Ms. Chen": not a name
        # hyphenated names come as their parts: "Ferreira-Lang"
        yield greeting.name_start + m.start(), greeting.name_start + m.end(), word


def _bare_name_greeting(text: str, words: NameWords) -> bool:
    """ "Sarah," or "Ms. Chen," alone on the first line: a greeting by name."""
    return bool(words.bare_name.match(text)) and not _CLOSING_START.match(text)


# --------------------------------------------------------------------------- sign-off
_CLOSINGS = LEXICONS["closings"]
_CLOSING_START = re.compile(
    r"^(?:"
    + "|".join(
        r"\s+".join(re.escape(part) for part in c.split())
        for c in sorted(_CLOSINGS, key=len, reverse=True)
    )
    + r")(?![\w'])",
    re.I,
)
# "Thank you for your time and consideration," as the closing line.
_THANKS_CLOSING = re.compile(
    r"^(?:many\s+)?thank(?:s|\s+you)(?:\s+(?:again|once\s+again|so\s+much|very\s+much|kindly))?"
    r"\s+for\s+(?:your|the|all\s+your)\s+(?:kind\s+)?(?:time|consideration|help|everything)"
    r"(?:\s+and\s+(?:your\s+)?(?:time|consideration|help))?\s*[,.!]?$",
    re.I,
)
_DEVICE = re.compile(r"^(?:sent\s+(?:from|via|with)\b|get\s+outlook\b|--\s*$|_{3,}$|-{3,}$)", re.I)
_POSTSCRIPT = re.compile(r"^p\.?\s*p?\.?\s*s\b\.?", re.I)


@dataclass(frozen=True)
class SignOffOptions(KindOptions):
    closings: Texts = option("str_list", (), extendable=True)
    signature_lines: int = option("int", 8)


class SignOffKind(Kind[SignOffOptions]):
    """The closing ("Best regards,", "Sincerely,", "Thank you,") between the body and the
    signature. A bare name, a phone number or "Sent from my iPhone" is not one. Reported
    once: at the signature when there is one (the closing goes just above it), else at
    the last line of the body."""

    name = "sign-off"

    def __init__(self, rule: Rule, nlp: Language) -> None:
        super().__init__(rule, nlp)
        extra = [c for c in self.options.closings if c.strip()]
        self._extra = (
            re.compile(
                r"^(?:"
                + "|".join(r"\s+".join(re.escape(p) for p in c.split()) for c in extra)
                + r")(?![\w'])",
                re.I,
            )
            if extra
            else None
        )

    def is_closing(self, text: str, *, before_signature: bool) -> bool:
        text = text.strip().strip("*_").strip()
        if _THANKS_CLOSING.match(text):
            return True
        for pattern in (_CLOSING_START, self._extra):
            if pattern is None:
                continue
            m = pattern.match(text)
            if m:
                rest = text[m.end() :].strip()
                rest = rest.lstrip(",.!:;-\u2013\u2014~ ").strip()
                if not rest or _name_like(rest, max_words=4):
                    return True
        # "Looking forward to hearing from you," right above the name.
        return before_signature and text.endswith(",") and 0 < len(text.split()) <= 8

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        lines = prose_lines(note)
        if not lines:
            start, end = body_line_span(note)
            yield self.finding(start, end)
            return
        limit = self.options.signature_lines
        # A postscript after the signature is not the end of the letter.
        for index in range(len(lines) - 1, max(len(lines) - 1 - limit, 0), -1):
            if _POSTSCRIPT.match(lines[index].text):
                lines = lines[:index]
                break
        signature: Line | None = None
        # Lines under the name that are not names themselves: a title ("PMP candidate"),
        # a company ("Castor Industrial plc"), pronouns. Taken as the signature's only
        # once a name turns up above them; until then the line above may not be a
        # closing just for ending in a comma.
        pending: list[Line] = []
        anchor: Line | None = None  # the signature below the first such line
        detailed = False
        for back, line in enumerate(reversed(lines)):
            if back > limit:
                break
            text = line.text
            if self.is_closing(text, before_signature=signature is not None and not pending):
                return
            if (
                _DEVICE.match(text)
                or _CONTACT.search(text)
                or _SLOT_LINE.match(text)
                or _name_like(text)
                or (back == 0 and _LOWER_NAME.match(text))
            ):
                signature = line
                pending = []
                continue
            if _signature_detail(text):
                if not detailed:
                    anchor, detailed = signature, True
                pending.append(line)
                continue
            # The body's last line: a closing may end it ("... from you. Best, Tom").
            tail = re.split(r"(?<=[.!?])\s+", text)[-1]
            if tail != text and self.is_closing(tail, before_signature=False):
                return
            target = signature or line
            yield self.finding(target.start, target.end)
            return
        else:
            # The top of the note reached through lines that are not sentences ("Hi Tom,"
            # over "Thanks for the chat today" over "Tom"): those were the body.
            if detailed:
                target = anchor or lines[-1]
                yield self.finding(target.start, target.end)


def _signature_detail(text: str) -> bool:
    """A short line that is not a sentence: a job title, a company, credentials."""
    words = [w for w in text.split() if _WORDISH.search(w)]
    if not 0 < len(words) <= 8 or text[-1] in ",;:!?":
        return False
    return not _SENTENCE_END.search(text) or bool(_ABBREVIATION_END.search(text))


# A signature typed in lower case ("jess"), as the very last line.
_LOWER_NAME = re.compile(r"^[-\u2013\u2014~]?\s*[^\W\d_]+(?:[ '.-][^\W\d_]+){0,2}$")
_SLOT_LINE = re.compile(r"^[\[{<(][^\]}>)]*[\]}>)](?:\s*[|,/]\s*[\[{<(][^\]}>)]*[\]}>)])*$")
