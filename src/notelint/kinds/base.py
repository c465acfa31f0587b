"""What every kind shares: its option schema (a frozen dataclass with each option's type,
default and whether a user's list extends it), and check(doc, note)."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NamedTuple, Self, TypeVar, cast

from notelint.model import Finding, MessageFields, Rule, freeze

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.sources import Note

# Option types a kind may declare. Kept as names so the schema is plain data that the
# config validator and `notelint rules` can both read.
OPTION_TYPES = {
    "int": "a whole number",
    "number": "a number",
    "bool": "true or false",
    "str": "text",
    "str_list": "a list of texts",
    "patterns": "a list of spaCy token patterns (each a list of token mappings)",
    "str_map": "a mapping of text to text",
    "compositions": "a list of compositions (mappings of subject, predicate, object)",
}

#: how the options' values look once frozen (lists are tuples, mappings read-only)
Texts = tuple[str, ...]
TokenPatterns = tuple[tuple[Mapping[str, Any], ...], ...]
TextMap = Mapping[str, str]


def type_error(value: Any, spec: str) -> str | None:
    """Why value does not fit the option type spec, or None when it does."""
    ok: bool
    if spec == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif spec == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif spec == "bool":
        ok = isinstance(value, bool)
    elif spec == "str":
        ok = isinstance(value, str)
    elif spec == "str_list":
        ok = isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
    elif spec == "patterns":
        ok = isinstance(value, list | tuple) and all(
            isinstance(p, list | tuple) and p and all(isinstance(t, Mapping) for t in p)
            for p in value
        )
    elif spec == "compositions":
        ok = isinstance(value, list | tuple) and all(isinstance(c, Mapping) for c in value)
    elif spec == "str_map":
        ok = isinstance(value, Mapping) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        )
    else:  # pragma: no cover - a kind declared an unknown type
        raise ValueError(f"unknown option type {spec}")
    if ok and spec in ("int", "number") and value < 0:
        return "should not be negative"
    return None if ok else f"should be {OPTION_TYPES[spec]}"


class OptionSpec(NamedTuple):
    """One option of a kind: its type (a key of OPTION_TYPES), its default, and whether
    a user's list is added to the rule's list (extendable) or replaces it."""

    type: str
    default: Any
    extendable: bool


def option(type: str, default: Any, *, extendable: bool = False) -> Any:
    """A field of a kind's options dataclass (see OptionSpec). The default is frozen like
    the rule's own options, so a kind sees the same shapes either way."""
    if type not in OPTION_TYPES:
        raise ValueError(f"unknown option type {type}")
    frozen = freeze(default)
    spec = OptionSpec(type, frozen, extendable)
    return dataclasses.field(default_factory=lambda: frozen, metadata={"option": spec})


@dataclasses.dataclass(frozen=True)
class KindOptions:
    """A kind's options: subclasses declare each one as a typed field with option()."""

    @classmethod
    def specs(cls) -> dict[str, OptionSpec]:
        """Each option's name and spec, in declaration order."""
        return {f.name: f.metadata["option"] for f in dataclasses.fields(cls)}

    @classmethod
    def of(cls, options: Mapping[str, Any]) -> Self:
        """The options a rule sets (validated, frozen), the defaults for the rest."""
        return cls(**options)

    def problems(self) -> list[tuple[str, str]]:
        """Cross-option checks beyond types: a list of (option, problem)."""
        return []


@dataclasses.dataclass(frozen=True)
class MatchOptions(KindOptions):
    """What to look for and what not to count, shared by the kinds that match phrases."""

    phrases: Texts = option("str_list", (), extendable=True)
    patterns: TokenPatterns = option("patterns", (), extendable=True)
    exceptions: Texts = option("str_list", (), extendable=True)
    exception_patterns: TokenPatterns = option("patterns", (), extendable=True)
    negation: bool = option("bool", False)


@dataclasses.dataclass(frozen=True)
class MessageOptions(KindOptions):
    """For a kind that reports several things: `messages` gives any of them its own
    message (by key, see Kind.message); a config's entries replace those of the same key."""

    messages: TextMap = option("str_map", {}, extendable=True)


OptionsT = TypeVar("OptionsT", bound=KindOptions)


class Kind(Generic[OptionsT]):
    """A kind of check. Subclasses declare name and check(), and name their options
    dataclass as the type argument: `class WordCountKind(Kind[WordCountOptions])`."""

    name: ClassVar[str]
    #: users may define new rules of a generic kind in .notelint.yaml
    generic: ClassVar[bool] = False
    #: its findings can be switched off by a suppression directive
    suppressible: ClassVar[bool] = True
    #: the options dataclass (taken from the type argument)
    Options: ClassVar[type[KindOptions]] = KindOptions

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for base in cls.__dict__.get("__orig_bases__", ()):
            if typing.get_origin(base) is Kind:
                (cls.Options,) = typing.get_args(base)

    def __init__(self, rule: Rule, nlp: Language) -> None:
        self.rule = rule
        self.nlp = nlp
        self.options = cast(OptionsT, self.Options.of(rule.options))

    @classmethod
    def validate(cls, options: Mapping[str, Any]) -> list[tuple[str, str]]:
        """Cross-option checks of options whose types are right: (option, problem)."""
        return cls.Options.of(freeze(options)).problems()

    def check(self, doc: Doc, note: Note) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, start: int, end: int, **kw: Any) -> Finding:
        return Finding(rule=self.rule.id, start=start, end=end, **kw)

    def message(self, key: str, **fields: object) -> str:
        """The message about one of the things the kind reports, filled in: the rule's
        `messages` entry for `key` (rules.yaml gives each), else the rule's message."""
        custom = self.options.messages if isinstance(self.options, MessageOptions) else {}
        template = custom.get(key) or self.rule.message
        return template.format_map(
            MessageFields({"text": "", "name": "", "expected": "", **fields})
        )

    def wrong_name(
        self, start: int, end: int, key: str, written: str, right: str, **fix: Any
    ) -> Finding:
        """A name written where another belongs (a misspelt interviewer, another
        company): message `key` names both, and the right one is the replacement."""
        message = self.message(key, name=written, expected=right)
        return self.finding(start, end, message=message, replacement=right, **fix)

    def body_finding(self, note: Note, **fields: object) -> Finding:
        """A finding about the whole note, at the first line of its body, with the rule's
        message filled in (length, timing, readability)."""
        start, end = body_line_span(note)
        message = self.rule.message.format_map(MessageFields({"text": "", **fields}))
        return self.finding(start, end, message=message)


def body_line_span(note: Note) -> tuple[int, int]:
    """The first line of the note's body: where a missing piece is reported."""
    start = note.body_start
    end = start
    while end < len(note.text) and note.text[end] not in "\r\n":
        end += 1
    return start, end


def strip_trailing_marks(text: str, marks: str, *, last_must_be_mark: bool = False) -> str:
    """`text` without its trailing run of white space and `marks` (with
    `last_must_be_mark`, only when it ends with a mark). A regular expression such as
    `[\\s*_]+$` takes quadratic time on a long run of spaces that does not reach the end."""
    if last_must_be_mark and text[-1:] not in marks:
        return text
    end = len(text)
    while end and (text[end - 1] in marks or text[end - 1].isspace()):
        end -= 1
    return text[:end]
