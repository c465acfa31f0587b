"""YAML loading that remembers the line of every key, for error messages."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

Path_ = tuple[Any, ...]
_SURROGATE = re.compile("[\ud800-\udfff]")


@functools.cache
def _yaml() -> tuple[Any, Any]:
    """PyYAML, imported on the first YAML to read (a run whose rule set comes from the
    cache and whose notes have no front matter reads none; importing it took 12 ms):
    the parser, and the constructor class."""
    import yaml

    class LenientSafeLoader(yaml.SafeLoader):
        """SafeLoader that keeps a date-like value YAML cannot build ("2026-13-45") as
        text, so the code that wants a date can say what is wrong with it."""

    def timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    LenientSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", timestamp_or_text)
    # libyaml's parser when PyYAML has it (its wheels do): the shipped rule set is large
    # and the pure-Python parser would cost a second at every start.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader), LenientSafeLoader


class YamlError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load_with_lines(
    text: str, duplicates: list[tuple[int, str]] | None = None
) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML; return the data and a map from key path to its 1-based line.

    A key path is the tuple of mapping keys and list indices leading to a value, e.g.
    ("rules", "length", "max"). The empty path maps to line 1.

    A key given twice in one mapping (YAML allows it, and the last one would silently
    win) is an error: appended to `duplicates` as (line, message) when a list is given,
    else raised as a YamlError.
    """
    half = _SURROGATE.search(text)
    if half:  # only from the API or an editor: a file is decoded first; libyaml would crash
        line = text.count("\n", 0, half.start()) + 1
        code = f"U+{ord(half.group()):04X}"
        raise YamlError(line, f"not valid YAML: {code} is half a character (a lone surrogate)")
    import yaml

    loader, lenient = _yaml()
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        context_mark = getattr(exc, "context_mark", None)
        if context and context_mark is not None and context_mark.line + 1 != line:
            problem += f" ({context} that starts on line {context_mark.line + 1})"
        raise YamlError(line, f"not valid YAML: {problem}") from None
    lines: dict[Path_, int] = {(): 1}
    if node is None:
        return None, lines
    constructor = lenient("")
    open_nodes: set[int] = set()  # the collections being built: an alias to one is a loop

    def scalar(n: yaml.Node) -> Any:
        try:
            return constructor.construct_object(n, deep=True)
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            problem = getattr(exc, "problem", None) or str(exc)
            raise YamlError(n.start_mark.line + 1, f"not valid YAML: {problem}") from None

    def build(n: yaml.Node, path: Path_) -> Any:
        lines.setdefault(path, n.start_mark.line + 1)
        if isinstance(n, yaml.MappingNode | yaml.SequenceNode):
            if id(n) in open_nodes:
                raise YamlError(lines[path], "not valid YAML: an alias refers to its own parent")
            open_nodes.add(id(n))
            try:
                return build_collection(n, path)
            finally:
                open_nodes.discard(id(n))
        return scalar(n)

    def build_collection(n: yaml.Node, path: Path_) -> Any:
        if isinstance(n, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in n.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlError(key_node.start_mark.line + 1, "a key must be a plain value")
                key = scalar(key_node)
                line = key_node.start_mark.line + 1
                if key in out:
                    first = lines[path + (key,)]
                    problem = (
                        f"duplicate key {key!r} (first on line {first}); "
                        "merge the two into one entry"
                    )
                    if duplicates is None:
                        raise YamlError(line, problem)
                    duplicates.append((line, problem))
                    continue
                lines[path + (key,)] = line
                out[key] = build(value_node, path + (key,))
            return out
        return [build(item, path + (i,)) for i, item in enumerate(n.value)]

    return build(node, ()), lines
