"""enthusiasm: the marks of excessive enthusiasm (code kind).

A note written "from a cool remove" has at most one exclamation mark, no words in
capitals for emphasis, no emoji or emoticons, no elongated words ("sooo"), no stacked
intensifiers ("so so excited") and no gushing phrases ("over the moon"). Each of these is
a category with its own finding and message; thresholds and lexicons are options, so a
user's config can tune them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from notelint import cache
from notelint.kinds.base import Kind, MatchOptions, MessageOptions, Texts, option
from notelint.kinds.matching import Phrases, is_negated, overlaps
from notelint.lexicons import default_lexicons
from notelint.model import Finding, MessageFields
from notelint.tokentable import token_table
from notelint.wordtable import WordTable

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.model import Rule
    from notelint.sources import Note


CATEGORIES = (
    "exclamation",
    "exclamation_run",
    "caps",
    "emoji",
    "emoticon",
    "elongated",
    "stacked",
    "gushing",
)

# A run of "!" and "?" holding at least one "!": "!", "!!", "?!", "!?!".
_BANG_RUN = re.compile(r"[!?！？]*[!！][!?！？]*")
# A word in capitals (two letters or more, an apostrophe allowed: CAN'T), not glued to
# digits, hyphens, slashes, ampersands or dots (KX-210, A/B, A&P, U.S., 3D, CRDTs).
_CAPS_WORD = re.compile(r"(?<![\w'’/&.-])[A-Z][A-Z'’]*[A-Z](?![\w/&-]|[.'’]\w)")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
# A letter three times or more in a row inside a word: "sooo", "yesss", "pleeease".
_WORD = re.compile(r"(?<![\w.@/:-])[^\W\d_]+(?![\w@/]|[.:-]\w)")
_TRIPLE = re.compile(r"([^\W\d_])\1{2,}", re.IGNORECASE)
# The same test over a whole note, twice as fast: a triple of any word character, then
# whether it is a letter. Exact, since no digit or "_" is a letter in another case, so
# a run of one never hides a run of letters from finditer.
_ANY_TRIPLE = re.compile(r"(\w)\1\1", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
# Emoticons: eyes, optional nose, mouth; "<3"; "^_^". Not inside words or times (10:30),
# and not URL or path pieces (https://, C:\).
_EMOTICON = re.compile(
    r"(?<![\w:;=<>^/\\])"
    r"(?:[:;=][-'^o]?[)(\]\[DPpO3*|]+|xD\b|<3+|\^[_.-]?\^)"
    r"(?![\w/\\]|\d)"
)
# "<3" followed by a unit or number is "less than three": "latency <3 ms".
_LESS_THAN = re.compile(r"\s*(%|[a-zA-Z]+)")
_EMOJI = re.compile(
    "["
    "\U0001f000-\U0001faff"  # pictographs, emoticons, transport, supplemental symbols
    "\u2600-\u26ff"  # miscellaneous symbols (sun, heart suits, stars)
    "\u2700-\u27bf"  # dingbats (sparkles, heavy heart)
    "\u2b50\u2b55\u203c\u2049\u2763\u2764\u3030\u303d"
    "]"
    "[\ufe0f\u200d\U0001f3fb-\U0001f3ff\u20e3"
    "\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2764]*"
)
# Symbols people put before a phone number or an address in a signature, or use as
# bullets and ticks: they are not enthusiasm.
_PLAIN_SYMBOLS = frozenset(
    "\u2610\u2611\u2612\u2666\u260e\u2706\u2709\u2713\u2714\u2715\u2716\u2717\u2718\u2022\u2605\u2606\u27a4\u2794"
    "\U0001f4de\U0001f4e7\U0001f4e8\U0001f4e9\U0001f4f1\U0001f4f2\U0001f517\U0001f4cd"
    "\U0001f310\U0001f4bc\U0001f3e0\U0001f3e2\U0001f4c5\U0001f4c6\U0001f5d3\U0001f4ce"
)
_HEADING_LINE = re.compile(r"^\s{0,3}(?:#{1,6}\s|subject\s*:|re\s*:)", re.IGNORECASE)


_CLASSES = ("adj", "adv", "noun", "verb")


@lru_cache(maxsize=1)
def _word_classes() -> WordTable | None:
    """English words to their classes (bits in the order of _CLASSES), from
    spacy-lookups-data, through the on-disk cache (as sets they took 11 MB)."""
    key = cache.entry_key(
        "word-classes",
        cache.package_file_stamp("spacy_lookups_data", "data/en_lemma_index.json.gz"),
    )
    table: WordTable | None = cache.load("word-classes", key)
    if table is not None:
        return table
    try:
        from spacy.lookups import load_lookups

        index = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
    except Exception:  # pragma: no cover - lookups data missing: lexicon only
        return None
    bits: dict[str, int] = {}
    for i, name in enumerate(_CLASSES):
        for word in index[name]:
            bits[word] = bits.get(word, 0) | 1 << i
    table = WordTable(bits.items())
    cache.store("word-classes", key, table)
    return table


def looks_like_emphasis(word: str, lemma: str) -> bool:
    """Whether a word in capitals reads as an English word shouted, not an acronym.

    Acronyms that spell a word are nearly always nouns (STAR method, STEM, SMART goals,
    WHO, HR), so only words that are an adjective, adverb or verb and never a noun
    count: AMAZING, TRULY, EXCITED, ADORE.
    """
    classes = _word_classes()
    if not classes or len(word) < 4 or not re.search(r"[aeiouy]", word):
        return False
    found = [classes.get(form) or 0 for form in {word, lemma}]
    noun = 1 << _CLASSES.index("noun")
    if any(b & noun for b in found):
        return False
    return any(b & ~noun for b in found)


def _bangs(run: str) -> int:
    return run.count("!") + run.count("！")


class Hit(NamedTuple):
    """One mark of enthusiasm: its category and where it is."""

    category: str
    start: int
    end: int
    #: how many marks of this category the note has (exclamations)
    total: int = 0


@dataclass(frozen=True)
class EnthusiasmOptions(MatchOptions, MessageOptions):
    negation: bool = option("bool", True)
    max_exclamations: int = option("int", 1)
    exclamation_names: Texts = option("str_list", (), extendable=True)
    caps_words: Texts = option("str_list", (), extendable=True)
    caps_heuristic: bool = option("bool", True)
    acronyms: Texts = option("str_list", (), extendable=True)
    intensifiers: Texts = option(
        "str_list",
        default_lexicons()["intensifiers"],
        extendable=True,
    )
    elongation_exceptions: Texts = option("str_list", (), extendable=True)

    def problems(self) -> list[tuple[str, str]]:
        problems = []
        if self.max_exclamations < 0:
            problems.append(("max_exclamations", "should be 0 or more"))
        for key in self.messages:
            if key not in CATEGORIES:
                problems.append(
                    ("messages", f"unknown category {key!r}; expected " + ", ".join(CATEGORIES))
                )
        return problems


class EnthusiasmKind(Kind[EnthusiasmOptions]):
    """Reports exclamation marks beyond `max_exclamations` (and any "!!" or "?!"),
    words in capitals for emphasis, emoji, emoticons, elongated words, stacked
    intensifiers and gushing `phrases` / `patterns`."""

    name = "enthusiasm"

    def __init__(self, rule: Rule, nlp: Language) -> None:
        super().__init__(rule, nlp)
        self.caps_words = {w.lower() for w in self.options.caps_words}
        self.acronyms = {w.lower() for w in self.options.acronyms}
        self.intensifiers = {w.lower() for w in self.options.intensifiers}
        # word classes: the rule's lexicons, a config's additions included
        self.units = frozenset(rule.lexicons["units"])
        self.name_heads = frozenset(rule.lexicons["name-heads"])
        self.elongation_exceptions = {w.lower() for w in self.options.elongation_exceptions}
        self.gushing = Phrases(nlp, self.options.phrases, self.options.patterns)
        self.exceptions = Phrases(
            nlp, self.options.exceptions, self.options.exception_patterns, name="x"
        )
        self.messages: dict[str, str] = dict(self.options.messages)

    # ------------------------------------------------------------------ helpers
    def _finding(self, note: Note, hit: Hit) -> Finding:
        template = self.messages.get(hit.category)
        message = None
        if template:
            text = " ".join(note.text[hit.start : hit.end].split())
            message = template.format_map(MessageFields(text=text, count=hit.total))
        return self.finding(hit.start, hit.end, message=message)

    # ------------------------------------------------------------------ check
    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        found: list[Hit] = []
        found.extend(self._exclamations(note))
        found.extend(self._caps(doc, note))
        found.extend(self._emoji(note))
        found.extend(self._emoticons(note))
        found.extend(self._elongated(note))
        found.extend(self._stacked(doc, note))
        found.extend(self._gushing(doc, note))
        # One finding per stretch of text: "SO excited" (capitals and gushing) and
        # "so so excited" (stacked and gushing) are reported once, over their union,
        # with the message of the finding that starts first (the longest there).
        found.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        for hit in found:
            if kept and hit.start < kept[-1].end:
                last = kept[-1]
                kept[-1] = last._replace(end=max(last.end, hit.end))
                continue
            kept.append(hit)
        return [self._finding(note, hit) for hit in kept]

    def _bang_text(self, note: Note) -> str:
        """The prose, plus headings and subject lines that the format blanked out: an
        exclamation mark in "# Thank you, Priya!" or "Subject: Thanks!!" is read too."""
        text, masked = note.text, note.masked
        if text == masked:
            return masked
        out = list(masked)
        pos = 0
        for line in text.splitlines(keepends=True):
            end = pos + len(line)
            if _HEADING_LINE.match(line) and not masked[pos:end].strip():
                for i in range(pos, end):
                    if text[i] in "!?！？":
                        out[i] = text[i]
            pos = end
        return "".join(out)

    def _exclamations(self, note: Note) -> Iterator[Hit]:
        if not any("!" in t or "！" in t for t in (note.text, note.masked)):
            return  # every run holds one of them (most notes have none)
        text = self._bang_text(note)
        runs = [
            m
            for m in _BANG_RUN.finditer(text)
            # "!=" and "![image](...)" are code and Markdown, not exclamations, and the
            # "!" of a name such as "Yahoo! Finance" is part of the name.
            if not text.startswith(("=", "["), m.end())
            and not self._in_name(text, m.start())
            # marks where the writer switched the rule off are not counted either
            and not any(s.covers(self.rule.id, m.start()) for s in note.suppressions)
        ]
        total = sum(_bangs(m.group()) for m in runs)
        limit = self.options.max_exclamations
        for m in runs:
            if total > limit or len(m.group()) > 1:
                # one run holding every mark ("!!!", "?!") is not "one of N"
                alone = _bangs(m.group()) == total and len(m.group()) > 1
                category = "exclamation_run" if alone else "exclamation"
                yield Hit(category, m.start(), m.end(), total)

    def _in_name(self, text: str, bang: int) -> bool:
        names = {n.lower().rstrip("!") for n in self.options.exclamation_names}
        word = re.search(r"[\w.-]+$", text[max(0, bang - 40) : bang])
        return word is not None and word.group().lower() in names

    def _caps(self, doc: Doc, note: Note) -> Iterator[Hit]:
        masked = note.masked
        lemmas: dict[int, str] | None = None  # by start offset; made when first needed
        # Words in capitals, grouped into runs separated by spaces: a run is flagged
        # only when every word in it is emphasis ("THANK YOU SO MUCH"); a run with an
        # acronym or a name in it is a name or a letterhead ("GREAT LAKES BREWING").
        runs: list[list[tuple[int, int, bool]]] = []
        for m in _CAPS_WORD.finditer(masked):
            word = m.group().replace("’", "'").lower()
            emphasis = (
                not _ROMAN.match(m.group())
                and word not in self.acronyms
                and (word in self.caps_words or (self.options.caps_heuristic and "'" not in word))
            )
            if emphasis and word not in self.caps_words:
                if lemmas is None:
                    table = token_table(doc)
                    lemmas = dict(zip(table.idx, table.lemma, strict=True))
                emphasis = looks_like_emphasis(word, lemmas.get(m.start(), word))
            item = (m.start(), m.end(), emphasis)
            if runs and not masked[runs[-1][-1][1] : m.start()].strip(" \t"):
                runs[-1].append(item)
            else:
                runs.append([item])
        for run in runs:
            if not all(emphasis for _, _, emphasis in run):
                continue
            start, end = run[0][0], run[-1][1]
            rest = masked[end : end + 40]
            following = rest.split() if rest[:1] in (" ", "\t") else []
            nxt = following[0].strip(".,;:!?)\"'’") if following else ""
            if nxt.lower() in self.name_heads or (nxt[:1].isupper() and not nxt.isupper()):
                continue  # a name: "the ASPIRE program", "THRIVE Academy"
            yield Hit("caps", start, end)

    def _emoji(self, note: Note) -> Iterator[Hit]:
        for m in _EMOJI.finditer(note.masked):
            if m.group()[0] in _PLAIN_SYMBOLS:
                continue
            yield Hit("emoji", m.start(), m.end())

    def _emoticons(self, note: Note) -> Iterator[Hit]:
        masked = note.masked
        for m in _EMOTICON.finditer(masked):
            if m.group().startswith("<3"):
                unit = _LESS_THAN.match(masked, m.end())
                if unit and unit.group(1).lower() in self.units:
                    continue  # "<3 ms", "<3%": less than three
            yield Hit("emoticon", m.start(), m.end())

    def _elongated(self, note: Note) -> Iterator[Hit]:
        if not any(_LETTER.match(m.group(1)) for m in _ANY_TRIPLE.finditer(note.masked)):
            return  # no letter three times in a row anywhere, so in no word
        for m in _WORD.finditer(note.masked):
            word = m.group()
            if not _TRIPLE.search(word) or len(set(word.lower())) == 1:
                continue  # "coffee"; "www", "III", "XXX", "zzz"
            if word.isupper() and _ROMAN.match(word):
                continue
            collapsed = _TRIPLE.sub(r"\1", word.lower())
            if word.lower() in self.elongation_exceptions or collapsed in (
                self.elongation_exceptions
            ):
                continue
            yield Hit("elongated", m.start(), m.end())

    def _stacked(self, doc: Doc, note: Note) -> Iterator[Hit]:
        """The same intensifier twice in a row before a word: "so so excited",
        "really, really useful", "very very"."""
        table = token_table(doc)
        if table.words.isdisjoint(self.intensifiers):
            return
        lower, text, idx = table.lower, table.text, table.idx
        tokens = [i for i, space in enumerate(table.space) if not space]
        # Only the intensifiers can start a run: go from one to the next (a run found
        # moves the start past its end).
        starts = [k for k, t in enumerate(tokens) if lower[t] in self.intensifiers]
        i = 0
        for k in starts:
            if k < i:
                continue
            i = k
            if i >= len(tokens) - 1:
                break
            first = tokens[i]
            word = lower[first]
            j = i + 1
            while j < len(tokens) and (
                lower[tokens[j]] == word or (text[tokens[j]] == "," and j + 1 < len(tokens))
            ):
                if text[tokens[j]] == "," and lower[tokens[j + 1]] != word:
                    break
                j += 1
            repeats = sum(1 for t in tokens[i:j] if lower[t] == word)
            # "so-so" is a word of its own; a following word must be there ("it was so so.")
            joined = "-" in note.text[idx[first] : idx[tokens[j - 1]]]
            if repeats >= 2 and not joined and j < len(tokens) and table.alpha[tokens[j]]:
                last = tokens[j - 1]
                yield Hit("stacked", idx[first], idx[last] + len(text[last]))
                i = j
            elif repeats >= 2 and not joined:
                i = j  # a later start in this run ends at the same place: skip it (linear)
            else:
                i += 1

    def _gushing(self, doc: Doc, note: Note) -> Iterator[Hit]:
        exceptions = self.exceptions.spans(doc)
        for span in self.gushing.spans(doc):
            if overlaps(span, exceptions):
                continue
            if self.options.negation and is_negated(span, window=3):
                continue
            yield Hit("gushing", span.start_char, span.end_char)
