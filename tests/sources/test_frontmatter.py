"""Front matter: a YAML mapping at the top of a note, or a clean error."""

from __future__ import annotations

import pytest

from notelint.sources.frontmatter import FrontMatterError, find_front_matter


def test_an_impossible_date_stays_text_for_the_context_check() -> None:
    front = find_front_matter("---\ninterview_date: 2026-13-45\n---\nDear Dana,\n")
    assert front is not None and front.data == {"interview_date": "2026-13-45"}


@pytest.mark.parametrize("value", ["!!int many", "!!float x", "!!python/object:os.system ls"])
def test_values_yaml_cannot_build_are_a_front_matter_error(value: str) -> None:
    with pytest.raises(FrontMatterError, match=r"front matter is not valid YAML \(line 2\)"):
        find_front_matter(f"---\nfoo: {value}\n---\nDear Dana,\n")
