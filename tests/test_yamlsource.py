"""YAML with key lines: values YAML cannot build are clean errors, never tracebacks."""

from __future__ import annotations

import pytest

from notelint.yamlsource import YamlError, load_with_lines


def test_lines_of_keys() -> None:
    data, lines = load_with_lines("a: 1\nb:\n  c: [x, y]\n")
    assert data == {"a": 1, "b": {"c": ["x", "y"]}}
    assert lines[("b", "c")] == 3


def test_an_impossible_date_stays_text_for_the_caller_to_judge() -> None:
    data, _ = load_with_lines("interview_date: 2026-13-45\n")
    assert data == {"interview_date": "2026-13-45"}


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\nb: !!python/object:os.system ls\n", 2),
        ("a: 1\n\nb: !!int many\n", 3),
        ("rules: &a\n  length: *a\n", 2),
    ],
)
def test_values_yaml_cannot_build_are_errors_with_a_line(text: str, line: int) -> None:
    with pytest.raises(YamlError) as info:
        load_with_lines(text)
    assert info.value.line == line
    assert info.value.message.startswith("not valid YAML: ")
