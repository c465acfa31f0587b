"""E-mail: the Subject and the body a reader sees, not headers, quotes or signatures."""

from __future__ import annotations

import base64
import quopri

from notelint.config import default_ruleset
from notelint.linter import Linter
from notelint.sources import note_from_bytes, note_from_text
from tests.conftest import lint

LINTER = Linter(default_ruleset())

HEADERS = (
    "From: Ana Lopez <ana@example.com>\n"
    "To: Dana Chen <dana@example.com>\n"
    "Subject: Thank you for the interview\n"
    "Date: Tue, 24 Nov 2026 09:00:00 +0000\n"
    "MIME-Version: 1.0\n"
)
BODY = (
    "Dear Ms. Chen,\n\n"
    "Thank you for meeting with me. It was the best interview I have ever had.\n\n"
    "On Mon, 23 Nov 2026 at 17:02, Dana Chen <dana@example.com> wrote:\n"
    "> We were so excited to meet you, best candidate ever!\n"
    ">\n"
    "> Dana\n\n"
    "Best regards,\nAna\n"
    "-- \n"
    "Ana Lopez | The best designer in the world | ana@example.com\n"
)
PLAIN = (
    HEADERS + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + BODY
)


def test_subject_and_body_are_prose_other_headers_are_not() -> None:
    note = note_from_text(PLAIN, "note.eml")
    out = note.masked
    assert note.text == PLAIN and len(out) == len(PLAIN)
    assert "From" not in out and "example.com" not in out and "Subject" not in out
    assert out.index("Thank you for the interview") == PLAIN.index("Thank you for the interview")
    assert out.index("It was the best") == PLAIN.index("It was the best")


def test_quoted_reply_attribution_and_signature_are_not_prose() -> None:
    out = note_from_text(PLAIN, "note.eml").masked
    assert "wrote" not in out and "excited" not in out and "Dana\n" not in out[len(HEADERS) :]
    assert "designer" not in out
    assert "Best regards," in out and out.rstrip().endswith("Ana")


def test_positions_point_into_the_file_when_the_body_is_not_encoded() -> None:
    found = [v for v in lint(PLAIN, "note.eml") if v.rule == "hyperbole"]
    assert len(found) == 1  # not the quoted "best candidate ever", not the signature
    line = PLAIN.splitlines()[found[0].line - 1]
    assert line.startswith("Thank you for meeting with me. It was the best")
    assert line[found[0].column - 1 :].startswith(PLAIN[found[0].offset : found[0].end_offset])


def test_crlf_message() -> None:
    crlf = PLAIN.replace("\n", "\r\n")
    note = note_from_text(crlf, "note.eml")
    assert note.masked.index("It was the best") == crlf.index("It was the best")
    assert "excited" not in note.masked and "example.com" not in note.masked
    assert note.masked.index("Thank you for the") == crlf.index("Thank you for the")


def test_unmarked_quote_after_wrote_line_is_not_prose() -> None:
    body = "Dear Dana,\n\nThanks.\n\nOn Monday, Dana Chen wrote:\nWe are thrilled, best day ever!\n"
    text = HEADERS + "Content-Type: text/plain\n\n" + body
    out = note_from_text(text, "note.eml").masked
    assert "thrilled" not in out and "Thanks." in out


def test_outlook_original_message_block_is_not_prose() -> None:
    body = "Dear Dana,\n\nThanks.\n\n-----Original Message-----\nFrom: Dana\nBest ever!\n"
    out = note_from_text(HEADERS + "\n" + body, "note.eml").masked
    assert "Best ever" not in out and "Thanks." in out


def _multipart(plain: bytes, plain_cte: str, html: str | None = None) -> bytes:
    parts = [
        b"--XYZ\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
        + plain_cte.encode()
        + b"\n\n"
        + plain
        + b"\n"
    ]
    if html is not None:
        parts.append(b"--XYZ\nContent-Type: text/html; charset=utf-8\n\n" + html.encode() + b"\n")
    head = HEADERS.encode() + b'Content-Type: multipart/alternative; boundary="XYZ"\n\n'
    return head + b"".join(parts) + b"--XYZ--\n"


def test_multipart_quoted_printable_is_decoded_and_lines_are_the_body_lines() -> None:
    body = (
        "Dear Ms. Chen,\n\nI\u2019m grateful. " + "It was the best interview I have ever had. " * 3
    )
    data = _multipart(quopri.encodestring(body.encode()), "quoted-printable", "<p>ignored</p>")
    assert b"=E2=80=99" in data and b"=\n" in data  # really encoded, with soft breaks
    note = note_from_bytes(data, "note.eml")
    assert note.extra.get("decoded") is True
    assert "I\u2019m grateful." in note.masked and "ignored" not in note.masked
    header_lines = HEADERS.count("\n") + 2  # + Content-Type, + the blank line
    found = [v for v in LINTER.lint_notes([note]) if v.rule == "hyperbole"]
    assert found and {v.line for v in found} == {header_lines + 3}
    subject = note.text.index("Thank you for the interview")
    assert note.masked.index("Thank you for the interview") == subject


def test_multipart_with_an_unencoded_plain_part_points_into_the_file() -> None:
    body = b"Dear Ms. Chen,\n\nIt was the best interview I have ever had."
    data = _multipart(body, "8bit", "<p>other</p>")
    note = note_from_bytes(data, "note.eml")
    assert note.text == data.decode()
    at = note.text.index("It was the best")
    assert note.masked.index("It was the best") == at
    assert "other" not in note.masked and "XYZ" not in note.masked


def test_html_body_when_there_is_no_plain_part() -> None:
    html = (
        "<html><body><p>Dear Dana,</p><p>It was <b>great</b>.</p>"
        "<blockquote>best ever</blockquote></body></html>"
    )
    text = HEADERS + "Content-Type: text/html; charset=utf-8\n\n" + html + "\n"
    out = note_from_text(text, "note.eml").masked
    assert out.index("great") == text.index("great")
    assert "best ever" not in out and "<p>" not in out


def test_base64_body_is_decoded() -> None:
    body = "Dear Dana,\n\nIt was the best interview I have ever had.\n"
    text = (
        HEADERS
        + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(body.encode()).decode()
    )
    note = note_from_text(text, "note.eml")
    assert note.text.endswith(body) and "best interview" in note.masked


def test_encoded_subject_is_decoded_at_its_place() -> None:
    text = (
        "From: a@example.com\nSubject: =?utf-8?q?Merci_beaucoup_=E2=80=93_caf=C3=A9?=\n"
        "Content-Type: text/plain\n\nHello.\n"
    )
    note = note_from_text(text, "note.eml")
    at = text.index("=?utf-8")
    assert note.masked[at:].startswith("Merci beaucoup \u2013 caf\u00e9")
    assert note.text[at:].startswith("Merci beaucoup \u2013 caf\u00e9")
    assert len(note.masked) == len(note.text) == len(text)
    assert note.text.index("Hello.") == text.index("Hello.")
    assert note.extra["decoded"] is True


def test_latin1_8bit_message_is_read() -> None:
    data = (
        b"From: a@example.com\nSubject: Merci\nContent-Type: text/plain; charset=iso-8859-1\n"
        b"Content-Transfer-Encoding: 8bit\n\nCaf\xe9 au lait.\n"
    )
    note = note_from_bytes(data, "note.eml")
    assert "Caf\u00e9 au lait." in note.masked
