"""HTML (.html, .htm, and the HTML body of an e-mail): visible text only.

Tags, attributes, comments, scripts, styles, the document head and hidden elements are
blanked. Entities keep exact offsets: "&amp;" shows as "&" at the entity's first
character; a word holding an entity ("I&rsquo;m") is written whole from its first
character, so it stays one word that starts at its exact offset. Block tags (p, div, br,
li, headings) end a line in the prose even when the source runs them together.
Comments may hold suppression directives (see directives.py).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from notelint.sources.directives import Directive, parse_comment
from notelint.sources.prose import Mask, Piece, Prose


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Elements that do not break a word or a line.
INLINE = _names(
    "a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span "
    "strike strong sub sup time tt u var wbr"
)
# Elements that start a new paragraph (a blank line) rather than a new line.
PARAGRAPH = _names(
    "p h1 h2 h3 h4 h5 h6 ul ol dl table blockquote pre hr section article header footer "
    "main aside nav figure address form fieldset"
)
# Elements whose content a reader never sees.
HIDDEN = _names("head title script style template noscript svg math object")
VOID = _names("area base br col embed hr img input link meta param source track wbr")
KNOWN = (
    INLINE
    | PARAGRAPH
    | HIDDEN
    | VOID
    | _names(
        "html body div li dt dd tr td th thead tbody tfoot caption colgroup center "
        "details summary label button select option textarea iframe video audio canvas "
        "picture map legend output progress meter dialog menu ruby rt rp big blink"
    )
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)
# Quoted replies and signatures in HTML e-mail (Gmail, Thunderbird, Outlook, Apple Mail).
_EMAIL_HIDDEN_CLASS = re.compile(
    r"\b(?:gmail_quote|gmail_signature|moz-cite-prefix|moz-signature|"
    r"OutlookMessageHeader|x_gmail_quote)\b",
    re.I,
)


@dataclass
class Scan:
    """What a scan of HTML found: the visible characters and the comments."""

    pieces: list[Piece] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self, text: str, base: int, keep_unknown: bool, email: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.src = text
        self.base = base
        self.keep_unknown = keep_unknown
        self.email = email
        # HTMLParser counts lines by "\n" only; so do we, which keeps CR and CRLF exact.
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.scan = Scan()
        self.hidden: list[str] = []
        self.pending = 0  # line breaks owed before the next visible text
        self.pending_at = -1
        self.last_visible = -1  # end of the last visible text; -1: none yet

    # -- positions -------------------------------------------------------------------
    def _here(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def _owe(self, at: int, count: int) -> None:
        if self.pending_at < 0:
            self.pending_at = at
        self.pending = max(self.pending, count)

    def _visible(self, start: int, pieces: list[Piece]) -> None:
        if not pieces:
            return
        if all(c.isspace() for c, _, _ in pieces):
            self.scan.pieces.extend(pieces)
            return
        if self.pending and self.last_visible < 0:
            self.pending, self.pending_at = 0, -1
        if self.pending:
            gap = self.src[self.last_visible : start]
            have = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
            at = self.base + self.pending_at
            # Line breaks over the block tag's "<" (a tag has at least 3 characters), or
            # just a word break when the source already has them.
            need = max(self.pending - have, 0)
            self.scan.pieces.extend(("\n", at + i, at + i + 1) for i in range(need))
            self.scan.pieces.append((" ", at, at))
            self.pending, self.pending_at = 0, -1
        self.scan.pieces.extend(pieces)
        self.last_visible = pieces[-1][2] - self.base

    def _text(self, start: int, raw: str) -> None:
        b = self.base + start
        self._visible(start, [(ch, b + i, b + i + 1) for i, ch in enumerate(raw)])

    # -- events ----------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._here()
        raw = self.get_starttag_text() or ""
        if self.hidden:
            if tag == self.hidden[-1] and tag not in VOID:
                self.hidden.append(tag)
            return
        if tag not in KNOWN:
            if self.keep_unknown:
                self._text(at, raw)  # "<Company>" in Markdown is a placeholder, not a tag
            return
        values = dict(attrs)
        if tag in HIDDEN or "hidden" in values or _HIDDEN_STYLE.search(values.get("style") or ""):
            if tag not in VOID:
                self.hidden.append(tag)
            return
        if self.email and (
            tag == "blockquote" or _EMAIL_HIDDEN_CLASS.search(values.get("class") or "")
        ):
            self.hidden.append(tag)
            return
        self._tag(tag, at)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.hidden:
            at = self._here()
            if tag in KNOWN:
                self._tag(tag, at)
            elif self.keep_unknown:
                self._text(at, self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        at = self._here()
        if self.hidden:
            if tag in self.hidden:
                while self.hidden and self.hidden.pop() != tag:
                    pass
            return
        if tag not in KNOWN:
            if self.keep_unknown:
                end = self.src.find(">", at)
                self._text(at, self.src[at : end + 1 if end >= 0 else len(self.src)])
            return
        self._tag(tag, at)

    def _tag(self, tag: str, at: int) -> None:
        if tag in INLINE:
            return
        self._owe(at, 2 if tag in PARAGRAPH else 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self._text(self._here(), data)

    def _entity(self, prefix: str, name: str) -> None:
        if self.hidden:
            return
        at = self._here()
        end = at + len(prefix) + len(name)
        if self.src.startswith(";", end):
            end += 1
        source = self.src[at:end]
        decoded = html.unescape(source)
        if decoded == source:  # not an entity after all: show it as it is
            self._text(at, source)
            return
        b = self.base
        pieces: list[Piece] = [(decoded[0], b + at, b + end)]
        pieces += [(ch, b + end, b + end) for ch in decoded[1:]]
        self._visible(at, [(" ", s, e) if c.isspace() else (c, s, e) for c, s, e in pieces])

    def handle_entityref(self, name: str) -> None:
        self._entity("&", name)

    def handle_charref(self, name: str) -> None:
        self._entity("&#", name)

    def handle_comment(self, data: str) -> None:
        at = self._here()
        self.scan.comments.append((self.base + at, self.base + at + len(data) + 7))


# Python's parser raises AssertionError on "<![" followed by anything but a keyword it
# knows ("<![Dear Ms. Chen,"); such a "<" is fed to it as a space (one character for
# one), so the rest reads as text. Outlook's "<![if !supportLists]>" stays markup.
_BAD_MARKED_SECTION = re.compile(
    r"<!\[(?!(?i:temp|cdata|ignore|include|rcdata|if|else|endif)(?![-_.a-zA-Z0-9]))"
)


def scan(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    keep_unknown: bool = False,
    email: bool = False,
) -> Scan:
    """Scan text[start:end] as HTML; offsets in the result are offsets into text.

    keep_unknown shows tags that are not HTML elements ("<Company>", "<Your Name>") as
    text, for Markdown, where they are placeholders; email hides quoted replies and
    signatures (blockquote, gmail_quote, ...).
    """
    end = len(text) if end is None else end
    scanner = _Scanner(text[start:end], start, keep_unknown, email)
    scanner.feed(_BAD_MARKED_SECTION.sub(" ![", text[start:end]))
    scanner.close()
    return scanner.scan


def apply(mask: Mask, found: Scan) -> tuple[list[Directive], list[tuple[int, int, str]]]:
    """Show what a scan found in a mask; return the directives in its comments."""
    mask.place(found.pieces)
    directives: list[Directive] = []
    problems: list[tuple[int, int, str]] = []
    for s, e in found.comments:
        directive, trouble = parse_comment(mask.text, s, e)
        problems.extend(trouble)
        if directive is not None:
            directives.append(directive)
    return directives, problems


def prose(text: str, *, email: bool = False) -> Prose:
    mask = Mask(text)
    directives, problems = apply(mask, scan(text, email=email))
    return Prose(masked=mask.masked(), problems=problems, directives=directives, moved=mask.moved)
