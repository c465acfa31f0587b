"""HTML: visible text only, with exact offsets into the file."""

from __future__ import annotations

from notelint.sources import note_from_text
from tests.conftest import lint


def masked(text: str) -> str:
    note = note_from_text(text, "note.html")
    assert len(note.masked) == len(note.text) == len(text)
    return note.masked


def test_tags_attributes_scripts_styles_and_comments_are_not_prose() -> None:
    text = (
        "<html><head><title>Best ever</title><style>p { color: red }</style></head>"
        '<body><p class="amazing">Dear Dana,</p><script>var best = "ever";</script>'
        "<!-- the best comment --><p title='dream job'>Thank you.</p></body></html>"
    )
    assert masked(text).split() == ["Dear", "Dana,", "Thank", "you."]


def test_words_keep_their_offsets() -> None:
    text = "<div>\n  <p>Thank you for <b>meeting</b> with me.</p>\n</div>\n"
    out = masked(text)
    for word in ("Thank", "meeting", "me."):
        assert out.index(word) == text.index(word)


def test_entities_keep_offsets_and_words_whole() -> None:
    text = "<p>Tom &amp; Jerry&nbsp;said I&rsquo;m caf&eacute; &#128512; ok</p>"
    out = masked(text)
    assert out.split() == ["Tom", "&", "Jerry", "said", "I\u2019m", "caf\u00e9", "\U0001f600", "ok"]
    assert out.index("&") == text.index("&amp;")
    assert out.index("Jerry") == text.index("Jerry")
    assert out.index("I\u2019m") == text.index("I&rsquo;m")
    assert out.index("ok") == text.index("ok")


def test_an_escaped_placeholder_is_visible_text() -> None:
    text = "<p>I enjoyed meeting the &lt;Company&gt; team.</p>"
    assert "<Company>" in masked(text)


def test_block_tags_end_lines_even_on_one_source_line() -> None:
    text = "<p>Dear Dana,</p><p>Thank you.</p><div>Best,<br>Ana</div>"
    lines = [line.strip() for line in masked(text).splitlines() if line.strip()]
    assert lines == ["Dear Dana,", "Thank you.", "Best,", "Ana"]


def test_inline_tags_do_not_split_words() -> None:
    text = "<p><b>gr</b>eat and <i>fine</i></p>"
    out = masked(text)
    assert out.split() == ["great", "and", "fine"]
    assert out.index("great") == text.index("gr")


def test_hidden_elements_are_not_prose() -> None:
    text = (
        '<p>Hello</p><span style="display: none">best preheader ever</span>'
        "<div hidden>secret</div><p>Bye</p>"
    )
    assert masked(text).split() == ["Hello", "Bye"]


def test_cr_and_crlf_line_endings_keep_positions() -> None:
    for eol in ("\r\n", "\r"):
        text = eol.join(["<p>Dear Dana,</p>", "<p>It was the best interview I have ever had.</p>"])
        found = [v for v in lint(text, "note.html") if v.rule == "hyperbole"]
        assert found
        assert found[0].line == 2
        assert text[found[0].offset : found[0].end_offset] in "the best interview I have ever had"


def test_hyperbole_in_an_attribute_or_comment_is_not_reported() -> None:
    text = (
        '<p title="the best interview I have ever had">Dear Dana,</p>'
        "<!-- the best interview I have ever had --><p>Thank you.</p>"
    )
    assert not [v for v in lint(text, "note.html") if v.rule == "hyperbole"]


def test_quotes_as_entities_keep_a_phrase_together_and_in_place() -> None:
    text = "<p>my &ldquo;dream job&rdquo; here</p>"
    out = masked(text)
    assert "\u201cdream job\u201d" in out
    assert out.index("dream") == text.index("dream")
    assert out.index("here") == text.index("here")
