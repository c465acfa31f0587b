"""Markdown: only the prose a reader sees is linted, at its exact offsets."""

from __future__ import annotations

from notelint.sources import note_from_text
from tests.conftest import lint


def masked(text: str) -> str:
    note = note_from_text(text, "note.md")
    assert len(note.masked) == len(note.text) == len(text)
    return note.masked


def words(text: str) -> list[str]:
    return masked(text).split()


def test_markup_characters_are_blanked_and_words_keep_their_offsets() -> None:
    text = "It was **great** and _calm_ and ~~odd~~.\n"
    out = masked(text)
    assert out.split() == ["It", "was", "great", "and", "calm", "and", "odd."]
    assert out.index("great") == text.index("great")
    assert out.index("calm") == text.index("calm")


def test_heading_and_list_markers_are_blanked_and_items_stay_on_their_lines() -> None:
    text = "# Thank you\n\n- first item\n- second item\n1. third\n"
    out = masked(text)
    assert "#" not in out and "-" not in out and "1." not in out
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    assert lines == ["Thank you", "first item", "second item", "third"]
    assert out.index("second") == text.index("second")


def test_code_spans_and_blocks_are_not_prose() -> None:
    text = (
        "I use `the best tool ever` daily.\n\n"
        "```\nthe best interview I have ever had\n```\n\n"
        "    indented best code\n\nDone.\n"
    )
    assert words(text) == ["I", "use", "daily.", "Done."]


def test_link_targets_and_reference_definitions_are_not_prose() -> None:
    text = (
        'See [my portfolio](https://example.com/amazing "Amazing title") and '
        "[the blog][b] and <https://example.com/x>.\n\n[b]: https://example.com/best\n"
    )
    out = masked(text)
    assert out.split() == ["See", "my", "portfolio", "and", "the", "blog", "and", "."]
    assert out.index("portfolio") == text.index("portfolio")
    assert "example" not in out


def test_text_right_after_a_link_stays_where_it_is() -> None:
    # Drawn back over the blanked target, the text would be reported (and fixed) at
    # the wrong offsets: the fuzz run found a fix that deleted other characters.
    text = "[link](http://x)thx and [Acme](http://a.com)'s [gist](http://g).\n"
    out = masked(text)
    assert out.index("thx") == text.index("thx")
    # ...but punctuation joins the link's text, as a reader sees it.
    assert out.split() == ["link", "thx", "and", "Acme's", "gist."]
    (found,) = [v for v in lint(text, "note.md") if v.rule == "informal"]
    assert text[found.offset : found.end_offset] == "thx"


def test_images_and_html_comments_and_tags_are_not_prose() -> None:
    text = "Hi ![amazing logo](logo.png) there <!-- a comment --> <b>bold</b>\n"
    assert words(text) == ["Hi", "there", "bold"]


def test_placeholders_that_look_like_tags_stay_prose() -> None:
    text = "I enjoyed meeting the <Company> team.\n\nBest,\n<Your Name>\n"
    out = masked(text)
    assert "<Company>" in out and "<Your Name>" in out
    assert out.index("<Company>") == text.index("<Company>")


def test_escapes_and_entities_keep_words_whole() -> None:
    text = "A \\*star\\* and Tom &amp; Jerry; I&rsquo;m glad.\n"
    out = masked(text)
    assert "amp" not in out and "rsquo" not in out
    assert "I\u2019m" in out
    assert out.index("I\u2019m") == text.index("I&rsquo;m")
    assert out.index("Jerry") == text.index("Jerry")


def test_front_matter_is_not_prose() -> None:
    text = "---\ncompany: Acme\n---\nDear Dana,\n"
    assert words(text) == ["Dear", "Dana,"]


def test_crlf_and_cr_keep_offsets() -> None:
    for eol in ("\r\n", "\r"):
        text = eol.join(["# Title", "", "Some **bold** text.", "And `code` here", ""])
        out = masked(text)
        assert out.index("bold") == text.index("bold")
        assert out.index("here") == text.index("here")
        assert "code" not in out
        assert [i for i, c in enumerate(out) if c in "\r\n"] == [
            i for i, c in enumerate(text) if c in "\r\n"
        ]
        # A wrapped line's break is shown as spaces, at the same offsets.
        wrapped = masked(eol.join(["Some **bold** text", "and more", ""]))
        assert wrapped.split() == ["Some", "bold", "text", "and", "more"]
        assert [i for i, c in enumerate(wrapped) if c in "\r\n"] == [
            len(wrapped) - len(eol) + k for k in range(len(eol))
        ]


def test_tables_keep_cell_text() -> None:
    text = "| data | a |\n|---|---|\n| best | b |\n"
    out = masked(text)
    assert "|" not in out and "---" not in out
    assert out.split() == ["data", "a", "best", "b"]
    assert out.index(" a ") == text.index(" a ")


def test_blockquote_and_nested_list_text() -> None:
    text = "> quoted *words* here\n> second line\n\n- outer\n  - inner **item**\n"
    out = masked(text)
    assert out.split() == ["quoted", "words", "here", "second", "line", "outer", "inner", "item"]
    assert out.index("inner") == text.index("inner")


def test_hyperbole_in_emphasis_is_found_at_its_column() -> None:
    text = "Dear Dana,\n\nIt was **the best interview I have ever had**.\n"
    found = [v for v in lint(text, "note.md") if v.rule == "hyperbole"]
    assert found
    v = found[0]
    flagged = text[v.offset : v.end_offset]
    assert "*" not in flagged and flagged in "the best interview I have ever had"
    assert (v.line, v.column) == (3, v.offset - text.index("It was") + 1)


def test_hyperbole_in_code_or_link_target_is_not_reported() -> None:
    text = (
        "Dear Dana,\n\nMy script is `the_best_ever.py` and it is on "
        "[GitHub](https://example.com/the-best-interview-i-have-ever-had).\n"
    )
    assert not [v for v in lint(text, "note.md") if v.rule == "hyperbole"]
