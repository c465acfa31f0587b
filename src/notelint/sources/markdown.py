"""Markdown (.md, .markdown), parsed with markdown-it-py (CommonMark, plus tables and
strikethrough): only the prose a reader sees is kept.

Blanked: code spans and blocks, HTML comments and tags, link targets (the URL of
[text](url), reference definitions, autolinks), images, and markup characters (heading
#, list markers, emphasis, backslashes of escapes, table pipes). "**great**" is the word
"great" at the offset of its first letter. Tags that are not HTML elements ("<Company>")
stay, as they are template placeholders. HTML comments may hold suppression directives.

markdown-it reports blocks by line and inline content as strings, so each inline
token's text is found again in the source, in order, from where the previous one ended.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from notelint.sources import html
from notelint.sources.directives import Directive, parse_comment
from notelint.sources.prose import Mask, Piece, Prose

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_FENCE_LIKE = ("fence", "code_block")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # text_join would merge entities and escapes into the text around them, and their
    # source would then no longer be found; keep them apart.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


def prose(text: str) -> Prose:
    # markdown-it turns CRLF and CR into LF: give it a copy of the same length.
    src = text.replace("\r\n", " \n").replace("\r", "\n").replace("\0", "\ufffd")
    starts = [0] + [m.end() for m in re.finditer("\n", src)]
    mask = Mask(text)
    directives: list[Directive] = []
    problems: list[tuple[int, int, str]] = []
    cursor = 0

    def line_start(line: int) -> int:
        return starts[line] if line < len(starts) else len(src)

    for token in _parser().parse(src):
        if token.map is not None:
            block_start = line_start(token.map[0])
            if token.type == "list_item_open":
                # The marker is blanked; a line break in its place keeps the item a
                # sentence of its own, as the bullet did. (Headings keep their line.)
                marker = block_start + len(src[block_start:]) - len(src[block_start:].lstrip())
                mask.line_break(marker)
        if token.type == "inline" and token.map is not None:
            start = max(cursor, line_start(token.map[0]))
            cursor = _inline(token, src, start, mask, directives, problems)
        elif token.type == "html_block" and token.map is not None:
            s, e = line_start(token.map[0]), line_start(token.map[1])
            found, trouble = html.apply(mask, html.scan(text, s, e, keep_unknown=True))
            directives += found
            problems += trouble
            cursor = max(cursor, e)
        elif token.type in _FENCE_LIKE and token.map is not None:
            cursor = max(cursor, line_start(token.map[1]))
    return Prose(masked=mask.masked(), problems=problems, directives=directives, moved=mask.moved)


_JOINS_LINK_TEXT = frozenset(".,;:!?'\")\u2019\u201d")


def _inline(
    token: Token,
    src: str,
    pos: int,
    mask: Mask,
    directives: list[Directive],
    problems: list[tuple[int, int, str]],
) -> int:
    pieces: list[Piece] = []
    autolink = False
    for child in token.children or []:
        kind = child.type
        if autolink:
            if kind == "link_close":
                autolink = False
            continue
        if kind == "text":
            if not child.content:
                continue
            at = src.find(child.content, pos)
            if at < 0:
                continue
            pieces += [(ch, at + i, at + i + 1) for i, ch in enumerate(child.content)]
            pos = at + len(child.content)
        elif kind == "text_special":  # an escape (\*) or an entity (&amp;)
            at = src.find(child.markup, pos)
            if at < 0:
                continue
            end = at + len(child.markup)
            if child.info == "escape":
                pieces.append((child.content, at + 1, end))
            elif child.content.isspace():
                pieces.append((" ", at, at))
            else:
                pieces.append((child.content[0], at, end))
                pieces += [(ch, end, end) for ch in child.content[1:]]
            pos = end
        elif kind in ("softbreak", "hardbreak"):
            at = src.find("\n", pos)
            if at >= 0:
                pieces.append(("\n", at, at + 1))
                pos = at + 1
        elif kind == "code_inline":
            at = src.find(child.markup, pos)
            if at < 0:
                continue
            close = _closing_run(src, at + len(child.markup), child.markup)
            pieces.append((" ", at, at))
            pos = close + len(child.markup)
        elif kind == "link_open":
            if child.markup == "autolink":
                at = src.find("<", pos)
                close = src.find(">", at) if at >= 0 else -1
                autolink = True
                if close >= 0:
                    pieces.append((" ", at, at))
                    pos = close + 1
            else:
                at = src.find("[", pos)
                if at >= 0:
                    pos = at + 1
        elif kind == "link_close":
            at = src.find("]", pos)
            if at >= 0:
                pos = _skip_target(src, at + 1)
                # Punctuation right after a link joins its text ("[the gist](u)." reads
                # "the gist."); anything else starts a new word where it is, so that
                # "[a](u)thx" is not reported, and fixed, over the blanked target.
                if src[pos : pos + 1] not in _JOINS_LINK_TEXT:
                    pieces.append((" ", pos, pos))
        elif kind == "image":
            at = src.find("![", pos)
            if at < 0:
                continue
            close = _matching(src, at + 1, "[", "]")
            pieces.append((" ", at, at))
            pos = _skip_target(src, close + 1) if close >= 0 else at + 2
        elif kind == "html_inline":
            at = src.find(child.content, pos)
            if at < 0:
                continue
            end = at + len(child.content)
            pos = end
            if child.content.startswith("<!--"):
                directive, trouble = parse_comment(mask.text, at, end)
                problems.extend(trouble)
                if directive is not None:
                    directives.append(directive)
                pieces.append((" ", at, at))
                continue
            tag = _HTML_TAG.match(child.content)
            if tag and tag.group(1).lower() in html.KNOWN:
                if tag.group(1).lower() not in html.INLINE:
                    pieces.append((" ", at, at))
                continue
            # Not an HTML element: a placeholder such as <Company>; it is prose.
            pieces += [(ch, at + i, at + i + 1) for i, ch in enumerate(child.content)]
        elif child.markup:  # emphasis, strong, strikethrough: skip the marker
            at = src.find(child.markup, pos)
            if at >= 0:
                pos = at + len(child.markup)
    mask.place(pieces)
    return pos


def _closing_run(src: str, start: int, run: str) -> int:
    """Where the backtick run that closes a code span starts (exactly as long)."""
    pattern = re.compile(r"(?<!`)" + re.escape(run) + r"(?!`)")
    found = pattern.search(src, start)
    return found.start() if found else start


def _matching(src: str, start: int, opening: str, closing: str) -> int:
    """Offset of the bracket that closes the one at src[start], or -1."""
    depth = 0
    i = start
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _skip_target(src: str, at: int) -> int:
    """After a link's text: past its "(destination "title")" or "[label]", if any."""
    if src.startswith("(", at):
        i, depth, quote = at, 0, ""
        while i < len(src):
            ch = src[i]
            if ch == "\\":
                i += 2
                continue
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'" and src[i - 1] in " \t\n":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return at
    if src.startswith("[", at):
        close = _matching(src, at, "[", "]")
        return close + 1 if close >= 0 else at
    return at
