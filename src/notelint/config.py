"""Discover, load, merge and validate configuration into an immutable RuleSet.

The shipped rules.yaml is the default rule set. A user's `.notelint.yaml` (found by walking
up from the linted file, or given with --config) extends it: it may change a rule's
severity and options, switch rules off, add phrases and exceptions, and define new rules
of the generic kinds. Every problem is collected and reported at once, with file and
line, as one ConfigError.
"""

from __future__ import annotations

import fnmatch
import hashlib
import importlib.resources
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from notelint import cache
from notelint.fixtable import compile_table, table_problems
from notelint.kinds import KINDS
from notelint.kinds.base import Kind, type_error
from notelint.kinds.matching import pattern_problem
from notelint.lexicons import (
    NAME,
    Lexicons,
    default_lexicons,
    expand,
    extended,
    references,
    shipped_lexicons,
)
from notelint.model import Context, Examples, Rule, Severity, freeze
from notelint.sources import ContextError, parse_context
from notelint.suggest import did_you_mean
from notelint.yamlsource import YamlError, load_with_lines

CONFIG_NAMES = (".notelint.yaml", ".notelint.yml")
RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
TOP_KEYS = ("extends", "context", "rules", "lexicons", "exclude", "per_file", "pipeline")
RULESET_TOP_KEYS = ("rules",)
#: the fields a message template may use (each kind fills the ones it knows)
MESSAGE_FIELDS = (
    "text",
    "words",
    "limit",
    "direction",
    "name",
    "expected",
    "count",
    "replacement",
)


@dataclass(frozen=True)
class ConfigProblem:
    """One problem in a config file: where it is (`line` is 1-based, None when the
    problem is about the whole file) and what is wrong. Printed as 'FILE:LINE: message'."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class ConfigError(Exception):
    """Every problem found in a configuration."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    #: every rule id the configuration knows, including the ones switched off
    known_ids: frozenset[str]
    context: Context = Context()
    exclude: tuple[str, ...] = ()
    per_file: tuple[tuple[str, frozenset[str]], ...] = ()
    model: str | None = None
    path: Path | None = None
    all_rules: tuple[Rule, ...] = field(default=(), compare=False)

    @property
    def root(self) -> Path | None:
        return self.path.parent if self.path else None

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.all_rules or self.rules if r.id == rule_id), None)

    def disabled_for(self, path: str | Path) -> frozenset[str]:
        """Rules a per_file glob switches off for this path."""
        rel = self._relative(path)
        off: set[str] = set()
        for pattern, rules in self.per_file:
            if glob_match(rel, pattern):
                off |= rules
        return frozenset(off)

    def is_excluded(self, path: str | Path) -> bool:
        rel = self._relative(path)
        return any(glob_match(rel, pattern) for pattern in self.exclude)

    def _relative(self, path: str | Path) -> str:
        p = Path(path)
        if self.root is not None:
            try:
                return p.resolve().relative_to(self.root.resolve()).as_posix()
            except (ValueError, OSError):
                pass
        return p.as_posix()


def glob_match(path: str, pattern: str) -> bool:
    """gitignore-like matching: `**` crosses folders, a bare name matches at any depth."""
    pure = PurePosixPath(path)
    if "/" not in pattern.rstrip("/"):
        return any(fnmatch.fnmatch(part, pattern.rstrip("/")) for part in pure.parts)
    regex = _glob_regex(pattern)
    return bool(regex.match(pure.as_posix()))


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    pattern = pattern.lstrip("/")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + "(?:/.*)?$")


def default_rules_path() -> Path:
    """rules.yaml: inside the installed package, or at the top of a source checkout."""
    packaged = importlib.resources.files("notelint") / "rules.yaml"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules.yaml"


def find_config(start: Path) -> Path | None:
    """The nearest .notelint.yaml in start's folder or above."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                return path
    return None


def load_config(
    path: str | Path | None = None,
    *,
    start: str | Path | None = None,
    discovered: bool = False,
) -> RuleSet:
    """The rule set in force: `path` if given, else the nearest config above `start`
    (default: the current folder), else the shipped defaults. A config that was found
    rather than named (`discovered`, or found above `start`) may `extends` only files
    inside its repository."""
    if path is None:
        path = find_config(Path(start) if start is not None else Path.cwd())
        discovered = True
    if path is None:
        return default_ruleset()
    return _load_user_config(Path(path), confined=discovered)


def repository_root(config: Path) -> Path:
    """The git work tree a config file is in (the nearest folder above it holding
    .git), else the config's own folder."""
    folder = config.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


#: the most entries a list or mapping in a config may have, and the longest text
MAX_ENTRIES = 10_000
MAX_TEXT_CHARS = 10_000


def _check_sizes(value: Any, where: tuple[Any, ...], problems: _Problems) -> None:
    """Absurd sizes (a list of a million phrases, a pattern of megabytes) are errors at
    their key, before anything is compiled from them."""
    name = "the config"
    if where and isinstance(where[-1], int):
        name = f"entry {where[-1] + 1}" + (f" of {where[-2]!r}" if len(where) > 1 else "")
    elif where:
        name = f"{where[-1]!r}"
    if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
        problems.add(where, f"{name} is {len(value):,} characters long; at most {MAX_TEXT_CHARS:,}")
    elif isinstance(value, list | tuple | dict):
        if len(value) > MAX_ENTRIES:
            problems.add(where, f"{name} has {len(value):,} entries; at most {MAX_ENTRIES:,}")
            return
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(key, str) and len(key) > MAX_TEXT_CHARS:
                problems.add(where, f"a key of {len(key):,} characters; at most {MAX_TEXT_CHARS:,}")
                continue
            _check_sizes(item, where + (key,), problems)


@lru_cache(maxsize=8)
def _rule_file(path: Path) -> tuple[dict[str, dict[str, Any]], tuple[str, ...]]:
    """Parse and validate a full rule set file (the shipped rules.yaml, or `extends`);
    the result is kept in the on-disk cache, keyed by the file's bytes, since parsing
    and checking it takes longer than the rest of starting up."""
    try:
        key = cache.entry_key(str(path), path.read_bytes())
    except OSError:
        key = None  # _read_yaml reports it
    name = "ruleset-" + hashlib.sha256(str(path).encode()).hexdigest()[:16]
    if key is not None:
        hit: tuple[dict[str, dict[str, Any]], tuple[str, ...]] | None = cache.load(name, key)
        if hit is not None:
            return hit
    result = _parse_rule_file(path)
    if key is not None:
        cache.store(name, key, result)
    return result


def _parse_rule_file(path: Path) -> tuple[dict[str, dict[str, Any]], tuple[str, ...]]:
    # The shipped rules.yaml's token patterns are validated by the test suite, not on
    # every run: validating needs spaCy, which `notelint rules` should not have to load.
    problems = _Problems(path, check_patterns=path != default_rules_path())
    data, lines = _read_yaml(path, problems)
    _check_sizes(data, (), problems)
    problems.raise_if_any(lines)
    rules: dict[str, dict[str, Any]] = {}
    if data is not None:
        if not isinstance(data, dict):
            problems.add((), "a rule set must be a mapping with a 'rules' key")
        else:
            for key in data:
                if key not in RULESET_TOP_KEYS:
                    problems.add((key,), f"unknown key {key!r} in a rule set; expected 'rules'")
            raw = data.get("rules") or {}
            if not isinstance(raw, dict):
                problems.add(("rules",), "'rules' must be a mapping of rule id to rule")
                raw = {}
            for rule_id, definition in raw.items():
                checked = _new_rule(rule_id, definition, ("rules", rule_id), problems)
                if checked is not None:
                    rules[rule_id] = checked
    problems.raise_if_any(lines)
    return rules, tuple(rules)


@lru_cache(maxsize=1)
def default_ruleset() -> RuleSet:
    rules, order = _rule_file(default_rules_path())
    built = tuple(_build_rule(i, rules[i]) for i in order)
    return RuleSet(rules=built, known_ids=frozenset(order), all_rules=built)


def _load_user_config(path: Path, *, confined: bool = False) -> RuleSet:
    problems = _Problems(path)
    data, lines = _read_yaml(path, problems)
    _check_sizes(data, (), problems)
    problems.raise_if_any(lines)  # absurd sizes: stop before validating a million entries
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.add((), "a config file must be a mapping of keys (rules, context, ...)")
        problems.raise_if_any(lines)
    for key in data:
        if key not in TOP_KEYS:
            problems.add(
                (key,),
                f"unknown key {key!r}{did_you_mean(key, TOP_KEYS)}; "
                f"expected one of {', '.join(TOP_KEYS)}",
            )

    lexicons = _user_lexicons(data.get("lexicons"), problems)
    base_rules, order = _base_rules(path, data.get("extends", "default"), problems, confined)
    rules = {rid: dict(defn) for rid, defn in base_rules.items()}
    order_list = list(order)
    disabled: set[str] = set()

    raw_rules = data.get("rules") or {}
    if not isinstance(raw_rules, dict):
        problems.add(("rules",), "'rules' must be a mapping of rule id to settings")
        raw_rules = {}
    for rule_id, setting in raw_rules.items():
        where = ("rules", rule_id)
        if setting is False or setting == "off":
            if rule_id not in rules:
                problems.add(where, _unknown_rule(rule_id, rules))
            disabled.add(rule_id)
            continue
        if setting is True or setting == "on" or setting is None:
            if rule_id not in rules:
                problems.add(where, _unknown_rule(rule_id, rules))
            disabled.discard(rule_id)
            continue
        if not isinstance(setting, dict):
            problems.add(where, f"rule {rule_id!r} should be off, on, or a mapping of settings")
            continue
        if rule_id in rules and "kind" not in setting:
            merged = _checked_rule(rule_id, rules[rule_id], setting, where, problems, lexicons)
            if merged is not None:
                rules[rule_id] = merged
        elif "kind" in setting:
            checked = _new_rule(rule_id, setting, where, problems, user=True, lexicons=lexicons)
            if checked is not None:
                if rule_id not in rules:
                    order_list.append(rule_id)
                rules[rule_id] = checked
        else:
            problems.add(where, _unknown_rule(rule_id, rules))

    context = Context()
    if data.get("context") is not None:
        if not isinstance(data["context"], dict):
            problems.add(("context",), "'context' must be a mapping (interviewer, company, ...)")
        else:
            try:
                context = parse_context(data["context"])
            except ContextError as exc:  # each problem at its own key's line
                for key, message in exc.problems:
                    problems.add(("context", key), message)

    exclude = _str_list(data, "exclude", problems)
    per_file = _per_file(data.get("per_file"), rules, problems)
    model = None
    pipeline = data.get("pipeline")
    if pipeline is not None:
        if not isinstance(pipeline, dict) or set(pipeline) - {"model"}:
            problems.add(("pipeline",), "'pipeline' accepts only 'model: NAME'")
        elif not isinstance(pipeline.get("model"), str | None):
            problems.add(("pipeline", "model"), "'model' must be the name of a spaCy pipeline")
        else:
            model = pipeline.get("model")
            if model and not _model_available(model, path.parent):
                problems.add(
                    ("pipeline", "model"),
                    f"spaCy pipeline {model!r} is not installed; install its package with pip "
                    "or remove 'model' to use the built-in blank English pipeline",
                )
            elif model and not spacy_util_is_package(model):
                model = str((path.parent / model).resolve())

    problems.raise_if_any(lines)
    built = tuple(_build_rule(i, rules[i], lexicons) for i in order_list)
    return RuleSet(
        rules=tuple(r for r in built if r.id not in disabled),
        known_ids=frozenset(order_list),
        context=context,
        exclude=tuple(exclude),
        per_file=tuple(per_file),
        model=model,
        path=path,
        all_rules=built,
    )


def _user_lexicons(value: Any, problems: _Problems) -> Lexicons:
    """The shipped lexicons with the words a config adds under `lexicons:`."""
    if value is None:
        return default_lexicons()
    if not isinstance(value, dict):
        problems.add(("lexicons",), "'lexicons' must be a mapping of lexicon name to words")
        return default_lexicons()
    additions: dict[str, list[str]] = {}
    for name, words in value.items():
        if not isinstance(name, str) or not NAME.fullmatch(name):
            problems.add(
                ("lexicons", name),
                f"lexicon name {name!r} must be lower-case letters, digits, '-' or '_'",
            )
        elif not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            problems.add(("lexicons", name), f"lexicon {name!r} must be a list of words")
        else:
            additions[name] = words
    known = set(shipped_lexicons()) | set(additions)
    for name, words in additions.items():
        unknown = sorted({ref for ref in references(words) if ref not in known})
        if unknown:
            problems.add(
                ("lexicons", name), f"lexicon {name!r} refers to unknown lexicon '${unknown[0]}'"
            )
    return extended(shipped_lexicons(), additions)


def spacy_util_is_package(name: str) -> bool:
    from spacy.util import is_package

    return is_package(name)


def _model_available(model: str, base: Path) -> bool:
    """An installed spaCy pipeline package, or a pipeline folder (relative to the config)."""
    return spacy_util_is_package(model) or (base / model / "config.cfg").is_file()


def _base_rules(
    path: Path, extends: Any, problems: _Problems, confined: bool = False
) -> tuple[dict[str, dict[str, Any]], tuple[str, ...]]:
    if extends in (None, "default"):
        return _rule_file(default_rules_path())
    if not isinstance(extends, str):
        problems.add(("extends",), "'extends' must be 'default' or a path to a rule set")
        return _rule_file(default_rules_path())
    target = (path.parent / extends).resolve()
    root = repository_root(path)
    if confined and not target.is_relative_to(root):
        problems.add(
            ("extends",),
            f"'extends' names {extends!r}, which is outside the repository ({root}); "
            "a config found beside the notes may only extend files inside it (name the "
            "config with --config to allow it)",
        )
        return _rule_file(default_rules_path())
    if not target.is_file():
        problems.add(("extends",), f"'extends' names {extends!r}, which does not exist")
        return _rule_file(default_rules_path())
    try:
        return _rule_file(target)
    except ConfigError as exc:
        problems.extra.extend(exc.problems)
        return {}, ()


def _new_rule(
    rule_id: Any,
    definition: Any,
    where: tuple[Any, ...],
    problems: _Problems,
    user: bool = False,
    lexicons: Lexicons | None = None,
) -> dict[str, Any] | None:
    """A new rule (in a rule set, or a user's rule of a generic kind), checked."""
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        problems.add(where, f"rule id {rule_id!r} must be kebab-case, like 'my-rule'")
        return None
    if not isinstance(definition, dict):
        problems.add(where, f"rule {rule_id!r} must be a mapping with at least kind and message")
        return None
    kind_name = definition.get("kind")
    if kind_name not in KINDS:
        choices = sorted(k for k, v in KINDS.items() if v.generic or not user)
        problems.add(
            where + ("kind",) if "kind" in definition else where,
            f"rule {rule_id!r} has unknown kind {kind_name!r}; expected one of "
            + ", ".join(choices),
        )
        return None
    if user and not KINDS[kind_name].generic:
        generic = ", ".join(sorted(k for k, v in KINDS.items() if v.generic))
        problems.add(
            where + ("kind",),
            f"kind {kind_name!r} is built in; a new rule may use one of: {generic}",
        )
        return None
    return _checked_rule(rule_id, None, definition, where, problems, lexicons)


def _checked_rule(
    rule_id: str,
    base: Mapping[str, Any] | None,
    settings: Mapping[str, Any],
    where: tuple[Any, ...],
    problems: _Problems,
    lexicons: Lexicons | None = None,
) -> dict[str, Any] | None:
    """The rule `settings` define: a new rule when `base` is None, else `base` with a
    user's settings over it (a list option that is extendable is added to, the rest
    replaced). Every problem is reported; None when there is one."""
    new = base is None
    rule: dict[str, Any] = {"kind": settings["kind"]} if base is None else dict(base)
    kind = KINDS[rule["kind"]]
    specs = kind.Options.specs()
    options = dict(rule.get("options", {}))
    ok = True
    for key, value in settings.items():
        here = where + (key,)
        if key == "kind":
            continue
        if key in RULE_KEYS:
            ok = _rule_key_ok(rule_id, key, value, here, problems) and ok
            rule[key] = value
        elif key == "examples" and new:
            if not _examples_ok(value):
                problems.add(
                    here, f"examples of {rule_id!r} should be a mapping with pass and fail lists"
                )
                ok = False
            rule[key] = value
        elif key == "fixes":
            if _fixes_ok(rule_id, value, here, problems, lexicons):
                # A user's entries come first, so they win over the defaults.
                rule["fixes"] = list(value) + list(rule.get("fixes") or [])
            else:
                ok = False
        elif key in specs:
            err = type_error(value, specs[key].type)
            if err:
                problems.add(here, f"option {key!r} of {rule_id!r} {err}, not {shown(value)}")
                ok = False
            elif not _templates_ok(rule_id, key, value, here, problems):
                ok = False
            elif specs[key].extendable and key in options:
                options[key] = _extended(options[key], value)
            else:
                options[key] = value
        else:
            problems.add(here, _unknown_option(key, rule_id, kind.name, specs))
            ok = False
    if new and "message" not in rule:
        problems.add(where, f"rule {rule_id!r} needs a message")
        ok = False
    if ok:
        _check_options(rule_id, kind, options, where, problems, lexicons)
    rule["options"] = options
    return rule if ok else None


def _extended(base: Any, more: Any) -> Any:
    """An extendable option with a user's entries added: a list gets them after its own,
    a mapping gets them in place of its entries of the same keys."""
    if isinstance(base, Mapping):
        return {**base, **more}
    return list(base) + list(more)


#: the keys every rule has, whatever its kind
RULE_KEYS = ("severity", "message", "why", "link", "summary", "checklist")


def _rule_key_ok(
    rule_id: str, key: str, value: Any, where: tuple[Any, ...], problems: _Problems
) -> bool:
    """Check one of RULE_KEYS, for a new rule or an override alike."""
    if key == "severity":
        if value in Severity.__members__.values():
            return True
        problems.add(
            where, f"severity of {rule_id!r} should be error, warning or info, not {shown(value)}"
        )
        return False
    if not isinstance(value, str):
        problems.add(where, f"{key!r} of {rule_id!r} should be text")
        return False
    return _templates_ok(rule_id, key, value, where, problems)


def _check_options(
    rule_id: str,
    kind: type[Kind],
    options: Mapping[str, Any],
    where: tuple[Any, ...],
    problems: _Problems,
    lexicons: Lexicons | None = None,
) -> None:
    """What the options' types do not say: lexicon references, the kind's cross-option
    checks, and token patterns spaCy can compile."""
    lexicons = lexicons if lexicons is not None else default_lexicons()
    for key, value in options.items():
        unknown = sorted({name for name in references(value) if name not in lexicons})
        for name in unknown:
            problems.add(
                where + (key,),
                f"option {key!r} of {rule_id!r} refers to unknown lexicon '${name}'; "
                f"known lexicons: {', '.join(sorted(lexicons))}",
            )
    for key, problem in kind.validate(options):
        problems.add(where + (key,), f"option {key!r} of {rule_id!r}: {problem}")
    for key, spec in kind.Options.specs().items():
        if spec.type == "patterns" and options.get(key) and problems.check_patterns:
            for i, pattern in enumerate(options[key]):
                invalid = pattern_problem(expand(pattern, lexicons))
                if invalid:
                    problems.add(
                        where + (key, i),
                        f"pattern {i + 1} of {rule_id!r} ({key}) is not a valid spaCy "
                        f"token pattern: {invalid}",
                    )


def _templates_ok(
    rule_id: str, key: str, value: Any, where: tuple[Any, ...], problems: _Problems
) -> bool:
    """A `message` (or each of a kind's `messages`) must be a template the linter can
    fill: only {field} names from MESSAGE_FIELDS, no positions, formats or conversions."""
    if key == "messages" and isinstance(value, Mapping):
        return all(
            [_templates_ok(rule_id, "message", v, where + (k,), problems) for k, v in value.items()]
        )
    if key != "message" or not isinstance(value, str):
        return True
    fields = ", ".join("{" + f + "}" for f in MESSAGE_FIELDS)
    try:
        parsed = list(string.Formatter().parse(value))
    except ValueError as exc:
        problems.add(
            where,
            f"message of {rule_id!r} is not a valid template ({exc}); it may use {fields}, "
            "and {{ and }} for braces",
        )
        return False
    for _, field_name, spec, conversion in parsed:
        if field_name is not None and (field_name not in MESSAGE_FIELDS or spec or conversion):
            shown = "{" + field_name + (f"!{conversion}" if conversion else "")
            shown += (f":{spec}" if spec else "") + "}"
            problems.add(
                where,
                f"message of {rule_id!r} uses {shown}; it may use {fields}, "
                "and {{ and }} for braces",
            )
            return False
    return True


def _fixes_ok(
    rule_id: str,
    value: Any,
    where: tuple[Any, ...],
    problems: _Problems,
    lexicons: Lexicons | None = None,
) -> bool:
    found = table_problems(value, lexicons if lexicons is not None else default_lexicons())
    for inner, message in found:
        problems.add(where + inner, f"fixes of {rule_id!r}: {message}")
    return not found


def _examples_ok(value: Any) -> bool:
    if not isinstance(value, dict) or set(value) - {"pass", "fail"}:
        return False
    return all(isinstance(v, list) and all(isinstance(s, str) for s in v) for v in value.values())


def _build_rule(rule_id: str, d: dict[str, Any], lexicons: Lexicons | None = None) -> Rule:
    ex = d.get("examples") or {}
    lexicons = lexicons or default_lexicons()
    options = expand(d.get("options", {}), lexicons)
    message = d.get("message", "")
    return Rule(
        id=rule_id,
        kind=d["kind"],
        severity=Severity(d.get("severity", "warning")),
        message=message,
        why=d.get("why", ""),
        options=freeze(options),
        examples=Examples(tuple(ex.get("pass", ())), tuple(ex.get("fail", ()))),
        link=d.get("link"),
        summary=d.get("summary") or _template_summary(message),
        checklist=d.get("checklist"),
        fixes=compile_table(d.get("fixes"), lexicons),
        lexicons=lexicons,
    )


def _template_summary(message: str) -> str:
    """A summary from a message template: its first clause, each {field} shown as '…'."""
    first = message.split(";")[0]
    try:
        return string.Formatter().vformat(first, (), _Ellipsis())
    except (ValueError, IndexError, KeyError):
        return first


class _Ellipsis(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "\u2026"


def _per_file(
    value: Any, rules: Mapping[str, Any], problems: _Problems
) -> list[tuple[str, frozenset[str]]]:
    if value is None:
        return []
    if not isinstance(value, dict):
        problems.add(("per_file",), "'per_file' must map a glob to {disable: [rule, ...]}")
        return []
    out = []
    for glob, setting in value.items():
        where = ("per_file", glob)
        if not isinstance(setting, dict) or set(setting) - {"disable"}:
            problems.add(where, f"per_file {glob!r} accepts only 'disable: [rule, ...]'")
            continue
        ids = setting.get("disable") or []
        if isinstance(ids, str):
            ids = [ids]
        if not isinstance(ids, list) or not all(isinstance(rid, str) for rid in ids):
            problems.add(
                where + ("disable",),
                f"per_file {glob!r}: 'disable' must be a rule id or a list of rule ids",
            )
            continue
        for rid in ids:
            if rid not in rules:
                problems.add(where + ("disable",), _unknown_rule(rid, rules))
        out.append((str(glob), frozenset(ids)))
    return out


def _str_list(data: Mapping[str, Any], key: str, problems: _Problems) -> list[str]:
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.add((key,), f"{key!r} must be a list of globs")
        return []
    return value


def shown(value: Any, limit: int = 60) -> str:
    """A value the user wrote, as it appears in an error message (long ones cut short)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _unknown_rule(rule_id: Any, rules: Mapping[str, Any]) -> str:
    return (
        f"unknown rule {rule_id!r}{did_you_mean(rule_id, rules)}; known rules: "
        f"{', '.join(sorted(rules))} (a new rule needs a 'kind')"
    )


def _unknown_option(key: Any, rule_id: str, kind: str, options: Mapping[str, Any]) -> str:
    names = ["severity", "message", "why", *options]
    return (
        f"unknown option {key!r}{did_you_mean(key, names)} for rule {rule_id!r} "
        f"(kind {kind}); expected one of {', '.join(names)}"
    )


class _Problems:
    """Collects problems with their key paths; locates them on lines at the end."""

    def __init__(self, path: Path, *, check_patterns: bool = True) -> None:
        self.path = path
        self.check_patterns = check_patterns
        self.items: list[tuple[tuple[Any, ...], str]] = []
        self.at_lines: list[tuple[int, str]] = []
        self.extra: list[ConfigProblem] = []

    def add(self, where: tuple[Any, ...], message: str) -> None:
        self.items.append((where, message))

    def add_at(self, line: int, message: str) -> None:
        """A problem found by line rather than by key (a duplicate key)."""
        self.at_lines.append((line, message))

    def raise_if_any(self, lines: Mapping[tuple[Any, ...], int]) -> None:
        if not (self.items or self.at_lines or self.extra):
            return
        located: list[tuple[int, str]] = list(self.at_lines)
        for where, message in self.items:
            key = where
            while key not in lines and key:
                key = key[:-1]
            located.append((lines.get(key, 1), message))
        located.sort(key=lambda item: item[0])  # stable: same-line problems keep their order
        out = [ConfigProblem(str(self.path), line, msg) for line, msg in located]
        raise ConfigError(out + self.extra)


def _read_yaml(path: Path, problems: _Problems) -> tuple[Any, dict[tuple[Any, ...], int]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError([ConfigProblem(str(path), None, "config file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            [ConfigProblem(str(path), None, f"cannot read config file: {exc}")]
        ) from None
    duplicates: list[tuple[int, str]] = []
    try:
        loaded = load_with_lines(text, duplicates)
    except YamlError as exc:
        raise ConfigError([ConfigProblem(str(path), exc.line, exc.message)]) from None
    for line, message in duplicates:
        problems.add_at(line, message)
    return loaded
