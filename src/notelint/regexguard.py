"""Regular expressions from user config that cannot hang the linter.

Python's `re` backtracks, and it cannot be interrupted: a pattern such as `(a+)+$` takes
time exponential in the length of the text it fails on. So every pattern that comes from
a config (the `regex` kind's `regexes`, fix tables' `match`, REGEX in token patterns) is
checked before it is compiled, and rejected when it has the shapes that backtrack
catastrophically:

- a repeated group that holds another repetition, one of them unbounded: `(a+)+`,
  `(\\w+\\s?)*`, `(.*,){20}`;
- a repeated group whose alternatives can start with the same character: `(ab|ac)+`,
  `(a|a?)+` (single characters are merged into a class by `re` and are safe);
- a pattern longer than MAX_PATTERN_CHARS.

Possessive repeats (`a++`) and atomic groups (`(?>...)`) never backtrack into their
insides, so they are allowed, and are the way out the message suggests.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as sre  # type: ignore[attr-defined]
from typing import Any

MAX_PATTERN_CHARS = 1_000

_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT)
_GROUPS = (c.SUBPATTERN, c.ASSERT, c.ASSERT_NOT)


def regex_problem(pattern: str) -> str | None:
    """Why `pattern` may not be used, as a predicate ("is not a valid regular
    expression: ...", "is too long ...", "can take exponential time ..."), or None when
    it is safe to compile and run."""
    if len(pattern) > MAX_PATTERN_CHARS:
        return (
            f"is too long for a regular expression ({len(pattern):,} characters; "
            f"at most {MAX_PATTERN_CHARS:,})"
        )
    try:
        parsed = sre.parse(pattern)
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"is not a valid regular expression: {exc}"
    shape = _risky(list(parsed), outer=None)
    if shape is None:
        return None
    return (
        f"can take exponential time on some notes ({shape}); rewrite it "
        "without that, or make the inner part possessive (a++) or atomic ((?>...))"
    )


def _risky(items: list[tuple[Any, Any]], outer: tuple[int, int] | None) -> str | None:
    """The catastrophic shape found in a parsed pattern, or None. `outer` is the
    (min, max) of the repetition these items are inside, if any."""
    for op, av in items:
        if op in _REPEATS:
            low, high, body = av
            if high > 1 and outer is not None and _unbounded(outer, (low, high)):
                return "a repetition inside a repetition"
            inner = (low, high) if high > 1 else outer
            if high > 1 and _separated(list(body)):
                inner = None  # each round starts anew at a character the inside cannot eat
            found = _risky(list(body), inner)
            if found:
                return found
            if high == c.MAXREPEAT and _overlapping_branches(list(body)):
                return "alternatives that can match the same text, repeated"
        elif op in _GROUPS:
            body = av[-1]
            found = _risky(list(body), outer)
            if found:
                return found
        elif op is c.BRANCH:
            for alternative in av[1]:
                found = _risky(list(alternative), outer)
                if found:
                    return found
        # POSSESSIVE_REPEAT and ATOMIC_GROUP never backtrack into their bodies.
    return None


def _separated(body: list[tuple[Any, Any]]) -> bool:
    """A repeated body with a character of its own that none of its inner repetitions
    can match (`(?: [A-Z]+)*`: the space), so its rounds cannot be split two ways."""
    inner = [av[2] for op, av in _walk(body) if op in _REPEATS and av[1] > 1]
    for op, av in body:
        if op is c.LITERAL and not any(_may_match(list(r), chr(av)) for r in inner):
            return True
    return False


def _walk(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every item of a parsed pattern, nested ones included."""
    out = []
    for op, av in items:
        out.append((op, av))
        if op in _REPEATS:
            out += _walk(list(av[2]))
        elif op in _GROUPS:
            out += _walk(list(av[-1]))
        elif op is c.BRANCH:
            for alternative in av[1]:
                out += _walk(list(alternative))
    return out


_CATEGORIES = {
    c.CATEGORY_DIGIT: str.isdigit,
    c.CATEGORY_SPACE: str.isspace,
    c.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
}
_NOT_CATEGORIES = {
    c.CATEGORY_NOT_DIGIT: c.CATEGORY_DIGIT,
    c.CATEGORY_NOT_SPACE: c.CATEGORY_SPACE,
    c.CATEGORY_NOT_WORD: c.CATEGORY_WORD,
}


def _may_match(body: list[tuple[Any, Any]], ch: str) -> bool:
    """Whether a repeated body (one character class, else anything) may match `ch`, in
    either case (the pattern may ignore case)."""
    if len(body) != 1:
        return True
    op, av = body[0]
    chars = {ch, ch.lower(), ch.upper()}
    if op is c.LITERAL:
        return chr(av) in chars
    if op is c.NOT_LITERAL:
        return chars != {chr(av)}
    if op is c.IN:
        return any(_in_class(av, x) for x in chars)
    return True


def _in_class(items: list[tuple[Any, Any]], ch: str) -> bool:
    negate = bool(items) and items[0][0] is c.NEGATE
    found = False
    for op, av in items[1:] if negate else items:
        if op is c.LITERAL:
            found = found or chr(av) == ch
        elif op is c.RANGE:
            found = found or av[0] <= ord(ch) <= av[1]
        elif op is c.CATEGORY and av in _CATEGORIES:
            found = found or bool(_CATEGORIES[av](ch))
        elif op is c.CATEGORY and av in _NOT_CATEGORIES:
            found = found or not bool(_CATEGORIES[_NOT_CATEGORIES[av]](ch))
        else:
            return True  # something we do not model: assume it matches
    return not found if negate else found


def _unbounded(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return bool(outer[1] == c.MAXREPEAT or inner[1] == c.MAXREPEAT)


def _overlapping_branches(items: list[tuple[Any, Any]]) -> bool:
    """A repeated body that is (a group around) alternatives two of which may begin with
    the same character; anything not a literal first counts as possibly the same."""
    while len(items) == 1 and items[0][0] is c.SUBPATTERN:
        items = list(items[0][1][-1])
    if len(items) != 1 or items[0][0] is not c.BRANCH:
        return False
    firsts: set[int] = set()
    for alternative in items[0][1][1]:
        alternative = list(alternative)
        if not alternative or alternative[0][0] is not c.LITERAL:
            return True
        if alternative[0][1] in firsts:
            return True
        firsts.add(alternative[0][1])
    return False
