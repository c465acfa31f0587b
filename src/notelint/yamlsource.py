"""YAML loading that remembers the line of every key, for error messages."""

from __future__ import annotations

from typing import Any

import yaml

Path_ = tuple[Any, ...]
# libyaml's parser when PyYAML has it (its wheels do): the shipped rule set is large and
# the pure-Python parser would cost a second at every start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load_with_lines(text: str) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML; return the data and a map from key path to its 1-based line.

    A key path is the tuple of mapping keys and list indices leading to a value, e.g.
    ("rules", "length", "max"). The empty path maps to line 1.
    """
    try:
        node = yaml.compose(text, Loader=_LOADER)
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
    constructor = yaml.SafeLoader("")

    def build(n: yaml.Node, path: Path_) -> Any:
        lines.setdefault(path, n.start_mark.line + 1)
        if isinstance(n, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in n.value:
                key = constructor.construct_object(key_node, deep=True)
                if isinstance(key, list | dict):
                    raise YamlError(key_node.start_mark.line + 1, "a key must be a plain value")
                lines[path + (key,)] = key_node.start_mark.line + 1
                out[key] = build(value_node, path + (key,))
            return out
        if isinstance(n, yaml.SequenceNode):
            return [build(item, path + (i,)) for i, item in enumerate(n.value)]
        return constructor.construct_object(n, deep=True)

    return build(node, ()), lines
