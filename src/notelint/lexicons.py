"""Lexicons: named word classes that rules share.

A rule refers to a lexicon by writing `$name` as an item of any list in its options, most
often an IN-list of a token pattern: `{LOWER: {IN: [$weekdays, noon]}}`. The reference
is replaced by the lexicon's words when the rule is built, so spaCy sees a plain IN-list
and a word list is written once. The shipped lexicons are in lexicons.yaml beside this
module (a lexicon may include another as a `$name` item); a user's `.notelint.yaml`
adds words to them (or defines new ones) under `lexicons:`.

Kinds read the word classes they need from their rule (`rule.lexicons`), which holds the
lexicons of the rule set the rule was built in, a user's additions included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

REFERENCE = re.compile(r"\$([a-z][a-z0-9_-]*)")
NAME = re.compile(r"[a-z][a-z0-9_-]*")

Lexicons = Mapping[str, tuple[str, ...]]


@cache
def shipped_lexicons() -> Lexicons:
    """The shipped lexicons as lexicons.yaml writes them: an item `$name` of a lexicon
    includes that lexicon's words (a word class made of smaller ones is written once).
    Read once, through the on-disk cache: the kinds need them at import, and importing a
    YAML parser and parsing take longer than loading the words back (the cache's key
    covers the package's data files)."""
    from notelint import cache as disk

    key = disk.entry_key("lexicons")
    lexicons: Lexicons | None = disk.load("lexicons", key)
    if lexicons is not None:
        return lexicons
    import yaml

    path = Path(__file__).with_name("lexicons.yaml")
    data = yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    lexicons = {name: tuple(str(w) for w in words) for name, words in data.items()}
    disk.store("lexicons", key, lexicons)
    return lexicons


@cache
def default_lexicons() -> Lexicons:
    """The shipped lexicons, each `$name` item replaced by that lexicon's words."""
    return resolved(shipped_lexicons())


def resolved(table: Lexicons) -> Lexicons:
    """The table with each `$name` item of a lexicon replaced by the words of that
    lexicon, in place and recursively (a reference back into a lexicon being resolved,
    or to an unknown name, adds nothing; config validation reports unknown names)."""
    out: dict[str, tuple[str, ...]] = {}

    def words(name: str, open_names: frozenset[str]) -> tuple[str, ...]:
        if name in out:
            return out[name]
        found: list[str] = []
        for word in table[name]:
            ref = REFERENCE.fullmatch(word)
            if ref is None:
                found.append(word)
            elif ref[1] in table and ref[1] not in open_names:
                found.extend(words(ref[1], open_names | {name}))
        out[name] = tuple(dict.fromkeys(found))
        return out[name]

    for name in table:
        words(name, frozenset([name]))
    return out


def extended(base: Lexicons, additions: Mapping[str, list[str]]) -> Lexicons:
    """`base` with words added to its lexicons (a new name starts a new lexicon), its
    references resolved after the additions: words added to `casual-greetings` are
    greetings too."""
    out = dict(base)
    for name, words in additions.items():
        out[name] = tuple(dict.fromkeys([*out.get(name, ()), *words]))
    return resolved(out)


def word_sets(lexicons: Lexicons, *names: str) -> Mapping[str, frozenset[str]]:
    """The named lexicons as sets, by name: the word classes a kind tests words against,
    built once when its rule is compiled (so that a config's additions count)."""
    return MappingProxyType({name: frozenset(lexicons[name]) for name in names})


def alternation(words: Iterable[str]) -> str:
    """A regular expression group matching any of the words, longest first (so that
    "sincerely yours" wins over "sincerely")."""
    listed = sorted(dict.fromkeys(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in listed) + ")"


def references(value: Any) -> Iterator[str]:
    """The lexicon names a value refers to, anywhere inside it."""
    if isinstance(value, str):
        found = REFERENCE.fullmatch(value)
        if found:
            yield found[1]
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from references(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from references(item)


def expand(value: Any, lexicons: Lexicons) -> Any:
    """The value with each `$name` list item replaced by that lexicon's words (an
    unknown name is left as written: config validation reports it)."""
    if isinstance(value, Mapping):
        return {key: expand(item, lexicons) for key, item in value.items()}
    if isinstance(value, list | tuple):
        out: list[Any] = []
        for item in value:
            found = REFERENCE.fullmatch(item) if isinstance(item, str) else None
            if found and found[1] in lexicons:
                out.extend(lexicons[found[1]])
            else:
                out.append(expand(item, lexicons))
        return out
    return value
