"""The rule engine: the kinds of a run's rules, compiled once, run over each Doc.

The spaCy pipeline only analyses a note (tokens, lemmas, sentences); the linter then
hands each Doc and its Note to `Engine.run`, which returns the findings. An Engine holds
only the rules selected for the run, so a rule left out by --select, --ignore or the
config is never compiled nor run.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from notelint.kinds import KINDS
from notelint.kinds.matching import MatchHub

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.config import RuleSet
    from notelint.kinds.base import Kind
    from notelint.model import Finding, Rule
    from notelint.sources import Note

#: compiled engines kept per process; a long-running server sees few rule sets
CACHE_SIZE = 16


class Engine:
    """The checkers of some rules, compiled for one pipeline."""

    def __init__(self, nlp: Language, rules: Iterable[Rule]) -> None:
        # One MatchHub for all of them: each note is matched once for every rule.
        with MatchHub(nlp).collecting():
            self.checkers: list[Kind] = [KINDS[rule.kind](rule, nlp) for rule in rules]

    def run(self, doc: Doc, note: Note, skip: frozenset[str] = frozenset()) -> list[Finding]:
        """The findings of every rule on the note, except those in `skip` or switched off
        by the note itself (its front matter)."""
        off = note.disabled | skip
        findings: list[Finding] = []
        for checker in self.checkers:
            if checker.rule.id not in off:
                findings.extend(checker.check(doc, note))
        return findings


#: by (pipeline, rule set, rule ids); an entry holds its pipeline and rule set, so their
#: ids are not reused while it is kept
_cache: dict[tuple[int, int, frozenset[str]], tuple[Language, RuleSet, Engine]] = {}
_lock = threading.Lock()


def engine_for(nlp: Language, ruleset: RuleSet, rule_ids: frozenset[str]) -> Engine:
    """The Engine for the rules of `ruleset` named in `rule_ids` (in the rule set's order),
    compiled on first use and shared by every caller after (threads, Linters, and the
    workers forked once it is built)."""
    key = (id(nlp), id(ruleset), rule_ids)
    with _lock:
        hit = _cache.get(key)
        if hit is None:
            engine = Engine(nlp, (rule for rule in ruleset.rules if rule.id in rule_ids))
            if len(_cache) >= CACHE_SIZE:
                _cache.clear()
            hit = (nlp, ruleset, engine)
            _cache[key] = hit
        return hit[2]
