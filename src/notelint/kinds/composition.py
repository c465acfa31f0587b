"""Statements composed from word classes, within one clause.

A list of phrases cannot keep up with the ways people say they want a job ("I would love
the job", "I hope we get to work together", "this is the kind of team I want to grow
in"). A composition describes the statement instead: the writer (a subject word), then a
predicate word (wanting, hoping, being eager), then an object word (the job, joining,
working with them), all in one clause and within `window` words; or, with `order:
reverse` or `either`, the object first ("the role is what I am looking for"). A clause
ends at punctuation that closes one and at a contrast ("but", "however").

A word of `not_between` between the predicate and the object makes the statement about
something else ("eager to hear more about the role"), and so does "to" before a verb of
another action ("I wanted to follow up on the position"). A statement with no subject
counts when the predicate opens the sentence ("Excited to join the team."). Words are
compared by their lower-case form and by their lemma.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from notelint.kinds.matching import CLAUSE_BREAKS, CONTRAST
from notelint.tokentable import TokenTable, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

ORDERS = ("forward", "reverse", "either")
KEYS = ("subject", "predicate", "object", "not_between", "window", "order")


@dataclass(frozen=True)
class Composition:
    subject: frozenset[str]
    predicate: frozenset[str]
    obj: frozenset[str]
    #: words that, between predicate and object, make it about something else ("eager to
    #: hear about the role")
    not_between: frozenset[str] = frozenset()
    window: int = 8
    order: str = "forward"

    @classmethod
    def from_option(cls, spec: Mapping[str, Any]) -> Composition:
        return cls(
            subject=frozenset(w.lower() for w in spec.get("subject", ())),
            predicate=frozenset(w.lower() for w in spec["predicate"]),
            obj=frozenset(w.lower() for w in spec["object"]),
            not_between=frozenset(w.lower() for w in spec.get("not_between", ())),
            window=int(spec.get("window", 8)),
            order=str(spec.get("order", "forward")),
        )

    def spans(self, doc: Doc) -> Iterator[Span]:
        """Each statement found, as the span from its predicate to its object (the
        predicate alone when the object comes first)."""
        table = token_table(doc)
        present = self.predicate.intersection(table.words)
        if not present:
            return  # no predicate word in the note: nothing to compose
        # Only the sentences that hold a predicate word are split into clauses.
        lower, lemma = table.lower, table.lemma
        sentences = {
            table.sent_of(i, i + 1)
            for i in range(len(table))
            if lower[i] in present or lemma[i] in present
        }
        for sent_start, sent_end in sorted(sentences):
            for clause in _clauses(table, sent_start, sent_end):
                yield from self._in_clause(doc, table, clause, sent_start)

    def _in_clause(
        self, doc: Doc, table: TokenTable, clause: list[int], sent_start: int
    ) -> Iterator[Span]:
        """Statements in a clause (token indices, without whitespace)."""
        lower, lemma = table.lower, table.lemma

        def has(i: int, words: frozenset[str]) -> bool:
            return lower[i] in words or lemma[i] in words

        for k, i in enumerate(clause):
            if not has(i, self.predicate):
                continue
            subject = next(
                (j for j in range(k - 1, max(-1, k - 5), -1) if has(clause[j], self.subject)),
                None,
            )
            opens = clause[0] - sent_start <= 1 and all(lower[t] in _DEGREE for t in clause[:k])
            if subject is None and not opens:
                continue
            # The span starts at the predicate, so that a negation between the writer
            # and the predicate ("I don't want ...") comes before it.
            if self.order in ("forward", "either"):
                for j in range(k + 1, min(len(clause), k + 1 + self.window)):
                    if has(clause[j], self.obj):
                        yield doc[i : clause[j] + 1]
                        break
                    if has(clause[j], self.not_between) or _other_action(
                        table, clause, j, self.obj, has
                    ):
                        break
            if self.order in ("reverse", "either") and subject is not None:
                for j in range(subject - 1, max(-1, subject - self.window), -1):
                    if has(clause[j], self.obj):
                        yield doc[i : i + 1]
                        break


# Verbs through which a wanting still reaches its object: "love to be part of", "hope we
# get to work together", "keen to keep working with".
_LINKING = frozenset({"be", "get", "have", "keep", "continue", "come", "go", "start", "begin"})
# Words that may come before a predicate that opens a sentence: "So excited to join".
_DEGREE = frozenset(
    {"so", "very", "really", "truly", "still", "definitely", "even", "more", "most"}
)
_DETERMINERS = frozenset({"the", "a", "an", "your", "my", "our", "this", "that", "its", "their"})


def _other_action(
    table: TokenTable, clause: list[int], j: int, objects: frozenset[str], has: Any
) -> bool:
    """Whether clause[j] is "to" before a verb of another action, which the wanting is
    about instead ("I wanted to follow up on the position")."""
    if table.lower[clause[j]] != "to" or j + 1 >= len(clause):
        return False
    nxt = clause[j + 1]
    if not table.alpha[nxt] or has(nxt, objects) or table.lemma[nxt] in _LINKING:
        return False
    return table.lower[nxt] not in _DETERMINERS  # "to the team" is a place, not an action


def _clauses(table: TokenTable, start: int, end: int) -> Iterator[list[int]]:
    """The clauses of the sentence of tokens [start, end), as lists of token indices
    (whitespace left out)."""
    clause: list[int] = []
    space, lower = table.space, table.lower
    for i in range(start, end):
        if space[i]:
            continue
        if lower[i] in CLAUSE_BREAKS or lower[i] in CONTRAST:
            if clause:
                yield clause
            clause = []
            continue
        clause.append(i)
    if clause:
        yield clause


def option_problems(value: Any) -> list[str]:
    """Why a `compose` option is malformed (empty when it is fine)."""
    problems = []
    for i, spec in enumerate(value, 1):
        where = f"composition {i}"
        if not isinstance(spec, Mapping):
            problems.append(f"{where} should be a mapping of subject, predicate and object")
            continue
        unknown = sorted(set(spec) - set(KEYS))
        if unknown:
            problems.append(f"{where} has unknown key {unknown[0]!r}; expected {', '.join(KEYS)}")
        for key in ("predicate", "object"):
            if not spec.get(key):
                problems.append(f"{where} needs {key!r}, a list of words")
        for key in ("subject", "predicate", "object", "not_between"):
            words = spec.get(key, [])
            if not isinstance(words, list | tuple) or not all(isinstance(w, str) for w in words):
                problems.append(f"{where}: {key!r} should be a list of words")
        window = spec.get("window", 8)
        if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 20:
            problems.append(f"{where}: 'window' should be a whole number from 1 to 20")
        if spec.get("order", "forward") not in ORDERS:
            problems.append(f"{where}: 'order' should be one of {', '.join(ORDERS)}")
    return problems
