"""Every reader survives arbitrary bytes: a clean SourceError or a well-formed Note."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notelint.config import default_ruleset
from notelint.linter import Linter
from notelint.sources import SourceError, note_from_bytes

LINTER = Linter(default_ruleset())
PIECES = st.sampled_from(
    [
        b"Subject: =?utf-8?q?Thanks=21?=\r\n",
        b"Content-Type: multipart/alternative; boundary=XX\r\n",
        b"--XX\r\n",
        b"Content-Transfer-Encoding: quoted-printable\r\n",
        b"Content-Transfer-Encoding: base64\r\n",
        b"\r\n",
        b"> quoted\n",
        b"On Mon, Dana wrote:\n",
        b"-- \n",
        b"=C3=A9=\r\n",
        b"<html><body><p>",
        b"</p><script>x</script>",
        b"&amp;&#x1F600;&bogus;",
        b"<!-- notelint-disable -->",
        b"---\ncompany: Acme\n---\n",
        b"PK\x03\x04",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
    ]
)
DATA = st.lists(st.one_of(PIECES, st.binary(max_size=10)), max_size=30).map(b"".join)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(DATA, st.sampled_from(["n.eml", "n.html", "n.md", "n.docx", "n.txt"]))
def test_readers_never_crash(data: bytes, name: str) -> None:
    try:
        note = note_from_bytes(data, name)
    except SourceError:
        return
    assert len(note.masked) == len(note.text)
    for v in LINTER.lint_notes([note]):
        assert 0 <= v.offset <= v.end_offset <= len(note.text)
