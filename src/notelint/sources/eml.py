"""E-mail (.eml), read with the standard library's `email` package.

Linted: the Subject (its text, at its place in the header) and the body: the text/plain
part, or the text/html part when there is no plain one. Not linted: the other headers,
quoted replies ("> ..." lines, an "On ... wrote:" line and the quote after it, an
"-----Original Message-----" block) and a signature after the "-- " line.

Positions: when the body is stored as it is (7bit, 8bit or binary transfer encoding,
also inside a multipart message), positions point into the file. When it is
transfer-encoded (quoted-printable, base64), the note's text is the message's header
block followed by the decoded body, so lines count the body's own lines, after the
header. An encoded Subject (=?utf-8?q?...?=) is decoded in place, padded to its length.
In both cases the note's text is not the file's (`Note.extra["decoded"]`), so a fix
cannot be applied to the file.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage, MIMEPart

from notelint.sources import html
from notelint.sources.directives import Directive, comment_lines
from notelint.sources.prose import Mask, Prose

_EOL = r"(?:\r\n|\n|\r(?!\n))"
_BLANK_LINE = re.compile(_EOL + _EOL)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SUBJECT = re.compile(r"^subject:[ \t]*", re.I | re.M)
_QUOTE = re.compile(r"^[ \t]*>")
_SIGNATURE = re.compile(r"^--[ \t]?$")
_ORIGINAL = re.compile(
    r"^[ \t]*(?:-{3,}[ \t]*(?:original message|forwarded message)[ \t]*-{3,}"
    r"|_{10,})[ \t]*$",
    re.I,
)
_ATTRIBUTION = re.compile(r"^[ \t]*On\b.{0,300}?\bwrote:[ \t]*$", re.S)
_OUTLOOK_FROM = re.compile(r"^[ \t]*From:[ \t]+\S")
_OUTLOOK_NEXT = re.compile(r"^[ \t]*(?:Sent|Date|To):[ \t]", re.I)
PLAIN_ENCODINGS = ("", "7bit", "8bit", "binary")
_SURROGATE = re.compile("[\ud800-\udfff]")


def prose(text: str) -> Prose:
    # The email package cannot encode a lone surrogate (text from the API or an editor,
    # never from a file) in a header: the message is parsed from a copy with U+FFFD in
    # their place, one character for one, so that what is found in it is found in text.
    parsed = text if text.isascii() else _SURROGATE.sub("\ufffd", text)
    msg = email.message_from_string(parsed, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    blank = _BLANK_LINE.search(text)
    header_end = blank.start() + len(_line_break(text, blank.start())) if blank else len(text)
    body_start = blank.end() if blank else len(text)
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None and not msg.is_multipart() and msg.get_content_maintype() == "text":
        part = msg
    region: tuple[int, int] | None = None
    decoded: str | None = None
    if part is not None:
        cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
        if cte in PLAIN_ENCODINGS:
            region = _locate(parsed, part, msg, body_start)
        if region is None:
            try:
                decoded = part.get_content()
            except (LookupError, ValueError):
                try:
                    payload = part.get_payload(decode=True)
                except ValueError:
                    # A lone surrogate (from the API or an editor, never from a file)
                    # cannot be encoded back to decode it: the body is read as written.
                    payload = text[body_start:]
                if isinstance(payload, bytes):
                    decoded = payload.decode("utf-8", "replace")
                else:
                    decoded = payload if isinstance(payload, str) else ""
    original = text
    if decoded is not None:
        text = text[:body_start] + decoded
        region = (body_start, len(text))
    text, subject = _subject(text, header_end, str(msg.get("Subject", "")))
    mask = Mask(text)
    directives: list[Directive] = []
    problems: list[tuple[int, int, str]] = []
    if subject is not None:
        mask.keep(*subject)
    if region is not None:
        s, e = region
        assert part is not None
        if part.get_content_subtype() == "html":
            html.apply(mask, html.scan(text, s, e, email=True))
        else:
            mask.keep(s, e)
            _hide_replies(mask, s, e)
            directives, problems, spans = comment_lines(text, s, e)
            for start, end in spans:
                mask.clear(start, end)
    out = Prose(masked=mask.masked(), problems=problems, directives=directives, moved=mask.moved)
    if text != original:
        out.text = text
    return out


def _line_break(text: str, at: int) -> str:
    return "\r\n" if text.startswith("\r\n", at) else text[at]


def _locate(
    text: str, part: MIMEPart, msg: EmailMessage, body_start: int
) -> tuple[int, int] | None:
    """Where the part's body sits in the file, when it is stored as it is."""
    if part is msg:
        return body_start, len(text)
    raw = part.get_payload(decode=False)
    if not isinstance(raw, str) or not raw.strip():
        return None
    at = text.find(raw, body_start)
    return (at, at + len(raw)) if at >= 0 else None


def _subject(text: str, header_end: int, decoded: str) -> tuple[str, tuple[int, int] | None]:
    """The Subject's value span in the header (folded lines included), and the text with
    an encoded Subject (=?utf-8?q?...?=) replaced by its decoded form, padded with spaces
    to the same length and line breaks, so every offset stays the same."""
    found = _SUBJECT.search(text, 0, header_end)
    if not found:
        return text, None
    start = end = found.end()
    for line in _LINE.finditer(text, start, header_end):
        if line.start() > start and not text.startswith((" ", "\t"), line.start()):
            break
        end = line.end()
        if not line.group():
            break
    if "=?" not in text[start:end]:
        return text, (start, end)
    value = list(text[start:end])
    slots = [i for i, ch in enumerate(value) if ch not in "\r\n"]
    shown = " ".join(decoded.split())[: len(slots)]
    for k, i in enumerate(slots):
        value[i] = shown[k] if k < len(shown) else " "
    return text[:start] + "".join(value) + text[end:], (start, end)


def _hide_replies(mask: Mask, start: int, end: int) -> None:
    """Blank quoted replies and the signature in text[start:end] (a plain-text body)."""
    text = mask.text
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start, end) if m.group()]

    def content(i: int) -> str:
        s, e = lines[i]
        return text[s:e].rstrip("\r\n")

    i = 0
    while i < len(lines):
        line = content(i)
        if _SIGNATURE.match(line) or _ORIGINAL.match(line):
            mask.clear(lines[i][0], end)
            return
        if i + 1 < len(lines) and _OUTLOOK_FROM.match(line) and _OUTLOOK_NEXT.match(content(i + 1)):
            mask.clear(lines[i][0], end)
            return
        if _QUOTE.match(line):
            mask.clear(*lines[i])
            i += 1
            continue
        if line.lstrip().startswith("On "):
            # "On Tue, 24 Nov 2026, Dana Chen <dana@x.com> wrote:" (clients wrap it)
            for span in (1, 2, 3):
                if i + span > len(lines):
                    break
                joined = " ".join(content(k) for k in range(i, i + span))
                if _ATTRIBUTION.match(joined):
                    mask.clear(lines[i][0], lines[i + span - 1][1])
                    nxt = i + span
                    while nxt < len(lines) and not content(nxt).strip():
                        nxt += 1
                    if nxt < len(lines) and not _QUOTE.match(content(nxt)):
                        mask.clear(lines[i][0], end)  # the quote is not marked: all of it
                        return
                    i = nxt - 1
                    break
        i += 1
