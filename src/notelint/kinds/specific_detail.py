"""specific-detail: the note reports something specific learned in the interview.

Finding the word "learn" is not enough: "I learned a lot about the company" is the
generic sentence the advice warns against. The kind works in two steps.

1. Where the note reports what the writer learned, heard or saw: the words after a
   forward cue ("I enjoyed hearing about ...", "your plan to ...", "the way your team
   ...", "It was great to talk with you about ..."), the words before a backward cue
   ("... struck me as thoughtful", "... stood out"), and the list items after an intro
   line with a cue ("A few things that stuck with me:"). A report stops where the writer
   turns to themselves ("..., and I have used the same tool"): the writer's own
   background is not something learned.
2. Whether a report holds a specific: a named thing (a capitalised word that does not
   start a sentence and is not a person met, the position applied for, the company or a
   weekday), a number or quantity, a time frame ("by Q2", "next spring", "in
   September"), or a concrete noun (system, project, migration, launch ...) with a
   modifier of its own ("the new pick-to-light system", not "the new system").

Template slots ("[insert detail here]") never count. The cue patterns and every word
list are options (rules.yaml); the kind needs no tagger, and uses POS tags only to skip
pronouns and determiners as modifiers when a trained pipeline provides them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from typing import TYPE_CHECKING

from notelint.kinds.base import Kind, KindOptions, Texts, TokenPatterns, option
from notelint.kinds.matching import Phrases, is_negated
from notelint.kinds.placeholder import SlotFinder, SlotWords
from notelint.kinds.placement import place_span
from notelint.lexicons import alternation
from notelint.model import Finding
from notelint.tokentable import TokenTable, token_table

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from notelint.model import Rule
    from notelint.sources import Note

# Grammar, not rule data: these are the same for every rule of this kind (the word
# classes it reads are the rule's lexicons, see SpecificDetailKind.__init__).
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
# Prepositions that, before "my", put a cue in the writer's own past ("At my last job, I
# learned that ...").
_OWN_PAST = frozenset({"at", "in", "from", "during", "throughout", "over"})
_DETERMINERS = frozenset({"the", "a", "an", "this"})
# Words inside a job title: "Chef de Partie", "Buyer's Agent", "night-shift RN".
_JOINERS = frozenset({"-", "/", "&", "'s", "’s", "de", "of", "and"})
# Where a clause ends, for the writer's own clauses.
_BREAKS = frozenset({",", ";", ":", "and", "but", "while", "whereas", "—", "–"})
# Tokens after which a capitalised word starts a sentence of its own.
_OPENERS = frozenset({":", '"', "“", "‘", "'", "(", "[", "-", "—", "–", "*", "•", "#"})
_LIST_MARK = re.compile(r"^\s*([-*+•]|\d+[.)])\s", re.MULTILINE)
_LIST_LINE = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")


@dataclass(frozen=True)
class Report:
    """A stretch of tokens [start, end) that reports something learned, and its cue."""

    start: int
    end: int
    cue: str


@dataclass(frozen=True)
class CueOptions(KindOptions):
    """Step 1: where the note reports what the writer learned, heard or saw."""

    cues: Texts = option("str_list", (), extendable=True)
    cue_patterns: TokenPatterns = option("patterns", (), extendable=True)
    backward_cue_patterns: TokenPatterns = option("patterns", (), extendable=True)
    clause_cue_patterns: TokenPatterns = option("patterns", (), extendable=True)
    appraisal_verbs: Texts = option("str_list", (), extendable=True)


@dataclass(frozen=True)
class SpecificDetailOptions(CueOptions):
    """Step 2: whether a report holds a specific, and how many the note needs."""

    min_specifics: int = option("int", 1)
    min_description_words: int = option("int", 6)
    concrete_nouns: Texts = option("str_list", (), extendable=True)
    generic_modifiers: Texts = option("str_list", (), extendable=True)
    generic_names: Texts = option("str_list", (), extendable=True)
    count_nouns: Texts = option("str_list", (), extendable=True)
    position_nouns: Texts = option("str_list", (), extendable=True)
    honorifics: Texts = option("str_list", (), extendable=True)
    process_words: Texts = option("str_list", (), extendable=True)
    generic_words: Texts = option("str_list", (), extendable=True)
    time_patterns: TokenPatterns = option("patterns", (), extendable=True)

    def problems(self) -> list[tuple[str, str]]:
        if self.min_specifics < 1:
            return [("min_specifics", "should be 1 or more")]
        return []


class SpecificDetailKind(Kind[SpecificDetailOptions]):
    """Reported once, at the first line of the body, unless some sentence that reports
    what the writer learned in the interview holds a specific detail (see the module
    docstring). Options: `cue_patterns` / `cues` (forward), `backward_cue_patterns`,
    `concrete_nouns`, `generic_modifiers`, `generic_names`, `count_nouns`,
    `position_nouns`, `honorifics`, `process_words`, `time_patterns`, `min_specifics`."""

    name = "specific-detail"

    def __init__(self, rule: Rule, nlp: Language) -> None:
        super().__init__(rule, nlp)
        self.forward = Phrases(nlp, self.options.cues, self.options.cue_patterns, name="cue")
        self.backward = Phrases(nlp, (), self.options.backward_cue_patterns, name="back")
        self.clause = Phrases(nlp, (), self.options.clause_cue_patterns, name="clause")
        self.appraisal = _words(self.options.appraisal_verbs)
        self.times = Phrases(nlp, (), self.options.time_patterns, name="time")
        self.concrete = _words(self.options.concrete_nouns)
        self.generic_modifiers = _words(self.options.generic_modifiers)
        self.generic_names = _words(self.options.generic_names)
        self.count_nouns = _words(self.options.count_nouns)
        self.position_nouns = _words(self.options.position_nouns)
        self.honorifics = {w.rstrip(".") for w in _words(self.options.honorifics)}
        self._name_starts = frozenset(self.honorifics | {"you"})
        self.process_words = _words(self.options.process_words)
        self.generic_words = _words(self.options.generic_words)
        # word classes: the rule's lexicons, a config's additions included
        lexicons = rule.lexicons
        self.weekdays = frozenset(lexicons["weekdays"])
        self.months = frozenset([*lexicons["months"], *lexicons["month-abbreviations"]])
        self.number_words = frozenset(lexicons["number-words"])
        self.org_nouns = frozenset(lexicons["org-nouns"])
        self.learning_cues = frozenset(lexicons["learning-cues"])
        # Template slots ("[insert detail here]", "INSERT PROJECT") are never details.
        self.slots = SlotFinder(SlotWords.of(lexicons))
        # The names after a greeting ("Dear Dana and Lee") are people, not details.
        greetings = alternation(lexicons["greetings"]).replace(r"\ ", r"\s+")
        self.greeting = re.compile(rf"^\s*{greetings}\b([^,\n:]*)", re.IGNORECASE)

    # -- the check -------------------------------------------------------------------
    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        if not self.specifics(doc, note, enough=self.options.min_specifics):
            # where a detail belongs: the paragraph after the opening
            yield self.finding(*place_span(note, "middle"))

    def specifics(
        self, doc: Doc, note: Note, *, enough: int | None = None
    ) -> list[tuple[str, str]]:
        """The specific details found, as (what, text) pairs: empty when there are none
        (or fewer than `min_specifics`). With `enough`, the search stops once that many
        are found (the check needs no more): reports are looked for one by one, and most
        notes name a detail in their first."""
        excluded: set[int] | None = None
        times: list[Span] = []
        seen: list[Report] = []
        found: list[tuple[str, str]] = []
        for report in self._reports(doc, note):
            if excluded is None:
                excluded, times = self._excluded(doc, note), self.times.spans(doc)
            seen.append(report)
            found.extend(self._signals(doc, report, excluded, times))
            if enough is not None and len(set(found)) >= enough:
                break
        if excluded is None:
            return []
        if not found:
            found.extend(self._descriptions(doc, seen, excluded))
        # overlapping reports ("enjoyed hearing about your plan") find the same words
        found = list(dict.fromkeys(found))
        return found if len(found) >= self.options.min_specifics else []

    # -- step 1: where the note reports what was learned -----------------------------
    def reports(self, doc: Doc, note: Note) -> list[Report]:
        return list(self._reports(doc, note))

    def _reports(self, doc: Doc, note: Note) -> Iterator[Report]:
        table = token_table(doc)
        lower = table.lower
        forward, clause = self.forward.spans(doc), self.clause.spans(doc)
        backward = self.backward.spans(doc)
        cues = [(c, False) for c in forward] + [(c, True) for c in clause]
        for cue, needs_reader in cues:
            sent_start, sent_end = table.sent_of(cue.start, cue.end)
            if self._own_past(table, cue, sent_start) or is_negated(cue):
                continue
            if needs_reader and self._writer_clause(table, cue, sent_start):
                continue
            end = cue.end
            while end < sent_end and lower[end] not in FIRST_PERSON:
                end += 1
            if end > cue.end:
                yield Report(cue.end, end, cue.text)
        for cue in backward:
            sent = cue.sent
            start = sent.start
            for i in range(cue.start - 1, sent.start - 1, -1):
                if lower[i] in FIRST_PERSON:
                    # "My Tableau work was useful" is the writer's; "I liked it, and the
                    # Kafka plan was smart" starts over after the clause break
                    breaks = [j for j in range(i + 1, cue.start) if lower[j] in _BREAKS]
                    start = breaks[-1] + 1 if breaks else cue.start
                    break
            if _ends_with_colon(table, sent.start, sent.end):
                continue  # an intro: what it introduces is reported below
            if cue.start > start:
                yield Report(start, cue.start, cue.text)
        yield from self._list_reports(
            doc, note, {table.sent_of(c.start, c.end)[0] for c in (*cues_of(cues), *backward)}
        )

    def _list_reports(self, doc: Doc, note: Note, cued: set[int]) -> list[Report]:
        """List items after an intro sentence with a cue ("What stuck with me:")."""
        if not cued:
            return []
        table = token_table(doc)
        sents = table.sents
        out: list[Report] = []
        for k, (start, end) in enumerate(sents):
            if start not in cued:
                continue
            colon = _ends_with_colon(table, start, end)
            if not (colon or _is_heading(table.idx[start], note)):
                continue
            for item_start, item_end in sents[k + 1 :]:
                if not _on_list_line(table.idx[item_start], note):
                    break
                out.append(Report(item_start, item_end, "list"))
        return out

    def _writer_clause(self, table: TokenTable, cue: Span, sent_start: int) -> bool:
        """Whether the writer is the subject of the cue's clause ("I led a project with
        the goal of ..."), unless they only appraise what they heard ("I loved the idea
        of ...")."""
        lower, lemma = table.lower, table.lemma
        start = sent_start
        for i in range(cue.start - 1, sent_start - 1, -1):
            if lower[i] in _BREAKS:
                start = i + 1
                break
        before = range(start, cue.start)
        if not any(lower[i] in FIRST_PERSON for i in before):
            return False
        return not any(lemma[i] in self.appraisal or lower[i] in self.appraisal for i in before)

    def _own_past(self, table: TokenTable, cue: Span, sent_start: int) -> bool:
        """Whether the cue is in the writer's own past: "At my last job I learned ..."."""
        words = table.lower[sent_start : cue.start]
        return any(a in _OWN_PAST and b == "my" for a, b in zip(words, words[1:], strict=False))

    # -- step 2: what counts as specific ---------------------------------------------
    def _signals(
        self, doc: Doc, report: Report, excluded: set[int], times: list[Span]
    ) -> list[tuple[str, str]]:
        table = token_table(doc)
        tokens = range(report.start, report.end)
        process = any(table.lemma[i] in self.process_words for i in tokens)
        out: list[tuple[str, str]] = []
        for time in times:
            if time.start < report.start or time.end > report.end:
                continue
            if not process and not any(i in excluded for i in range(time.start, time.end)):
                out.append(("time", time.text))
        text, space, punct = table.text, table.space, table.punct
        for i in tokens:
            if i in excluded or space[i] or punct[i]:
                continue
            if self._is_name(table, i):
                kind = "time" if table.lower[i] in self.months else "name"
                if kind == "name" or not process:
                    out.append((kind, text[i]))
            elif self._is_number(table, i) and not process:
                out.append(("number", text[i]))
            elif self._is_concrete(doc, table, i, excluded):
                out.append(("thing", text[i - 1] + " " + text[i]))
        return out

    def _descriptions(
        self, doc: Doc, reports: list[Report], excluded: set[int]
    ) -> list[tuple[str, str]]:
        """A report that describes what it heard in many words of its own is specific
        even without a name or a number ("how your prep cooks portion every sauce the
        night before and label it by station"); a vague one uses few ("the team and
        its culture"). Reports in a sentence about the writer's own doings never count."""
        limit = self.options.min_description_words
        out = []
        for report in reports:
            span = doc[report.start : report.end]
            sent = span.sent
            learning = bool(self.learning_cues & set(report.cue.lower().split()))
            own = [] if learning else [t for t in doc[sent.start : report.start] if _writer_word(t)]
            if own and not any(t.lemma_ in self.appraisal for t in doc[sent.start : report.start]):
                continue
            words = {
                t.lemma_
                for t in span
                if t.is_alpha
                and not t.is_stop
                and len(t) > 2
                and t.i not in excluded
                and t.lemma_ not in self.generic_words
            }
            if len(words) >= limit:
                out.append(("description", " ".join(sorted(words))))
        return out

    def _is_name(self, table: TokenTable, i: int) -> bool:
        text = table.text[i]
        if not _has_upper(text) or not any(c.isalpha() for c in text):
            return False
        lower = table.lower[i]
        if lower in FIRST_PERSON or lower in self.weekdays:
            return False
        if lower.strip(".") in self.generic_names:
            return False
        if lower.rstrip(".") in self.honorifics:
            return False
        return not _starts_sentence(table, i)

    def _is_number(self, table: TokenTable, i: int) -> bool:
        lower = table.lower[i]
        if lower.isalpha() and lower not in self.number_words:
            return False  # no digit (letters are never digits): the common case, at once
        if not (any(c.isdigit() for c in lower) or lower in self.number_words):
            return False
        # "two things that stuck with me", "three points": counting, not a detail
        return not (i + 1 < len(table) and table.lemma[i + 1] in self.count_nouns)

    def _is_concrete(self, doc: Doc, table: TokenTable, i: int, excluded: set[int]) -> bool:
        word = table.lower[i]
        # the noun or its plural, not a verb form ("the firm rebuilt")
        if not (word in self.concrete or word[:-1] in self.concrete or word[:-2] in self.concrete):
            return False
        if word not in self.concrete and not word.endswith("s"):
            return False
        j = i - 1
        while j >= 0 and table.text[j] in ("-", "–", "/"):
            j -= 1
        if j < 0 or j in excluded:
            return False
        mod = table.lower[j]
        if not table.alpha[j] or table.stop[j] or mod in self.generic_modifiers:
            return False
        if table.lemma[j] in self.generic_modifiers or mod in FIRST_PERSON:
            return False
        pos = doc[j].pos_
        if pos and pos in ("PRON", "DET", "AUX", "ADP", "CCONJ", "SCONJ", "PART"):
            return False
        return not table.sent_start[j]

    # -- what never counts -----------------------------------------------------------
    def _excluded(self, doc: Doc, note: Note) -> set[int]:
        """Token indices that are not details: template slots, people met, the position
        applied for, the company, the interviewer."""
        out: set[int] = set()
        for start, end, _ in self.slots.slots(note):
            out.update(_tokens_in(doc, start, end))
        for m in _LIST_MARK.finditer(note.text):
            out.update(_tokens_in(doc, m.start(1), m.end(1)))
        table = token_table(doc)
        names = self._people(table, note)
        # A name, or a name with "'s"; only the words the note holds are looked for
        # (`words` holds every lower-case form).
        wanted = (names | {f"{name}'s" for name in names}) & table.words
        if wanted:
            out.update(i for i, word in enumerate(table.lower) if word in wanted)
        positions, companies = self._position_phrases(table)
        out.update(positions)
        companies &= table.words
        if companies:
            out.update(i for i, word in enumerate(table.lower) if word in companies)
        return out

    def _people(self, table: TokenTable, note: Note) -> set[str]:
        """Lower-case names of the people in the note (greeting, titles, "you and Dev")."""
        names: set[str] = set()
        ctx = note.context
        for value in (*ctx.interviewer, ctx.company or "", ctx.position or ""):
            names.update(w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", value))
        for line in note.masked[note.body_start :].split("\n")[:8]:
            greeting = self.greeting.match(line)
            if greeting:
                names.update(w.lower() for w in re.findall(r"[A-Z][\w'’-]*", greeting.group(1)))
                break
        lower = table.lower
        n = len(lower)
        # Only the tokens that can start a name below: an honorific (with or without
        # dots: "Dr", "Dr.") or "you".
        words = tuple(table.words)
        bare = map(str.rstrip, words, repeat("."))
        starts = set(compress(words, map(self._name_starts.__contains__, bare)))
        for i in [i for i, word in enumerate(lower) if word in starts]:
            word = lower[i].rstrip(".")
            if word in self.honorifics:
                names.update(lower[k] for k in _capitalised_run(table, i + 1))
            elif word == "you" and i + 1 < n and lower[i + 1] == "and":
                # "you and Dev", "you and with Daniel"
                j = i + 2
                if j < n and lower[j] == "with":
                    j += 1
                names.update(lower[k] for k in _capitalised_run(table, j, limit=2))
        names.discard("")
        names -= {"the", "i"}
        return {n.removesuffix("'s") for n in names}

    def _position_phrases(self, table: TokenTable) -> tuple[set[int], set[str]]:
        """'the Backend Engineer position at Acme', 'the night-shift RN position': the job
        applied for and its company are not details learned in the interview. Returns
        the tokens of such phrases, and the words of company names ("the team at Acme",
        "joining Acme") wherever else they occur."""
        out: set[int] = set()
        companies: set[str] = set()
        text, lower, lemma, space = table.text, table.lower, table.lemma, table.space
        n = len(table)
        # Only tokens that can start one of the phrases below are looked at.
        by_lower = {"at"} | self.org_nouns | self.position_nouns
        by_lemma = {"join", "joining"} | self.position_nouns
        for i in [i for i in range(n) if lower[i] in by_lower or lemma[i] in by_lemma]:
            nxt = i + 1 if i + 1 < n else None
            if lower[i] == "at" and nxt is not None and _has_upper(text[nxt]):
                # "at Acme", "the culture at Brightline" (places take "the": "at the
                # Westgate store")
                companies.update(lower[k] for k in _capitalised_run(table, i + 1))
            if lemma[i] in ("join", "joining") or (
                lower[i] in self.org_nouns and nxt is not None and lower[nxt] == "at"
            ):
                k = i + (2 if lower[i] in self.org_nouns else 1)
                if k < n and lower[k] == "the":
                    k += 1
                companies.update(lower[m] for m in _capitalised_run(table, k, connectors=True))
            if lemma[i] not in self.position_nouns and lower[i] not in self.position_nouns:
                continue
            j = i - 1
            while j >= 0 and not space[j] and lower[j] not in _DETERMINERS:
                joiner = text[j] in _JOINERS or lower[j] in _JOINERS
                hyphenated = j > 0 and text[j - 1] in ("-", "/")
                if not (_has_upper(text[j]) or joiner or hyphenated):
                    break
                out.add(j)
                j -= 1
            out.add(i)
            j = i + 1
            if j < n and lower[j] in ("at", "in", "with", "on", "for", "within"):
                k = j + 1
                if k < n and lower[k] == "the":
                    k += 1
                run = _capitalised_run(table, k, connectors=True)
                out.update(run)
                if lower[j] in ("at", "with", "for"):
                    companies.update(lower[m] for m in run)
        return out, companies


# -- helpers ---------------------------------------------------------------------------
def _writer_word(tok: Token) -> bool:
    """A word for the writer, except as the one something stayed with ("it stuck with
    me"): "That work taught me how ..." is about the writer's own past."""
    if tok.lower_ not in FIRST_PERSON:
        return False
    return not (tok.lower_ in ("me", "us") and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "with")


def _words(values: Sequence[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def _has_upper(text: str) -> bool:
    return not text.islower() and any(c.isupper() for c in text)


def _capitalised_run(
    table: TokenTable, start: int, *, limit: int = 8, connectors: bool = False
) -> list[int]:
    """The capitalised words from start on ("Ms. Ana Duarte", "Office of Admissions"),
    as token indices."""
    run: list[int] = []
    i = start
    while i < len(table) and len(run) < limit:
        text = table.text[i]
        if _has_upper(text) and any(c.isalpha() for c in text):
            run.append(i)
        elif not run or not (
            (connectors and table.lower[i] in ("of", "and", "&", "de", "-")) or text in ("'s", "’s")
        ):
            break
        i += 1
    return run


def _starts_sentence(table: TokenTable, i: int) -> bool:
    """Whether token i is the first word of its sentence, list item or quotation."""
    if table.sent_start[i]:
        return True
    j = i - 1
    while j >= 0 and (table.space[j] or table.text[j] in ("*", "**", "_")):
        j -= 1
    if j < 0:
        return True
    return table.text[j] in _OPENERS or (table.sent_start[j] and not table.alpha[j])


def _tokens_in(doc: Doc, start: int, end: int) -> list[int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(range(span.start, span.end)) if span is not None else []


def cues_of(cues: list[tuple[Span, bool]]) -> list[Span]:
    return [c for c, _ in cues]


def _ends_with_colon(table: TokenTable, start: int, end: int) -> bool:
    """Whether the last word of tokens [start, end) is a colon."""
    last = end - 1
    while last >= start and table.space[last]:
        last -= 1
    return last >= start and table.text[last] == ":"


def _line_of(note: Note, offset: int) -> str:
    start = note.text.rfind("\n", 0, offset) + 1
    end = note.text.find("\n", offset)
    return note.text[start : end if end >= 0 else len(note.text)]


def _is_heading(start_char: int, note: Note) -> bool:
    """Whether the sentence starting at start_char is on a heading line."""
    return _line_of(note, start_char).lstrip().startswith("#")


def _on_list_line(start_char: int, note: Note) -> bool:
    """Whether the sentence starting at start_char is on a list item's line."""
    line = _line_of(note, start_char)
    return bool(_LIST_LINE.match(line)) or (line[:1].isspace() and bool(line.strip()))
