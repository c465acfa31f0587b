"""Kinds that check a note against the interview it is about (`note.context`): when it
is sent (timing) and whether it names this company and position (personalization).
Without the context they need, they report nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from notelint.kinds.base import Kind, KindOptions, MessageOptions, body_line_span, option
from notelint.kinds.letter import close_spelling, fold
from notelint.kinds.placeholder import SlotFinder, SlotWords, slot_fields
from notelint.lexicons import Lexicons, alternation
from notelint.model import Applicability, Finding

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.model import Rule
    from notelint.sources import Note


@dataclass(frozen=True)
class TimingOptions(KindOptions):
    max_days: int = option("int", 1)


class TimingKind(Kind[TimingOptions]):
    """The note should go out the day after the interview: reported when `today` is more
    than `max_days` days after `interview_date`. No date, or a date still ahead: nothing."""

    name = "timing"

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        when = note.context.interview_date
        if when is None:
            return
        today = note.context.today or dt.date.today()
        days = (_day(today) - _day(when)).days
        if days <= self.options.max_days:
            return
        text = f"{days} day" if days == 1 else f"{days} days"
        yield self.body_finding(note, text=text, words=days, limit=self.options.max_days)


def _day(value: dt.date) -> dt.date:
    """A date (a datetime is a date too, but the two do not subtract)."""
    return value.date() if isinstance(value, dt.datetime) else value


# A capitalised word; a full stop only inside it ("Co.op"), never the sentence's end.
_CAP = r"[A-Z][\w&'\u2019+-]*(?:\.[\w&'\u2019+-]+)*"
# Between two words: spaces, or one line break of a hard-wrapped paragraph.
_SP = r"(?:[ \t]*\r?\n[ \t]*|[ \t]+)"
_ORG = rf"{_CAP}(?:{_SP}(?:{_CAP}|&|of|and|de|du|la)(?={_SP}[A-Z&]|\b))*(?:{_SP}{_CAP})?"
_INTEREST_CUE = re.compile(
    r"\b(?:opportunit|possibilit|chance|prospect|forward|excit|interest|eager|keen|hope|"
    r"would|love|glad|look)\w*",
    re.I,
)


@dataclass(frozen=True)
class JobWords:
    """The word classes (lexicons) that name a company or a job title, and the patterns
    built from them: read from a rule's lexicons, so that a config's additions count."""

    #: words of a company name that do not identify it on their own ("Inc", "Group")
    legal: frozenset[str]
    generic_org: frozenset[str]
    #: seniority and levels: "Senior Data Engineer" is still the "Data Engineer" job
    levels: frozenset[str]
    #: capitalised words before "position" that are not a job title ("Summer")
    not_titles: frozenset[str]
    #: the job nouns ("position", "role") and the last words of a title ("Nurse")
    jobs: frozenset[str]
    title_heads: frozenset[str]
    org_patterns: tuple[re.Pattern[str], ...]
    position_pattern: re.Pattern[str]
    past_cue: re.Pattern[str]

    @classmethod
    def of(cls, lexicons: Lexicons) -> JobWords:
        job = lexicons["job"]
        # "the Data Analyst opportunity at Initech" names the company too
        jobs = alternation([*job, "opportunity"])
        return cls(
            legal=frozenset(lexicons["legal-forms"]),
            generic_org=frozenset(lexicons["generic-org-words"]),
            levels=frozenset(lexicons["seniority"]),
            not_titles=frozenset(lexicons["job-qualifiers"]),
            jobs=frozenset([*job, "opportunity"]),
            title_heads=frozenset(lexicons["title-heads"]),
            org_patterns=(
                # "the Data Analyst position at Initech", "your team at Initech"
                re.compile(
                    rf"\b(?:the|this|your){_SP}(?:[\w/&+.'\u2019-]+{_SP}){{0,4}}?"
                    rf"(?:{jobs}{_SP}(?:at|with)|(?:team|company){_SP}at){_SP}(?P<org>{_ORG})"
                ),
                # "joining Initech", "the chance to join Initech"
                re.compile(
                    rf"\bjoin(?:ing)?{_SP}(?P<org>{_ORG})"
                    rf"(?!{_SP}{alternation(lexicons['org-units'])}\b)"
                ),
                # "the possibility of working at Initech", "to work for Initech"
                re.compile(rf"\bwork(?:ing)?{_SP}(?:at|for){_SP}(?P<org>{_ORG})"),
            ),
            position_pattern=re.compile(
                rf"\b(?:the|this|your){_SP}(?P<pos>(?:{_CAP}{_SP}){{0,4}}{_CAP}){_SP}"
                rf"{alternation(job)}\b"
            ),
            past_cue=re.compile(rf"\b{alternation(lexicons['past-cues'])}\b", re.I),
        )


def _stem(word: str) -> str:
    """A crude stem that meets the forms of a job title: engineer, engineers,
    engineering -> engine; designer, design -> design."""
    word = fold(word)
    for suffix in ("ing", "s", "er"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
    return word


def _similar(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _covers(some: Iterable[str], others: Iterable[str]) -> bool:
    """Every word of `some` meets a word of `others`."""
    others = list(others)
    return all(any(_similar(a, b) for b in others) for a in some)


def org_words(name: str, words: JobWords) -> list[str]:
    return [w for w in (fold(p) for p in re.split(r"[\s,]+", name)) if w and w not in words.legal]


_TITLE_STOPWORDS = frozenset(["of", "for", "and", "the", "in", "at", "a", "an", "to"])


def position_words(name: str, vocabulary: JobWords) -> list[str]:
    """The stems of a title's words, without levels ("Senior") and small words."""
    name = re.sub(r"\([^)]*\)", " ", name)
    words = [fold(w) for w in re.split(r"[\s,/&-]+", name)]
    levels = vocabulary.levels
    return [_stem(w) for w in words if w and w not in levels and w not in _TITLE_STOPWORDS]


@dataclass(frozen=True)
class PersonalizationOptions(MessageOptions):
    require_company: bool = option("bool", True)
    require_position: bool = option("bool", True)


class PersonalizationKind(Kind[PersonalizationOptions]):
    """With `company` / `position` in the context: the note should name them, and must
    not name another company or position where it clearly names one ("the Data Analyst
    position at Initech" in a note for Acme Robotics' Data Engineer job)."""

    name = "personalization"

    def __init__(self, rule: Rule, nlp: Language) -> None:
        super().__init__(rule, nlp)
        self.words = JobWords.of(rule.lexicons)
        self.slots = SlotFinder(SlotWords.of(rule.lexicons))

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        ctx = note.context
        if not (ctx.company or ctx.position):
            return
        text = note.masked
        wrong = list(self._wrong_company(text, note)) + list(self._wrong_position(text, note))
        yield from wrong
        # A slot for the name ("[Company]") is reported, with its fix, as a placeholder:
        # one problem, one message.
        slots = slot_fields(note, self.slots)
        wanted = (
            ("position", ctx.position, names_position, self.options.require_position),
            ("company", ctx.company, names_company, self.options.require_company),
        )
        missing = [
            f"the {field} ({value})"
            for field, value, names, required in wanted
            if value and required and field not in slots and not names(text, value, self.words)
        ]
        if missing and not wrong:
            start, end = body_line_span(note)
            example = (
                f"{ctx.position} position at {ctx.company}"
                if ctx.position and ctx.company
                else f"{ctx.position} position"
                if ctx.position
                else f"work at {ctx.company}"
            )
            yield self.finding(
                start,
                end,
                message=self.message("missing", text=" or ".join(missing), expected=example),
            )

    def _wrong_company(self, text: str, note: Note) -> Iterator[Finding]:
        company = note.context.company
        if not company:
            return
        right = org_words(company, self.words)
        people = {fold(p) for person in note.context.interviewer for p in person.split()}
        seen: set[int] = set()
        for index, pattern in enumerate(self.words.org_patterns):
            for m in pattern.finditer(text):
                start, end = m.span("org")
                org = _trim_org(m.group("org"))
                end = start + len(org)
                if start in seen or not org:
                    continue
                sentence = _sentence(text, m.start())
                if index == 2 and not _INTEREST_CUE.search(sentence):
                    continue
                # "I spent three years in the analyst role at Initech", "since joining
                # Initech": the writer's own past, not the job applied for.
                before = re.split(r"[.!?;:]", text[max(0, m.start() - 80) : m.start()])[-1]
                near = " ".join(before.split()[-5:])
                past = self.words.past_cue
                if past.search(near) or past.search(text[m.start() : start]):
                    continue
                written = org_words(org, self.words)
                if not written or set(written) & people:
                    continue
                if _same_org(written, right, self.words):
                    continue
                if names_position(org, note.context.position or "\x00", self.words):
                    continue
                seen.add(start)
                yield self.wrong_name(
                    start,
                    end,
                    "company",
                    " ".join(org.split()),
                    company,
                    fix_description=f"Name {company}",
                    # another company may be named on purpose: a person decides
                    fix_applicability=Applicability.SUGGESTION,
                )

    def _wrong_position(self, text: str, note: Note) -> Iterator[Finding]:
        position = note.context.position
        if not position:
            return
        right = set(position_words(position, self.words))
        company = set(org_words(note.context.company or "", self.words))
        not_titles, jobs = self.words.not_titles, self.words.jobs
        for m in self.words.position_pattern.finditer(text):
            spans = [(w.start(), w.end()) for w in re.finditer(r"\S+", m.group("pos"))]
            words = [m.group("pos")[a:b] for a, b in spans]
            # Drop leading words that are not part of a title ("the Acme Data Engineer").
            while words and (fold(words[0]) in company or fold(words[0]) in not_titles):
                words, spans = words[1:], spans[1:]
            while words and fold(words[-1]) in jobs:
                words, spans = words[:-1], spans[:-1]
            if not is_job_title(words, self.words):
                continue
            stems = set(position_words(" ".join(words), self.words))
            if not stems or _covers(stems, right) or _covers(right, stems):
                continue
            start, end = m.start("pos") + spans[0][0], m.start("pos") + spans[-1][1]
            yield self.wrong_name(
                start,
                end,
                "position",
                " ".join(words),
                position,
                fix_description=f"Name the {position} position",
                fix_applicability=Applicability.SUGGESTION,
            )


def _trim_org(org: str) -> str:
    """The name without trailing small words or a possessive: "Initech's" -> "Initech"."""
    words = list(re.finditer(r"\S+", org))
    while words and words[-1].group().lower() in {"of", "and", "&", "de", "du", "la"}:
        words.pop()
    if not words:
        return ""
    name = org[: words[-1].end()]
    name = re.sub(r"['\u2019]s$", "", name)
    return name.rstrip(".,;:")


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(".", 0, at), text.rfind("\n\n", 0, at), 0)
    end = min((i for i in (text.find(".", at), text.find("\n\n", at)) if i >= 0), default=len(text))
    return text[start:end]


def _same_org(written: list[str], right: list[str], words: JobWords) -> bool:
    """Whether a name in the note is the context's company: equal, one containing the
    other ("Acme" for "Acme Robotics"), or a near spelling of it."""
    if not right:
        return True
    a, b = " ".join(written), " ".join(right)
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    if fold(a) == fold(b) or close_spelling(fold(a), fold(b)):
        return True
    # A distinctive first word in common ("Acme Corp" for "Acme Robotics").
    return written[0] == right[0] and right[0] not in words.generic_org


def names_company(text: str, company: str, vocabulary: JobWords) -> bool:
    words = org_words(company, vocabulary)
    if not words:
        return True
    folded_text = " ".join(fold(w) for w in re.split(r"[\s,.;:!?()\"]+", text) if fold(w))
    padded = f" {folded_text} "
    if f" {' '.join(words)} " in padded or f" {''.join(words)} " in padded:
        return True
    for w in (fold(p) for p in re.split(r"\s+", company)):
        if w and w not in vocabulary.legal:
            first = w
            break
    else:  # pragma: no cover - words is not empty
        return True
    if len(first) >= 3 and first not in vocabulary.generic_org:
        # The distinctive first word alone, capitalised as a name ("Acme").
        for m in re.finditer(r"[^\W\d_][\w'\u2019-]*", text):
            if fold(m.group()).removesuffix("s") in (first, first + "s") and m.group()[0].isupper():
                return True
    return False


def names_position(text: str, position: str, vocabulary: JobWords) -> bool:
    """Whether text names the position: its title ("Senior" and the like optional), the
    title before "of" / a dash ("Assistant Professor" for "Assistant Professor of
    History"), its last two words ("Store Manager" for "Assistant Store Manager"), in
    any inflection ("data engineering role"), or its acronym ("RN")."""
    main = re.split(r"\s+(?:of|for|in|at|-|\u2013|\u2014)\s+|,", position, maxsplit=1)[0]
    stems = position_words(position, vocabulary)
    if not stems:
        return True
    tokens = [_stem(w) for w in re.split(r"[^\w'\u2019+#]+", text) if fold(w)]
    head = position_words(main, vocabulary)
    candidates = [stems, head, head[-2:] if len(head) >= 2 else head]
    for candidate in candidates:
        n = len(candidate)
        if not n:
            continue
        for i in range(len(tokens) - n + 1):
            if all(_similar(tokens[i + k], candidate[k]) for k in range(n)):
                return True
    if len(head) >= 2:
        acronym = "".join(w[0] for w in head).upper()
        if re.search(rf"\b{re.escape(acronym)}\b", text):
            return True
    return False


# Suffixes of a person noun: engineer, director, analyst, assistant, librarian, trainee.
_TITLE_ENDINGS = ("er", "or", "ist", "yst", "ant", "ent", "ian", "ee", "ive", "ate", "man")


def is_job_title(words: list[str], vocabulary: JobWords) -> bool:
    """Whether the words end like a job title: a person noun ("Engineer", "Analyst",
    "Nurse"), not a team or a field ("Data Platform", "Marketing")."""
    if not words:
        return False
    last = fold(words[-1])
    return last in vocabulary.title_heads or (len(last) > 3 and last.endswith(_TITLE_ENDINGS))
